// Capacity family: the rule list (ids, severities, docs) and the set-level dispatch.
#include "check/capacity/capacity.h"

#include "check/capacity/checks.h"

namespace berth::check::capacity {

// Appended to the docs of rules that count workloads per namespace.
#define BERTH_COUNT_NOTE                                                                           \
  " Counting: pods x (spec.replicas, or the minReplicas of an HPA targeting the workload, its "    \
  "maxReplicas for quota-exceeded-at-hpa-max and the second headroom figure; DaemonSets one "      \
  "per profile node; Jobs/CronJobs their parallelism); a container without a request takes "       \
  "its limit, then the namespace LimitRange's defaultRequest/default, as the API server does; "    \
  "init containers count as the max, not the sum. A namespace is the one its kustomization "       \
  "sets, else metadata.namespace; objects with neither count in every namespace that has a "       \
  "quota or LimitRange (a base shared by overlays is deployed in each)."

std::vector<RuleInfo> rules() {
  using enum Area;
  using enum Severity;
  const Family F = Family::Capacity;
  return {
      {"quota-exceeded", F, Reliability, Error, true,
       "Workloads of a namespace need more than its ResourceQuota allows",
       "Raise the quota's spec.hard entry, or lower requests/limits or replicas (HPA maxReplicas).",
       "At steady state (HPAs at minReplicas) sums requests.cpu/memory/ephemeral-storage (and the "
       "cpu/memory aliases), limits.*, pods, "
       "persistentvolumeclaims and requests.storage (PVCs and volumeClaimTemplates x replicas), "
       "services, configmaps, secrets and count/<resource> over the namespace. Pods beyond the "
       "quota are refused by the API server: a scale-up or rollout silently stops. Quotas with "
       "scopes or scopeSelector are skipped." BERTH_COUNT_NOTE},
      {"quota-exceeded-at-hpa-max", F, Reliability, Warning, true,
       "Namespace fits its ResourceQuota only below its HPAs' maxReplicas",
       "Raise the quota entry, lower the HPA's maxReplicas, or lower the per-pod requests/limits.",
       "At minReplicas everything fits, but scaling out to maxReplicas would exceed spec.hard: "
       "the API server refuses the extra pods, so autoscaling silently stops early under load. "
       "A warning, not an error: the application deploys and runs." BERTH_COUNT_NOTE},
      {"quota-headroom", F, Reliability, Info, true,
       "Usage of each ResourceQuota entry by the namespace's workloads, as numbers",
       "Nothing to fix: keep enough headroom for rollouts and growth.",
       "One finding per quota: \"requests.cpu 3.2/8 (40%), limits.memory 12Gi/48Gi (25%) ...\" "
       "so a reviewer sees how close the namespace is to its limits; with HPAs the usage at "
       "maxReplicas follows (\"limits.cpu 3/16 (18%; 11 at HPA max, 68%)\")." BERTH_COUNT_NOTE},
      {"quota-rollout-surge", F, Reliability, Info, true,
       "Rolling updates would push the namespace over its ResourceQuota",
       "Leave room for maxSurge pods in the quota, or use maxSurge: 0 / maxUnavailable: 1.",
       "A Deployment's RollingUpdate starts maxSurge extra pods (default 25%, rounded up) before "
       "stopping old ones; when all Deployments roll at once (a release) the peak is the sum. "
       "Pods beyond the quota are refused and the rollout waits, so this is reported with the "
       "peak numbers when steady state fits but the peak does not." BERTH_COUNT_NOTE},
      {"quota-requires-resources", F, Reliability, Error, true,
       "Container lacks a request/limit its namespace's ResourceQuota tracks",
       "Set the request/limit on the container, or add a LimitRange with defaults.",
       "When a quota constrains requests.cpu (or limits.memory, ...), the API server rejects any "
       "pod with a container that does not set it — unless a LimitRange default fills it in, "
       "which is accounted for. Init containers count too." BERTH_COUNT_NOTE},
      {"limitrange-violation", F, Reliability, Error, true,
       "Container, pod or claim outside its namespace's LimitRange min/max/ratio",
       "Bring the request/limit within the LimitRange (or change the LimitRange).",
       "LimitRange admission rejects containers whose request is below min or limit above max, "
       "that lack a request (min set) or a limit (max set) with no default to fill it, or whose "
       "limit/request exceeds maxLimitRequestRatio; Pod items check the pod's sums and "
       "PersistentVolumeClaim items the requested storage (PVCs and "
       "volumeClaimTemplates)." BERTH_COUNT_NOTE},
      {"node-capacity-exceeded", F, Reliability, Error, true,
       "Requests exceed the cluster's node capacity (with --cluster)",
       "Lower requests or replicas, or add nodes (profile capacity).",
       "With a cluster profile: every pod's requests must fit one node (capacity.cpu/memory), and "
       "the sum of all requests (HPAs at minReplicas) must fit capacity x nodes, or pods stay "
       "Pending. Limits may exceed capacity (overcommit) and are only reported as "
       "headroom." BERTH_COUNT_NOTE},
      {"node-capacity-headroom", F, Reliability, Info, true,
       "Requests and limits of the whole set against the cluster's capacity (with --cluster)",
       "Nothing to fix: plan nodes before the headroom runs out.",
       "One set-level finding with the totals against capacity x nodes (and at HPA maxReplicas); "
       "memory limits beyond capacity mean OOM kills under pressure." BERTH_COUNT_NOTE},
  };
}

#undef BERTH_COUNT_NOTE

void check_set(const Index& index, Context& ctx) {
  const Lookup& lookup = index.lookup();
  check_quotas(lookup, ctx);
  check_limit_ranges(lookup, ctx);
  check_nodes(lookup, ctx);
}

} // namespace berth::check::capacity
