// API-version family: removed vs deprecated per --k8s-version, boundaries, location and wording.
#include <gtest/gtest.h>

#include <cstddef>
#include <string>
#include <vector>

#include "check/apiversion/apiversion.h"
#include "yaml/parse.h"

namespace berth::check::apiversion {
namespace {

// Context wants the schema registry, which this family never touches, and this test binary does
// not link the schema family: a suitably aligned stand-in that is never dereferenced.
const schema::Registry& no_schemas() {
  alignas(std::max_align_t) static const unsigned char storage[64] = {};
  return *reinterpret_cast<const schema::Registry*>(storage);
}

// Runs the family on one YAML document against target 1.`minor`.
std::vector<Finding> check(const std::string& text, int minor, ConfigFile config = {}) {
  static const Catalog catalog(rules());
  Options options;
  options.k8s_version = {1, minor};
  options.config = std::move(config);
  Context ctx(options, catalog, no_schemas());
  yaml::Node root = yaml::parse_document(text, "in.yaml");
  ObjectInfo info;
  info.file = "in.yaml";
  info.api_version = root.text("apiVersion");
  info.kind = root.text("kind");
  info.name = "web";
  info.loc = root.loc();
  check_object(Object{info, root}, ctx);
  return ctx.findings();
}

const char* kIngressBeta = R"(kind: Ingress
apiVersion: networking.k8s.io/v1beta1
metadata: {name: web}
)";
const char* kCronJobBeta = "apiVersion: batch/v1beta1\nkind: CronJob\nmetadata: {name: web}\n";

TEST(ApiVersion, RulesAreWellFormed) {
  Catalog c(rules()); // unique ids
  ASSERT_EQ(c.rules().size(), 2u);
  for (const RuleInfo& r : c.rules()) {
    EXPECT_EQ(r.family, Family::ApiVersion);
    EXPECT_FALSE(r.summary.empty());
    EXPECT_FALSE(r.fix.empty());
  }
  EXPECT_EQ(c.find("api-removed")->severity, Severity::Error);
  EXPECT_EQ(c.find("api-deprecated")->severity, Severity::Warning);
}

TEST(ApiVersion, RemovedFailsAtTheApiVersionField) {
  auto f = check(kIngressBeta, 32);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].rule, "api-removed");
  EXPECT_EQ(f[0].severity, Severity::Error);
  EXPECT_EQ(f[0].loc.line, 2u); // the apiVersion scalar, not the object
  EXPECT_EQ(f[0].loc.column, 13u);
  EXPECT_EQ(f[0].object, "Ingress/web");
  EXPECT_NE(f[0].message.find("since Kubernetes 1.22"), std::string::npos) << f[0].message;
  EXPECT_NE(f[0].message.find("networking.k8s.io/v1"), std::string::npos);
  EXPECT_NE(f[0].message.find("target 1.32"), std::string::npos);
  EXPECT_NE(f[0].fix.find("apiVersion: networking.k8s.io/v1"), std::string::npos) << f[0].fix;
  EXPECT_NE(f[0].fix.find("pathType"), std::string::npos);
}

TEST(ApiVersion, CurrentVersionsPass) {
  EXPECT_TRUE(check("apiVersion: networking.k8s.io/v1\nkind: Ingress\n", 32).empty());
  EXPECT_TRUE(check("apiVersion: batch/v1\nkind: CronJob\n", 20).empty());
  EXPECT_TRUE(check("apiVersion: v1\nkind: Service\n", 32).empty());
  EXPECT_TRUE(check("apiVersion: example.com/v1beta1\nkind: Widget\n", 32).empty());
}

TEST(ApiVersion, BoundaryAt122) {
  auto before = check(kIngressBeta, 21);
  ASSERT_EQ(before.size(), 1u);
  EXPECT_EQ(before[0].rule, "api-deprecated");
  EXPECT_EQ(before[0].severity, Severity::Warning);
  EXPECT_NE(before[0].message.find("deprecated since Kubernetes 1.19 and removed in 1.22"),
            std::string::npos)
      << before[0].message;
  EXPECT_EQ(before[0].loc.line, 2u);
  auto at = check(kIngressBeta, 22);
  ASSERT_EQ(at.size(), 1u);
  EXPECT_EQ(at[0].rule, "api-removed");
}

TEST(ApiVersion, BoundaryAt125) {
  auto before = check(kCronJobBeta, 24);
  ASSERT_EQ(before.size(), 1u);
  EXPECT_EQ(before[0].rule, "api-deprecated");
  auto at = check(kCronJobBeta, 25);
  ASSERT_EQ(at.size(), 1u);
  EXPECT_EQ(at[0].rule, "api-removed");
  EXPECT_NE(at[0].message.find("use batch/v1"), std::string::npos);
}

TEST(ApiVersion, NotYetDeprecatedIsSilent) {
  EXPECT_TRUE(check(kCronJobBeta, 20).empty()); // deprecated in 1.21
  EXPECT_TRUE(check(kIngressBeta, 18).empty()); // deprecated in 1.19
}

TEST(ApiVersion, NoReplacementSaysSo) {
  auto f = check("apiVersion: policy/v1beta1\nkind: PodSecurityPolicy\n", 28);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_NE(f[0].message.find("no replacement"), std::string::npos);
  EXPECT_NE(f[0].fix.find("Pod Security"), std::string::npos);
}

TEST(ApiVersion, WorkloadNoteMentionsSelector) {
  auto f = check("apiVersion: extensions/v1beta1\nkind: Deployment\n", 32);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_NE(f[0].fix.find("spec.selector"), std::string::npos);
}

TEST(ApiVersion, DisabledRulesAndOddInput) {
  ConfigFile off;
  off.disable = {"api-removed"};
  EXPECT_TRUE(check(kIngressBeta, 32, off).empty());
  // A document that is not a mapping, or kind of the wrong type, never throws.
  EXPECT_TRUE(check("- a\n- b\n", 32).empty());
  EXPECT_TRUE(check("apiVersion: batch/v1beta1\nkind: [CronJob]\n", 32).empty());
}

} // namespace
} // namespace berth::check::apiversion
