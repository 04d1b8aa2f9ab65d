// Renderer helpers: grouping order, rules used, fix fallback, locations and sanitizing.
#include <gtest/gtest.h>

#include "report/check_common.h"
#include "report/fixture.h"

namespace berth::report {
namespace {

TEST(CheckCommon, GroupsByFileThenObjectInFindingOrder) {
  check::Result r = test::result();
  auto files = group_by_file(r.findings);
  ASSERT_EQ(files.size(), 3u);
  EXPECT_EQ(files[0].file, "-");
  EXPECT_EQ(files[1].file, "apps/web.yaml");
  EXPECT_EQ(files[2].file, "broken dir/bad.yaml");
  ASSERT_EQ(files[1].objects.size(), 2u);
  EXPECT_EQ(files[1].objects[0].object, "Deployment/web");
  EXPECT_EQ(files[1].objects[0].ns, "shop");
  EXPECT_EQ(files[1].objects[0].findings.size(), 2u);
  EXPECT_EQ(files[1].objects[1].object, "Service/web");
  EXPECT_EQ(files[2].objects[0].object, ""); // the file-level finding
}

TEST(CheckCommon, SameNameInAnotherNamespaceIsAnotherObject) {
  using check::Severity;
  std::vector<check::Finding> f = {
      test::finding("probe-missing", Severity::Warning, "a.yaml", 1, 1, "Deployment/web", "a", "m"),
      test::finding("probe-missing", Severity::Warning, "a.yaml", 9, 1, "Deployment/web", "b",
                    "m")};
  EXPECT_EQ(group_by_file(f)[0].objects.size(), 2u);
}

TEST(CheckCommon, RulesUsedInCatalogOrder) {
  check::Result r = test::result();
  auto used = rules_used(r.findings, test::catalog());
  std::vector<std::string_view> ids;
  for (auto* rule : used)
    ids.push_back(rule->id);
  EXPECT_EQ(ids, (std::vector<std::string_view>{"yaml-syntax", "run-as-root", "probe-missing",
                                                "monitor-label", "api-removed"}));
}

TEST(CheckCommon, FixFallsBackToTheRule) {
  check::Result r = test::result();
  for (const check::Finding& f : r.findings) {
    if (f.rule == "probe-missing") {
      EXPECT_EQ(fix_of(f, test::catalog()), "Add a readinessProbe to every container.");
    }
    if (f.rule == "run-as-root") {
      EXPECT_EQ(fix_of(f, test::catalog()), f.fix);
    }
  }
  check::Finding unknown;
  unknown.rule = "nope";
  EXPECT_EQ(fix_of(unknown, test::catalog()), "");
}

TEST(CheckCommon, LocationText) {
  check::Finding f;
  EXPECT_EQ(location_text(f), "(input)");
  f.file = "-";
  EXPECT_EQ(location_text(f), "stdin");
  f.loc.line = 4;
  EXPECT_EQ(location_text(f), "stdin:4");
  f.loc.column = 2;
  f.file = "a.yaml";
  EXPECT_EQ(location_text(f), "a.yaml:4:2");
}

TEST(CheckCommon, Sanitizing) {
  EXPECT_EQ(valid_utf8("naïve ✓"), "naïve ✓");
  EXPECT_EQ(valid_utf8("a\xff"
                       "b"),
            "a\xEF\xBF\xBD"
            "b");
  EXPECT_EQ(valid_utf8("\xC3"), "\xEF\xBF\xBD"); // truncated sequence at the end
  EXPECT_EQ(printable("a\nb\tc\rd"), "a\\nb\\tc\\rd");
  EXPECT_EQ(printable("\x1b[31mred"), "\\x1b[31mred");
  EXPECT_EQ(printable("\x7f \xC2\x85"), "\\x7f \\x85"); // DEL and C1 NEL
  EXPECT_EQ(printable("日本 ✓"), "日本 ✓");
}

} // namespace
} // namespace berth::report
