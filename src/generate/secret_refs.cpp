// Object names, keys and container paths of Compose secrets/configs (see secret_refs.h).
#include "generate/secret_refs.h"

#include "generate/naming.h"
#include "kube/names.h"

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

} // namespace berth::generate
