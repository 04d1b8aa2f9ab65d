// App/Service lookups, equality and enum names.
#include "model/app.h"

namespace berth::model {

const Service* App::service(std::string_view n) const {
  for (const Service& s : services)
    if (s.name == n) return &s;
  return nullptr;
}

const Volume* App::volume(std::string_view k) const {
  for (const Volume& v : volumes)
    if (v.key == k) return &v;
  return nullptr;
}

bool operator==(const App& a, const App& b) {
  return a.name == b.name && a.project_directory == b.project_directory &&
         a.services == b.services && a.volumes == b.volumes && a.networks == b.networks &&
         a.secrets == b.secrets && a.configs == b.configs && a.extensions == b.extensions &&
         a.not_representable == b.not_representable;
}

const EnvVar* Service::env(std::string_view key) const {
  for (const EnvVar& e : environment)
    if (e.name == key) return &e;
  return nullptr;
}

const char* to_string(EnvSource s) {
  switch (s) {
  case EnvSource::Inline: return "inline";
  case EnvSource::EnvFile: return "env_file";
  case EnvSource::Host: return "host";
  case EnvSource::Unset: return "unset";
  }
  return "?";
}

const char* to_string(MountType t) {
  switch (t) {
  case MountType::Volume: return "volume";
  case MountType::Bind: return "bind";
  case MountType::Tmpfs: return "tmpfs";
  case MountType::Npipe: return "npipe";
  case MountType::Cluster: return "cluster";
  case MountType::Image: return "image";
  }
  return "?";
}

std::optional<MountType> mount_type_from(std::string_view t) {
  for (MountType m : {MountType::Volume, MountType::Bind, MountType::Tmpfs, MountType::Npipe,
                      MountType::Cluster, MountType::Image})
    if (t == to_string(m)) return m;
  return std::nullopt;
}

const char* to_string(HealthKind k) {
  switch (k) {
  case HealthKind::Inherit: return "inherit";
  case HealthKind::Cmd: return "CMD";
  case HealthKind::CmdShell: return "CMD-SHELL";
  case HealthKind::None: return "NONE";
  }
  return "?";
}

const char* to_string(DependencyCondition c) {
  switch (c) {
  case DependencyCondition::Started: return "service_started";
  case DependencyCondition::Healthy: return "service_healthy";
  case DependencyCondition::CompletedSuccessfully: return "service_completed_successfully";
  }
  return "?";
}

} // namespace berth::model
