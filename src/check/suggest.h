// "Did you mean …?" for rule ids typed by users (config file, `berth explain`).
#pragma once

#include <string_view>

#include "check/rule.h"

namespace berth::check {

// The catalog rule id closest to `word` by edit distance (a typo or two, or one id containing
// the other); "" when none is close enough to be a plausible suggestion.
std::string_view closest_rule(std::string_view word, const Catalog& catalog);

} // namespace berth::check
