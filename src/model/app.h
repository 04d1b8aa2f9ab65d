// The App model: one normalized application between loaders and generators.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "model/origin.h"
#include "model/service.h"
#include "model/volume.h"

namespace berth::model {

struct Network {
  std::string key;
  std::string name; // `name:` override
  std::string driver;
  std::map<std::string, std::string> driver_opts;
  bool external = false;
  bool internal = false;
  std::optional<bool> attachable;
  std::optional<bool> enable_ipv6;
  yaml::Node ipam; // verbatim; null when not given
  std::map<std::string, std::string> labels;
  Origin at;
  friend bool operator==(const Network&, const Network&) = default;
};

// A top-level secret or config: where its content comes from.
struct FileObject {
  std::string key;
  std::string name;        // `name:` override
  std::string file;        // absolute path
  std::string environment; // variable holding the content
  std::string content;     // inline content (configs)
  bool external = false;
  std::map<std::string, std::string> labels;
  Origin at;
  friend bool operator==(const FileObject&, const FileObject&) = default;
};

struct App {
  std::string name;
  std::string project_directory;
  std::vector<Service> services; // in file order
  std::vector<Volume> volumes;
  std::vector<Network> networks;
  std::vector<FileObject> secrets;
  std::vector<FileObject> configs;
  yaml::Node extensions = yaml::Node::mapping(); // top-level x-* keys, verbatim
  std::vector<Dropped> not_representable;        // top-level keys/sub-keys not expressible
  std::vector<std::string> warnings; // loader/model notes; not part of equality

  const Service* service(std::string_view name) const;
  const Volume* volume(std::string_view key) const;
  // Content equality: everything but warnings and origins (round-trip property).
  friend bool operator==(const App& a, const App& b);
};

} // namespace berth::model
