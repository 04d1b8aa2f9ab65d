// Edit distance for suggestions; only runs when a finding is reported.
#include "check/schema/spelling.h"

#include <algorithm>
#include <cctype>
#include <vector>

namespace berth::check::schema {

std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j)
    row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diag = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      std::size_t up = row[j];
      bool same = std::tolower(static_cast<unsigned char>(a[i - 1])) ==
                  std::tolower(static_cast<unsigned char>(b[j - 1]));
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diag + (same ? 0 : 1)});
      diag = up;
    }
  }
  return row[b.size()];
}

void Closest::offer(std::string_view candidate) {
  // A third of the word (at least 1, at most 3) keeps "name" from becoming "image".
  std::size_t bound = std::clamp<std::size_t>(std::max(word_.size(), candidate.size()) / 3, 1, 3);
  std::size_t d = edit_distance(word_, candidate);
  if (d > bound || (d == 0 && word_ == candidate)) return;
  if (best_.empty() || d < best_distance_) {
    best_ = candidate;
    best_distance_ = d;
  }
}

} // namespace berth::check::schema
