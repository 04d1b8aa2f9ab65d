// Suggestions on top of the shared edit distance; only runs when a finding is reported.
#include "check/schema/spelling.h"

#include <algorithm>
#include <cctype>

#include "common/edit_distance.h"

namespace berth::check::schema {

namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

} // namespace

Closest::Closest(std::string_view word) : word_(lower(word)), original_(word) {}

void Closest::offer(std::string_view candidate) {
  if (candidate == original_) return; // the word itself is no suggestion
  // A third of the length (at least 1, at most 3) keeps "name" from becoming "image".
  std::size_t bound = std::clamp<std::size_t>(std::max(word_.size(), candidate.size()) / 3, 1, 3);
  std::size_t d = berth::edit_distance(word_, lower(candidate));
  if (d > bound) return;
  if (best_.empty() || d < best_distance_) {
    best_ = candidate;
    best_distance_ = d;
  }
}

} // namespace berth::check::schema
