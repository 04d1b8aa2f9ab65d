// Pod resource arithmetic shared by check/capacity and generate (see pod_usage.h).
#include "kube/pod_usage.h"

#include <algorithm>

namespace berth::kube {

PodTotals pod_totals(std::span<const ContainerAmounts> containers) {
  PodTotals t;
  PodAmounts init_req{}, init_lim{};
  for (const ContainerAmounts& c : containers)
    for (std::size_t r = 0; r < kPodResources; ++r) {
      if (c.init && !c.sidecar) {
        init_req[r] = std::max(init_req[r], c.request[r]);
        init_lim[r] = std::max(init_lim[r], c.limit[r]);
      } else {
        t.request[r] = add_sat(t.request[r], c.request[r]);
        t.limit[r] = add_sat(t.limit[r], c.limit[r]);
      }
    }
  for (std::size_t r = 0; r < kPodResources; ++r) {
    t.request[r] = std::max(t.request[r], init_req[r]);
    t.limit[r] = std::max(t.limit[r], init_lim[r]);
  }
  return t;
}

std::int64_t surge_pods(std::int64_t pods, std::int64_t max_surge, bool percent) {
  if (pods <= 0) return 0;
  return percent ? add_sat(mul_sat(pods, max_surge), 99) / 100 : max_surge;
}

} // namespace berth::kube
