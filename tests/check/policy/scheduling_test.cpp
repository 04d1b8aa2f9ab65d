// Scheduling: replicas spread over nodes, priorityClassName.
#include <gtest/gtest.h>

#include "check/policy/policy_fixture.h"

namespace berth::check::policy::test {
namespace {

const std::string kSpread = R"(      topologySpreadConstraints:
        - maxSkew: 1
          topologyKey: kubernetes.io/hostname
          whenUnsatisfiable: ScheduleAnyway
          labelSelector:
            matchLabels:
              app: web
)";

TEST(Scheduling, ReplicatedWithoutSpreadPointsAtReplicas) {
  Finding f = only(run(replace(kCleanDeployment, kSpread, "")), "anti-affinity-missing");
  EXPECT_EQ(at(f), "7:13");
  EXPECT_NE(f.message.find("Deployment web runs 3 replicas"), std::string::npos);
  EXPECT_FALSE(run(kCleanDeployment).has("anti-affinity-missing"));
}

TEST(Scheduling, AntiAffinityCountsAndSingleReplicasAndDaemonSetsAreExempt) {
  std::string anti = replace(kCleanDeployment, kSpread, R"(      affinity:
        podAntiAffinity:
          preferredDuringSchedulingIgnoredDuringExecution:
            - weight: 100
              podAffinityTerm:
                topologyKey: kubernetes.io/hostname
                labelSelector:
                  matchLabels:
                    app: web
)");
  EXPECT_FALSE(run(anti).has("anti-affinity-missing"));
  std::string single =
      replace(replace(kCleanDeployment, kSpread, ""), "replicas: 3", "replicas: 1");
  EXPECT_FALSE(run(single).has("anti-affinity-missing"));
  std::string daemon = replace(
      replace(replace(kCleanDeployment, kSpread, ""), "kind: Deployment", "kind: DaemonSet"),
      "  replicas: 3\n", "");
  EXPECT_FALSE(run(daemon).has("anti-affinity-missing"));
  std::string stateful =
      replace(replace(kCleanDeployment, kSpread, ""), "kind: Deployment", "kind: StatefulSet");
  EXPECT_TRUE(run(stateful).has("anti-affinity-missing"));
}

TEST(Scheduling, SpreadMustSelectTheWorkloadsOwnPods) {
  std::string other =
      replace(kCleanDeployment, "              app: web\n", "              app: db\n");
  Finding f = only(run(other), "anti-affinity-missing");
  EXPECT_EQ(at(f), "7:13");
  EXPECT_NE(f.message.find("select none of its own pods"), std::string::npos) << f.message;
  std::string expressions = replace(
      kCleanDeployment, "            matchLabels:\n              app: web\n",
      "            matchExpressions:\n              - {key: app, operator: In, values: [web]}\n");
  EXPECT_FALSE(run(expressions).has("anti-affinity-missing"));
}

TEST(Scheduling, PriorityClassIsInfoAtThePodSpec) {
  Finding f = only(run(replace(kCleanDeployment, "      priorityClassName: production\n", "")),
                   "priority-class-missing");
  EXPECT_EQ(at(f), "16:7");
  EXPECT_EQ(f.severity, Severity::Info);
  EXPECT_FALSE(run(kCleanDeployment).has("priority-class-missing"));
}

} // namespace
} // namespace berth::check::policy::test
