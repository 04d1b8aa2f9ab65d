// "Did you mean …?" for field names, enum values and kinds (case-insensitive edit distance).
#pragma once

#include <cstddef>
#include <string_view>

namespace berth::check::schema {

// Levenshtein distance ignoring ASCII case.
std::size_t edit_distance(std::string_view a, std::string_view b);

// Keeps the closest candidate offered to `offer` within a bound relative to its length.
class Closest {
public:
  explicit Closest(std::string_view word) : word_(word) {}
  void offer(std::string_view candidate);
  std::string_view best() const { return best_; }

private:
  std::string_view word_, best_;
  std::size_t best_distance_ = 0;
};

} // namespace berth::check::schema
