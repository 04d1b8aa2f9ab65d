// Resources: every container states its cpu and memory requests and a memory limit.
#include "check/policy/topics.h"

namespace berth::check::policy {

namespace {

constexpr std::string_view kCpuRequest = "resources-cpu-request-missing";
constexpr std::string_view kMemoryRequest = "resources-memory-request-missing";
constexpr std::string_view kMemoryLimit = "resources-memory-limit-missing";
constexpr std::string_view kCpuLimit = "resources-cpu-limit-missing";

const RuleInfo kRules[] = {
    {kCpuRequest, Family::Policy, Area::Reliability, Severity::Warning, true,
     "A container has no cpu request.",
     "Set resources.requests.cpu to the container's usual consumption (e.g. 100m).",
     "The scheduler places pods by their requests; without a cpu request a pod lands on a busy "
     "node and gets the smallest CPU share under contention (and is first in line for eviction "
     "as BestEffort when memory is also missing). Polaris (cpuRequestsMissing) and kube-linter "
     "(unset-cpu-requirements) flag it; kube-score warns. A namespace LimitRange may default it, "
     "but then the number is nobody's decision."},
    {kMemoryRequest, Family::Policy, Area::Reliability, Severity::Warning, true,
     "A container has no memory request.",
     "Set resources.requests.memory to the container's steady working set (e.g. 128Mi).",
     "Without a memory request the scheduler overcommits nodes and the kubelet evicts the pod "
     "first under memory pressure. Polaris (memoryRequestsMissing), kube-linter "
     "(unset-memory-requirements) and kube-score flag it."},
    {kMemoryLimit, Family::Policy, Area::Reliability, Severity::Warning, true,
     "A container has no memory limit.",
     "Set resources.limits.memory (often equal to the request for predictable behaviour).",
     "Memory is not compressible: a leaking container without a limit grows until the node "
     "runs out and the kernel kills whatever it picks, including other tenants' pods. kube-score "
     "grades a missing limit critical, Polaris warns (memoryLimitsMissing). A warning, not an "
     "error, because a namespace LimitRange (berth's profile writes one) supplies a default."},
    {kCpuLimit, Family::Policy, Area::Reliability, Severity::Info, false,
     "A container has no cpu limit.",
     "Set resources.limits.cpu when the cluster requires it (quota on limits.cpu, or strict "
     "multi-tenancy).",
     "Off by default on purpose: CPU is compressible, requests already guarantee each container "
     "its share under contention, and CFS limits throttle latency-sensitive services even on an "
     "idle node. kube-score has the same switch (--ignore-container-cpu-limit); Polaris warns. "
     "Enable it when a ResourceQuota on limits.cpu makes the limit mandatory (the API server "
     "then rejects pods without one)."},
};

// A quantity that is absent, null, empty or zero counts as not set (kube-score's reading too).
bool is_set(const yaml::Node* n) {
  std::string_view v = text(n);
  return !v.empty() && v != "0";
}

} // namespace

void resource_rules(std::vector<RuleInfo>& out) {
  out.insert(out.end(), std::begin(kRules), std::end(kRules));
}

void check_resources(const Pod& pod, Context& ctx) {
  // Pod-level resources (spec.resources, Kubernetes 1.32+) cover every container.
  const yaml::Node* pod_resources = get(pod.spec, "resources");
  const ObjectInfo* info = &pod.object.info;
  for_each_container(pod, [&](const Container& c) {
    const yaml::Node* res = get(c.node, "resources");
    const yaml::Node* requests = get(res, "requests");
    const yaml::Node* limits = get(res, "limits");
    const yaml::Node& at = res && res->is_mapping() ? *res : c.node;
    auto missing = [&](const yaml::Node* group, std::string_view section, std::string_view key) {
      return !is_set(get(group, key)) && !is_set(get(get(pod_resources, section), key));
    };
    auto flag = [&](std::string_view rule, std::string_view what) {
      if (ctx.enabled(rule))
        ctx.report(rule, info, at.loc(), describe(c) + " sets no " + std::string(what));
    };
    if (missing(requests, "requests", "cpu"))
      flag(kCpuRequest, "cpu request (resources.requests.cpu)");
    if (missing(requests, "requests", "memory"))
      flag(kMemoryRequest, "memory request (resources.requests.memory)");
    if (missing(limits, "limits", "memory"))
      flag(kMemoryLimit, "memory limit (resources.limits.memory)");
    if (missing(limits, "limits", "cpu")) flag(kCpuLimit, "cpu limit (resources.limits.cpu)");
  });
}

} // namespace berth::check::policy
