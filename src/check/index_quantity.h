// The short human forms capacity findings print ("3.2", "250m", "12Gi", "1.5Gi"); parsing is
// model::quantity_millis / quantity_bytes.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace berth::check {

// Millicores as the shortest exact form: 250 → "250m", 2000 → "2", 3200 → "3.2".
std::string format_cpu(std::int64_t millis);
// Bytes in binary units with at most one decimal: 12884901888 → "12Gi", 1610612736 → "1.5Gi",
// 500000000 → "476.8Mi", 512 → "512".
std::string format_bytes(std::int64_t bytes);
// part/whole as a whole percentage rounded down ("40%"); "-" when whole is 0.
std::string format_percent(std::int64_t part, std::int64_t whole);

} // namespace berth::check
