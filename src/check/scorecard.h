// Readiness scorecard: 0–10 per area (security, reliability, observability, data safety,
// delivery) derived from the findings (formula documented in scorecard.cpp and the README).
#pragma once

#include <array>
#include <cstddef>
#include <vector>

#include "check/finding.h"
#include "check/rule.h"

namespace berth::check {

struct AreaScore {
  Area area;
  double score = 10.0;       // 0–10, one decimal
  std::size_t errors = 0;    // findings of the area by severity
  std::size_t warnings = 0;
  std::size_t infos = 0;
};

struct Scorecard {
  std::array<AreaScore, 5> areas; // in enum order
  double overall = 10.0;          // mean of the areas, one decimal
};

Scorecard compute_scorecard(const std::vector<Finding>& findings, const Catalog& catalog,
                            std::size_t objects);

} // namespace berth::check
