// Resource arithmetic of pods shared by `berth check`'s capacity rules and the generator's quota
// fitting, so both count a namespace's needs the same way: saturating sums, a pod's amounts
// from its containers, and rollout surge.
#pragma once

#include <array>
#include <cstdint>
#include <span>

namespace berth::kube {

// cpu (millicores), memory (bytes), ephemeral-storage (bytes), in this order.
inline constexpr std::size_t kPodResources = 3;
using PodAmounts = std::array<std::int64_t, kPodResources>;

// Saturating arithmetic: absurd inputs (replicas: 2147483647 × 1Ei) must not overflow.
inline std::int64_t add_sat(std::int64_t a, std::int64_t b) {
  std::int64_t out;
  return __builtin_add_overflow(a, b, &out) ? INT64_MAX : out;
}
inline std::int64_t mul_sat(std::int64_t a, std::int64_t b) {
  std::int64_t out;
  return __builtin_mul_overflow(a, b, &out) ? INT64_MAX : out;
}

// One container's effective amounts (after API-server and LimitRange defaulting).
struct ContainerAmounts {
  bool init = false;    // in initContainers
  bool sidecar = false; // an init container with restartPolicy Always: runs beside the others
  PodAmounts request{}, limit{};
};

struct PodTotals {
  PodAmounts request{}, limit{};
};

// One pod: regular containers and sidecars summed; an init container needs its own amount
// while it runs, so the pod needs the larger of the two (what the scheduler reserves).
PodTotals pod_totals(std::span<const ContainerAmounts> containers);

// Extra pods a rolling update of `pods` pods starts: maxSurge as a count, or as a percentage
// of `pods` rounded up (as the Deployment controller rounds it).
std::int64_t surge_pods(std::int64_t pods, std::int64_t max_surge, bool percent);

} // namespace berth::kube
