// What workloads consume, as the API server and scheduler see it: container requests/limits
// after defaulting (limit → request, LimitRange defaults), per-pod sums, and pod counts
// (replicas, HPA maximum, DaemonSet nodes, Job parallelism).
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "check/index_lookup.h"
#include "profile/profile.h"

namespace berth::check::capacity {

inline constexpr std::string_view kResourceName[] = {"cpu", "memory", "ephemeral-storage"};
// A quantity of resource r in its short human form ("250m", "1.5Gi").
std::string format_amount(Resource r, std::int64_t value);

struct Effective {
  std::int64_t value = 0;
  bool set = false;
  bool from_limit_range = false; // filled in by a LimitRange default
  Location loc;                  // where the value is written (the container when defaulted)
};

struct ContainerUsage {
  const ContainerFacts* container = nullptr;
  std::array<Effective, kResourceCount> request, limit;
};

// A container after API-server defaulting: a missing request takes the limit, then the
// LimitRange item's default / defaultRequest fill what is still missing (lr may be null).
ContainerUsage container_usage(const ContainerFacts& c, const LimitItem* lr);

struct PodUsage {
  std::array<std::int64_t, kResourceCount> request{}, limit{};
  std::vector<ContainerUsage> containers; // in spec order (init containers first)
  int defaulted = 0;                      // containers that got a LimitRange default
};

// One pod: regular containers and sidecars summed; an init container needs its own amount
// while it runs, so the pod needs the larger of the two (what the scheduler reserves).
PodUsage pod_usage(const PodsFacts& p, const LimitItem* lr);

struct PodCount {
  std::int64_t count = 1;
  std::string why; // "", "HPA max", "3 nodes", "parallelism"
};

// Pods a workload runs when deployed in namespace `ns`: replicas, or the maxReplicas of an HPA
// targeting it; DaemonSets one per node of the profile (1 without --cluster); Jobs and CronJobs
// their parallelism.
PodCount pod_count(const Lookup& l, const PodsFacts& p, std::string_view ns,
                   const profile::Profile* profile);

// Counted against namespace `ns` (a quota's or LimitRange's): objects of that namespace, and
// objects without one when `ns` is not "" (a kustomization or kubectl -n puts them there).
inline bool counts_in(std::string_view object_ns, std::string_view ns) {
  return object_ns == ns || (object_ns.empty() && !ns.empty());
}

// The LimitRange Container item whose defaults pods of `ns` get (nullptr when none).
const LimitItem* container_defaults(const Lookup& l, std::string_view ns);

} // namespace berth::check::capacity
