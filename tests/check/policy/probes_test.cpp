// Probes: liveness/readiness present on long-running containers, not identical, startup probe.
#include <gtest/gtest.h>

#include "check/policy/policy_fixture.h"

namespace berth::check::policy::test {
namespace {

const std::string kLivenessBlock = R"(          livenessProbe:
            httpGet:
              path: /healthz
              port: http
            failureThreshold: 6
)";
const std::string kReadinessBlock = R"(          readinessProbe:
            httpGet:
              path: /healthz
              port: http
)";
const std::string kStartupBlock = R"(          startupProbe:
            httpGet:
              path: /healthz
              port: http
            failureThreshold: 30
)";

TEST(Probes, LivenessMissingPointsAtTheContainer) {
  PolicyRun r = run(replace(kCleanDeployment, kLivenessBlock, ""));
  Finding f = only(r, "probe-liveness-missing");
  EXPECT_EQ(at(f), "33:11");
  EXPECT_EQ(f.object, "Deployment/web");
  EXPECT_NE(f.message.find("container \"web\" has no livenessProbe"), std::string::npos);
  EXPECT_FALSE(run(kCleanDeployment).has("probe-liveness-missing"));
}

TEST(Probes, ReadinessMissingOnlyForContainersWithPorts) {
  std::string no_readiness = replace(kCleanDeployment, kReadinessBlock, "");
  EXPECT_EQ(at(only(run(no_readiness), "probe-readiness-missing")), "33:11");
  // A queue worker declares no ports: nothing sends it traffic, readiness is moot.
  std::string worker = replace(no_readiness, R"(          ports:
            - name: http
              containerPort: 8080
)",
                               "");
  EXPECT_FALSE(run(worker).has("probe-readiness-missing"));
}

TEST(Probes, IdenticalMeansSameHandlerAndSameTiming) {
  // Without its own failureThreshold the liveness probe times out exactly like readiness.
  std::string same = replace(kCleanDeployment, "            failureThreshold: 6\n", "");
  Finding f = only(run(same), "probe-identical");
  EXPECT_EQ(at(f), "55:13"); // the livenessProbe mapping
  EXPECT_NE(f.message.find("container \"web\""), std::string::npos);
  // Same endpoint, a more patient liveness threshold: the recommended pattern.
  EXPECT_FALSE(run(kCleanDeployment).has("probe-identical"));
  // Key order and quoting do not hide identical probes; defaults are filled in.
  std::string reordered = replace(same, R"(          readinessProbe:
            httpGet:
              path: /healthz
              port: http
)",
                                  R"(          readinessProbe:
            periodSeconds: 10
            httpGet:
              port: "http"
              path: /healthz
)");
  EXPECT_TRUE(run(reordered).has("probe-identical"));
  std::string other_path = replace(same, R"(          readinessProbe:
            httpGet:
              path: /healthz)",
                                   R"(          readinessProbe:
            httpGet:
              path: /ready)");
  EXPECT_FALSE(run(other_path).has("probe-identical"));
}

TEST(Probes, StartupProbeIsAnOptInInfo) {
  std::string no_startup = replace(kCleanDeployment, kStartupBlock, "");
  EXPECT_FALSE(run(no_startup).has("probe-startup-missing"));
  Finding f = only(run(no_startup, enabling({"probe-startup-missing"})), "probe-startup-missing");
  EXPECT_EQ(at(f), "50:13"); // the livenessProbe mapping, 5 lines up
  EXPECT_EQ(f.severity, Severity::Info);
  EXPECT_FALSE(
      run(kCleanDeployment, enabling({"probe-startup-missing"})).has("probe-startup-missing"));
}

TEST(Probes, JobsRunToCompletionPodsAndInitContainersNeedNone) {
  PolicyRun r = run(R"(apiVersion: batch/v1
kind: Job
metadata:
  name: migrate
spec:
  template:
    spec:
      restartPolicy: Never
      containers:
        - name: migrate
          image: app:1.0
          ports:
            - containerPort: 8080
---
apiVersion: v1
kind: Pod
metadata:
  name: once
spec:
  restartPolicy: OnFailure
  containers:
    - name: once
      image: app:1.0
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  template:
    spec:
      initContainers:
        - name: wait
          image: busybox:1.36
          ports:
            - containerPort: 1
      containers:
        - name: web
          image: app:1.0
          livenessProbe:
            tcpSocket:
              port: 8080
)");
  EXPECT_FALSE(r.has("probe-liveness-missing")) << r.dump();
  EXPECT_FALSE(r.has("probe-readiness-missing")) << r.dump();
}

TEST(Probes, BarePodsThatRestartAreChecked) {
  PolicyRun r = run(R"(apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
    - name: web
      image: app:1.0
)");
  EXPECT_EQ(at(only(r, "probe-liveness-missing")), "7:7");
}

} // namespace
} // namespace berth::check::policy::test
