// Compose value units: durations ("1m30s"), byte sizes ("512M", "1.5g"), cpus ("0.5").
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace berth::compose {

// Go-style duration as docker compose accepts it: "1h2m3.5s", "300ms", "10us", "0"; a bare
// integer is seconds. Returns nanoseconds, nullopt when malformed.
std::optional<std::int64_t> parse_duration_ns(std::string_view text);
// Canonical text of a duration in nanoseconds, the way docker compose config prints it
// ("1m30s", "10s", "500ms").
std::string format_duration(std::int64_t ns);

// Byte size: plain integer bytes, or number + unit b/k/kb/m/mb/g/gb/t/tb (case-insensitive,
// binary multiples: 1k = 1024), decimals allowed ("1.5g"). nullopt when malformed.
std::optional<std::int64_t> parse_bytes(std::string_view text);
// Kubernetes quantity for a byte count: exact binary suffix when it divides ("512Mi", "1536Mi"),
// else plain bytes.
std::string bytes_to_quantity(std::int64_t bytes);

// CPU count ("0.5", "2", 1.25) → millicores; nullopt when malformed or negative.
std::optional<std::int64_t> parse_cpus_milli(std::string_view text);
// Kubernetes quantity for millicores: "500m", "2".
std::string millicores_to_quantity(std::int64_t milli);

} // namespace berth::compose
