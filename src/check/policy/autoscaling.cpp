// HorizontalPodAutoscaler bounds: a floor that keeps the service available, room to scale, an
// explicit metric, and a scale-down that does not flap.
#include "check/policy/topics.h"

namespace berth::check::policy {

namespace {

constexpr std::string_view kMin = "hpa-min-replicas";
constexpr std::string_view kMax = "hpa-max-replicas";
constexpr std::string_view kMetrics = "hpa-metrics-missing";
constexpr std::string_view kScaleDown = "hpa-scale-down-stabilization";

const RuleInfo kRules[] = {
    {kMin, Family::Policy, Area::Reliability, Severity::Warning, true,
     "An HPA may scale its target down to a single replica (minReplicas < 2).",
     "Set spec.minReplicas: 2 (with a PodDisruptionBudget and spread constraints) for services "
     "that must stay up during node drains and rollouts.",
     "With one replica left, a node drain, an eviction or a crash is an outage until a new pod "
     "is ready. Polaris (hpaMinAvailability) warns. minReplicas defaults to 1 when unset."},
    {kMax, Family::Policy, Area::Reliability, Severity::Warning, true,
     "An HPA's maxReplicas is not above its minReplicas: it cannot scale.",
     "Raise spec.maxReplicas above minReplicas (or delete the HPA and set replicas).",
     "max equal to min pins the replica count, so the autoscaler only adds confusion; max below "
     "min is rejected by the API server. Polaris (hpaMaxAvailability) warns."},
    {kMetrics, Family::Policy, Area::Reliability, Severity::Info, true,
     "An HPA names no metric (it falls back to 80% average CPU utilization).",
     "List the metrics explicitly in spec.metrics (cpu and/or memory Utilization, or a "
     "custom metric that tracks load).",
     "Without metrics, autoscaling/v2 (and v1 without targetCPUUtilizationPercentage) scales "
     "on 80% CPU of the requests: reasonable, but invisible in the manifest and wrong for "
     "memory- or queue-bound services. Info: a default, not a defect."},
    {kScaleDown, Family::Policy, Area::Reliability, Severity::Info, true,
     "An HPA's scale-down stabilization window is shorter than a minute.",
     "Keep behavior.scaleDown.stabilizationWindowSeconds at the default 300 (or at least 60) "
     "unless the load is known to drop for good.",
     "The window is how long the autoscaler remembers a higher recommendation before removing "
     "pods. Very short windows make replicas flap with every dip in load, each time paying "
     "start-up cost and dropping warm caches. Unset means the Kubernetes default of 300 "
     "seconds, which is fine."},
};

} // namespace

void autoscaling_rules(std::vector<RuleInfo>& out) {
  out.insert(out.end(), std::begin(kRules), std::end(kRules));
}

void check_hpa(const Object& object, Context& ctx) {
  const yaml::Node* spec = get(object.root, "spec");
  if (!spec || !spec->is_mapping()) return;
  const ObjectInfo* info = &object.info;
  const yaml::Node* min_node = get(spec, "minReplicas");
  std::int64_t min = integer(min_node).value_or(1);
  if (min < 2 && ctx.enabled(kMin))
    ctx.report(kMin, info, min_node ? min_node->loc() : spec->loc(),
               "HPA " + info->name + " may scale down to " + std::to_string(min) +
                   (min_node ? " replica(s)" : " replica (minReplicas unset)") +
                   ": one disruption is an outage");
  const yaml::Node* max_node = get(spec, "maxReplicas");
  if (std::optional<std::int64_t> max = integer(max_node); max && *max <= min && ctx.enabled(kMax))
    ctx.report(kMax, info, max_node->loc(),
               "HPA " + info->name + " has maxReplicas " + std::to_string(*max) +
                   (*max == min ? " equal to" : " below") + " minReplicas " + std::to_string(min) +
                   ": it cannot scale");
  bool v1 = object.info.version() == "v1";
  bool metrics =
      v1 ? get(spec, "targetCPUUtilizationPercentage") != nullptr : non_empty(get(spec, "metrics"));
  if (!metrics && ctx.enabled(kMetrics))
    ctx.report(kMetrics, info, spec->loc(),
               "HPA " + info->name + " names no metric, so it scales on the default 80% CPU");
  const yaml::Node* window =
      get(get(get(spec, "behavior"), "scaleDown"), "stabilizationWindowSeconds");
  if (std::optional<std::int64_t> w = integer(window); w && *w < 60 && ctx.enabled(kScaleDown))
    ctx.report(kScaleDown, info, window->loc(),
               "HPA " + info->name + " removes pods after only " + std::to_string(*w) +
                   "s of lower load (scaleDown.stabilizationWindowSeconds)");
}

} // namespace berth::check::policy
