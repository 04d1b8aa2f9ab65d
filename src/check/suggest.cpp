// Typo suggestions: Levenshtein distance with a bound relative to the word's length, so short
// ids are not "corrected" into unrelated ones.
#include "check/suggest.h"

#include <algorithm>

#include "common/edit_distance.h"

namespace berth::check {

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
