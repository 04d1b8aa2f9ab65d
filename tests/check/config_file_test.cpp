// .berth-check.yaml: what it accepts, and errors at file:line:column for everything else.
#include <gtest/gtest.h>

#include <filesystem>

#include "check/config_file.h"
#include "common/error.h"
#include "support/test_support.h"

using namespace berth::check;
namespace fs = std::filesystem;

namespace {

Catalog sample() {
  auto rule = [](std::string_view id, bool on = true) {
    return RuleInfo{id, Family::Policy, Area::Reliability, Severity::Warning, on, "s", "f", ""};
  };
  return Catalog(
      {rule("probe-missing"), rule("image-latest-tag"), rule("priority-class-missing", false)});
}

// The error's "line:col: message" for text that must be rejected.
std::string error_of(const std::string& text) {
  try {
    parse_config_file(text, "cfg.yaml", sample());
  } catch (const berth::Error& e) {
    return std::to_string(e.where().line) + ":" + std::to_string(e.where().column) + ": " +
           e.message();
  }
  return "accepted";
}

} // namespace

TEST(ConfigFile, FullExample) {
  ConfigFile c = parse_config_file(R"(rules:
  disable: [image-latest-tag]
  enable: [priority-class-missing]
  severity: {probe-missing: error}
exclude: ["vendor/**", "**/*.generated.yaml"]
)",
                                   "cfg.yaml", sample());
  EXPECT_EQ(c.disable, std::vector<std::string>{"image-latest-tag"});
  EXPECT_EQ(c.enable, std::vector<std::string>{"priority-class-missing"});
  ASSERT_EQ(c.severity.count("probe-missing"), 1u);
  EXPECT_EQ(c.severity.at("probe-missing"), Severity::Error);
  EXPECT_EQ(c.exclude, (std::vector<std::string>{"vendor/**", "**/*.generated.yaml"}));
}

TEST(ConfigFile, EmptyAndPartialFiles) {
  EXPECT_TRUE(parse_config_file("", "cfg.yaml", sample()).disable.empty());
  EXPECT_TRUE(parse_config_file("# nothing\n", "cfg.yaml", sample()).exclude.empty());
  EXPECT_TRUE(parse_config_file("rules:\n", "cfg.yaml", sample()).disable.empty());
  ConfigFile c = parse_config_file("exclude: vendor\n", "cfg.yaml", sample());
  EXPECT_EQ(c.exclude, std::vector<std::string>{"vendor"}); // a single string is a list of one
}

TEST(ConfigFile, UnknownKeysNameTheAllowedOnes) {
  EXPECT_EQ(error_of("rule:\n  disable: []\n"),
            "1:1: unknown key \"rule\" in the config file (expected rules, exclude)");
  EXPECT_EQ(error_of("rules:\n  disabled: [probe-missing]\n"),
            "2:3: unknown key \"disabled\" in rules (expected disable, enable, severity)");
}

TEST(ConfigFile, UnknownRuleSuggestsTheClosest) {
  std::string e = error_of("rules:\n  disable: [probe-missing, image-lastest-tag]\n");
  EXPECT_EQ(e.substr(0, 5), "2:28:") << e;
  EXPECT_NE(e.find("unknown rule \"image-lastest-tag\" (did you mean \"image-latest-tag\"?)"),
            std::string::npos)
      << e;
  EXPECT_NE(error_of("rules:\n  severity: {nope: error}\n").find("unknown rule \"nope\""),
            std::string::npos);
}

TEST(ConfigFile, BadSeverityAndTypes) {
  std::string e = error_of("rules:\n  severity:\n    probe-missing: fatal\n");
  EXPECT_EQ(e.substr(0, 5), "3:20:") << e;
  EXPECT_NE(e.find("unknown severity \"fatal\""), std::string::npos) << e;
  EXPECT_NE(error_of("rules: [a]\n").find("rules must be a mapping"), std::string::npos);
  EXPECT_NE(error_of("rules:\n  disable: {a: b}\n").find("must be a list of strings"),
            std::string::npos);
  EXPECT_NE(error_of("exclude: [[a]]\n").find("must be a string"), std::string::npos);
  EXPECT_NE(error_of("exclude: [\"\"]\n").find("empty exclude pattern"), std::string::npos);
  EXPECT_NE(error_of("- a\n").find("must be a mapping"), std::string::npos);
  EXPECT_NE(error_of("rules: {disable: [probe-missing], enable: [probe-missing]}\n")
                .find("both enabled and disabled"),
            std::string::npos);
}

TEST(ConfigFile, MalformedYamlIsAnErrorWithPosition) {
  std::string e = error_of("rules:\n  disable: [a\n");
  EXPECT_NE(e.substr(0, 2), "0:") << e;
}

TEST(ConfigFile, FoundInDirectoryOrGivenExplicitly) {
  fs::path dir = berth::test::temp_dir("berth-cfg");
  EXPECT_TRUE(find_config_file("", dir.string(), sample()).disable.empty()); // none there
  berth::test::write_file(dir / ".berth-check.yaml", "rules: {disable: [probe-missing]}\n");
  EXPECT_EQ(find_config_file("", dir.string(), sample()).disable,
            std::vector<std::string>{"probe-missing"});
  berth::test::write_file(dir / "other.yaml", "rules: {disable: [image-latest-tag]}\n");
  EXPECT_EQ(find_config_file((dir / "other.yaml").string(), dir.string(), sample()).disable,
            std::vector<std::string>{"image-latest-tag"});
  EXPECT_THROW(find_config_file((dir / "missing.yaml").string(), "", sample()), berth::Error);
  EXPECT_THROW(load_config_file(dir.string(), sample()), berth::Error);
}
