// HorizontalPodAutoscaler rule: which environments get one, and the exact object.
#include <gtest/gtest.h>

#include "generate/availability.h"
#include "yaml/emit.h"

namespace berth::generate {
namespace {

struct HpaCase {
  model::Service service;
  ServicePlan plan;
  HpaCase(int staging, int production, model::Autoscaling hpa) {
    service.name = "api";
    service.x_berth = model::XBerth{};
    service.x_berth->hpa = hpa;
    plan.name = "api";
    plan.replicas = {{"staging", staging}, {"production", production}};
  }
  ServicePlan& p() { plan.service = &service; return plan; }
};

model::Autoscaling autoscaling(int min, int max, std::optional<int> cpu, std::optional<int> mem) {
  model::Autoscaling a;
  a.min = min;
  a.max = max;
  a.cpu = cpu;
  a.memory = mem;
  return a;
}

TEST(Hpa, OnlyWhereReplicated) {
  HpaCase c(1, 2, autoscaling(1, 5, 60, std::nullopt));
  EXPECT_FALSE(availability::wants_hpa(c.p(), "staging"));
  EXPECT_TRUE(availability::wants_hpa(c.p(), "production"));
}

TEST(Hpa, MinAboveOneEverywhere) {
  HpaCase c(2, 2, autoscaling(2, 10, 50, 70));
  EXPECT_TRUE(availability::wants_hpa(c.p(), "staging"));
  EXPECT_TRUE(availability::wants_hpa(c.p(), "production"));
}

TEST(Hpa, NeverForSingletonsJobsOrMaxOne) {
  HpaCase c(2, 2, autoscaling(2, 10, 50, 70));
  c.plan.singleton = true;
  EXPECT_FALSE(availability::wants_hpa(c.p(), "production"));
  HpaCase j(2, 2, autoscaling(2, 10, 50, 70));
  j.plan.kind = model::WorkloadKind::CronJob;
  EXPECT_FALSE(availability::wants_hpa(j.p(), "production"));
  HpaCase m(2, 2, autoscaling(1, 1, 50, 70));
  EXPECT_FALSE(availability::wants_hpa(m.p(), "production"));
  HpaCase none(2, 2, autoscaling(2, 3, 50, 70));
  none.service.x_berth->hpa.reset();
  EXPECT_FALSE(availability::wants_hpa(none.p(), "production"));
}

TEST(Hpa, ExactObject) {
  AppPlan app;
  app.app = "shop";
  HpaCase c(2, 2, autoscaling(2, 10, 50, 70));
  EXPECT_EQ(yaml::emit(availability::make_hpa(app, c.p(), *c.service.x_berth->hpa)),
            R"(apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  name: api
  labels:
    app.kubernetes.io/managed-by: berth
    app.kubernetes.io/name: api
    app.kubernetes.io/part-of: shop
spec:
  scaleTargetRef:
    apiVersion: apps/v1
    kind: Deployment
    name: api
  minReplicas: 2
  maxReplicas: 10
  metrics:
    - type: Resource
      resource:
        name: cpu
        target:
          type: Utilization
          averageUtilization: 50
    - type: Resource
      resource:
        name: memory
        target:
          type: Utilization
          averageUtilization: 70
  behavior:
    scaleDown:
      stabilizationWindowSeconds: 300
      policies:
        - type: Percent
          value: 50
          periodSeconds: 60
    scaleUp:
      stabilizationWindowSeconds: 0
      policies:
        - type: Percent
          value: 100
          periodSeconds: 15
        - type: Pods
          value: 4
          periodSeconds: 15
      selectPolicy: Max
)");
}

TEST(Hpa, DefaultsToCpuEightyAndTargetsStatefulSets) {
  AppPlan app;
  app.app = "shop";
  HpaCase c(2, 2, autoscaling(2, 4, std::nullopt, std::nullopt));
  c.plan.kind = model::WorkloadKind::StatefulSet;
  yaml::Node hpa = availability::make_hpa(app, c.p(), *c.service.x_berth->hpa);
  const yaml::Node& spec = *hpa.find("spec");
  EXPECT_EQ(spec.find("scaleTargetRef")->text("kind"), "StatefulSet");
  ASSERT_EQ(spec.find("metrics")->items().size(), 1u);
  const yaml::Node& m = spec.find("metrics")->items()[0];
  EXPECT_EQ(m.find("resource")->text("name"), "cpu");
  EXPECT_EQ(m.find("resource")->find("target")->text("averageUtilization"), "80");
}

TEST(Hpa, MemoryOnly) {
  AppPlan app;
  app.app = "shop";
  HpaCase c(2, 2, autoscaling(2, 4, std::nullopt, 75));
  yaml::Node hpa = availability::make_hpa(app, c.p(), *c.service.x_berth->hpa);
  const yaml::Node& metrics = *hpa.find("spec")->find("metrics");
  ASSERT_EQ(metrics.items().size(), 1u);
  EXPECT_EQ(metrics.items()[0].find("resource")->text("name"), "memory");
}

} // namespace
} // namespace berth::generate
