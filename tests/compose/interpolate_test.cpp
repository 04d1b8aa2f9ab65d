// Tests for Compose variable interpolation (compose-go v2 template semantics).
#include "compose/interpolate.h"

#include <gtest/gtest.h>

#include "yaml/parse.h"

namespace berth::compose {
namespace {

const Environment kEnv = {{"FOO", "first"}, {"BAR", ""}, {"R", "3"}};

Location here() { return Location{intern("compose.yaml"), 4, 7}; }

std::string sub(std::string_view text, const Environment& env = kEnv) {
  return interpolate(text, env, here());
}

// Runs `text` expecting an Error; returns what() ("file:line:col: message").
std::string error_of(std::string_view text, const Environment& env = kEnv) {
  try {
    sub(text, env);
  } catch (const Error& e) {
    return e.what();
  }
  return "<no error>";
}

TEST(Interpolate, PlainTextUnchanged) { EXPECT_EQ(sub("no variables here"), "no variables here"); }

TEST(Interpolate, NamedVariable) {
  EXPECT_EQ(sub("This $FOO var"), "This first var");
  EXPECT_EQ(sub("$FOO-bar"), "first-bar"); // name stops at the first non-name character
  EXPECT_EQ(sub("$FOO_x"), "");           // FOO_x is one (unset) name
}

TEST(Interpolate, BracedVariable) {
  EXPECT_EQ(sub("This ${FOO} var"), "This first var");
  EXPECT_EQ(sub("${FOO}${FOO}"), "firstfirst");
}

TEST(Interpolate, UnsetOrEmptyWithoutDefaultIsEmpty) {
  EXPECT_EQ(sub("This ${missing} var"), "This  var");
  EXPECT_EQ(sub("This ${BAR} var"), "This  var");
  EXPECT_EQ(sub("This $missing var"), "This  var");
}

TEST(Interpolate, NamesAreCaseSensitiveAndMayBeLowercase) {
  Environment env = {{"foo", "lower"}};
  EXPECT_EQ(sub("${foo}/$foo/${FOO}", env), "lower/lower/");
}

TEST(Interpolate, SoftDefaultWhenUnsetOrEmpty) {
  EXPECT_EQ(sub("ok ${missing:-def}"), "ok def");
  EXPECT_EQ(sub("ok ${BAR:-def}"), "ok def");
  EXPECT_EQ(sub("ok ${FOO:-def}"), "ok first");
}

TEST(Interpolate, HardDefaultOnlyWhenUnset) {
  EXPECT_EQ(sub("ok ${missing-def}"), "ok def");
  EXPECT_EQ(sub("ok ${BAR-def}"), "ok ");
  EXPECT_EQ(sub("ok ${FOO-def}"), "ok first");
}

TEST(Interpolate, DefaultMayContainOperatorsAndSpaces) {
  EXPECT_EQ(sub("ok ${BAR:-/non:-alphanumeric}"), "ok /non:-alphanumeric");
  EXPECT_EQ(sub("${missing-myerror?msg}"), "myerror?msg");
  EXPECT_EQ(sub("${missing:-a b c}"), "a b c");
}

TEST(Interpolate, RequiredNonEmpty) {
  EXPECT_EQ(sub("ok ${FOO:?err}"), "ok first");
  EXPECT_EQ(error_of("not ok ${missing:?Mandatory Variable Unset}"),
            "compose.yaml:4:7: required variable missing is missing a value: Mandatory "
            "Variable Unset");
  EXPECT_EQ(error_of("${BAR:?must not be empty}"),
            "compose.yaml:4:7: required variable BAR is missing a value: must not be empty");
}

TEST(Interpolate, RequiredSet) {
  EXPECT_EQ(sub("ok ${BAR?err}"), "ok "); // set but empty is fine without ':'
  EXPECT_EQ(sub("ok ${FOO?err}"), "ok first");
  EXPECT_EQ(error_of("${missing?bar-baz}"),
            "compose.yaml:4:7: required variable missing is missing a value: bar-baz");
}

TEST(Interpolate, RequiredWithoutMessage) {
  EXPECT_EQ(error_of("${missing:?}"), "compose.yaml:4:7: required variable missing is missing a value");
  EXPECT_EQ(error_of("${missing?}"), "compose.yaml:4:7: required variable missing is missing a value");
}

TEST(Interpolate, ReplacementWhenSetAndNonEmpty) {
  EXPECT_EQ(sub("ok ${FOO:+presence}"), "ok presence");
  EXPECT_EQ(sub("ok ${BAR:+presence}"), "ok ");
  EXPECT_EQ(sub("ok ${missing:+presence}"), "ok ");
}

TEST(Interpolate, ReplacementWhenSet) {
  EXPECT_EQ(sub("ok ${FOO+presence}"), "ok presence");
  EXPECT_EQ(sub("ok ${BAR+presence}"), "ok presence");
  EXPECT_EQ(sub("ok ${missing+presence}"), "ok ");
}

TEST(Interpolate, NestedExpressions) {
  EXPECT_EQ(sub("ok ${missing-$FOO}"), "ok first");
  EXPECT_EQ(sub("ok ${missing-${FOO}}"), "ok first");
  EXPECT_EQ(sub("ok ${missing-${FOO} ${FOO}}"), "ok first first");
  EXPECT_EQ(sub("ok ${BAR:-${FOO}}"), "ok first");
  EXPECT_EQ(sub("ok ${BAR+$FOO ${FOO:+second}}"), "ok first second");
  EXPECT_EQ(sub("${A:-${B:-x}}"), "x");
  EXPECT_EQ(sub("+ok ${UNSET:-${BAR-defaultValue}}"), "+ok ");
  EXPECT_EQ(sub("${A:-${B:-${C:-deep}}}-tail"), "deep-tail");
}

TEST(Interpolate, NestedRequiredMessageIsInterpolated) {
  EXPECT_EQ(error_of("${missing:?Mandatory ${FOO}}"),
            "compose.yaml:4:7: required variable missing is missing a value: Mandatory first");
}

TEST(Interpolate, UnusedDefaultIsNotEvaluated) {
  // compose-go v2 evaluates the word lazily: a required check in an unused default is inert.
  EXPECT_EQ(sub("${FOO:-${missing:?boom}}"), "first");
}

TEST(Interpolate, OuterTextDoesNotChangeOperator) {
  EXPECT_EQ(sub("-ok ${BAR:-defaultValue}"), "-ok defaultValue");
  EXPECT_EQ(sub(":-ok ${BAR-defaultValue}"), ":-ok ");
  EXPECT_EQ(sub(":?ok ${BAR:-defaultValue}"), ":?ok defaultValue");
  EXPECT_EQ(sub("?ok ${BAR:-defaultValue}"), "?ok defaultValue");
}

TEST(Interpolate, DoubleDollarIsLiteralDollar) {
  EXPECT_EQ(sub("$${foo}"), "${foo}");
  EXPECT_EQ(sub("$$FOO"), "$FOO");
  EXPECT_EQ(sub("a$$$FOO"), "a$first");
}

TEST(Interpolate, LoneDollarStaysLiteral) {
  EXPECT_EQ(sub("a $ string"), "a $ string");
  EXPECT_EQ(sub("^REGEX$"), "^REGEX$");
  EXPECT_EQ(sub("$}"), "$}");
  EXPECT_EQ(sub("$"), "$");
  EXPECT_EQ(sub("cost: $5"), "cost: $5");
}

TEST(Interpolate, InvalidTemplates) {
  for (const char* bad : {"${", "${}", "${ }", "${ foo}", "${foo }", "${foo!}", "x ${FOO", "${1}"}) {
    std::string what = error_of(bad);
    EXPECT_NE(what.find("compose.yaml:4:7: Invalid template: \""), std::string::npos)
        << bad << " → " << what;
  }
  EXPECT_EQ(error_of("${foo!}"), "compose.yaml:4:7: Invalid template: \"${foo!}\"");
}

TEST(Interpolate, HostileNestingIsBounded) {
  std::string deep;
  for (int i = 0; i < 200; ++i) deep += "${A:-";
  deep += "x";
  for (int i = 0; i < 200; ++i) deep += "}";
  EXPECT_NE(error_of(deep).find("nested more than"), std::string::npos);
}

// --- interpolate_tree --------------------------------------------------------------------

yaml::Node plain_at(std::string text, unsigned line, unsigned column) {
  yaml::Node n = yaml::Node::plain(std::move(text));
  n.set_loc(Location{intern("compose.yaml"), line, column});
  return n;
}

TEST(InterpolateTree, ValuesAndItemsButNotKeys) {
  yaml::Node root = yaml::Node::mapping();
  yaml::Node& svc = root.set("services", yaml::Node::mapping());
  yaml::Node& web = svc.set("web", yaml::Node::mapping());
  web.set("image", yaml::Node::str("nginx:${FOO}"));
  yaml::Node& cmd = web.set("command", yaml::Node::sequence());
  cmd.push(yaml::Node::str("echo"));
  cmd.push(yaml::Node::str("$FOO"));
  web.add(yaml::Node::str("$FOO"), yaml::Node::str("key stays"));

  interpolate_tree(root, kEnv);
  const yaml::Node& w = *root.find("services")->find("web");
  EXPECT_EQ(w.find("image")->value(), "nginx:first");
  EXPECT_EQ(w.find("command")->items()[1].value(), "first");
  EXPECT_EQ(w.entries()[2].key.value(), "$FOO");
  EXPECT_EQ(w.entries()[2].value.value(), "key stays");
}

TEST(InterpolateTree, PlainScalarIsTypedAfterSubstitution) {
  yaml::Node root = yaml::Node::mapping();
  root.set("retries", plain_at("$R", 2, 12));
  root.set("quoted", yaml::Node::str("$R"));
  interpolate_tree(root, kEnv);
  EXPECT_EQ(root.find("retries")->type(), yaml::ScalarType::Int);
  EXPECT_EQ(root.find("retries")->as_int(), 3);
  EXPECT_EQ(root.find("quoted")->type(), yaml::ScalarType::String);
  EXPECT_EQ(root.find("quoted")->value(), "3");
}

TEST(InterpolateTree, ParsedDocumentIsTypedAfterSubstitution) {
  yaml::Node root =
      yaml::parse_document("healthcheck:\n  retries: $R\n  test: '$R'\n", "compose.yaml");
  interpolate_tree(root, kEnv);
  const yaml::Node& hc = *root.find("healthcheck");
  EXPECT_EQ(hc.find("retries")->type(), yaml::ScalarType::Int);
  EXPECT_EQ(hc.find("retries")->as_int(), 3);
  EXPECT_EQ(hc.find("test")->type(), yaml::ScalarType::String);
  EXPECT_EQ(hc.find("test")->value(), "3");
}

TEST(InterpolateTree, ParsedDocumentErrorPointsAtScalar) {
  yaml::Node root = yaml::parse_document(
      "services:\n  web:\n    image: nginx:${TAG:?set TAG}\n", "compose.yaml");
  try {
    interpolate_tree(root, kEnv);
    FAIL() << "expected an error";
  } catch (const Error& e) {
    EXPECT_STREQ(e.what(), "compose.yaml:3:12: error while interpolating services.web.image: "
                           "required variable TAG is missing a value: set TAG");
  }
}

TEST(InterpolateTree, ErrorCarriesLocationAndPath) {
  yaml::Node root = yaml::Node::mapping();
  yaml::Node& svc = root.set("services", yaml::Node::mapping());
  yaml::Node& web = svc.set("web", yaml::Node::mapping());
  yaml::Node& env = web.set("environment", yaml::Node::sequence());
  env.push(plain_at("TOKEN=${TOKEN:?set TOKEN in .env}", 9, 9));
  try {
    interpolate_tree(root, kEnv);
    FAIL() << "expected an error";
  } catch (const Error& e) {
    EXPECT_STREQ(e.what(), "compose.yaml:9:9: error while interpolating "
                           "services.web.environment[0]: required variable TOKEN is missing a "
                           "value: set TOKEN in .env");
  }
}

} // namespace
} // namespace berth::compose
