// The policy family as a whole: its catalog is well formed, the clean workload passes every
// rule, odd input never throws, and berth's own golden trees have no policy errors.
#include "check/policy/policy.h"

#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <map>
#include <set>

#include <gtest/gtest.h>

#include "check/policy/policy_fixture.h"
#include "support/test_support.h"
#include "yaml/parse.h"

namespace berth::check::policy::test {
namespace {

bool kebab(std::string_view id) {
  if (id.empty() || id.front() == '-' || id.back() == '-') return false;
  for (char c : id)
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) return false;
  return id.find("--") == std::string_view::npos;
}

TEST(PolicyCatalog, RulesAreWellFormed) {
  std::vector<RuleInfo> rules = policy::rules();
  ASSERT_GT(rules.size(), 40u);
  std::set<std::string_view> ids;
  for (const RuleInfo& r : rules) {
    EXPECT_TRUE(kebab(r.id)) << r.id;
    EXPECT_TRUE(ids.insert(r.id).second) << "duplicate " << r.id;
    EXPECT_EQ(r.family, Family::Policy) << r.id;
    EXPECT_FALSE(r.summary.empty()) << r.id;
    EXPECT_FALSE(r.fix.empty()) << r.id;
    EXPECT_FALSE(r.doc.empty()) << r.id;
  }
}

Options everything() {
  Options o = with_profile();
  for (const RuleInfo& r : policy::rules())
    if (!r.enabled) o.config.enable.emplace_back(r.id);
  return o;
}

TEST(PolicyCatalog, CleanDeploymentPassesEveryRule) {
  PolicyRun r = run(kCleanDeployment, everything());
  EXPECT_TRUE(r.findings.empty()) << r.dump();
}

// Files a kustomization uses as patches (partial objects the engine marks and policy skips).
std::set<std::filesystem::path> patch_files(const std::filesystem::path& root) {
  std::set<std::filesystem::path> out;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(root)) {
    if (entry.path().filename() != "kustomization.yaml") continue;
    yaml::Node k = yaml::parse_document(berth::test::read_file(entry.path()), entry.path());
    const yaml::Node* patches = k.find("patches");
    if (!patches) continue;
    for (const yaml::Node& p : patches->items())
      if (p.is_mapping() && p.find("path"))
        out.insert(std::filesystem::weakly_canonical(entry.path().parent_path() / p.text("path")));
  }
  return out;
}

// Every object of berth's golden trees, checked with the default profile like
// `berth check --cluster berth.yaml DIR` would: no policy errors. Warnings are the known,
// justified ones listed in the policy family's report; BERTH_POLICY_SUMMARY=1 prints them.
TEST(PolicyGolden, GoldenTreesHaveNoPolicyErrors) {
  std::filesystem::path golden = berth::test::source_dir() / "tests/cli/golden";
  ASSERT_TRUE(std::filesystem::exists(golden));
  std::set<std::filesystem::path> patches = patch_files(golden);
  std::map<std::string, int> counts;
  std::size_t objects = 0;
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(golden))
    if (entry.is_regular_file() && entry.path().extension() == ".yaml" &&
        entry.path().filename() != "kustomization.yaml" &&
        entry.path().string().find("/.github/") == std::string::npos &&
        !patches.count(std::filesystem::weakly_canonical(entry.path())))
      files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  for (const auto& file : files) {
    PolicyRun r = run(berth::test::read_file(file), with_profile());
    objects += yaml::parse_stream(berth::test::read_file(file), file).size();
    for (const Finding& f : r.findings) {
      EXPECT_NE(f.severity, Severity::Error) << std::filesystem::relative(file, golden).string()
                                             << ":" << at(f) << " " << f.rule << " " << f.message;
      ++counts[std::string(to_string(f.severity)) + " " + f.rule];
      if (std::getenv("BERTH_POLICY_SUMMARY"))
        std::cout << std::filesystem::relative(file, golden).string() << ":" << at(f) << " "
                  << f.rule << ": " << f.message << "\n";
    }
  }
  EXPECT_GT(objects, 100u);
  if (std::getenv("BERTH_POLICY_SUMMARY"))
    for (const auto& [rule, n] : counts)
      std::cout << n << "\t" << rule << "\n";
}

// The same trees rendered per overlay (what `kubectl kustomize overlays/ENV | berth check -`
// sees: patches applied, image tags set): no policy errors, and fewer warnings than the files.
TEST(PolicyGolden, RenderedOverlaysHaveNoPolicyErrors) {
  if (!berth::test::have_program("kubectl")) GTEST_SKIP() << "kubectl not installed";
  std::filesystem::path golden = berth::test::source_dir() / "tests/cli/golden";
  std::vector<std::filesystem::path> overlays;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(golden))
    if (entry.path().filename() == "kustomization.yaml" &&
        entry.path().string().find("/overlays/") != std::string::npos)
      overlays.push_back(entry.path().parent_path());
  std::sort(overlays.begin(), overlays.end());
  ASSERT_FALSE(overlays.empty());
  for (const auto& dir : overlays) {
    berth::test::RunResult out = berth::test::run("kubectl kustomize '" + dir.string() + "'");
    ASSERT_EQ(out.exit_code, 0) << dir << "\n" << out.err;
    PolicyRun r = run(out.out, with_profile());
    for (const Finding& f : r.findings) {
      EXPECT_NE(f.severity, Severity::Error) << dir << " " << f.rule << " " << f.message;
      if (std::getenv("BERTH_POLICY_SUMMARY"))
        std::cout << std::filesystem::relative(dir, golden).string() << " " << to_string(f.severity)
                  << " " << f.rule << ": " << f.object << ": " << f.message << "\n";
    }
  }
}

} // namespace
} // namespace berth::check::policy::test
