// Scheduling: replicas spread over nodes (pod anti-affinity or topology spread), and a priority
// class so the scheduler knows what to evict first.
#include "check/policy/topics.h"

namespace berth::check::policy {

namespace {

constexpr std::string_view kSpread = "anti-affinity-missing";
constexpr std::string_view kPriority = "priority-class-missing";

const RuleInfo kRules[] = {
    {kSpread, Family::Policy, Area::Reliability, Severity::Warning, true,
     "A workload with 2 or more replicas has neither pod anti-affinity nor "
     "topologySpreadConstraints.",
     "Add topologySpreadConstraints (maxSkew: 1, topologyKey: kubernetes.io/hostname, "
     "whenUnsatisfiable: ScheduleAnyway) or a preferred podAntiAffinity on the pod labels.",
     "Without a spreading rule the scheduler may put every replica on one node, and losing that "
     "node takes the whole service down: the replicas buy no availability. kube-linter "
     "(no-anti-affinity, from 2 replicas) and Polaris (topologySpreadConstraint) flag it; like "
     "kube-linter, a term whose labelSelector does not match the pod template's own labels "
     "does not count. "
     "DaemonSets (one pod per node already), Jobs and bare Pods are not checked. The replica "
     "count is the object's spec.replicas; a workload scaled by an HorizontalPodAutoscaler "
     "with replicas unset is not seen as replicated by this per-object rule."},
    {kPriority, Family::Policy, Area::Reliability, Severity::Info, true,
     "A pod template has no priorityClassName.",
     "Set spec.template.spec.priorityClassName to one of the cluster's PriorityClasses "
     "(berth's profile: production, staging, tools…).",
     "Without a priority class every pod has priority 0: when a node is full, a staging pod "
     "can keep a production pod from scheduling, and preemption picks victims arbitrarily. "
     "Polaris (priorityClassNotSet) warns. Info, because berth's trees set the class per "
     "environment in overlay patches, so a base alone lacks it by design; check the rendered "
     "overlay to see the final value."},
};

// A selector that picks the pod's own labels: every matchLabels pair is among `labels`
// (matchExpressions are given the benefit of the doubt). No selector at all selects nothing.
bool selects_own(const yaml::Node* selector, const yaml::Node* labels) {
  if (!selector || !selector->is_mapping()) return false;
  const yaml::Node* match = get(selector, "matchLabels");
  if (!non_empty(match)) return non_empty(get(selector, "matchExpressions"));
  for (const yaml::Entry& e : entries(match))
    if (text(get(labels, text(&e.key))) != text(&e.value)) return false;
  return true;
}

// Whether some anti-affinity term or spread constraint covers the pod's own replicas; `any`
// tells whether anything was configured at all.
bool spreads(const Pod& pod, bool& any) {
  const yaml::Node* labels = get(pod.metadata, "labels");
  const yaml::Node* anti = get(get(pod.spec, "affinity"), "podAntiAffinity");
  bool covered = false;
  for (const yaml::Node& term :
       items(get(anti, "requiredDuringSchedulingIgnoredDuringExecution"))) {
    any = true;
    covered = covered || selects_own(get(term, "labelSelector"), labels);
  }
  for (const yaml::Node& w : items(get(anti, "preferredDuringSchedulingIgnoredDuringExecution"))) {
    any = true;
    covered = covered || selects_own(get(get(w, "podAffinityTerm"), "labelSelector"), labels);
  }
  for (const yaml::Node& c : items(get(pod.spec, "topologySpreadConstraints"))) {
    any = true;
    covered = covered || selects_own(get(c, "labelSelector"), labels);
  }
  return covered;
}

bool replicated_kind(std::string_view kind) {
  return kind == "Deployment" || kind == "StatefulSet" || kind == "ReplicaSet" ||
         kind == "ReplicationController";
}

} // namespace

void scheduling_rules(std::vector<RuleInfo>& out) {
  out.insert(out.end(), std::begin(kRules), std::end(kRules));
}

void check_scheduling(const Pod& pod, Context& ctx) {
  const ObjectInfo* info = &pod.object.info;
  if (replicated_kind(info->kind)) {
    const yaml::Node* replicas = get(get(pod.object.root, "spec"), "replicas");
    std::optional<std::int64_t> n = integer(replicas);
    bool any = false;
    if (n && *n >= 2 && !spreads(pod, any) && ctx.enabled(kSpread))
      ctx.report(kSpread, info, replicas->loc(),
                 info->kind + " " + info->name + " runs " + std::to_string(*n) +
                     (any ? " replicas but its podAntiAffinity/topologySpreadConstraints select "
                            "none of its own pods (labelSelector does not match the template's "
                            "labels)"
                          : " replicas with neither podAntiAffinity nor "
                            "topologySpreadConstraints") +
                     ": they may all land on one node");
  }
  if (text_at(&pod.spec, "priorityClassName").empty() && ctx.enabled(kPriority))
    ctx.report(kPriority, info, pod.spec.loc(), "the pod template sets no priorityClassName");
}

} // namespace berth::check::policy
