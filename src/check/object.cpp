// Object identity helpers and the tree lookups every checker uses (pod template, paths).
#include "check/object.h"

#include <algorithm>

namespace berth::check {

std::string_view ObjectInfo::group() const {
  auto slash = api_version.find('/');
  return slash == std::string::npos ? std::string_view()
                                    : std::string_view(api_version).substr(0, slash);
}

std::string_view ObjectInfo::version() const {
  auto slash = api_version.find('/');
  return slash == std::string::npos ? std::string_view(api_version)
                                    : std::string_view(api_version).substr(slash + 1);
}

std::string ObjectInfo::display() const {
  return (kind.empty() ? std::string("?") : kind) + "/" + (name.empty() ? std::string("?") : name);
}

bool ObjectInfo::ignores(std::string_view rule) const {
  return std::any_of(ignored.begin(), ignored.end(),
                     [&](const std::string& r) { return r == rule || r == "*"; });
}

const yaml::Node* path(const yaml::Node& root, std::initializer_list<std::string_view> keys) {
  const yaml::Node* n = &root;
  for (std::string_view k : keys) {
    if (!n->is_mapping()) return nullptr;
    n = n->find(k);
    if (!n) return nullptr;
  }
  return n;
}

bool has_pod_template(std::string_view kind) {
  return kind == "Pod" || kind == "Deployment" || kind == "StatefulSet" || kind == "DaemonSet" ||
         kind == "ReplicaSet" || kind == "ReplicationController" || kind == "Job" ||
         kind == "CronJob" || kind == "PodTemplate";
}

namespace {
const yaml::Node* template_of(const Object& o) {
  std::string_view kind = o.info.kind;
  if (kind == "CronJob") return path(o.root, {"spec", "jobTemplate", "spec", "template"});
  if (kind == "PodTemplate") return path(o.root, {"template"});
  if (kind == "Pod" || !has_pod_template(kind)) return nullptr;
  return path(o.root, {"spec", "template"});
}
} // namespace

const yaml::Node* pod_spec(const Object& o) {
  if (o.info.kind == "Pod") {
    const yaml::Node* s = path(o.root, {"spec"});
    return s && s->is_mapping() ? s : nullptr;
  }
  const yaml::Node* t = template_of(o);
  const yaml::Node* s = t ? path(*t, {"spec"}) : nullptr;
  return s && s->is_mapping() ? s : nullptr;
}

const yaml::Node* pod_metadata(const Object& o) {
  if (o.info.kind == "Pod") {
    const yaml::Node* m = path(o.root, {"metadata"});
    return m && m->is_mapping() ? m : nullptr;
  }
  const yaml::Node* t = template_of(o);
  const yaml::Node* m = t ? path(*t, {"metadata"}) : nullptr;
  return m && m->is_mapping() ? m : nullptr;
}

} // namespace berth::check
