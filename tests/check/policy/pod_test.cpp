// Pod template views: which kinds run until replaced, container order and names, inheritance.
#include "check/policy/pod.h"

#include <gtest/gtest.h>

#include "yaml/parse.h"

namespace berth::check::policy {
namespace {

ObjectInfo info(std::string kind) {
  ObjectInfo i;
  i.kind = std::move(kind);
  i.api_version = "v1";
  return i;
}

TEST(PolicyPod, LongRunningKinds) {
  yaml::Node workload =
      yaml::parse_document("spec: {template: {spec: {containers: []}}}", "t.yaml");
  for (const char* kind : {"Deployment", "StatefulSet", "DaemonSet", "ReplicaSet"}) {
    ObjectInfo i = info(kind);
    std::optional<Pod> pod = pod_of(Object{i, workload});
    ASSERT_TRUE(pod) << kind;
    EXPECT_TRUE(pod->long_running) << kind;
  }
  ObjectInfo job = info("Job");
  EXPECT_FALSE(pod_of(Object{job, workload})->long_running);
  ObjectInfo svc = info("Service");
  EXPECT_FALSE(pod_of(Object{svc, workload}));

  yaml::Node pod = yaml::parse_document("spec: {restartPolicy: Never, containers: []}", "t.yaml");
  ObjectInfo p = info("Pod");
  EXPECT_FALSE(pod_of(Object{p, pod})->long_running);
}

TEST(PolicyPod, ContainersInitFirstAndDescribed) {
  yaml::Node doc = yaml::parse_document(R"(spec:
  securityContext: {runAsUser: 5, runAsNonRoot: true}
  initContainers: [{name: setup}, oops]
  containers:
    - name: app
      securityContext: {runAsUser: 7}
    - {}
)",
                                        "t.yaml");
  ObjectInfo i = info("Pod");
  Pod pod = *pod_of(Object{i, doc});
  std::vector<std::string> seen;
  std::vector<std::int64_t> users;
  for_each_container(pod, [&](const Container& c) {
    seen.push_back(describe(c));
    users.push_back(integer(effective_security(pod, c, "runAsUser")).value_or(-1));
  });
  EXPECT_EQ(seen, (std::vector<std::string>{"init container \"setup\"", "container \"app\"",
                                            "container #2"}));
  EXPECT_EQ(users, (std::vector<std::int64_t>{5, 7, 5}));
}

} // namespace
} // namespace berth::check::policy
