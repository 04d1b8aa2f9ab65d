// SARIF renderer: run/tool/rules/results shape, levels, URIs and regions, escaping, and
// validation against the SARIF 2.1.0 JSON schema by the npm oracle (tests/oracle).
#include <gtest/gtest.h>

#include <filesystem>
#include <sstream>

#include <nlohmann/json.hpp>

#include "report/check_report.h"
#include "report/fixture.h"
#include "support/test_support.h"

namespace berth::report {
namespace {

using json = nlohmann::json;

std::string sarif_text(const check::Result& r) {
  std::ostringstream out;
  render_sarif(r, test::catalog(), out);
  return out.str();
}
json sarif(const check::Result& r) {
  return json::parse(sarif_text(r));
}

TEST(SarifReport, LogRunAndDriver) {
  json j = sarif(test::result());
  EXPECT_EQ(j["version"], "2.1.0");
  EXPECT_TRUE(j.contains("$schema"));
  ASSERT_EQ(j["runs"].size(), 1u);
  const json& driver = j["runs"][0]["tool"]["driver"];
  EXPECT_EQ(driver["name"], "berth");
  ASSERT_EQ(driver["rules"].size(), 5u); // the rules used, not "unused-rule"
  const json& rule = driver["rules"][1];
  EXPECT_EQ(rule["id"], "run-as-root");
  EXPECT_EQ(rule["shortDescription"]["text"], "containers may run as root");
  EXPECT_EQ(rule["fullDescription"]["text"],
            "containers may run as root. Root in a container is root on the node once anything "
            "escapes.");
  EXPECT_EQ(rule["help"]["text"], "Fix: Set securityContext.runAsNonRoot: true.");
  EXPECT_EQ(rule["help"]["markdown"],
            "**Fix:** Set securityContext.runAsNonRoot: true.\n\nRoot in a container is root on "
            "the node once anything escapes.");
  EXPECT_EQ(rule["defaultConfiguration"]["level"], "error");
  EXPECT_EQ(rule["properties"]["tags"], json::array({"policy", "security"}));
  EXPECT_EQ(driver["rules"][3]["defaultConfiguration"]["level"], "note"); // info
  EXPECT_EQ(j["runs"][0]["invocations"][0]["executionSuccessful"], true);
}

TEST(SarifReport, Results) {
  json j = sarif(test::result());
  const json& results = j["runs"][0]["results"];
  const json& rules = j["runs"][0]["tool"]["driver"]["rules"];
  ASSERT_EQ(results.size(), 5u);
  for (const json& r : results)
    EXPECT_EQ(rules[r["ruleIndex"].get<int>()]["id"], r["ruleId"]);

  const json& stdin_result = results[0];
  EXPECT_EQ(stdin_result["level"], "error");
  const json& loc = stdin_result["locations"][0];
  EXPECT_EQ(loc["physicalLocation"]["artifactLocation"]["uri"], "stdin");
  EXPECT_FALSE(loc["physicalLocation"]["artifactLocation"].contains("uriBaseId"));
  EXPECT_EQ(loc["physicalLocation"]["region"]["startLine"], 2);
  EXPECT_EQ(loc["physicalLocation"]["region"]["startColumn"], 13);
  EXPECT_EQ(loc["logicalLocations"][0]["fullyQualifiedName"], "Ingress/web");

  const json& ns_result = results[1];
  EXPECT_EQ(ns_result["level"], "warning");
  EXPECT_EQ(ns_result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
            "apps/web.yaml");
  EXPECT_EQ(ns_result["locations"][0]["physicalLocation"]["artifactLocation"]["uriBaseId"],
            "%SRCROOT%");
  EXPECT_EQ(ns_result["locations"][0]["logicalLocations"][0]["fullyQualifiedName"],
            "shop/Deployment/web");
  EXPECT_EQ(ns_result["properties"]["fix"], "Add a readinessProbe to every container.");
  EXPECT_EQ(results[3]["level"], "note");

  const json& file_level = results[4];
  EXPECT_EQ(file_level["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
            "broken%20dir/bad.yaml");
  EXPECT_FALSE(file_level["locations"][0].contains("logicalLocations"));
  EXPECT_EQ(file_level["message"]["text"], "could not parse:\nmapping values are not allowed here");
}

TEST(SarifReport, UnknownPositionHasNoRegion) {
  check::Result r = test::empty_result();
  r.findings = {test::finding("probe-missing", check::Severity::Warning, "./a:b c.yaml", 0, 0,
                              "Deployment/x", "", "m")};
  json j = sarif(r);
  const json& phys = j["runs"][0]["results"][0]["locations"][0]["physicalLocation"];
  EXPECT_FALSE(phys.contains("region"));
  EXPECT_EQ(phys["artifactLocation"]["uri"], "a%3Ab%20c.yaml");
}

TEST(SarifReport, EmptyResult) {
  json j = sarif(test::empty_result());
  EXPECT_TRUE(j["runs"][0]["results"].empty());
  EXPECT_TRUE(j["runs"][0]["tool"]["driver"]["rules"].empty());
}

TEST(SarifReport, Deterministic) {
  EXPECT_EQ(sarif_text(test::result()), sarif_text(test::result()));
}

// The npm oracle validates against the SARIF 2.1.0 schema (see tests/oracle/sarif_validate.mjs).
class SarifSchema : public ::testing::Test {
protected:
  void SetUp() override {
    if (!berth::test::have_program("node")) GTEST_SKIP() << "node is not installed";
    oracle_ = berth::test::source_dir() / "tests/oracle";
    for (const char* dep : {"@microsoft/jest-sarif", "ajv-draft-04", "ajv-formats"})
      if (!std::filesystem::exists(oracle_ / "node_modules" / dep))
        GTEST_SKIP() << "npm package " << dep << " is not installed (cd tests/oracle && npm ci)";
  }
  berth::test::RunResult validate(const std::string& sarif) {
    return berth::test::run("node '" + (oracle_ / "sarif_validate.mjs").string() + "'", sarif);
  }
  std::filesystem::path oracle_;
};

TEST_F(SarifSchema, FixtureValidates) {
  auto r = validate(sarif_text(test::result()));
  EXPECT_EQ(r.exit_code, 0) << r.err;
}

TEST_F(SarifSchema, EmptyAndHostileResultsValidate) {
  auto empty = validate(sarif_text(test::empty_result()));
  EXPECT_EQ(empty.exit_code, 0) << empty.err;
  check::Result r = test::empty_result();
  r.unusable_input = true;
  r.findings = {
      test::finding("yaml-syntax", check::Severity::Error, "/abs/päth #1?.yaml", 1, 1, "", "",
                    "bad \x01\xff"),
      test::finding("no-such-rule", check::Severity::Info, "c:x.yaml", 0, 0, "A/b", "n", "m"),
      test::finding("probe-missing", check::Severity::Warning, "", 0, 0, "A/b", "", "set")};
  auto hostile = validate(sarif_text(r));
  EXPECT_EQ(hostile.exit_code, 0) << hostile.err;
}

TEST_F(SarifSchema, OracleRejectsAnInvalidLog) {
  json j = sarif(test::result());
  j["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]["startLine"] = 0;
  j["runs"][0]["results"][1]["ruleIndex"] = 0;
  auto r = validate(j.dump());
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("startLine"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("ruleIndex"), std::string::npos) << r.err;
}

} // namespace
} // namespace berth::report
