// HorizontalPodAutoscaler bounds, metrics, scale-down stabilization.
#include <gtest/gtest.h>

#include "check/policy/policy_fixture.h"

namespace berth::check::policy::test {
namespace {

const std::string kHpa = R"(apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  name: web
spec:
  scaleTargetRef:
    apiVersion: apps/v1
    kind: Deployment
    name: web
  minReplicas: 2
  maxReplicas: 10
  metrics:
    - type: Resource
      resource:
        name: cpu
        target:
          type: Utilization
          averageUtilization: 70
  behavior:
    scaleDown:
      stabilizationWindowSeconds: 300
)";

TEST(Autoscaling, CleanHpaPasses) {
  EXPECT_TRUE(run(kHpa).findings.empty()) << run(kHpa).dump();
}

TEST(Autoscaling, MinReplicasBelowTwo) {
  Finding f = only(run(replace(kHpa, "minReplicas: 2", "minReplicas: 1")), "hpa-min-replicas");
  EXPECT_EQ(at(f), "10:16");
  EXPECT_EQ(f.severity, Severity::Warning);
  Finding unset = only(run(replace(kHpa, "  minReplicas: 2\n", "")), "hpa-min-replicas");
  EXPECT_EQ(at(unset), "6:3");
  EXPECT_NE(unset.message.find("minReplicas unset"), std::string::npos);
}

TEST(Autoscaling, MaxNotAboveMin) {
  Finding f = only(run(replace(kHpa, "maxReplicas: 10", "maxReplicas: 2")), "hpa-max-replicas");
  EXPECT_EQ(at(f), "11:16");
  EXPECT_NE(f.message.find("equal to minReplicas 2"), std::string::npos);
  EXPECT_TRUE(run(replace(kHpa, "maxReplicas: 10", "maxReplicas: 1")).has("hpa-max-replicas"));
}

TEST(Autoscaling, MetricsMissing) {
  std::string none = replace(kHpa, R"(  metrics:
    - type: Resource
      resource:
        name: cpu
        target:
          type: Utilization
          averageUtilization: 70
)",
                             "");
  Finding f = only(run(none), "hpa-metrics-missing");
  EXPECT_EQ(at(f), "6:3");
  EXPECT_EQ(f.severity, Severity::Info);
  // autoscaling/v1 names its metric with targetCPUUtilizationPercentage.
  std::string v1 = replace(replace(none, "autoscaling/v2", "autoscaling/v1"),
                           "  behavior:\n    scaleDown:\n      stabilizationWindowSeconds: 300\n",
                           "  targetCPUUtilizationPercentage: 70\n");
  EXPECT_FALSE(run(v1).has("hpa-metrics-missing"));
}

TEST(Autoscaling, ShortScaleDownWindow) {
  Finding f =
      only(run(replace(kHpa, "stabilizationWindowSeconds: 300", "stabilizationWindowSeconds: 0")),
           "hpa-scale-down-stabilization");
  EXPECT_EQ(at(f), "21:35");
  EXPECT_EQ(f.severity, Severity::Info);
}

} // namespace
} // namespace berth::check::policy::test
