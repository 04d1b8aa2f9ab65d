// Object names, keys and container paths of Compose secrets/configs (see secret_refs.h).
#include "generate/secret_refs.h"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <iterator>

#include "generate/naming.h"
#include "kube/names.h"
#include "yaml/quote.h"

namespace berth::generate {

namespace {

const model::FileObject* find_object(const std::vector<model::FileObject>& objects,
                                     std::string_view key) {
  for (const auto& o : objects)
    if (o.key == key) return &o;
  return nullptr;
}

// Compose: a relative target is relative to the default directory of the kind.
std::string container_path(const model::FileRef& ref, std::string_view dir) {
  std::string base(dir);
  if (ref.target.empty()) return base + "/" + ref.source;
  if (ref.target.front() == '/') return ref.target;
  return base + "/" + ref.target;
}

std::string external_object_name(const model::FileObject& o) {
  return kube::dns1123_label(o.name.empty() ? o.key : o.name);
}

std::vector<FileMount> mounts(const std::vector<model::FileRef>& refs,
                              const std::vector<model::FileObject>& objects,
                              const std::string& own_object, std::string_view own_volume,
                              std::string_view dir, auto key_of) {
  std::vector<FileMount> result;
  for (const auto& ref : refs) {
    const model::FileObject* object = find_object(objects, ref.source);
    if (!object) continue;
    FileMount m;
    m.external = object->external;
    if (object->external) {
      m.object = external_object_name(*object);
      m.volume = kube::dns1123_label("ext-" + m.object);
      m.key = config_file_key(ref.source);
    } else {
      m.object = own_object;
      m.volume = std::string(own_volume);
      m.key = key_of(ref.source);
    }
    m.mount_path = container_path(ref, dir);
    m.mode = ref.mode;
    m.at = ref.at.loc;
    result.push_back(std::move(m));
  }
  return result;
}

} // namespace

std::string configs_configmap_name(const ServicePlan& plan) {
  return kube::dns1123_label(plan.name + "-configs");
}

std::string config_file_key(std::string_view source) { return configmap_key(source); }

std::string secret_file_key(const ServicePlan& plan, std::string_view source) {
  std::string key = configmap_key(source);
  for (const auto& e : plan.env)
    if (e.name == key) return "file." + key;
  return key;
}

std::vector<FileMount> secret_file_mounts(const model::App& app, const ServicePlan& plan) {
  if (!plan.service) return {};
  return mounts(plan.service->secrets, app.secrets, plan.secret_name, "secret-files",
                "/run/secrets", [&](std::string_view s) { return secret_file_key(plan, s); });
}

std::vector<FileMount> config_file_mounts(const model::App& app, const ServicePlan& plan) {
  if (!plan.service) return {};
  return mounts(plan.service->configs, app.configs, configs_configmap_name(plan), "config-files",
                "", [](std::string_view s) { return config_file_key(s); });
}

namespace {

std::string lower(std::string_view s) {
  std::string r(s);
  std::transform(r.begin(), r.end(), r.begin(), [](unsigned char c) { return std::tolower(c); });
  return r;
}

bool file_is_utf8(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  return in.good() || in.eof() ? yaml::quote::is_utf8(text) : false;
}

} // namespace

bool is_system_path(std::string_view host_path) {
  static constexpr std::string_view kTrees[] = {"/proc", "/sys", "/dev", "/run", "/var/run",
                                                "/var/lib/docker", "/lib/modules", "/boot"};
  static constexpr std::string_view kFiles[] = {"/", "/etc/localtime", "/etc/timezone",
                                                "/etc/hostname", "/etc/hosts", "/etc/resolv.conf",
                                                "/etc/machine-id"};
  std::string p(host_path);
  while (p.size() > 1 && p.back() == '/') p.pop_back();
  for (auto f : kFiles)
    if (p == f) return true;
  for (auto t : kTrees)
    if (p == t || (p.starts_with(t) && p[t.size()] == '/')) return true;
  return p.ends_with(".sock");
}

bool looks_secret_file(std::string_view file_name) {
  std::string n = lower(file_name);
  for (std::string_view ext : {".env", ".pem", ".key", ".p12", ".pfx", ".jks", ".keystore"})
    if (n.ends_with(ext)) return true;
  if (n == ".env" || n.starts_with(".env.") || n.starts_with("id_rsa") ||
      n.starts_with("id_ed25519") || n.starts_with("id_ecdsa") || n.starts_with("id_dsa") ||
      n == ".htpasswd" || n == ".netrc" || n == ".pgpass")
    return true;
  for (std::string_view word : {"secret", "password", "passwd", "credential", "token", "private"})
    if (n.find(word) != std::string::npos) return true;
  return false;
}

BindMountUse bind_mount_use(const model::Mount& mount) {
  if (mount.type == model::MountType::Bind && is_system_path(mount.source)) {
    BindMountUse use;
    use.reason = "host system path " + mount.source +
                 " is not available to pods (berth never uses hostPath)";
    return use;
  }
  BindMountUse use = classify_bind_mount(mount);
  if (!use.configmap) return use;
  namespace fs = std::filesystem;
  for (const auto& file : use.files) {
    fs::path path = use.directory ? fs::path(mount.source) / file : fs::path(mount.source);
    std::string where = use.directory ? "directory " + mount.source + ": " + file
                                      : "file " + mount.source;
    std::string why;
    if (looks_secret_file(file))
      why = where + " looks like a secret (key material or credentials); it is not put into a "
                    "ConfigMap: seal it instead (berth seal --from-file) and mount the Secret";
    else if (!file_is_utf8(path))
      why = where + " is not valid UTF-8 text (binary content does not go into a ConfigMap)";
    if (!why.empty()) {
      BindMountUse refused;
      refused.directory = use.directory;
      refused.reason = std::move(why);
      return refused;
    }
  }
  return use;
}

} // namespace berth::generate
