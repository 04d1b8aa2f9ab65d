// Kubernetes resource quantities ("150Gi", "500M", "1.5Gi", "0.5").
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace berth::model {

// Bytes (rounded up) of a quantity; nullopt when it is not a valid Kubernetes quantity or is
// negative.
std::optional<std::int64_t> quantity_bytes(std::string_view text);

} // namespace berth::model
