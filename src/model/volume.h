// Mounts of a service and top-level named volumes.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>

#include "model/origin.h"

namespace berth::model {

enum class MountType { Volume, Bind, Tmpfs, Npipe, Cluster, Image };
const char* to_string(MountType t);
std::optional<MountType> mount_type_from(std::string_view text);

// One `volumes` entry (long syntax).
struct Mount {
  MountType type = MountType::Volume;
  std::string source; // volume name, absolute host path, image; empty: anonymous volume / tmpfs
  std::string target;
  bool read_only = false;
  std::string consistency;
  // bind
  std::optional<bool> create_host_path;
  std::string selinux;     // "z" / "Z"
  std::string propagation; // rprivate, ...
  // volume
  std::optional<bool> nocopy;
  std::string subpath;
  // tmpfs
  std::optional<std::int64_t> tmpfs_size; // bytes
  std::optional<int> tmpfs_mode;          // file mode bits
  Origin at;

  bool is_named_volume() const { return type == MountType::Volume && !source.empty(); }
  friend bool operator==(const Mount&, const Mount&) = default;
};

// A top-level `volumes:` entry.
struct Volume {
  std::string key;  // the name services refer to
  std::string name; // the `name:` override (actual volume name); empty when not given
  std::string driver;
  std::map<std::string, std::string> driver_opts;
  bool external = false;
  std::map<std::string, std::string> labels;
  Origin at;
  friend bool operator==(const Volume&, const Volume&) = default;
};

} // namespace berth::model
