// Pod resource arithmetic shared by check/capacity and the generator (kube/pod_usage.h).
#include <gtest/gtest.h>

#include "kube/pod_usage.h"

namespace berth::kube {
namespace {

ContainerAmounts c(std::int64_t cpu_req, std::int64_t cpu_lim, bool init = false,
                   bool sidecar = false) {
  ContainerAmounts a;
  a.init = init;
  a.sidecar = sidecar;
  a.request = {cpu_req, 0, 0};
  a.limit = {cpu_lim, 0, 0};
  return a;
}

TEST(PodUsage, ContainersAndSidecarsSumInitContainersPeak) {
  std::vector<ContainerAmounts> pod = {c(100, 200, true), c(50, 50, true, true), c(300, 500)};
  PodTotals t = pod_totals(pod);
  EXPECT_EQ(t.request[0], 350); // 300 + sidecar 50 > init 100
  EXPECT_EQ(t.limit[0], 550);
  std::vector<ContainerAmounts> big_init = {c(1000, 2000, true), c(300, 500)};
  EXPECT_EQ(pod_totals(big_init).request[0], 1000);
  EXPECT_EQ(pod_totals(big_init).limit[0], 2000);
}

TEST(PodUsage, SurgeRoundsPercentagesUp) {
  EXPECT_EQ(surge_pods(6, 25, true), 2);
  EXPECT_EQ(surge_pods(4, 25, true), 1);
  EXPECT_EQ(surge_pods(4, 3, false), 3);
  EXPECT_EQ(surge_pods(0, 25, true), 0);
}

TEST(PodUsage, Saturates) {
  EXPECT_EQ(mul_sat(INT64_MAX / 2, 3), INT64_MAX);
  EXPECT_EQ(add_sat(INT64_MAX, 1), INT64_MAX);
  std::vector<ContainerAmounts> huge = {c(INT64_MAX, INT64_MAX), c(1, 1)};
  EXPECT_EQ(pod_totals(huge).request[0], INT64_MAX);
}

} // namespace
} // namespace berth::kube
