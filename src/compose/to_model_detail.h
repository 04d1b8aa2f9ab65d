// Internals of the Compose → model step shared by its source files (not a public interface).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "compose/load.h"
#include "model/app.h"
#include "model/yaml_read.h"

namespace berth::compose::detail {

using yaml::Node;

// Reads the keys of one mapping; keys nobody asked for become not_representable entries with
// their path, so nothing is dropped silently and `berth config` can print them back.
class Fields {
public:
  Fields(const Node& map, std::vector<std::string> path, std::vector<model::Dropped>& sink);
  // The value, or nullptr when absent or null. Marks the key as used.
  const Node* get(std::string_view key);
  // "services.web.deploy.replicas" style path for error messages.
  std::string path(std::string_view key) const;
  const std::vector<std::string>& segments() const { return path_; }
  // Records every unused, non-null key with `reason` (x-* keys get an extension note).
  void finish(std::string_view reason);

private:
  const Node& map_;
  std::vector<std::string> path_;
  std::vector<model::Dropped>& sink_;
  std::vector<bool> used_;
};

std::string join_path(const std::vector<std::string>& segments);

std::int64_t read_duration(const Node& n, std::string_view path);
std::int64_t read_bytes(const Node& n, std::string_view path);
std::int64_t read_cpus(const Node& n, std::string_view path);
model::Command read_command(const Node& n, std::string_view path);
model::OptionalPairs read_optional_pairs(const Node& n, std::string_view path);

struct Context {
  const LoadedProject& project;
};

// Per-key readers (to_model_service.cpp / to_model_runtime.cpp).
void read_build(model::Service& s, const Node& n, const std::string& path);
void read_environment(model::Service& s, const Node* env, const Node* env_file,
                      const std::string& path, const Context& ctx);
std::vector<model::Hook> read_hooks(model::Service& s, const Node& n, const std::string& key);
std::vector<model::Port> read_ports(model::Service& s, const Node& n, const std::string& path);
std::vector<model::ExposedPort> read_expose(const Node& n, const std::string& path);
std::vector<model::NetworkAttachment> read_networks(model::Service& s, const Node& n,
                                                    const std::string& path);
std::vector<model::Mount> read_mounts(model::Service& s, const Node& n, const std::string& path);
model::Healthcheck read_healthcheck(model::Service& s, const Node& n, const std::string& path);
std::vector<model::Dependency> read_depends_on(model::Service& s, const Node& n,
                                               const std::string& path);
model::Deploy read_deploy(model::Service& s, const Node& n, const std::string& path);
std::vector<model::FileRef> read_file_refs(model::Service& s, const Node& n, const std::string& key);

model::Service read_service(const std::string& name, const Node& def, const Context& ctx);

} // namespace berth::compose::detail
