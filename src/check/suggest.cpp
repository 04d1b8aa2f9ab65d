// Typo suggestions: Levenshtein distance with a bound relative to the word's length, so short
// ids are not "corrected" into unrelated ones.
#include "check/suggest.h"

#include <algorithm>
#include <vector>

namespace berth::check {

namespace {

std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j)
    row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diag = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      std::size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diag + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diag = up;
    }
  }
  return row[b.size()];
}

} // namespace

std::string_view closest_rule(std::string_view word, const Catalog& catalog) {
  if (word.empty()) return {};
  std::string_view best;
  std::size_t best_distance = std::max<std::size_t>(2, word.size() / 3) + 1;
  for (const RuleInfo& r : catalog.rules()) {
    std::size_t d = edit_distance(word, r.id);
    if (d < best_distance) best_distance = d, best = r.id;
  }
  if (!best.empty()) return best;
  // "probe" → "probe-missing": a fragment of exactly one id.
  for (const RuleInfo& r : catalog.rules()) {
    if (word.size() >= 4 && r.id.find(word) != std::string_view::npos) {
      if (!best.empty()) return {}; // ambiguous
      best = r.id;
    }
  }
  return best;
}

} // namespace berth::check
