// The pod template of a workload as the pod-level policy topics see it: its spec, its containers
// (init containers marked), the security context fields a container inherits from the pod.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "check/object.h"
#include "check/policy/read.h"

namespace berth::check::policy {

struct Pod {
  const Object& object;
  const yaml::Node& spec;     // the pod spec mapping
  const yaml::Node* metadata; // the pod template's metadata; nullptr when absent
  // Serves until replaced (Deployment, StatefulSet, DaemonSet, ReplicaSet, a Pod restarting
  // Always): probes and availability rules apply. Jobs and run-to-completion Pods are not.
  bool long_running = false;
};

// The pod template of `object`; nullopt for kinds without one or a spec that is not a mapping.
std::optional<Pod> pod_of(const Object& object);

struct Container {
  const yaml::Node& node; // the container mapping
  std::string_view name;  // "" when missing
  std::size_t index = 0;  // position in its list
  bool init = false;      // from initContainers
};

// `container "web"`, `init container "dump"`, `container #2` (no name) — for messages.
std::string describe(const Container& c);
std::string describe(std::string_view name, std::size_t index, bool init);

// Calls f(const Container&) for initContainers, then containers (mappings only).
template <class F> void for_each_container(const Pod& pod, F&& f) {
  std::size_t i = 0;
  for (const yaml::Node& c : items(get(pod.spec, "initContainers"))) {
    if (c.is_mapping()) f(Container{c, text_at(&c, "name"), i, true});
    ++i;
  }
  i = 0;
  for (const yaml::Node& c : items(get(pod.spec, "containers"))) {
    if (c.is_mapping()) f(Container{c, text_at(&c, "name"), i, false});
    ++i;
  }
}

// A securityContext field the container sets, else the pod's (runAsNonRoot, runAsUser,
// seccompProfile… — the fields PodSecurityContext shares with SecurityContext); nullptr when
// neither sets it.
const yaml::Node* effective_security(const Pod& pod, const Container& c, std::string_view key);

} // namespace berth::check::policy
