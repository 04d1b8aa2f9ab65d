// Context: rule switches (catalog default, config enable/disable), severity overrides, the
// ignore annotation, locations, and unknown rule ids caught as bugs.
#include <gtest/gtest.h>

#include <stdexcept>

#include "check/context.h"
#include "yaml/parse.h"

using namespace berth::check;

namespace {

// Context only stores a reference to the schema registry, which these tests never use; the
// core test binary does not link the schema family that defines it.
const schema::Registry& no_schemas() {
  alignas(std::max_align_t) static const unsigned char storage[64] = {};
  return *reinterpret_cast<const schema::Registry*>(storage);
}

Catalog sample() {
  return Catalog({
      {"on-rule", Family::Policy, Area::Security, Severity::Warning, true, "s", "generic fix", ""},
      {"off-rule", Family::Policy, Area::Reliability, Severity::Info, false, "s", "f", ""},
      {"err-rule", Family::Reference, Area::Delivery, Severity::Error, true, "s", "f", ""},
  });
}

ObjectInfo web() {
  ObjectInfo info;
  info.file = "k8s/web.yaml";
  info.kind = "Deployment";
  info.name = "web";
  info.ns = "shop";
  info.loc = {berth::intern("k8s/web.yaml"), 3, 1};
  return info;
}

} // namespace

TEST(Context, DefaultsFromTheCatalog) {
  Options o;
  Catalog c = sample();
  Context ctx(o, c, no_schemas());
  EXPECT_TRUE(ctx.enabled("on-rule"));
  EXPECT_FALSE(ctx.enabled("off-rule"));
  EXPECT_FALSE(ctx.enabled("unknown"));
  ObjectInfo info = web();
  ctx.report("off-rule", &info, {}, "m");
  ctx.report("on-rule", &info, {berth::intern("k8s/web.yaml"), 9, 7}, "image uses :latest");
  ASSERT_EQ(ctx.findings().size(), 1u);
  const Finding& f = ctx.findings()[0];
  EXPECT_EQ(f.rule, "on-rule");
  EXPECT_EQ(f.severity, Severity::Warning);
  EXPECT_EQ(f.file, "k8s/web.yaml");
  EXPECT_EQ(f.object, "Deployment/web");
  EXPECT_EQ(f.ns, "shop");
  EXPECT_EQ(f.loc.line, 9u);
  EXPECT_EQ(f.loc.column, 7u);
  EXPECT_EQ(f.message, "image uses :latest");
  EXPECT_EQ(f.fix, ""); // the rule's generic fix is applied at output time
}

TEST(Context, ConfigEnablesDisablesAndOverridesSeverity) {
  Options o;
  o.config.enable = {"off-rule"};
  o.config.disable = {"on-rule"};
  o.config.severity = {{"err-rule", Severity::Info}};
  Catalog c = sample();
  Context ctx(o, c, no_schemas());
  EXPECT_TRUE(ctx.enabled("off-rule"));
  EXPECT_FALSE(ctx.enabled("on-rule"));
  ObjectInfo info = web();
  ctx.report("on-rule", &info, {}, "m");
  ctx.report("err-rule", &info, {}, "m", "specific fix");
  ASSERT_EQ(ctx.findings().size(), 1u);
  EXPECT_EQ(ctx.findings()[0].severity, Severity::Info);
  EXPECT_EQ(ctx.findings()[0].fix, "specific fix");
}

TEST(Context, IgnoreAnnotationSilencesListedRulesOrAll) {
  Options o;
  Catalog c = sample();
  Context ctx(o, c, no_schemas());
  ObjectInfo some = web();
  some.ignored = {"on-rule"};
  ctx.report("on-rule", &some, {}, "m");
  ctx.report("err-rule", &some, {}, "m");
  ObjectInfo all = web();
  all.ignored = {"*"};
  ctx.report("on-rule", &all, {}, "m");
  ctx.report("err-rule", &all, {}, "m");
  ASSERT_EQ(ctx.findings().size(), 1u);
  EXPECT_EQ(ctx.findings()[0].rule, "err-rule");
}

TEST(Context, EmptyLocationFallsBackToTheObject) {
  Options o;
  Catalog c = sample();
  Context ctx(o, c, no_schemas());
  ObjectInfo info = web();
  ctx.report("on-rule", &info, {}, "m");
  ASSERT_EQ(ctx.findings().size(), 1u);
  EXPECT_EQ(ctx.findings()[0].loc.line, 3u);
}

TEST(Context, FileFindings) {
  Options o;
  Catalog c = sample();
  Context ctx(o, c, no_schemas());
  ctx.report_file("err-rule", "bad.yaml", {berth::intern("bad.yaml"), 2, 5}, "broken");
  ASSERT_EQ(ctx.findings().size(), 1u);
  EXPECT_EQ(ctx.findings()[0].file, "bad.yaml");
  EXPECT_EQ(ctx.findings()[0].object, "");
  EXPECT_EQ(ctx.findings()[0].loc.column, 5u);
}

TEST(Context, UnknownRuleIsABug) {
  Options o;
  Catalog c = sample();
  Context ctx(o, c, no_schemas());
  EXPECT_THROW(ctx.report("no-such-rule", nullptr, {}, "m"), std::logic_error);
}

TEST(Catalog, DuplicateIdsAreRejected) {
  RuleInfo r{"dup", Family::Policy, Area::Security, Severity::Warning, true, "s", "f", ""};
  EXPECT_THROW(Catalog({r, r}), std::logic_error);
  Catalog c({r});
  EXPECT_NE(c.find("dup"), nullptr);
  EXPECT_EQ(c.find("nope"), nullptr);
}
