// LimitRange rules: limitrange-violation for containers, pods and claims.
#include "check/reference/set_fixture.h"

namespace berth::check::test {
namespace {

const char* kLimitRange = R"(apiVersion: v1
kind: LimitRange
metadata: {name: limits, namespace: shop}
spec:
  limits:
    - type: Container
      max: {cpu: "1", memory: 1Gi}
      min: {cpu: 10m, memory: 16Mi}
      default: {cpu: 500m, memory: 512Mi}
      defaultRequest: {cpu: 100m, memory: 128Mi}
      maxLimitRequestRatio: {memory: "4"}
    - type: PersistentVolumeClaim
      max: {storage: 5Gi}
)";

// Line 10: the container's resources (flow mapping from column 18).
std::string pod(std::string_view resources) {
  return R"(apiVersion: v1
kind: Pod
metadata:
  name: p
  namespace: shop
spec:
  containers:
    - name: app
      image: app:1
      resources: )" +
         std::string(resources) + "\n";
}

TEST(LimitRangeViolation, ContainerWithinTheRangePasses) {
  SetRun s;
  s.add("lr.yaml", kLimitRange)
      .add("pod.yaml", pod("{requests: {cpu: 100m, memory: 256Mi}, limits: {cpu: 500m, memory: "
                           "512Mi}}"));
  EXPECT_TRUE(s.problems().empty()) << dump(s.problems());
  SetRun defaults; // everything from the LimitRange defaults
  defaults.add("lr.yaml", kLimitRange).add("pod.yaml", pod("{}"));
  EXPECT_TRUE(defaults.problems().empty()) << dump(defaults.problems());
}

TEST(LimitRangeViolation, LimitAboveMaxIsAnErrorAtTheLimit) {
  SetRun s;
  s.add("lr.yaml", kLimitRange)
      .add("pod.yaml", pod("{requests: {memory: 512Mi}, limits: {memory: 2Gi}}"));
  Finding f = only(s.run(), "limitrange-violation");
  EXPECT_EQ(f.file, "pod.yaml");
  EXPECT_EQ(at(f), "10:63");
  EXPECT_EQ(f.message, "container \"app\": limits.memory 2Gi is above the maximum 1Gi of "
                       "LimitRange \"limits\" (namespace \"shop\"): the API server rejects it");
}

TEST(LimitRangeViolation, RequestBelowMin) {
  SetRun s;
  s.add("lr.yaml", kLimitRange).add("pod.yaml", pod("{requests: {cpu: 5m}}"));
  Finding f = only(s.run(), "limitrange-violation");
  EXPECT_EQ(at(f), "10:35");
  EXPECT_TRUE(f.message.starts_with("container \"app\": requests.cpu 5m is below the minimum 10m"))
      << f.message;
}

TEST(LimitRangeViolation, RatioAboveMaxLimitRequestRatio) {
  SetRun s;
  s.add("lr.yaml", kLimitRange)
      .add("pod.yaml", pod("{requests: {memory: 128Mi}, limits: {memory: 1Gi}}"));
  Finding f = only(s.run(), "limitrange-violation");
  EXPECT_TRUE(f.message.starts_with("container \"app\": limits.memory/requests.memory = 1Gi/128Mi "
                                    "exceeds maxLimitRequestRatio 4 of"))
      << f.message;
}

TEST(LimitRangeViolation, ClaimAboveMaxStorage) {
  SetRun s;
  s.add("lr.yaml", kLimitRange)
      .add("pvc.yaml", "apiVersion: v1\nkind: PersistentVolumeClaim\n"
                       "metadata: {name: data, namespace: shop}\n"
                       "spec:\n  resources:\n    requests:\n      storage: 10Gi\n");
  Finding f = only(s.run(), "limitrange-violation");
  EXPECT_EQ(f.object, "PersistentVolumeClaim/data");
  EXPECT_EQ(at(f), "7:16");
  EXPECT_EQ(f.message, "the claim requests 10Gi of storage, above the maximum 5Gi of LimitRange "
                       "\"limits\" (namespace \"shop\"): the API server rejects it");
}

TEST(LimitRangeViolation, PodItemsCheckTheSums) {
  SetRun s;
  s.add("lr.yaml", "apiVersion: v1\nkind: LimitRange\nmetadata: {name: pods, namespace: shop}\n"
                   "spec: {limits: [{type: Pod, max: {memory: 1Gi}}]}\n");
  s.add("pod.yaml",
        "apiVersion: v1\nkind: Pod\nmetadata: {name: p, namespace: shop}\nspec:\n"
        "  containers:\n    - {name: a, image: 'a:1', resources: {limits: {memory: 768Mi}}}\n"
        "    - {name: b, image: 'b:1', resources: {limits: {memory: 768Mi}}}\n");
  Finding f = only(s.run(), "limitrange-violation");
  EXPECT_EQ(at(f), "5:3");
  EXPECT_TRUE(
      f.message.starts_with("the pod's limits.memory 1.5Gi is above the Pod maximum 1Gi of"))
      << f.message;
}

TEST(LimitRangeViolation, OtherNamespacesAreNotConstrained) {
  std::string other = pod("{limits: {memory: 2Gi}}");
  other.replace(other.find("namespace: shop"), 15, "namespace: else");
  SetRun s;
  s.add("lr.yaml", kLimitRange).add("pod.yaml", other);
  EXPECT_TRUE(of(s.run(), "limitrange-violation").empty()) << dump(s.run());
}

} // namespace
} // namespace berth::check::test
