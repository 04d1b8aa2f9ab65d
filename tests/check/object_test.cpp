// Object helpers every checker relies on: group/version, display name, path lookups and the pod
// template of each workload kind — tolerant of missing steps and wrong types.
#include <gtest/gtest.h>

#include "check/object.h"
#include "yaml/parse.h"

using namespace berth::check;
using berth::yaml::parse_document;

namespace {

ObjectInfo info_of(std::string api_version, std::string kind) {
  ObjectInfo i;
  i.api_version = std::move(api_version);
  i.kind = std::move(kind);
  return i;
}

} // namespace

TEST(Object, GroupVersionDisplay) {
  ObjectInfo core = info_of("v1", "Service");
  EXPECT_EQ(core.group(), "");
  EXPECT_EQ(core.version(), "v1");
  ObjectInfo apps = info_of("apps/v1", "Deployment");
  apps.name = "web";
  EXPECT_EQ(apps.group(), "apps");
  EXPECT_EQ(apps.version(), "v1");
  EXPECT_EQ(apps.display(), "Deployment/web");
  EXPECT_EQ(info_of("", "").display(), "?/?");
}

TEST(Object, PathStopsAtMissingOrNonMappingSteps) {
  auto root = parse_document("a: {b: {c: 1}, l: [1]}\n", "x");
  ASSERT_NE(path(root, {"a", "b", "c"}), nullptr);
  EXPECT_EQ(path(root, {"a", "b", "c"})->value(), "1");
  EXPECT_EQ(path(root, {"a", "x"}), nullptr);
  EXPECT_EQ(path(root, {"a", "b", "c", "d"}), nullptr);
  EXPECT_EQ(path(root, {"a", "l", "0"}), nullptr);
  EXPECT_EQ(path(root, {}), &root);
}

TEST(Object, PodSpecOfEachWorkloadKind) {
  auto templated = parse_document(
      "spec: {template: {metadata: {labels: {app: a}}, spec: {containers: []}}}\n", "x");
  for (const char* kind :
       {"Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "Job", "ReplicationController"}) {
    ObjectInfo i = info_of("apps/v1", kind);
    Object o{i, templated};
    ASSERT_NE(pod_spec(o), nullptr) << kind;
    EXPECT_TRUE(pod_spec(o)->has("containers")) << kind;
    ASSERT_NE(pod_metadata(o), nullptr) << kind;
    EXPECT_TRUE(pod_metadata(o)->has("labels")) << kind;
  }
  auto cron =
      parse_document("spec: {jobTemplate: {spec: {template: {spec: {containers: []}}}}}\n", "x");
  ObjectInfo ci = info_of("batch/v1", "CronJob");
  EXPECT_NE(pod_spec(Object{ci, cron}), nullptr);
  EXPECT_EQ(pod_metadata(Object{ci, cron}), nullptr);
  auto pod = parse_document("metadata: {name: p}\nspec: {containers: []}\n", "x");
  ObjectInfo pi = info_of("v1", "Pod");
  EXPECT_NE(pod_spec(Object{pi, pod}), nullptr);
  EXPECT_NE(pod_metadata(Object{pi, pod}), nullptr);
  auto pt = parse_document("template: {spec: {containers: []}}\n", "x");
  ObjectInfo pti = info_of("v1", "PodTemplate");
  EXPECT_NE(pod_spec(Object{pti, pt}), nullptr);
  ObjectInfo svc = info_of("v1", "Service");
  EXPECT_EQ(pod_spec(Object{svc, templated}), nullptr);
  EXPECT_TRUE(has_pod_template("CronJob"));
  EXPECT_FALSE(has_pod_template("Service"));
}

TEST(Object, PodSpecOfWrongTypesIsNull) {
  ObjectInfo d = info_of("apps/v1", "Deployment");
  for (const char* text :
       {"spec: 1\n", "spec: {template: []}\n", "spec: {template: {spec: x}}\n", "{}\n"}) {
    auto root = parse_document(text, "x");
    EXPECT_EQ(pod_spec(Object{d, root}), nullptr) << text;
    EXPECT_EQ(pod_metadata(Object{d, root}), nullptr) << text;
  }
  ObjectInfo p = info_of("v1", "Pod");
  auto bad_pod = parse_document("spec: [1]\nmetadata: x\n", "x");
  EXPECT_EQ(pod_spec(Object{p, bad_pod}), nullptr);
  EXPECT_EQ(pod_metadata(Object{p, bad_pod}), nullptr);
}
