// Pod template views for the policy topics: which kinds run until replaced, container labels for
// messages, security context inheritance.
#include "check/policy/pod.h"

namespace berth::check::policy {

namespace {

bool serves_until_replaced(const Object& object, const yaml::Node& spec) {
  std::string_view kind = object.info.kind;
  if (kind == "Deployment" || kind == "StatefulSet" || kind == "DaemonSet" ||
      kind == "ReplicaSet" || kind == "ReplicationController")
    return true;
  if (kind == "Pod") {
    std::string_view restart = text_at(&spec, "restartPolicy");
    return restart.empty() || restart == "Always";
  }
  return false; // Job, CronJob, PodTemplate (its use is unknown)
}

} // namespace

std::optional<Pod> pod_of(const Object& object) {
  const yaml::Node* spec = pod_spec(object);
  if (!spec) return std::nullopt;
  return Pod{object, *spec, pod_metadata(object), serves_until_replaced(object, *spec)};
}

std::string describe(const Container& c) {
  return describe(c.name, c.index, c.init);
}

std::string describe(std::string_view name, std::size_t index, bool init) {
  std::string out = init ? "init container " : "container ";
  if (name.empty()) return out + "#" + std::to_string(index + 1);
  out += '"';
  out += name;
  out += '"';
  return out;
}

const yaml::Node* effective_security(const Pod& pod, const Container& c, std::string_view key) {
  if (const yaml::Node* own = get(get(c.node, "securityContext"), key))
    if (!own->is_null()) return own;
  const yaml::Node* inherited = get(get(pod.spec, "securityContext"), key);
  return inherited && !inherited->is_null() ? inherited : nullptr;
}

} // namespace berth::check::policy
