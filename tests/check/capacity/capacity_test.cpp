// The capacity family's rule list: ids, family, docs; and the usage arithmetic it relies on.
#include "check/capacity/capacity.h"
#include "check/capacity/usage.h"
#include "check/reference/set_fixture.h"

namespace berth::check::test {
namespace {

TEST(CapacityRules, WellFormed) {
  std::vector<RuleInfo> rules = capacity::rules();
  EXPECT_GE(rules.size(), 7u);
  for (const RuleInfo& r : rules) {
    EXPECT_EQ(r.family, Family::Capacity) << r.id;
    EXPECT_FALSE(r.summary.empty() || r.fix.empty() || r.doc.empty()) << r.id;
    for (char c : r.id)
      EXPECT_TRUE((c >= 'a' && c <= 'z') || c == '-' || (c >= '0' && c <= '9')) << r.id;
  }
  EXPECT_NO_THROW(set_catalog()); // ids unique across reference + capacity
}

TEST(CapacityUsage, DefaultingOrderAndInitContainers) {
  ContainerFacts c;
  c.limits[kCpu] = Amount{800, true, {}};
  LimitItem lr;
  lr.type = "Container";
  lr.default_limit[kMemory] = Amount{512 << 20, true, {}};
  lr.default_request[kMemory] = Amount{128 << 20, true, {}};
  lr.default_request[kCpu] = Amount{100, true, {}};
  capacity::ContainerUsage u = capacity::container_usage(c, &lr);
  EXPECT_EQ(u.request[kCpu].value, 800); // the limit, not the LimitRange default
  EXPECT_FALSE(u.request[kCpu].from_limit_range);
  EXPECT_EQ(u.request[kMemory].value, 128 << 20);
  EXPECT_TRUE(u.limit[kMemory].from_limit_range);

  PodsFacts p;
  ContainerFacts init, app, sidecar;
  init.init = true;
  init.requests[kCpu] = Amount{2000, true, {}};
  sidecar.init = sidecar.sidecar = true;
  sidecar.requests[kCpu] = Amount{100, true, {}};
  app.requests[kCpu] = Amount{500, true, {}};
  p.containers = {init, sidecar, app};
  EXPECT_EQ(capacity::pod_usage(p, nullptr).request[kCpu], 2000); // max(init, 500 + 100)
  p.containers[0].requests[kCpu].value = 300;
  EXPECT_EQ(capacity::pod_usage(p, nullptr).request[kCpu], 600);
}

} // namespace
} // namespace berth::check::test
