// PodDisruptionBudget rule: pods guaranteed per environment and the exact object.
#include <gtest/gtest.h>

#include "generate/availability.h"
#include "yaml/emit.h"

namespace berth::generate {
namespace {

TEST(Pdb, ExactObject) {
  AppPlan app;
  app.app = "shop";
  ServicePlan plan;
  plan.name = "web";
  EXPECT_EQ(yaml::emit(availability::make_pdb(app, plan)), R"(apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  name: web
  labels:
    app.kubernetes.io/managed-by: berth
    app.kubernetes.io/name: web
    app.kubernetes.io/part-of: shop
spec:
  minAvailable: 1
  selector:
    matchLabels:
      app.kubernetes.io/name: web
      app.kubernetes.io/part-of: shop
)");
}

TEST(Pdb, MinPodsFollowReplicasOrHpaMinimum) {
  model::Service s;
  s.name = "web";
  ServicePlan plan;
  plan.service = &s;
  plan.name = "web";
  plan.replicas = {{"staging", 1}, {"production", 3}};
  EXPECT_EQ(availability::min_pods_in(plan, "staging"), 1);
  EXPECT_EQ(availability::min_pods_in(plan, "production"), 3);
  EXPECT_EQ(availability::min_pods_in(plan, "unknown"), 1);
  s.x_berth = model::XBerth{};
  s.x_berth->hpa = model::Autoscaling{};
  s.x_berth->hpa->min = 2;
  s.x_berth->hpa->max = 6;
  EXPECT_EQ(availability::min_pods_in(plan, "production"), 2);
}

} // namespace
} // namespace berth::generate
