// Scorecard: bounds, the documented formula's fixed points, monotonicity, size normalization,
// error cap and determinism.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <random>
#include <string>
#include <vector>

#include "check/scorecard.h"

namespace berth::check {
namespace {

const Catalog& test_catalog() {
  static const Catalog c({
      {"sec-a", Family::Policy, Area::Security, Severity::Warning, true, "a", "fix a", ""},
      {"sec-b", Family::Policy, Area::Security, Severity::Error, true, "b", "fix b", ""},
      {"rel-a", Family::Policy, Area::Reliability, Severity::Warning, true, "c", "fix c", ""},
      {"obs-a", Family::Policy, Area::Observability, Severity::Info, true, "d", "fix d", ""},
      {"del-a", Family::ApiVersion, Area::Delivery, Severity::Error, true, "e", "fix e", ""},
  });
  return c;
}

Finding finding(std::string rule, Severity s, std::string object, std::string file = "a.yaml") {
  Finding f;
  f.rule = std::move(rule);
  f.severity = s;
  f.object = std::move(object);
  f.file = std::move(file);
  return f;
}

double area(const Scorecard& c, Area a) {
  return c.areas[static_cast<std::size_t>(a)].score;
}

TEST(Scorecard, CleanIsTen) {
  Scorecard c = compute_scorecard({}, test_catalog(), 0);
  for (std::size_t i = 0; i < c.areas.size(); ++i) {
    EXPECT_EQ(c.areas[i].area, static_cast<Area>(i));
    EXPECT_EQ(c.areas[i].score, 10.0);
  }
  EXPECT_EQ(c.overall, 10.0);
}

TEST(Scorecard, DocumentedFixedPoints) {
  // One warning on one of four objects: d = 0.25 → 8.0.
  std::vector<Finding> f = {finding("sec-a", Severity::Warning, "Deployment/a")};
  EXPECT_EQ(area(compute_scorecard(f, test_catalog(), 4), Area::Security), 8.0);
  // One warning per object: d = 1 → 5.0, at any size.
  f.clear();
  for (int i = 0; i < 4000; ++i)
    f.push_back(finding("sec-a", Severity::Warning, "Deployment/" + std::to_string(i)));
  EXPECT_EQ(area(compute_scorecard(f, test_catalog(), 4000), Area::Security), 5.0);
  f.resize(4);
  EXPECT_EQ(area(compute_scorecard(f, test_catalog(), 4), Area::Security), 5.0);
  // Infos (headroom figures, advice) are counted but weigh nothing.
  f = {finding("obs-a", Severity::Info, "Deployment/a")};
  Scorecard c = compute_scorecard(f, test_catalog(), 1);
  EXPECT_EQ(area(c, Area::Observability), 10.0);
  EXPECT_EQ(c.areas[static_cast<std::size_t>(Area::Observability)].infos, 1u);
  // Overall = mean of the rounded areas: one warning on one object → (5.0 + 4·10) / 5 = 9.0.
  f = {finding("obs-a", Severity::Warning, "Deployment/a")};
  EXPECT_EQ(compute_scorecard(f, test_catalog(), 1).overall, 9.0);
}

TEST(Scorecard, SameRuleOnOneObjectCountsOnceAtItsWorstSeverity) {
  std::vector<Finding> one = {finding("sec-a", Severity::Warning, "Deployment/a")};
  std::vector<Finding> twice = one;
  twice.push_back(finding("sec-a", Severity::Warning, "Deployment/a"));
  EXPECT_EQ(area(compute_scorecard(one, test_catalog(), 2), Area::Security),
            area(compute_scorecard(twice, test_catalog(), 2), Area::Security));
  Scorecard c = compute_scorecard(twice, test_catalog(), 2);
  EXPECT_EQ(c.areas[0].warnings, 2u); // counts stay raw
  // The same object name in another file is another object.
  twice.back().file = "b.yaml";
  EXPECT_LT(area(compute_scorecard(twice, test_catalog(), 2), Area::Security),
            area(compute_scorecard(one, test_catalog(), 2), Area::Security));
}

TEST(Scorecard, ErrorCapsTheArea) {
  // One error among 1000 objects would score 10/(1+0.003) ≈ 10 without the cap.
  std::vector<Finding> f = {finding("del-a", Severity::Error, "Ingress/web")};
  Scorecard c = compute_scorecard(f, test_catalog(), 1000);
  EXPECT_EQ(area(c, Area::Delivery), 5.0);
  EXPECT_EQ(c.areas[static_cast<std::size_t>(Area::Delivery)].errors, 1u);
  // A severity override to warning lifts the cap (severity after config is what counts).
  f[0].severity = Severity::Warning;
  EXPECT_EQ(area(compute_scorecard(f, test_catalog(), 1000), Area::Delivery), 10.0);
}

TEST(Scorecard, UnknownRulesAndFileLevelFindingsDoNotThrow) {
  std::vector<Finding> f = {finding("no-such-rule", Severity::Error, "X/y"),
                            finding("sec-b", Severity::Error, "", "broken.yaml")};
  Scorecard c = compute_scorecard(f, test_catalog(), 0);
  EXPECT_EQ(area(c, Area::Security), 2.5); // 10 / (1 + 3) with N = 1
  EXPECT_EQ(area(c, Area::Reliability), 10.0);
}

TEST(Scorecard, MonotoneBoundedAndDeterministic) {
  const char* rules[] = {"sec-a", "sec-b", "rel-a", "obs-a", "del-a"};
  std::mt19937 rng(42);
  std::vector<Finding> all;
  for (int i = 0; i < 400; ++i) {
    all.push_back(finding(rules[rng() % 5], static_cast<Severity>(rng() % 3),
                          "Deployment/" + std::to_string(rng() % 30),
                          rng() % 2 ? "a.yaml" : "b.yaml"));
  }
  std::vector<Finding> sofar;
  Scorecard prev = compute_scorecard(sofar, test_catalog(), 50);
  for (const Finding& f : all) {
    sofar.push_back(f);
    Scorecard next = compute_scorecard(sofar, test_catalog(), 50);
    for (std::size_t a = 0; a < 5; ++a) {
      EXPECT_LE(next.areas[a].score, prev.areas[a].score);
      EXPECT_GE(next.areas[a].score, 0.0);
      EXPECT_LE(next.areas[a].score, 10.0);
      // one decimal exactly
      EXPECT_DOUBLE_EQ(next.areas[a].score, std::round(next.areas[a].score * 10) / 10);
    }
    EXPECT_LE(next.overall, prev.overall);
    prev = next;
  }
  // Order of findings does not matter.
  std::vector<Finding> shuffled = all;
  std::shuffle(shuffled.begin(), shuffled.end(), rng);
  Scorecard a = compute_scorecard(all, test_catalog(), 50);
  Scorecard b = compute_scorecard(shuffled, test_catalog(), 50);
  for (std::size_t i = 0; i < 5; ++i)
    EXPECT_EQ(a.areas[i].score, b.areas[i].score);
  EXPECT_EQ(a.overall, b.overall);
}

} // namespace
} // namespace berth::check
