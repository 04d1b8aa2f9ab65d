// Compose value units: durations ("1m30s"), byte sizes ("512M", "1.5g"), cpus ("0.5").
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace berth::compose {

// Go time.ParseDuration, which is what docker compose applies to every duration field:
// "1h2m3.5s", "300ms", "10us", "1.5h", "-2s", "0". Units ns us µs ms s m h. A bare number other
// than "0" (e.g. "10") has no unit and is rejected, exactly as compose rejects it. Returns
// nanoseconds, nullopt when malformed or beyond int64.
std::optional<std::int64_t> parse_duration_ns(std::string_view text);
// Go's Duration.String(), which docker compose config prints: "1m30s", "1h0m0s", "500ms",
// "1.5µs", "0s".
std::string format_duration(std::int64_t ns);

// go-units RAMInBytes: digits with an optional fraction, an optional single space, then an
// optional unit k/m/g/t/p (case-insensitive, binary: 1k = 1024) with optional "i" and "b"
// ("512m", "1.5g", "2kb", "32KiB", "100"); fractions truncate ("32.5" → 32). nullopt when
// malformed (" 32", "-1", ".5m", "32m b").
std::optional<std::int64_t> parse_bytes(std::string_view text);
// Kubernetes quantity for a byte count: exact binary suffix when it divides ("512Mi", "1536Mi"),
// else plain bytes.
std::string bytes_to_quantity(std::int64_t bytes);

// CPU count ("0.5", "2", "1.25", ".5") → millicores, rounding half up at the 4th decimal; a
// positive count never becomes 0 ("0.0001" → 1). nullopt when malformed or negative.
std::optional<std::int64_t> parse_cpus_milli(std::string_view text);
// Kubernetes quantity for millicores: "500m", "2".
std::string millicores_to_quantity(std::int64_t milli);

} // namespace berth::compose
