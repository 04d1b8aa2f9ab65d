// JSON renderer: the documented schema (keys and their order), fix fallback, escaping round
// trip, invalid UTF-8, empty result, determinism, and one exact golden.
#include <gtest/gtest.h>

#include <sstream>

#include <nlohmann/json.hpp>

#include "report/check_report.h"
#include "report/fixture.h"

namespace berth::report {
namespace {

using ojson = nlohmann::ordered_json;

std::string json_text(const check::Result& r) {
  std::ostringstream out;
  render_json(r, test::catalog(), out);
  return out.str();
}
ojson json(const check::Result& r) {
  return ojson::parse(json_text(r));
}

std::vector<std::string> keys(const ojson& j) {
  std::vector<std::string> out;
  for (auto it = j.begin(); it != j.end(); ++it)
    out.push_back(it.key());
  return out;
}

TEST(JsonReport, TopLevelAndFindingKeysInFixedOrder) {
  ojson j = json(test::result());
  EXPECT_EQ(keys(j),
            (std::vector<std::string>{"version", "findings", "summary", "scorecard", "rules"}));
  EXPECT_EQ(j["version"], 1);
  ASSERT_EQ(j["findings"].size(), 5u);
  for (const ojson& f : j["findings"])
    EXPECT_EQ(keys(f), (std::vector<std::string>{"rule", "severity", "file", "line", "column",
                                                 "object", "namespace", "message", "fix"}));
  EXPECT_EQ(keys(j["summary"]),
            (std::vector<std::string>{"errors", "warnings", "infos", "files", "documents",
                                      "objects", "bytes", "unusable_input"}));
  EXPECT_EQ(keys(j["scorecard"]), (std::vector<std::string>{"overall", "areas"}));
  EXPECT_EQ(keys(j["scorecard"]["areas"]),
            (std::vector<std::string>{"security", "reliability", "observability", "data-safety",
                                      "delivery"}));
  EXPECT_EQ(keys(j["rules"][0]),
            (std::vector<std::string>{"id", "family", "area", "severity", "summary", "fix"}));
}

TEST(JsonReport, Values) {
  ojson j = json(test::result());
  const ojson& first = j["findings"][0]; // sorted: stdin ("-") first
  EXPECT_EQ(first["rule"], "api-removed");
  EXPECT_EQ(first["severity"], "error");
  EXPECT_EQ(first["file"], "-");
  EXPECT_EQ(first["line"], 2);
  EXPECT_EQ(first["column"], 13);
  EXPECT_EQ(first["object"], "Ingress/web");
  EXPECT_EQ(first["namespace"], "");
  EXPECT_EQ(first["fix"], "Change apiVersion to the replacement."); // the rule's hint
  const ojson& second = j["findings"][1];
  EXPECT_EQ(second["namespace"], "shop");
  EXPECT_EQ(j["findings"][4]["object"], ""); // file-level
  EXPECT_EQ(j["summary"]["errors"], 3);
  EXPECT_EQ(j["summary"]["warnings"], 1);
  EXPECT_EQ(j["summary"]["infos"], 1);
  EXPECT_EQ(j["summary"]["bytes"], 1234);
  EXPECT_EQ(j["summary"]["unusable_input"], false);
  EXPECT_EQ(j["scorecard"]["overall"], 7.4); // infos weigh nothing
  EXPECT_EQ(j["scorecard"]["areas"]["delivery"]["errors"], 2);
  // Rules used, in catalog order; unused rules are not listed.
  std::vector<std::string> ids;
  for (const ojson& r : j["rules"])
    ids.push_back(r["id"]);
  EXPECT_EQ(ids, (std::vector<std::string>{"yaml-syntax", "run-as-root", "probe-missing",
                                           "monitor-label", "api-removed"}));
  EXPECT_EQ(j["rules"][0]["family"], "input");
  EXPECT_EQ(j["rules"][4]["family"], "api-version");
  EXPECT_EQ(j["rules"][2]["severity"], "warning");
}

TEST(JsonReport, EscapingRoundTrips) {
  check::Result r = test::result();
  ojson j = json(r);
  for (std::size_t i = 0; i < r.findings.size(); ++i) {
    EXPECT_EQ(j["findings"][i]["message"], r.findings[i].message);
    EXPECT_EQ(j["findings"][i]["file"], r.findings[i].file);
  }
  std::string text = json_text(r);
  EXPECT_NE(text.find(R"(\"privileged\")"), std::string::npos);
  EXPECT_NE(text.find(R"(could not parse:\nmapping)"), std::string::npos);
  EXPECT_NE(text.find("naïve ✓ 日本"), std::string::npos); // UTF-8 kept, not \u-escaped
}

TEST(JsonReport, InvalidUtf8IsReplacedNotThrown) {
  check::Result r = test::empty_result();
  r.findings = {test::finding("probe-missing", check::Severity::Warning, "bad\xff.yaml", 1, 1,
                              "Deployment/x", "", "control \x01 char")};
  std::string text;
  ASSERT_NO_THROW(text = json_text(r));
  ojson j = ojson::parse(text);
  EXPECT_EQ(j["findings"][0]["file"], "bad\xEF\xBF\xBD.yaml");
  EXPECT_EQ(j["findings"][0]["message"], "control \x01 char");
  EXPECT_NE(text.find("\\u0001"), std::string::npos);
}

TEST(JsonReport, EmptyResultGolden) {
  EXPECT_EQ(json_text(test::empty_result()), R"({
  "version": 1,
  "findings": [],
  "summary": {
    "errors": 0,
    "warnings": 0,
    "infos": 0,
    "files": 0,
    "documents": 0,
    "objects": 0,
    "bytes": 0,
    "unusable_input": false
  },
  "scorecard": {
    "overall": 10.0,
    "areas": {
      "security": {
        "score": 10.0,
        "errors": 0,
        "warnings": 0,
        "infos": 0
      },
      "reliability": {
        "score": 10.0,
        "errors": 0,
        "warnings": 0,
        "infos": 0
      },
      "observability": {
        "score": 10.0,
        "errors": 0,
        "warnings": 0,
        "infos": 0
      },
      "data-safety": {
        "score": 10.0,
        "errors": 0,
        "warnings": 0,
        "infos": 0
      },
      "delivery": {
        "score": 10.0,
        "errors": 0,
        "warnings": 0,
        "infos": 0
      }
    }
  },
  "rules": []
}
)");
}

TEST(JsonReport, Deterministic) {
  EXPECT_EQ(json_text(test::result()), json_text(test::result()));
}

} // namespace
} // namespace berth::report
