// Resources: cpu/memory requests and memory limit on every container; cpu limit opt-in.
#include <gtest/gtest.h>

#include "check/policy/policy_fixture.h"

namespace berth::check::policy::test {
namespace {

TEST(Resources, EachMissingValuePointsAtTheResourcesMapping) {
  struct Case {
    const char* line;
    const char* rule;
  } cases[] = {
      {"              cpu: 100m\n", "resources-cpu-request-missing"},
      {"              memory: 128Mi\n", "resources-memory-request-missing"},
      {"              memory: 256Mi\n", "resources-memory-limit-missing"},
  };
  for (const Case& c : cases) {
    PolicyRun r = run(replace(kCleanDeployment, c.line, ""));
    Finding f = only(r, c.rule);
    EXPECT_EQ(at(f), "43:13") << c.rule;
    EXPECT_NE(f.message.find("container \"web\" sets no"), std::string::npos) << f.message;
    EXPECT_EQ(r.findings.size(), 1u) << r.dump();
    EXPECT_FALSE(run(kCleanDeployment).has(c.rule));
  }
}

TEST(Resources, CpuLimitIsOptIn) {
  std::string no_limit = replace(kCleanDeployment, "              cpu: 500m\n", "");
  EXPECT_TRUE(run(no_limit).findings.empty());
  Finding f =
      only(run(no_limit, enabling({"resources-cpu-limit-missing"})), "resources-cpu-limit-missing");
  EXPECT_EQ(at(f), "43:13");
  EXPECT_EQ(f.severity, Severity::Info);
}

TEST(Resources, NoResourcesAtAllPointsAtTheContainerAndZeroIsUnset) {
  PolicyRun r = run(R"(apiVersion: batch/v1
kind: Job
metadata:
  name: migrate
spec:
  template:
    spec:
      initContainers:
        - name: wait
          image: busybox:1.36
      containers:
        - name: migrate
          image: app:1.0
          resources:
            requests:
              cpu: "0"
              memory: 64Mi
            limits:
              memory: 64Mi
)");
  std::vector<Finding> cpu = r.of("resources-cpu-request-missing");
  ASSERT_EQ(cpu.size(), 2u) << r.dump();
  EXPECT_EQ(at(cpu[0]), "9:11"); // the init container mapping: it has no resources at all
  EXPECT_NE(cpu[0].message.find("init container \"wait\""), std::string::npos);
  EXPECT_EQ(at(cpu[1]), "15:13"); // cpu: "0" is no request
  EXPECT_EQ(r.of("resources-memory-request-missing").size(), 1u);
  EXPECT_EQ(r.of("resources-memory-limit-missing").size(), 1u);
}

TEST(Resources, PodLevelResourcesCoverTheContainers) {
  PolicyRun r = run(R"(apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  resources:
    requests:
      cpu: 100m
      memory: 64Mi
    limits:
      memory: 128Mi
  containers:
    - name: a
      image: app:1.0
)");
  EXPECT_FALSE(r.has("resources-cpu-request-missing")) << r.dump();
  EXPECT_FALSE(r.has("resources-memory-request-missing"));
  EXPECT_FALSE(r.has("resources-memory-limit-missing"));
}

TEST(Resources, WrongTypesDoNotThrow) {
  PolicyRun r = run(R"(apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
    - name: a
      image: app:1.0
      resources: [1, 2]
    - just a string
)");
  EXPECT_EQ(r.of("resources-cpu-request-missing").size(), 1u) << r.dump();
}

} // namespace
} // namespace berth::check::policy::test
