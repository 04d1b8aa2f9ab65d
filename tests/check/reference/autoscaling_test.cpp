// HPA → workload: hpa-target-missing, hpa-target-no-requests.
#include "check/reference/set_fixture.h"

namespace berth::check::test {
namespace {

const char* kDeployment = R"(apiVersion: apps/v1
kind: Deployment
metadata: {name: api}
spec:
  selector: {matchLabels: {app: api}}
  template:
    metadata: {labels: {app: api}}
    spec:
      containers:
        - name: api
          image: api:1
          resources: {requests: {cpu: 100m, memory: 64Mi}}
        - name: proxy
          image: proxy:1
          resources: {limits: {cpu: 50m}}
---
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata: {name: api}
spec: {maxUnavailable: 1, selector: {matchLabels: {app: api}}}
)";

// Line 9: scaleTargetRef.name (column 11); line 15: the metric's resource mapping (column 9).
std::string hpa(std::string_view kind, std::string_view name, std::string_view resource) {
  return R"(apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  name: api
spec:
  scaleTargetRef:
    apiVersion: apps/v1
    kind: )" +
         std::string(kind) + "\n    name: " + std::string(name) + R"(
  minReplicas: 2
  maxReplicas: 5
  metrics:
    - type: Resource
      resource:
        name: )" +
         std::string(resource) + R"(
        target: {type: Utilization, averageUtilization: 70}
)";
}

TEST(HpaTarget, ExistingTargetWithRequestsPasses) {
  SetRun s;
  s.add("app.yaml", kDeployment).add("hpa.yaml", hpa("Deployment", "api", "cpu"));
  EXPECT_TRUE(s.problems().empty()) << dump(s.problems());
}

TEST(HpaTarget, MissingTargetIsAnErrorAtItsName) {
  SetRun s;
  s.add("app.yaml", kDeployment).add("hpa.yaml", hpa("Deployment", "apii", "cpu"));
  Finding f = only(s.run(), "hpa-target-missing");
  EXPECT_EQ(at(f), "9:11");
  EXPECT_EQ(f.message, "scaleTargetRef Deployment/apii is not in the default namespace of the set");
}

TEST(HpaTarget, WrongKindIsMissingToo) {
  SetRun s;
  s.add("app.yaml", kDeployment).add("hpa.yaml", hpa("StatefulSet", "api", "cpu"));
  // No StatefulSet at all in the set: silent unless --complete.
  EXPECT_TRUE(of(s.run(), "hpa-target-missing").empty());
  s.options.complete = true;
  EXPECT_EQ(of(s.run(), "hpa-target-missing").size(), 1u);
}

TEST(HpaTargetRequests, MemoryUtilizationWithoutMemoryRequestIsAnError) {
  SetRun s;
  s.add("app.yaml", kDeployment).add("hpa.yaml", hpa("Deployment", "api", "memory"));
  Finding f = only(s.run(), "hpa-target-no-requests");
  EXPECT_EQ(at(f), "15:9");
  EXPECT_EQ(f.message, "memory utilization needs resources.requests.memory on the containers of "
                       "Deployment/api; missing on \"proxy\"");
}

TEST(HpaTargetRequests, LimitRangeDefaultRequestCovers) {
  SetRun s;
  s.add("app.yaml", kDeployment).add("hpa.yaml", hpa("Deployment", "api", "memory"));
  s.add("lr.yaml", "apiVersion: v1\nkind: LimitRange\nmetadata: {name: d}\nspec:\n"
                   "  limits: [{type: Container, default: {memory: 256Mi}}]\n");
  EXPECT_TRUE(of(s.run(), "hpa-target-no-requests").empty()) << dump(s.run());
}

TEST(HpaTargetRequests, V2WithoutMetricsMeansCpu) {
  std::string deployment = kDeployment;
  deployment.replace(deployment.find("{requests: {cpu: 100m, memory: 64Mi}}"), 37,
                     "{requests: {memory: 64Mi}}");
  SetRun s;
  s.add("app.yaml", deployment)
      .add("hpa.yaml", "apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\n"
                       "metadata: {name: api}\nspec:\n"
                       "  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: api}\n"
                       "  maxReplicas: 3\n");
  Finding f = only(s.run(), "hpa-target-no-requests");
  EXPECT_EQ(at(f), "5:3");
  EXPECT_NE(f.message.find("missing on \"api\""), std::string::npos) << f.message;
}

} // namespace
} // namespace berth::check::test
