// `berth import` end to end with the profile choices beyond the defaults, as convert's modes
// test does for convert: gitops.tool flux with secrets.method external-secrets, and
// secrets.method plain. Each tree of each example export builds with kustomize, validates with
// the npm oracles, passes `berth check` (plain: secret-plaintext only), is deterministic, and no
// exported secret value is anywhere but in plain mode's overlay Secrets.
#include <gtest/gtest.h>

#include <filesystem>
#include <sstream>

#include "cli/export_secrets.h"
#include "cli/tree_oracle.h"
#include "seal/base64.h"
#include "support/test_support.h"

namespace fs = std::filesystem;
using namespace berth::test;

namespace {

const fs::path examples = source_dir() / "examples/import";
const fs::path fixtures = source_dir() / "tests/cli/fixtures";
const char* const kInputs[] = {"vaultwarden/export.yaml", "storefront"};

RunResult import(const fs::path& input, const fs::path& profile, const fs::path& out) {
  return run(quote(berth_binary()) + " import " + quote(input) + " --cluster " + quote(profile) +
             " -o " + quote(out));
}

// `berth check --cluster PROFILE` over each rendered overlay; the error lines.
std::vector<std::string> check_errors(const fs::path& tree, const fs::path& profile) {
  std::vector<std::string> errors;
  for (const char* env : {"staging", "production"}) {
    auto built = run("kubectl kustomize " + quote(tree / "overlays" / env));
    if (built.exit_code != 0) {
      errors.push_back(std::string(env) + ": kustomize: " + built.err);
      continue;
    }
    auto r = run(quote(berth_binary()) + " check - --no-color --fail-on error --cluster " +
                     quote(profile),
                 built.out);
    std::istringstream lines(r.out);
    for (std::string line; std::getline(lines, line);)
      if (line.find(" error ") != std::string::npos) errors.push_back(env + (": " + line));
    if (r.exit_code == 2) errors.push_back(std::string(env) + ": exit 2: " + r.err);
  }
  return errors;
}

// Files of the tree holding an exported value (plain or base64), "path: value" each.
std::vector<std::string> leaks(const fs::path& input, const fs::path& tree) {
  std::set<std::string> values = export_secret_values(input);
  std::vector<std::string> found;
  if (values.empty()) return {"no secret values in " + input.string()};
  for (const auto& [path, content] : file_tree(tree))
    for (const std::string& v : values)
      if (content.find(v) != std::string::npos ||
          content.find(berth::seal::base64_encode(v)) != std::string::npos)
        found.push_back(path + ": " + v);
  return found;
}

bool plain_overlay_secret(const std::string& path) {
  // overlays/<env>/secret-<name>.yaml
  auto slash = path.find('/', 9);
  return path.starts_with("overlays/") && slash != std::string::npos &&
         path.compare(slash + 1, 7, "secret-") == 0 &&
         path.find('/', slash + 1) == std::string::npos;
}

} // namespace

TEST(ImportModesE2E, FluxWithExternalSecrets) {
  const fs::path profile = fixtures / "flux-external-secrets.yaml";
  for (const char* input : kInputs) {
    SCOPED_TRACE(input);
    fs::path out = temp_dir("import-flux") / "t";
    auto r = import(examples / input, profile, out);
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_FALSE(fs::exists(out / "argocd"));
    EXPECT_FALSE(fs::exists(out / "overlays/production/secrets")); // no templates
    bool external = false;
    for (const auto& [path, content] : file_tree(out)) {
      EXPECT_EQ(path.find("sealedsecret-"), std::string::npos) << path;
      external = external || path.find("/externalsecret-") != std::string::npos;
    }
    EXPECT_TRUE(external);
    std::string md = read_file(out / "MIGRATION.md");
    EXPECT_EQ(md.find("ArgoCD"), std::string::npos) << md;
    EXPECT_EQ(md.find("argocd"), std::string::npos) << md;
    EXPECT_NE(md.find("| Environment | Remote key | Properties |"), std::string::npos) << md;
    EXPECT_NE(md.find("| jq '"), std::string::npos) << md;
    for (const std::string& l : leaks(examples / input, out))
      ADD_FAILURE() << "leaked: " << l;
    EXPECT_EQ(r.err.find("warning: secrets.method is plain"), std::string::npos);
    if (!have_program("kubectl")) GTEST_SKIP() << "SKIPPED: kubectl not installed";
    if (!have_oracle())
      std::cerr << "SKIPPED: validation (node or tests/oracle/node_modules absent)\n";
    EXPECT_EQ(build_and_validate(out), "");
    for (const std::string& e : check_errors(out, profile))
      ADD_FAILURE() << e;
  }
}

TEST(ImportModesE2E, PlainSecretsAreWrittenAndShouted) {
  const fs::path profile = fixtures / "plain-secrets.yaml";
  for (const char* input : kInputs) {
    SCOPED_TRACE(input);
    fs::path out = temp_dir("import-plain") / "t";
    auto r = import(examples / input, profile, out);
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(r.err.find("berth: warning: secrets.method is plain: Secrets with their real "
                         "values are written into the overlays, so they end up in Git; for "
                         "development clusters only"),
              std::string::npos)
        << r.err;
    EXPECT_NE(read_file(out / "MIGRATION.md").find("**Plain Secrets are in Git**"),
              std::string::npos);
    EXPECT_FALSE(fs::exists(out / "overlays/production/secrets")); // no templates
    // The values are in the overlays' Secrets, and only there.
    std::vector<std::string> found = leaks(examples / input, out);
    EXPECT_FALSE(found.empty());
    for (const std::string& l : found)
      EXPECT_TRUE(plain_overlay_secret(l.substr(0, l.find(':')))) << "leaked: " << l;
    if (!have_program("kubectl")) GTEST_SKIP() << "SKIPPED: kubectl not installed";
    EXPECT_EQ(build_and_validate(out), "");
    std::vector<std::string> errors = check_errors(out, profile);
    EXPECT_FALSE(errors.empty());       // berth check says what the warning says...
    for (const std::string& e : errors) // ...and nothing else is an error
      EXPECT_NE(e.find("secret-plaintext"), std::string::npos) << e;
  }
}

TEST(ImportModesE2E, Deterministic) {
  for (const char* p : {"flux-external-secrets.yaml", "plain-secrets.yaml"})
    for (const char* input : kInputs) {
      SCOPED_TRACE(std::string(p) + " " + input);
      fs::path base = temp_dir("import-modes-det");
      ASSERT_EQ(import(examples / input, fixtures / p, base / "a").exit_code, 0);
      ASSERT_EQ(import(examples / input, fixtures / p, base / "b").exit_code, 0);
      expect_same_tree(base / "a", base / "b");
    }
}
