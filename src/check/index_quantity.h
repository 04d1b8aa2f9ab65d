// Quantities for the capacity facts: a CPU (millicore) parser next to model::quantity_bytes, and
// the short human forms findings print ("3.2", "250m", "12Gi", "1.5Gi").
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace berth::check {

// Kubernetes quantity → thousandths of its value, rounded up like Quantity.MilliValue():
// "250m" → 250, "2" → 2000, "0.5" → 500, "1.5k" → 1500000, "1Ki" → 1024000. nullopt when
// malformed, negative or beyond int64. Used for CPU (millicores) and ratios.
std::optional<std::int64_t> quantity_millis(std::string_view text);

// Millicores as the shortest exact form: 250 → "250m", 2000 → "2", 3200 → "3.2".
std::string format_cpu(std::int64_t millis);
// Bytes in binary units with at most one decimal: 12884901888 → "12Gi", 1610612736 → "1.5Gi",
// 500000000 → "476.8Mi", 512 → "512".
std::string format_bytes(std::int64_t bytes);
// part/whole as a whole percentage rounded down ("40%"); "-" when whole is 0.
std::string format_percent(std::int64_t part, std::int64_t whole);

} // namespace berth::check
