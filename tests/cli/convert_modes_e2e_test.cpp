// `berth convert` end to end with the profile choices beyond the defaults: gitops.tool flux with
// secrets.method external-secrets, and secrets.method plain. Each tree builds with kustomize,
// validates with the npm oracles (Flux files directly, they are not in an overlay), passes
// `berth check`, is deterministic and matches its golden tree.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <sstream>

#include "cli/tree_oracle.h"
#include "support/test_support.h"
#include "yaml/emit.h"
#include "yaml/parse.h"

namespace fs = std::filesystem;
using namespace berth::test;

namespace {

const fs::path examples = source_dir() / "examples";
const fs::path fixtures = source_dir() / "tests/cli/fixtures";

std::string berth_bin() {
  return quote(berth_binary());
}

RunResult convert(const fs::path& compose, const fs::path& profile, const fs::path& out,
                  const std::string& extra = "") {
  return run(berth_bin() + " convert -f " + quote(compose) + " --cluster " + quote(profile) +
             " -o " + quote(out) + " " + extra);
}

// Lines of `berth check` text output that are errors ("file:line:col error rule ...").
std::vector<std::string> error_lines(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);)
    if (line.find(" error ") != std::string::npos) out.push_back(line);
  return out;
}

// `kubectl kustomize` of every overlay piped into `berth check -`, then the raw tree; returns
// the error lines of all runs.
std::vector<std::string> check_tree(const fs::path& tree, const fs::path& profile) {
  std::vector<std::string> errors;
  const std::string args = " --no-color --fail-on error --cluster " + quote(profile);
  for (const auto& env : fs::directory_iterator(tree / "overlays")) {
    std::vector<fs::path> dirs{env.path()};
    if (fs::exists(env.path() / "alerts/kustomization.yaml")) dirs.push_back(env.path() / "alerts");
    for (const fs::path& dir : dirs) {
      auto built = run("kubectl kustomize " + quote(dir));
      if (built.exit_code != 0) {
        errors.push_back("kubectl kustomize " + dir.string() + ": " + built.err);
        continue;
      }
      auto r = run(berth_bin() + " check -" + args, built.out);
      for (auto& e : error_lines(r.out))
        errors.push_back(dir.string() + ": " + e);
      if (r.exit_code == 2) errors.push_back(dir.string() + ": exit 2: " + r.err);
    }
  }
  auto raw = run(berth_bin() + " check " + quote(tree) + args);
  for (auto& e : error_lines(raw.out))
    errors.push_back("raw: " + e);
  if (raw.exit_code == 2) errors.push_back("raw: exit 2: " + raw.err);
  return errors;
}

void expect_golden(const std::string& name, const fs::path& out) {
  // Not under tests/cli/golden: the check families' golden tests read that with the default
  // profile, and a plain-mode tree rightly fails secret-plaintext there.
  fs::path golden = source_dir() / "tests/cli/golden-modes" / name;
  const char* update = std::getenv("BERTH_UPDATE_GOLDEN");
  if (update && std::string(update) == "1") {
    fs::remove_all(golden);
    fs::create_directories(golden);
    for (const auto& [path, content] : file_tree(out))
      write_file(golden / path, content);
    GTEST_SKIP() << "golden tree rewritten: " << golden;
  }
  ASSERT_TRUE(fs::exists(golden)) << "no golden tree; run with BERTH_UPDATE_GOLDEN=1";
  expect_same_tree(golden, out);
}

} // namespace

TEST(ConvertModesE2E, FluxWithExternalSecrets) {
  const fs::path profile = fixtures / "flux-external-secrets.yaml";
  fs::path out = temp_dir("convert-flux") / "vd";
  auto r = convert(examples / "vault-drive/compose.yaml", profile, out);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_FALSE(fs::exists(out / "argocd"));
  for (const char* f :
       {"flux/vault-drive-source.yaml", "flux/vault-drive-staging.yaml",
        "flux/vault-drive-production.yaml", "flux/vault-drive-production-alerts.yaml",
        "overlays/production/externalsecret-backend.yaml",
        "overlays/staging/externalsecret-postgres.yaml"})
    EXPECT_TRUE(fs::exists(out / f)) << f;
  EXPECT_FALSE(fs::exists(out / "overlays/production/secrets/backend-secret.template.yaml"));
  // The HPA-scaled backend keeps spec.replicas out of what Flux applies.
  EXPECT_NE(read_file(out / "flux/vault-drive-production.yaml").find("name: backend"),
            std::string::npos);
  if (!have_program("kubectl")) GTEST_SKIP() << "SKIPPED: kubectl not installed";
  if (!have_oracle())
    std::cerr << "SKIPPED: validation (node or tests/oracle/node_modules absent)\n";
  if (!have_schemas()) std::cerr << "SKIPPED: unknown-field check (../shared/schemas absent)\n";
  EXPECT_EQ(build_and_validate(out), "");
  for (const std::string& e : check_tree(out, profile))
    ADD_FAILURE() << e;
  // What kustomize-controller applies: the overlay with the Kustomization's spec.patches.
  using berth::yaml::Node;
  for (const std::string env : {"staging", "production"}) {
    SCOPED_TRACE(env);
    Node flux =
        berth::yaml::parse_document(read_file(out / ("flux/vault-drive-" + env + ".yaml")), "flux");
    Node wrap = Node::mapping();
    wrap.set("apiVersion", Node::str("kustomize.config.k8s.io/v1beta1"));
    wrap.set("kind", Node::str("Kustomization"));
    wrap.set("resources", Node::sequence()).push(Node::str("../vd/overlays/" + env));
    wrap.set("patches", *flux.find("spec")->find("patches"));
    fs::path dir = out.parent_path() / ("flux-apply-" + env);
    write_file(dir / "kustomization.yaml", berth::yaml::emit(wrap));
    auto built = run("kubectl kustomize " + quote(dir));
    ASSERT_EQ(built.exit_code, 0) << built.err;
    bool backend = false, ns = false;
    for (const Node& doc : berth::yaml::parse_stream(built.out, "built")) {
      if (doc.text("kind") == "Deployment" && doc.find("metadata")->text("name") == "backend") {
        backend = true;
        EXPECT_EQ(doc.find("spec")->find("replicas"), nullptr); // the HPA's field
      }
      if (doc.text("kind") == "Namespace") {
        ns = true;
        const Node* a = doc.find("metadata")->find("annotations");
        ASSERT_NE(a, nullptr);
        EXPECT_EQ(a->text("kustomize.toolkit.fluxcd.io/prune"), "disabled");
      }
    }
    EXPECT_TRUE(backend && ns) << built.out;
  }
}

TEST(ConvertModesE2E, PlainSecretsAreWrittenAndShouted) {
  const fs::path profile = fixtures / "plain-secrets.yaml";
  fs::path out = temp_dir("convert-plain") / "vd";
  auto r = convert(examples / "vault-drive/compose.yaml", profile, out);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("berth: warning: secrets.method is plain: Secrets with their real values "
                       "are written into the overlays, so they end up in Git; for development "
                       "clusters only"),
            std::string::npos)
      << r.err;
  std::string secret = read_file(out / "overlays/production/secret-backend.yaml");
  EXPECT_NE(secret.find("JWT_SECRET: "), std::string::npos) << secret;
  EXPECT_EQ(secret.find("REPLACE_ME"), std::string::npos) << secret;
  EXPECT_NE(read_file(out / "MIGRATION.md").find("**Plain Secrets are in Git**"),
            std::string::npos);
  if (!have_program("kubectl")) GTEST_SKIP() << "SKIPPED: kubectl not installed";
  EXPECT_EQ(build_and_validate(out), "");
  // berth check says what the warning says, and nothing else is an error.
  std::vector<std::string> errors = check_tree(out, profile);
  EXPECT_FALSE(errors.empty());
  for (const std::string& e : errors)
    EXPECT_NE(e.find("secret-plaintext"), std::string::npos) << e;
}

TEST(ConvertModesE2E, DeterministicAndNeverClobbers) {
  for (const char* p : {"flux-external-secrets.yaml", "plain-secrets.yaml"}) {
    SCOPED_TRACE(p);
    fs::path base = temp_dir("convert-modes-det");
    ASSERT_EQ(convert(examples / "vault-drive/compose.yaml", fixtures / p, base / "a").exit_code,
              0);
    ASSERT_EQ(convert(examples / "vault-drive/compose.yaml", fixtures / p, base / "b").exit_code,
              0);
    expect_same_tree(base / "a", base / "b");
  }
  fs::path out = temp_dir("convert-modes-edit") / "t";
  const fs::path profile = fixtures / "flux-external-secrets.yaml";
  ASSERT_EQ(convert(examples / "vault-drive/compose.yaml", profile, out).exit_code, 0);
  fs::path edited = out / "flux/vault-drive-production.yaml";
  write_file(edited, read_file(edited) + "# my change\n");
  auto before = file_tree(out);
  auto r = convert(examples / "vault-drive/compose.yaml", profile, out);
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("flux/vault-drive-production.yaml"), std::string::npos) << r.err;
  EXPECT_EQ(file_tree(out), before);
}

TEST(ConvertModesE2E, GoldenWordpressFluxExternalSecrets) {
  fs::path out = temp_dir("convert-modes-golden") / "wp-flux";
  auto r = convert(examples / "wordpress-blue/compose.yaml",
                   fixtures / "flux-external-secrets.yaml", out);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  expect_golden("wordpress-blue-flux-eso", out);
}

TEST(ConvertModesE2E, GoldenWordpressPlain) {
  fs::path out = temp_dir("convert-modes-golden") / "wp-plain";
  auto r = convert(examples / "wordpress-blue/compose.yaml", fixtures / "plain-secrets.yaml", out);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  expect_golden("wordpress-blue-plain", out);
}

// The unknown-field oracle on kinds ../shared/schemas lacks: checked through the
// @kubernetes-models validators, able to fail, and loud about kinds found nowhere.
TEST(UnknownFieldsOracle, ModelPackageKinds) {
  if (!have_schemas() || !have_oracle())
    GTEST_SKIP() << "SKIPPED: node, oracle or ../shared absent";
  const std::string kustomization = R"({"apiVersion": "kustomize.toolkit.fluxcd.io/v1",
    "kind": "Kustomization", "metadata": {"name": "app", "namespace": "flux-system",
    "labels": {"a": "b"} BOGUS_META}, "spec": {"interval": "10m", "prune": true, "path": "./x",
    "sourceRef": {"kind": "GitRepository", "name": "app"}, "patches": [{"patch": "- op: remove",
    "target": {"kind": "Deployment" BOGUS_TARGET}}]}})";
  const std::string external_secret = R"({"apiVersion": "external-secrets.io/v1",
    "kind": "ExternalSecret", "metadata": {"name": "s"}, "spec": {"secretStoreRef":
    {"kind": "ClusterSecretStore", "name": "store"}, "data": [{"secretKey": "K",
    "remoteRef": {"key": "app/env/s", "property": "K" BOGUS_REF}}]}})";
  auto with = [](std::string s, const std::string& mark, const std::string& text) {
    s.replace(s.find(mark), mark.size(), text);
    return s;
  };
  auto clean = [&](std::string s) {
    for (const char* m : {"BOGUS_META", "BOGUS_TARGET", "BOGUS_REF"})
      if (auto at = s.find(m); at != std::string::npos) s.erase(at, std::string(m).size());
    return s;
  };
  auto ok = check_unknown_fields("[" + clean(kustomization) + "," + clean(external_secret) + "]");
  EXPECT_EQ(ok.exit_code, 0) << ok.err;
  EXPECT_NE(ok.out.find("2 objects, 0 unknown fields"), std::string::npos) << ok.out;

  auto bad = check_unknown_fields(
      "[" +
      clean(with(with(kustomization, "BOGUS_META", R"(, "lables": {})"), "BOGUS_TARGET",
                 R"(, "nmae": "x")")) +
      "," + clean(with(external_secret, "BOGUS_REF", R"(, "proprety": "K")")) + "]");
  EXPECT_EQ(bad.exit_code, 1);
  for (const char* want : {"Kustomization app: unknown field .metadata.lables",
                           "Kustomization app: unknown field .spec.patches[0].target.nmae",
                           "ExternalSecret s: unknown field .spec.data[0].remoteRef.proprety"})
    EXPECT_NE(bad.err.find(want), std::string::npos) << want << "\n" << bad.err;

  auto mistyped =
      check_unknown_fields(clean(with(kustomization, R"("prune": true)", R"("prune": "yes")")));
  EXPECT_EQ(mistyped.exit_code, 1) << mistyped.out;

  auto nowhere =
      check_unknown_fields(R"({"apiVersion": "gadgets.example.com/v1", "kind": "Gadget"})");
  EXPECT_EQ(nowhere.exit_code, 1);
  EXPECT_NE(nowhere.err.find("unknown kind"), std::string::npos) << nowhere.err;
}
