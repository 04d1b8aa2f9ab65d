// Kubernetes resource quantities ("150Gi", "500M", "1.5Gi", "0.5", "250m"), parsed exactly.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace berth::model {

// The quantity's value × 10^exp10, rounded up (like Quantity.Value()/MilliValue()), computed
// in exact decimal arithmetic ("0.1" is 100m, not 101m). nullopt when `text` is not a valid
// Kubernetes quantity, is negative, or the result does not fit in int64.
std::optional<std::int64_t> quantity_scaled(std::string_view text, int exp10);

// Bytes (or units) of a quantity: quantity_scaled(text, 0).
std::optional<std::int64_t> quantity_bytes(std::string_view text);
// Thousandths (CPU millicores): quantity_scaled(text, 3). "250m" → 250, "2" → 2000.
std::optional<std::int64_t> quantity_millis(std::string_view text);

} // namespace berth::model
