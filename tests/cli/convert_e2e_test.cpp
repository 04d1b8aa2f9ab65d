// `berth convert` end to end through the binary: the trees build with kustomize, every object
// validates against the kubernetes-models oracle, output is deterministic, edits are never
// clobbered, and the examples match their checked-in golden trees.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <vector>

#include "support/test_support.h"
#include "yaml/json.h"
#include "yaml/parse.h"

namespace fs = std::filesystem;
using berth::test::run;

namespace {

std::string quote(const fs::path& p) { return "'" + p.string() + "'"; }

berth::test::RunResult convert(const fs::path& compose, const fs::path& out,
                               const std::string& extra = "") {
  return run(quote(berth::test::berth_binary()) + " convert -f " + quote(compose) + " -o " +
             quote(out) + " " + extra);
}

// path (relative, '/') → content of every regular file under `root`.
std::map<std::string, std::string> tree(const fs::path& root) {
  std::map<std::string, std::string> files;
  for (const auto& e : fs::recursive_directory_iterator(root))
    if (e.is_regular_file())
      files[fs::relative(e.path(), root).generic_string()] = berth::test::read_file(e.path());
  return files;
}

fs::path compose_file(const fs::path& dir) {
  for (const char* name : {"compose.yaml", "compose.yml", "docker-compose.yml", "docker-compose.yaml"})
    if (fs::exists(dir / name)) return dir / name;
  return {};
}

bool have_oracle() {
  return berth::test::have_program("node") &&
         fs::exists(berth::test::source_dir() / "tests/oracle/node_modules");
}

// YAML stream → one JSON array of its objects, through berth's own parser.
std::string to_json_array(const std::string& yaml_text, const std::string& name) {
  nlohmann::ordered_json all = nlohmann::ordered_json::array();
  for (const berth::yaml::Node& doc : berth::yaml::parse_stream(yaml_text, name))
    if (!doc.is_null()) all.push_back(berth::yaml::to_json(doc));
  return all.dump();
}

fs::path schemas_dir() {
  fs::path shared = berth::test::shared_dir();
  return shared.empty() ? fs::path() : shared / "schemas";
}

bool have_schemas() {
  return berth::test::have_program("node") && !schemas_dir().empty() &&
         fs::exists(schemas_dir() / "kubernetes/definitions.json") && fs::exists(schemas_dir() / "crds");
}

// The shared CRDs as one JSON file (the oracle has no YAML parser), converted once per run.
const fs::path& crds_json() {
  static const fs::path file = [] {
    nlohmann::ordered_json all = nlohmann::ordered_json::array();
    std::vector<fs::path> files;
    for (const auto& e : fs::directory_iterator(schemas_dir() / "crds"))
      if (e.path().extension() == ".yaml") files.push_back(e.path());
    std::sort(files.begin(), files.end());
    for (const fs::path& f : files)
      for (auto& crd : nlohmann::ordered_json::parse(to_json_array(berth::test::read_file(f), f.string())))
        all.push_back(std::move(crd));
    fs::path out = berth::test::temp_dir("crds-json") / "crds.json";
    berth::test::write_file(out, all.dump());
    return out;
  }();
  return file;
}

// tests/oracle/unknown_fields.mjs over `objects_json` against the shared schemas.
berth::test::RunResult check_unknown_fields(const std::string& objects_json) {
  return run("node " + quote(berth::test::source_dir() / "tests/oracle/unknown_fields.mjs") +
                 " --definitions " + quote(schemas_dir() / "kubernetes/definitions.json") +
                 " --crds " + quote(crds_json()),
             objects_json);
}

// Builds every overlay (and its alerts folder) of a converted tree and validates every object
// plus the ArgoCD Applications, with the kubernetes-models oracle and the strict unknown-field
// walk; returns a description of the failures (empty: all good).
std::string build_and_validate(const fs::path& out) {
  std::string failures;
  nlohmann::ordered_json objects = nlohmann::ordered_json::array();
  auto add = [&](const std::string& yaml_text, const std::string& name) {
    for (auto& o : nlohmann::ordered_json::parse(to_json_array(yaml_text, name)))
      objects.push_back(std::move(o));
  };
  std::vector<fs::path> builds;
  for (const auto& env : fs::directory_iterator(out / "overlays")) {
    builds.push_back(env.path());
    if (fs::exists(env.path() / "alerts/kustomization.yaml")) builds.push_back(env.path() / "alerts");
  }
  std::sort(builds.begin(), builds.end());
  if (builds.empty()) return "no overlays in " + out.string();
  for (const fs::path& dir : builds) {
    auto r = run("kubectl kustomize " + quote(dir));
    if (r.exit_code != 0) {
      failures += "kubectl kustomize " + dir.string() + ": " + r.err + "\n";
      continue;
    }
    add(r.out, dir.string());
  }
  for (const auto& app : fs::directory_iterator(out / "argocd"))
    add(berth::test::read_file(app.path()), app.path().string());
  if (have_oracle()) {
    auto v = run("node " + quote(berth::test::source_dir() / "tests/oracle/validate.mjs"),
                 objects.dump());
    if (v.exit_code != 0) failures += "validate.mjs (" + out.string() + "): " + v.err + "\n";
  }
  if (have_schemas()) {
    auto u = check_unknown_fields(objects.dump());
    if (u.exit_code != 0) failures += "unknown_fields.mjs (" + out.string() + "): " + u.err + "\n";
  }
  return failures;
}

void expect_same_tree(const fs::path& expected, const fs::path& actual) {
  auto a = tree(expected), b = tree(actual);
  for (const auto& [path, content] : a) {
    auto it = b.find(path);
    if (it == b.end()) {
      ADD_FAILURE() << "missing " << path << " (expected in " << expected << ")";
      continue;
    }
    EXPECT_EQ(it->second, content) << path;
  }
  for (const auto& [path, content] : b)
    if (!a.count(path)) ADD_FAILURE() << "unexpected " << path << " in " << actual;
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
                        "overlays/production/kustomization.yaml", "argocd/vault-drive-production.yaml",
                        ".github/workflows/build.yaml"})
    EXPECT_TRUE(fs::exists(out / f)) << f;
  if (!berth::test::have_program("kubectl")) GTEST_SKIP() << "SKIPPED: kubectl not installed";
  if (!have_oracle()) std::cerr << "SKIPPED: validation (node or tests/oracle/node_modules absent)\n";
  if (!have_schemas()) std::cerr << "SKIPPED: unknown-field check (node or ../shared/schemas absent)\n";
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
            std::string::npos) << bad.err;

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
  EXPECT_NE(crd_bad.err.find("unknown field .spec.headers.stsSecs"), std::string::npos) << crd_bad.err;

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
  auto before = tree(out);
  auto r = convert(examples / "vault-drive/compose.yaml", out);
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("base/backend/deployment.yaml"), std::string::npos) << r.err;
  EXPECT_EQ(tree(out), before); // nothing at all was written
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
    for (const auto& [path, content] : tree(out)) berth::test::write_file(golden / path, content);
    GTEST_SKIP() << "golden tree rewritten: " << golden;
  }
  ASSERT_TRUE(fs::exists(golden)) << "no golden tree; run with BERTH_UPDATE_GOLDEN=1";
  expect_same_tree(golden, out);
}

INSTANTIATE_TEST_SUITE_P(Examples, ConvertGolden,
                         ::testing::Values("vault-drive", "queue-workers", "wordpress-blue"),
                         [](const auto& info) {
                           std::string n = info.param;
                           for (char& c : n) if (c == '-') c = '_';
                           return n;
                         });
