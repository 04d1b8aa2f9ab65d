// Shared object names and the bind-mount → ConfigMap decision.
#include "generate/naming.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <system_error>

#include "kube/names.h"

namespace berth::generate {

namespace fs = std::filesystem;

std::string bind_configmap_name(const ServicePlan& plan, std::size_t mount_index) {
  return kube::dns1123_label(plan.name + "-files-" + std::to_string(mount_index), 63);
}

std::string pvc_name(const ServicePlan& plan, std::string_view volume) {
  return kube::dns1123_label(plan.name + "-" + std::string(volume));
}

std::string claim_template_name(std::string_view volume) {
  // StatefulSet pods name their claims "<template>-<set>-<ordinal>"; keep the template short.
  return kube::dns1123_label(volume, 40);
}

std::string headless_service_name(const ServicePlan& plan) {
  return kube::dns1123_label(plan.name + "-headless");
}

std::string configmap_key(std::string_view file_name) {
  std::string key;
  for (char c : file_name) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
              c == '-' || c == '.' || c == '_';
    key += ok ? c : '_';
  }
  if (key.empty() || key == "." || key == "..") key = "file";
  return key;
}

namespace {

// Text: valid to put in ConfigMap `data` (no NUL bytes; Kubernetes wants UTF-8 strings).
bool is_text_file(const fs::path& path, std::string& why) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    why = "cannot be read";
    return false;
  }
  char buffer[4096];
  while (in) {
    in.read(buffer, sizeof buffer);
    if (std::find(buffer, buffer + in.gcount(), '\0') != buffer + in.gcount()) {
      why = "is binary (contains NUL bytes)";
      return false;
    }
  }
  return true;
}

bool is_socket_path(std::string_view p) {
  return p.ends_with(".sock") || p == "/var/run/docker.sock" || p == "/run/docker.sock";
}

} // namespace

BindMountUse classify_bind_mount(const model::Mount& mount) {
  BindMountUse use;
  if (mount.type != model::MountType::Bind) {
    use.reason = "not a bind mount";
    return use;
  }
  if (is_socket_path(mount.source)) {
    use.reason = "host socket " + mount.source +
                 " cannot be shared with a pod (berth never uses hostPath); the container "
                 "needs another way to reach that daemon";
    return use;
  }
  std::error_code ec;
  fs::path source(mount.source);
  auto status = fs::status(source, ec);
  if (ec || !fs::exists(status)) {
    use.reason = "host path " + mount.source + " does not exist on this machine";
    return use;
  }
  if (fs::is_regular_file(status)) {
    auto size = fs::file_size(source, ec);
    std::string why;
    if (ec || size > kMaxConfigMapBytes) {
      use.reason = "file " + mount.source + " is larger than 1 MiB (too big for a ConfigMap)";
    } else if (!is_text_file(source, why)) {
      use.reason = "file " + mount.source + " " + why;
    } else {
      use.configmap = true;
      use.files.push_back(source.filename().string());
    }
    return use;
  }
  if (fs::is_directory(status)) {
    std::uintmax_t total = 0;
    std::vector<std::string> files;
    for (const auto& entry : fs::directory_iterator(source, ec)) {
      std::string name = entry.path().filename().string();
      std::error_code entry_ec;
      if (!entry.is_regular_file(entry_ec)) {
        use.reason = "directory " + mount.source + " contains " + name +
                     ", which is not a regular file (ConfigMaps hold flat files only)";
        return use;
      }
      std::string why;
      if (!is_text_file(entry.path(), why)) {
        use.reason = "directory " + mount.source + ": " + name + " " + why;
        return use;
      }
      total += entry.file_size(entry_ec);
      files.push_back(std::move(name));
    }
    if (ec) {
      use.reason = "directory " + mount.source + " cannot be listed";
      return use;
    }
    if (total > kMaxConfigMapBytes) {
      use.reason = "directory " + mount.source + " holds more than 1 MiB (too big for a ConfigMap)";
      return use;
    }
    std::sort(files.begin(), files.end());
    use.configmap = true;
    use.directory = true;
    use.files = std::move(files);
    return use;
  }
  use.reason = "host path " + mount.source + " is a device, socket or fifo";
  return use;
}

} // namespace berth::generate
