// Levenshtein distance, for "did you mean …?" hints on misspelled keys, fields and rule ids.
#pragma once

#include <cstddef>
#include <string_view>

namespace berth {

std::size_t edit_distance(std::string_view a, std::string_view b);

} // namespace berth
