// What workloads consume, as the API server and scheduler see it: container requests/limits
// after defaulting (limit → request, LimitRange defaults), per-pod sums, and pod counts
// (replicas, HPA maximum, DaemonSet nodes, Job parallelism).
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "check/index_lookup.h"
#include "kube/pod_usage.h"
#include "profile/profile.h"

namespace berth::check::capacity {

inline constexpr std::string_view kResourceName[] = {"cpu", "memory", "ephemeral-storage"};

// The arithmetic the generator's quota fitting shares (kube/pod_usage.h).
using kube::add_sat;
using kube::mul_sat;
static_assert(kResourceCount == kube::kPodResources && kCpu == 0 && kMemory == 1 &&
              kEphemeral == 2);
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
  std::string why;  // "", "HPA max", "HPA min", "3 nodes", "parallelism"
  bool hpa = false; // an HPA decides the count
};

// Which end of an HPA's range to count: steady state (minReplicas) or fully scaled out.
enum class Scaling : unsigned char { Min, Max };

// Pods a workload runs when deployed in namespace `ns`: replicas, or an HPA's minReplicas /
// maxReplicas when one targets it; DaemonSets one per node of the profile (1 without
// --cluster); Jobs and CronJobs their parallelism.
PodCount pod_count(const Lookup& l, const PodsFacts& p, std::string_view ns,
                   const profile::Profile* profile, Scaling scaling);

// Counted against namespace `ns` (a quota's or LimitRange's): objects of that namespace, and
// objects without one when `ns` is not "" (a kustomization or kubectl -n puts them there).
inline bool counts_in(std::string_view object_ns, std::string_view ns) {
  return object_ns == ns || (object_ns.empty() && !ns.empty());
}

// The LimitRange Container item whose defaults pods of `ns` get (nullptr when none).
const LimitItem* container_defaults(const Lookup& l, std::string_view ns);

// Facts of one kind grouped by namespace once, so rules visit those counted in a namespace
// without scanning the whole set per namespace (linear in the input however many namespaces).
template <class Fact> class ByNamespace {
public:
  // `ns_of(fact)` gives a fact's effective namespace.
  template <class NsOf> ByNamespace(const std::vector<Fact>& facts, NsOf&& ns_of) : facts_(facts) {
    for (std::uint32_t i = 0; i < facts.size(); ++i)
      ids_[std::string(ns_of(facts[i]))].push_back(i);
  }
  // Visits the facts counted in `ns` (see counts_in) in input order.
  template <class F> void each(std::string_view ns, F&& f) const {
    static const std::vector<std::uint32_t> kNone;
    auto own = ids_.find(std::string(ns));
    auto loose = ns.empty() ? ids_.end() : ids_.find(std::string());
    const auto& a = own == ids_.end() ? kNone : own->second;
    const auto& b = loose == ids_.end() ? kNone : loose->second;
    std::size_t i = 0, j = 0;
    while (i < a.size() || j < b.size()) {
      bool take_a = j == b.size() || (i < a.size() && a[i] < b[j]);
      f(facts_[take_a ? a[i++] : b[j++]]);
    }
  }

private:
  const std::vector<Fact>& facts_;
  std::unordered_map<std::string, std::vector<std::uint32_t>> ids_;
};

} // namespace berth::check::capacity
