// The built-in schemas against ../shared/schemas/kubernetes/definitions.json, both ways: every
// built-in field exists there with the same type, every field there exists in the built-in
// (for the kinds the built-in covers), so the hand-written set cannot drift.
#include <gtest/gtest.h>

#include <set>

#include "check/schema/builtin.h"
#include "check/schema/json_reader.h"
#include "check/schema/source_file.h"
#include "support/test_support.h"

namespace berth::check::schema {
namespace {

std::string_view ref_of(const yaml::Node& s) {
  const yaml::Node* r = s.is_mapping() ? s.find("$ref") : nullptr;
  if (!r) return {};
  std::string_view v = r->value();
  return v.substr(v.rfind('/') + 1);
}

// A one-line shape of a schema: what the comparison needs (types, formats, refs, nesting).
std::string shape(const yaml::Node& s) {
  if (!s.is_mapping()) return "?";
  if (std::string_view r = ref_of(s); !r.empty()) return "ref " + std::string(r);
  if (const yaml::Node* one = s.find("oneOf")) {
    std::string out = "oneOf(";
    for (const yaml::Node& b : one->items())
      out += shape(b) + ",";
    return out + ")";
  }
  std::string out = s.text("type");
  if (std::string f = s.text("format"); !f.empty()) out += "/" + f;
  if (const yaml::Node* items = s.find("items")) out += "[" + shape(*items) + "]";
  if (const yaml::Node* ap = s.find("additionalProperties"); ap && ap->is_mapping())
    out += "{" + shape(*ap) + "}";
  return out;
}

std::set<std::string> names(const yaml::Node* mapping) {
  std::set<std::string> out;
  if (mapping && mapping->is_mapping())
    for (const yaml::Entry& e : mapping->entries())
      out.insert(e.key.value());
  return out;
}

std::set<std::string> required(const yaml::Node& def) {
  std::set<std::string> out;
  if (const yaml::Node* r = def.find("required"))
    for (const yaml::Node& n : r->items())
      out.insert(n.value());
  return out;
}

void collect_refs(const yaml::Node& s, std::vector<std::string>& out) {
  if (std::string_view r = ref_of(s); !r.empty()) out.emplace_back(r);
  if (s.is_mapping())
    for (const yaml::Entry& e : s.entries())
      collect_refs(e.value, out);
  if (s.is_sequence())
    for (const yaml::Node& i : s.items())
      collect_refs(i, out);
}

// Definitions reachable from `roots` in `defs`.
std::set<std::string> closure(const yaml::Node& defs, const std::vector<std::string>& roots) {
  std::set<std::string> seen;
  std::vector<std::string> todo = roots;
  while (!todo.empty()) {
    std::string n = todo.back();
    todo.pop_back();
    if (!seen.insert(n).second) continue;
    if (const yaml::Node* d = defs.find(n)) {
      const yaml::Node* props = d->find("properties");
      // Only follow fields: the definition's own extensions carry no refs worth following.
      if (props)
        collect_refs(*props, todo);
      else
        collect_refs(*d, todo);
    }
  }
  return seen;
}

class SchemaBuiltinVsDefinitions : public ::testing::Test {
protected:
  void SetUp() override {
    auto shared = berth::test::shared_dir();
    if (shared.empty()) GTEST_SKIP() << "../shared is absent";
    std::string path = (shared / "schemas/kubernetes/definitions.json").string();
    doc_ = read_json(read_source_file(path), path);
    defs_ = doc_.find("definitions");
    ASSERT_NE(defs_, nullptr);
    for (const BuiltinRoot& r : builtin_schemas().roots)
      if (!r.crd) roots_.push_back(r.definition);
    ASSERT_GE(roots_.size(), 19u);
  }
  yaml::Node doc_;
  const yaml::Node* defs_ = nullptr;
  std::vector<std::string> roots_;
};

TEST_F(SchemaBuiltinVsDefinitions, EveryBuiltinFieldExistsThereWithTheSameType) {
  const yaml::Node& mine = builtin_schemas().definitions;
  std::vector<std::string> diffs;
  for (const std::string& name : closure(mine, roots_)) {
    const yaml::Node* theirs = defs_->find(name);
    const yaml::Node* ours = mine.find(name);
    if (!theirs) {
      diffs.push_back(name + ": not in definitions.json");
      continue;
    }
    const yaml::Node* our_props = ours->find("properties");
    if (!our_props) {
      if (shape(*ours) != shape(*theirs))
        diffs.push_back(name + ": " + shape(*ours) + " vs " + shape(*theirs));
      continue;
    }
    const yaml::Node* their_props = theirs->find("properties");
    for (const yaml::Entry& e : our_props->entries()) {
      const yaml::Node* t = their_props ? their_props->find(e.key.value()) : nullptr;
      if (!t)
        diffs.push_back(name + "." + e.key.value() + ": not in definitions.json");
      else if (shape(e.value) != shape(*t))
        diffs.push_back(name + "." + e.key.value() + ": built-in " + shape(e.value) +
                        ", definitions.json " + shape(*t));
    }
    if (required(*ours) != required(*theirs)) {
      std::string a, b;
      for (const auto& r : required(*ours))
        a += r + " ";
      for (const auto& r : required(*theirs))
        b += r + " ";
      diffs.push_back(name + ": required built-in [" + a + "] vs definitions.json [" + b + "]");
    }
  }
  std::string all;
  for (const auto& d : diffs)
    all += d + "\n";
  EXPECT_TRUE(diffs.empty()) << diffs.size() << " differences:\n" << all;
}

TEST_F(SchemaBuiltinVsDefinitions, EveryFieldThereExistsInTheBuiltin) {
  const yaml::Node& mine = builtin_schemas().definitions;
  std::vector<std::string> diffs;
  for (const std::string& name : closure(*defs_, roots_)) {
    const yaml::Node* ours = mine.find(name);
    if (!ours) {
      diffs.push_back(name + ": missing from the built-in");
      continue;
    }
    const yaml::Node* theirs = defs_->find(name);
    for (const std::string& p : names(theirs->find("properties")))
      if (!names(ours->find("properties")).count(p))
        diffs.push_back(name + "." + p + ": missing from the built-in");
  }
  std::string all;
  for (const auto& d : diffs)
    all += d + "\n";
  EXPECT_TRUE(diffs.empty()) << diffs.size() << " differences:\n" << all;
}

TEST(SchemaBuiltin, CoversTheKindsBerthGenerates) {
  std::set<std::string> kinds;
  for (const BuiltinRoot& r : builtin_schemas().roots)
    kinds.insert(r.api_version + " " + r.kind);
  for (const char* k : {"apps/v1 Deployment",
                        "apps/v1 StatefulSet",
                        "apps/v1 DaemonSet",
                        "batch/v1 Job",
                        "batch/v1 CronJob",
                        "v1 Pod",
                        "v1 Service",
                        "v1 ConfigMap",
                        "v1 Secret",
                        "v1 PersistentVolumeClaim",
                        "networking.k8s.io/v1 Ingress",
                        "networking.k8s.io/v1 NetworkPolicy",
                        "autoscaling/v2 HorizontalPodAutoscaler",
                        "policy/v1 PodDisruptionBudget",
                        "v1 ResourceQuota",
                        "v1 LimitRange",
                        "v1 Namespace",
                        "v1 ServiceAccount",
                        "scheduling.k8s.io/v1 PriorityClass",
                        "bitnami.com/v1alpha1 SealedSecret",
                        "monitoring.coreos.com/v1 ServiceMonitor",
                        "monitoring.coreos.com/v1 PrometheusRule",
                        "traefik.io/v1alpha1 IngressRoute",
                        "traefik.io/v1alpha1 Middleware",
                        "argoproj.io/v1alpha1 Application",
                        "source.toolkit.fluxcd.io/v1 GitRepository",
                        "kustomize.toolkit.fluxcd.io/v1 Kustomization",
                        "external-secrets.io/v1 ExternalSecret",
                        "postgresql.cnpg.io/v1 Cluster",
                        "postgresql.cnpg.io/v1 ScheduledBackup",
                        "cert-manager.io/v1 Certificate"})
    EXPECT_TRUE(kinds.count(k)) << k;
}

TEST(SchemaBuiltin, MalformedTextIsALogicError) {
  EXPECT_THROW(parse_builtin({"package p\nT\n  a nosuchtype\n"}), std::logic_error);
  EXPECT_THROW(parse_builtin({"T\n  a string\n"}), std::logic_error);
  EXPECT_THROW(parse_builtin({"package p\nT\n  a string bogus\n"}), std::logic_error);
  EXPECT_NO_THROW(parse_builtin({"package p\nT @x/v1\n  a [string] A|B\n  b {intstr}\n"}));
}

} // namespace
} // namespace berth::check::schema
