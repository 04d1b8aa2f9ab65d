// The reference family's rule list: ids, family, docs (namespace semantics spelled out).
#include "check/reference/set_fixture.h"

namespace berth::check::test {
namespace {

TEST(ReferenceRules, WellFormed) {
  std::vector<RuleInfo> rules = reference::rules();
  EXPECT_GE(rules.size(), 20u);
  for (const RuleInfo& r : rules) {
    EXPECT_EQ(r.family, Family::Reference) << r.id;
    EXPECT_FALSE(r.summary.empty() || r.fix.empty() || r.doc.empty()) << r.id;
    for (char c : r.id)
      EXPECT_TRUE((c >= 'a' && c <= 'z') || c == '-') << r.id;
  }
  EXPECT_NO_THROW(set_catalog());
  // Rules gated by --complete say so.
  for (std::string_view id : {"configmap-ref-missing", "secret-ref-missing", "pvc-ref-missing",
                              "serviceaccount-ref-missing", "ingressroute-middleware-missing"}) {
    const RuleInfo* r = set_catalog().find(id);
    ASSERT_NE(r, nullptr) << id;
    EXPECT_NE(r->summary.find("--complete"), std::string_view::npos) << id;
  }
  EXPECT_NE(
      set_catalog().find("service-selector-no-match")->doc.find("default namespace of the set"),
      std::string_view::npos);
}

TEST(ReferenceSet, EmptyAndDeterministic) {
  SetRun empty;
  EXPECT_TRUE(empty.run().empty());
  // The same input twice gives the same findings in the same order.
  auto build = [] {
    SetRun s;
    s.options.complete = true;
    s.add("a.yaml", "apiVersion: v1\nkind: Service\nmetadata: {name: a}\nspec: {selector: {x: y}}\n"
                    "---\napiVersion: v1\nkind: Pod\nmetadata: {name: p}\n"
                    "spec: {serviceAccountName: nope, containers: [{name: c, image: 'c:1'}]}\n");
    return dump(s.run());
  };
  EXPECT_EQ(build(), build());
  EXPECT_NE(build().find("service-selector-no-match"), std::string::npos) << build();
}

} // namespace
} // namespace berth::check::test
