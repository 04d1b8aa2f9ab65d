// `berth import` end to end through the binary: the example exports build with kustomize and
// every object validates (kubernetes-models oracle, strict unknown-field walk), output is
// deterministic and matches the checked-in golden trees, edits are never clobbered, no secret
// value of an export reaches the tree, and `berth check` finds no errors in what it wrote.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <vector>

#include "cli/tree_oracle.h"
#include "seal/base64.h"
#include "support/test_support.h"
#include "yaml/json.h"
#include "yaml/parse.h"

namespace fs = std::filesystem;
using berth::test::run;
using namespace berth::test;

namespace {

const fs::path examples = berth::test::source_dir() / "examples/import";

berth::test::RunResult import(const std::string& inputs, const fs::path& out,
                              const std::string& extra = "") {
  return run(quote(berth::test::berth_binary()) + " import " + inputs + " -o " + quote(out) + " " +
             extra);
}

// The examples: an input path each.
struct Example {
  const char* name;
  const char* input; // relative to examples/import
};
const Example kExamples[] = {{"vaultwarden", "vaultwarden/export.yaml"},
                             {"storefront", "storefront"}};

} // namespace

TEST(ImportE2E, ExamplesBuildAndValidate) {
  if (!berth::test::have_program("kubectl")) GTEST_SKIP() << "SKIPPED: kubectl not installed";
  if (!have_oracle())
    std::cerr << "SKIPPED: validation (node or tests/oracle/node_modules absent)\n";
  if (!have_schemas()) std::cerr << "SKIPPED: unknown-field check (../shared/schemas absent)\n";
  for (const Example& e : kExamples) {
    SCOPED_TRACE(e.name);
    fs::path out = berth::test::temp_dir("import-e2e") / e.name;
    auto r = import(quote(examples / e.input), out);
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_TRUE(r.out.empty()); // stdout carries nothing
    EXPECT_NE(r.err.find("berth: report: "), std::string::npos) << r.err;
    EXPECT_EQ(build_and_validate(out), "");
  }
}

TEST(ImportE2E, StdinJsonAndLoadBalancerIngressMode) {
  if (!berth::test::have_program("kubectl")) GTEST_SKIP() << "SKIPPED: kubectl not installed";
  // The storefront export as one JSON List on stdin (kubectl get -o json).
  nlohmann::ordered_json items = nlohmann::ordered_json::array();
  for (const char* f : {"helm-storefront.yaml", "cluster-state.yaml"})
    for (auto& o : yaml_to_json_array(berth::test::read_file(examples / "storefront" / f), f))
      items.push_back(o);
  nlohmann::ordered_json list = {{"apiVersion", "v1"}, {"kind", "List"}, {"items", items}};
  fs::path out = berth::test::temp_dir("import-e2e") / "lb";
  auto r =
      run(quote(berth::test::berth_binary()) + " import - --loadbalancer ingress -o " + quote(out),
          list.dump());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(fs::exists(out / "base/web/ingress.yaml"));
  EXPECT_EQ(build_and_validate(out), "");
}

TEST(ImportE2E, Deterministic) {
  fs::path base = berth::test::temp_dir("import-det");
  for (const Example& e : kExamples) {
    ASSERT_EQ(import(quote(examples / e.input), base / e.name / "a").exit_code, 0);
    ASSERT_EQ(import(quote(examples / e.input), base / e.name / "b").exit_code, 0);
    expect_same_tree(base / e.name / "a", base / e.name / "b");
  }
}

TEST(ImportE2E, NeverClobbersEditedFiles) {
  fs::path out = berth::test::temp_dir("import-edit") / "t";
  const std::string input = quote(examples / "vaultwarden/export.yaml");
  ASSERT_EQ(import(input, out).exit_code, 0);
  ASSERT_EQ(import(input, out).exit_code, 0); // unchanged re-run
  fs::path edited = out / "base/vaultwarden/deployment.yaml";
  std::string mine = berth::test::read_file(edited) + "# my change\n";
  berth::test::write_file(edited, mine);
  auto before = file_tree(out);
  auto r = import(input, out);
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("base/vaultwarden/deployment.yaml"), std::string::npos) << r.err;
  EXPECT_EQ(file_tree(out), before);
  r = import(input, out, "--force");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(berth::test::read_file(edited), mine);
}

TEST(ImportE2E, UnusableInputWritesNothing) {
  fs::path dir = berth::test::temp_dir("import-bad");
  berth::test::write_file(dir / "two.yaml", R"(apiVersion: v1
kind: ConfigMap
metadata: {name: a, namespace: one}
---
apiVersion: v1
kind: ConfigMap
metadata: {name: b, namespace: two}
)");
  auto r = import(quote(dir / "two.yaml"), dir / "out");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("two.yaml:5:"), std::string::npos) << r.err; // the second namespace
  EXPECT_NE(r.err.find("--namespace-map"), std::string::npos) << r.err;
  EXPECT_FALSE(fs::exists(dir / "out"));
  berth::test::write_file(dir / "bad.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {}\n");
  r = import(quote(dir / "bad.yaml"), dir / "out");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("bad.yaml:3:"), std::string::npos) << r.err;
  EXPECT_EQ(
      run(quote(berth::test::berth_binary()) + " import " + quote(dir / "two.yaml")).exit_code,
      2); // -o is required
}

// Golden trees of the examples; BERTH_UPDATE_GOLDEN=1 rewrites them.
class ImportGolden : public ::testing::TestWithParam<Example> {};

TEST_P(ImportGolden, MatchesCheckedInTree) {
  const Example e = GetParam();
  fs::path golden = berth::test::source_dir() / "tests/cli/golden-import" / e.name;
  fs::path out = berth::test::temp_dir("import-golden") / e.name;
  auto r = import(quote(examples / e.input), out);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const char* update = std::getenv("BERTH_UPDATE_GOLDEN");
  if (update && std::string(update) == "1") {
    fs::remove_all(golden);
    fs::create_directories(golden);
    for (const auto& [path, content] : file_tree(out))
      berth::test::write_file(golden / path, content);
    GTEST_SKIP() << "golden tree rewritten: " << golden;
  }
  ASSERT_TRUE(fs::exists(golden)) << "no golden tree; run with BERTH_UPDATE_GOLDEN=1";
  expect_same_tree(golden, out);
}

INSTANTIATE_TEST_SUITE_P(Examples, ImportGolden, ::testing::ValuesIn(kExamples),
                         [](const auto& info) { return std::string(info.param.name); });

TEST(ImportE2E, RepeatedMapFlagsBeforeTheInputs) {
  fs::path dir = berth::test::temp_dir("import-flags");
  berth::test::write_file(dir / "two.yaml", R"(apiVersion: v1
kind: PersistentVolumeClaim
metadata: {name: a, namespace: old}
spec: {accessModes: [ReadWriteOnce], storageClassName: gp2, resources: {requests: {storage: 1Gi}}}
---
apiVersion: v1
kind: ConfigMap
metadata: {name: b, namespace: shop}
)");
  auto r = run(quote(berth::test::berth_binary()) +
               " import --namespace-map old=shop --storage-class-map gp2=fast --storage-class-map "
               "io1=fast " +
               quote(dir / "two.yaml") + " -o " + quote(dir / "out"));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(berth::test::read_file(dir / "out/overlays/production/kustomization.yaml")
                .find("namespace: shop-prod"),
            std::string::npos);
  EXPECT_NE(berth::test::read_file(dir / "out/base/_app/pvc-a.yaml").find("storageClassName: fast"),
            std::string::npos);
}
