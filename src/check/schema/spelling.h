// "Did you mean …?" for field names, enum values and kinds: the closest candidate ignoring case.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace berth::check::schema {

// Keeps the closest candidate offered to `offer` within a bound relative to its length; case
// differences cost nothing (imagepullpolicy → imagePullPolicy, always → Always).
class Closest {
public:
  explicit Closest(std::string_view word);
  void offer(std::string_view candidate);
  std::string_view best() const { return best_; }

private:
  std::string word_; // lowercased
  std::string_view original_, best_;
  std::size_t best_distance_ = 0;
};

} // namespace berth::check::schema
