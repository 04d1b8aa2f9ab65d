// `berth convert` end to end through the binary: the trees build with kustomize, every object
// validates against the kubernetes-models oracle, output is deterministic, edits are never
// clobbered, and the examples match their checked-in golden trees.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <vector>

#include "cli/tree_oracle.h"
#include "support/test_support.h"
#include "yaml/json.h"
#include "yaml/parse.h"

namespace fs = std::filesystem;
using berth::test::run;
using namespace berth::test;

namespace {

berth::test::RunResult convert(const fs::path& compose, const fs::path& out,
                               const std::string& extra = "") {
  return run(quote(berth::test::berth_binary()) + " convert -f " + quote(compose) + " -o " +
             quote(out) + " " + extra);
}

fs::path compose_file(const fs::path& dir) {
  for (const char* name :
       {"compose.yaml", "compose.yml", "docker-compose.yml", "docker-compose.yaml"})
    if (fs::exists(dir / name)) return dir / name;
  return {};
}

const fs::path examples = berth::test::source_dir() / "examples";

} // namespace

TEST(ConvertE2E, VaultDriveBuildsAndValidates) {
  fs::path out = berth::test::temp_dir("convert") / "vd";
  auto r = convert(examples / "vault-drive/compose.yaml", out);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(r.out.empty()); // stdout carries nothing
  EXPECT_NE(r.err.find("berth: report: "), std::string::npos) << r.err;
  for (const char* f : {"MIGRATION.md", "base/kustomization.yaml", ".berth/manifest.json",
                        "overlays/production/kustomization.yaml",
                        "argocd/vault-drive-production.yaml", ".github/workflows/build.yaml"})
    EXPECT_TRUE(fs::exists(out / f)) << f;
  if (!berth::test::have_program("kubectl")) GTEST_SKIP() << "SKIPPED: kubectl not installed";
  if (!have_oracle())
    std::cerr << "SKIPPED: validation (node or tests/oracle/node_modules absent)\n";
  if (!have_schemas())
    std::cerr << "SKIPPED: unknown-field check (node or ../shared/schemas absent)\n";
  EXPECT_EQ(build_and_validate(out), "");
}

TEST(ConvertE2E, CorpusAppsConvertBuildAndValidate) {
  fs::path root = berth::test::shared_dir() / "corpus/awesome-compose";
  if (berth::test::shared_dir().empty() || !fs::exists(root))
    GTEST_SKIP() << "SKIPPED: ../shared/corpus/awesome-compose absent";
  const bool kubectl = berth::test::have_program("kubectl");
  std::vector<fs::path> apps;
  for (const auto& e : fs::directory_iterator(root))
    if (e.is_directory() && !compose_file(e.path()).empty()) apps.push_back(e.path());
  std::sort(apps.begin(), apps.end());
  ASSERT_FALSE(apps.empty());
  fs::path base = berth::test::temp_dir("convert-corpus");
  for (const fs::path& app : apps) {
    SCOPED_TRACE(app.filename().string());
    fs::path out = base / app.filename();
    auto r = convert(compose_file(app), out);
    EXPECT_EQ(r.exit_code, 0) << r.err;
    if (r.exit_code != 0 || !kubectl) continue;
    EXPECT_EQ(build_and_validate(out), "");
  }
  if (!kubectl) GTEST_SKIP() << "SKIPPED: kustomize builds (kubectl not installed)";
}

// The unknown-field oracle itself: it must be able to fail, for built-in kinds and CRDs alike.
TEST(UnknownFieldsOracle, FlagsBogusFieldsAndPassesValidObjects) {
  if (!have_schemas()) GTEST_SKIP() << "SKIPPED: node or ../shared/schemas absent";
  const std::string deployment = R"({"apiVersion": "apps/v1", "kind": "Deployment",
    "metadata": {"name": "web", "labels": {"app": "web"}},
    "spec": {"selector": {"matchLabels": {"app": "web"}}, "template": {
      "metadata": {"labels": {"app": "web"}},
      "spec": {"containers": [{"name": "web", "image": "nginx:1.27",
        "ports": [{"containerPort": 80}], BOGUS}]}}}})";
  auto with = [&](const std::string& text, const std::string& bogus) {
    std::string s = text;
    s.replace(s.find("BOGUS"), 5, bogus);
    return s;
  };
  auto ok = check_unknown_fields(with(deployment, R"("imagePullPolicy": "IfNotPresent")"));
  EXPECT_EQ(ok.exit_code, 0) << ok.err;
  EXPECT_NE(ok.out.find("1 objects, 0 unknown fields"), std::string::npos) << ok.out;

  auto bad = check_unknown_fields(with(deployment, R"("imagePullPolicyy": "IfNotPresent")"));
  EXPECT_EQ(bad.exit_code, 1);
  EXPECT_NE(bad.err.find("apps/v1/Deployment web: unknown field "
                         ".spec.template.spec.containers[0].imagePullPolicyy"),
            std::string::npos)
      << bad.err;

  auto mistyped = check_unknown_fields(with(deployment, R"("tty": "yes")"));
  EXPECT_EQ(mistyped.exit_code, 1);
  EXPECT_NE(mistyped.err.find(".spec.template.spec.containers[0].tty is string"), std::string::npos)
      << mistyped.err;

  const std::string middleware = R"([{"apiVersion": "traefik.io/v1alpha1", "kind": "Middleware",
    "metadata": {"name": "hsts"}, "spec": {"headers": {"stsSeconds": 31536000 BOGUS}}}])";
  auto crd_ok = check_unknown_fields(with(middleware, ""));
  EXPECT_EQ(crd_ok.exit_code, 0) << crd_ok.err;
  auto crd_bad = check_unknown_fields(with(middleware, R"(, "stsSecs": 1)"));
  EXPECT_EQ(crd_bad.exit_code, 1);
  EXPECT_NE(crd_bad.err.find("unknown field .spec.headers.stsSecs"), std::string::npos)
      << crd_bad.err;

  auto unknown_kind = check_unknown_fields(R"({"apiVersion": "example.com/v1", "kind": "Gadget"})");
  EXPECT_EQ(unknown_kind.exit_code, 1);
  EXPECT_NE(unknown_kind.err.find("unknown kind"), std::string::npos) << unknown_kind.err;
}

TEST(ConvertE2E, Deterministic) {
  fs::path base = berth::test::temp_dir("convert-det");
  ASSERT_EQ(convert(examples / "vault-drive/compose.yaml", base / "a").exit_code, 0);
  ASSERT_EQ(convert(examples / "vault-drive/compose.yaml", base / "b").exit_code, 0);
  expect_same_tree(base / "a", base / "b");
}

TEST(ConvertE2E, NeverClobbersEditedFiles) {
  fs::path out = berth::test::temp_dir("convert-edit") / "t";
  ASSERT_EQ(convert(examples / "vault-drive/compose.yaml", out).exit_code, 0);
  // Unchanged re-run succeeds.
  ASSERT_EQ(convert(examples / "vault-drive/compose.yaml", out).exit_code, 0);
  fs::path edited = out / "base/backend/deployment.yaml";
  std::string mine = berth::test::read_file(edited) + "# my change\n";
  berth::test::write_file(edited, mine);
  auto before = file_tree(out);
  auto r = convert(examples / "vault-drive/compose.yaml", out);
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("base/backend/deployment.yaml"), std::string::npos) << r.err;
  EXPECT_EQ(file_tree(out), before); // nothing at all was written
  r = convert(examples / "vault-drive/compose.yaml", out, "--force");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(berth::test::read_file(edited), mine);
}

TEST(ConvertE2E, RefusesForeignDirectoryAndMissingOutput) {
  fs::path dir = berth::test::temp_dir("convert-foreign");
  berth::test::write_file(dir / "notes.txt", "mine");
  auto r = convert(examples / "vault-drive/compose.yaml", dir);
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_FALSE(fs::exists(dir / "MIGRATION.md"));
  r = run(quote(berth::test::berth_binary()) + " convert -f " +
          quote(examples / "vault-drive/compose.yaml"));
  EXPECT_EQ(r.exit_code, 2); // -o is required
}

// Golden trees of the examples; BERTH_UPDATE_GOLDEN=1 rewrites them.
class ConvertGolden : public ::testing::TestWithParam<const char*> {};

TEST_P(ConvertGolden, MatchesCheckedInTree) {
  const std::string name = GetParam();
  fs::path golden = berth::test::source_dir() / "tests/cli/golden" / name;
  fs::path out = berth::test::temp_dir("convert-golden") / name;
  auto r = convert(examples / name / "compose.yaml", out);
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

INSTANTIATE_TEST_SUITE_P(Examples, ConvertGolden,
                         ::testing::Values("vault-drive", "queue-workers", "wordpress-blue"),
                         [](const auto& info) {
                           std::string n = info.param;
                           for (char& c : n)
                             if (c == '-') c = '_';
                           return n;
                         });
