// Readiness scorecard: one 0–10 score per area from the findings, by a formula simple enough to
// check by hand.
//
// For each area:
//   1. Findings are grouped by (rule, object) — the object is file + namespace + Kind/name, or
//      the file for file-level findings — so one rule failing on five containers of one
//      Deployment counts once, at its highest severity.
//   2. Each group weighs by that severity: error 3, warning 1, info 0 (infos are measurements
//      such as quota headroom, and advice; they are counted and shown but never lower a
//      score). W is the sum.
//   3. The density d = W / N, where N is the number of objects checked (at least 1), so a large
//      input is not punished for its size: one warning per object is the same d = 1 whether there
//      are 4 objects or 4,000.
//   4. score = 10 / (1 + d), capped at 5.0 when the area has any error (an area with something
//      that breaks or is dangerous is at best half ready), rounded to one decimal.
//
// Examples: no findings → 10.0; d = 0.25 (one warning per four objects) → 8.0; d = 1 → 5.0;
// d = 4 → 2.0. The score never increases when a finding is added (for the same objects) and
// stays within [0, 10]. The overall score is the mean of the five rounded area scores, rounded.
#include "check/scorecard.h"

#include <cmath>
#include <map>
#include <string>
#include <tuple>

namespace berth::check {

namespace {

constexpr double kErrorWeight = 3.0;
constexpr double kWarningWeight = 1.0;
constexpr double kInfoWeight = 0.0;
constexpr double kErrorCap = 5.0;

double weight(Severity s) {
  switch (s) {
  case Severity::Error:
    return kErrorWeight;
  case Severity::Warning:
    return kWarningWeight;
  case Severity::Info:
    return kInfoWeight;
  }
  return kErrorWeight;
}

double one_decimal(double x) {
  return std::round(x * 10.0) / 10.0;
}

using GroupKey = std::tuple<std::string_view, std::string_view, std::string_view, std::string_view>;

} // namespace

Scorecard compute_scorecard(const std::vector<Finding>& findings, const Catalog& catalog,
                            std::size_t objects) {
  Scorecard card;
  std::array<std::map<GroupKey, Severity>, 5> groups;
  for (std::size_t i = 0; i < card.areas.size(); ++i)
    card.areas[i].area = static_cast<Area>(i);

  for (const Finding& f : findings) {
    const RuleInfo* rule = catalog.find(f.rule);
    if (!rule) continue; // not ours to score (cannot happen for findings made by Context)
    auto a = static_cast<std::size_t>(rule->area);
    if (a >= card.areas.size()) continue;
    AreaScore& score = card.areas[a];
    if (f.severity == Severity::Error)
      ++score.errors;
    else if (f.severity == Severity::Warning)
      ++score.warnings;
    else
      ++score.infos;
    GroupKey key{rule->id, f.file, f.ns, f.object};
    auto [it, inserted] = groups[a].emplace(key, f.severity);
    if (!inserted && it->second < f.severity) it->second = f.severity;
  }

  double n = objects == 0 ? 1.0 : static_cast<double>(objects);
  double sum = 0;
  for (std::size_t a = 0; a < card.areas.size(); ++a) {
    double w = 0;
    for (const auto& [key, severity] : groups[a])
      w += weight(severity);
    double score = 10.0 / (1.0 + w / n);
    if (card.areas[a].errors > 0 && score > kErrorCap) score = kErrorCap;
    card.areas[a].score = one_decimal(score);
    sum += card.areas[a].score;
  }
  card.overall = one_decimal(sum / static_cast<double>(card.areas.size()));
  return card;
}

} // namespace berth::check
