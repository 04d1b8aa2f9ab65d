// Compose value units: Go durations, go-units byte sizes, cpus → Kubernetes quantities.
#include "compose/units.h"

#include <cstdlib>
#include <limits>

namespace berth::compose {
namespace {

constexpr std::uint64_t kMaxDuration = std::uint64_t{1} << 63; // |math.MinInt64|

bool is_digit(char c) { return c >= '0' && c <= '9'; }

std::uint64_t unit_ns(std::string_view unit) {
  if (unit == "ns") return 1;
  if (unit == "us" || unit == "\xC2\xB5s" || unit == "\xCE\xBCs") return 1'000; // µs (micro, mu)
  if (unit == "ms") return 1'000'000;
  if (unit == "s") return 1'000'000'000;
  if (unit == "m") return 60'000'000'000ULL;
  if (unit == "h") return 3'600'000'000'000ULL;
  return 0;
}

// Go's fmtFrac: `v` printed with `prec` fractional digits, trailing zeros (and dot) dropped.
std::string with_fraction(std::uint64_t v, int prec) {
  std::string frac;
  bool print = false;
  for (int i = 0; i < prec; ++i) {
    char digit = static_cast<char>('0' + v % 10);
    print = print || digit != '0';
    if (print) frac.insert(frac.begin(), digit);
    v /= 10;
  }
  std::string out = std::to_string(v);
  if (print) out += "." + frac;
  return out;
}

} // namespace

std::optional<std::int64_t> parse_duration_ns(std::string_view s) {
  // time.ParseDuration: [-+]?([0-9]*(\.[0-9]*)?[a-z]+)+ and the special case "0".
  bool negative = false;
  if (!s.empty() && (s[0] == '-' || s[0] == '+')) {
    negative = s[0] == '-';
    s.remove_prefix(1);
  }
  if (s == "0") return 0;
  if (s.empty()) return std::nullopt;
  std::uint64_t total = 0;
  while (!s.empty()) {
    if (!(s[0] == '.' || is_digit(s[0]))) return std::nullopt;
    std::uint64_t whole = 0;
    std::size_t i = 0;
    for (; i < s.size() && is_digit(s[i]); ++i) {
      if (whole > kMaxDuration / 10) return std::nullopt;
      whole = whole * 10 + static_cast<std::uint64_t>(s[i] - '0');
      if (whole > kMaxDuration) return std::nullopt;
    }
    bool had_whole = i > 0;
    s.remove_prefix(i);
    std::uint64_t frac = 0;
    double scale = 1;
    bool had_frac = false;
    if (!s.empty() && s[0] == '.') {
      s.remove_prefix(1);
      bool overflow = false;
      for (i = 0; i < s.size() && is_digit(s[i]); ++i) {
        if (overflow) continue; // digits past int64 precision are ignored, as in Go
        if (frac > (kMaxDuration - 1) / 10) {
          overflow = true;
          continue;
        }
        frac = frac * 10 + static_cast<std::uint64_t>(s[i] - '0');
        scale *= 10;
      }
      had_frac = i > 0;
      s.remove_prefix(i);
    }
    if (!had_whole && !had_frac) return std::nullopt;
    i = 0;
    while (i < s.size() && s[i] != '.' && !is_digit(s[i])) ++i;
    std::uint64_t unit = unit_ns(s.substr(0, i));
    if (unit == 0) return std::nullopt; // missing or unknown unit ("10" alone is invalid)
    s.remove_prefix(i);
    if (whole > kMaxDuration / unit) return std::nullopt;
    whole *= unit;
    if (frac > 0) {
      whole += static_cast<std::uint64_t>(static_cast<double>(frac) *
                                          (static_cast<double>(unit) / scale));
      if (whole > kMaxDuration) return std::nullopt;
    }
    total += whole;
    if (total > kMaxDuration) return std::nullopt;
  }
  if (negative) return static_cast<std::int64_t>(0 - total);
  if (total > kMaxDuration - 1) return std::nullopt;
  return static_cast<std::int64_t>(total);
}

std::string format_duration(std::int64_t ns) {
  // Go's Duration.String().
  bool negative = ns < 0;
  std::uint64_t u = negative ? 0 - static_cast<std::uint64_t>(ns) : static_cast<std::uint64_t>(ns);
  std::string out;
  if (u < 1'000'000'000) {
    if (u == 0) return "0s";
    if (u < 1'000) out = std::to_string(u) + "ns";
    else if (u < 1'000'000) out = with_fraction(u, 3) + "\xC2\xB5s";
    else out = with_fraction(u, 6) + "ms";
  } else {
    // Seconds (with fraction) always; minutes and hours only when the duration reaches them.
    std::uint64_t secs_part = u % 60'000'000'000ULL;
    out = with_fraction(secs_part, 9) + "s";
    std::uint64_t minutes = u / 60'000'000'000ULL;
    if (minutes > 0) {
      out = std::to_string(minutes % 60) + "m" + out;
      std::uint64_t hours = minutes / 60;
      if (hours > 0) out = std::to_string(hours) + "h" + out;
    }
  }
  return negative ? "-" + out : out;
}

std::optional<std::int64_t> parse_bytes(std::string_view s) {
  // go-units RAMInBytes: ^(\d+(\.\d+)*) ?([kKmMgGtTpP])?[iI]?[bB]?$ with binary multiples.
  std::size_t i = 0;
  while (i < s.size() && is_digit(s[i])) ++i;
  if (i == 0) return std::nullopt;
  if (i < s.size() && s[i] == '.') {
    std::size_t j = i + 1;
    while (j < s.size() && is_digit(s[j])) ++j;
    if (j == i + 1) return std::nullopt;
    i = j;
  }
  std::string number(s.substr(0, i));
  std::string_view rest = s.substr(i);
  if (!rest.empty() && rest[0] == ' ') rest.remove_prefix(1);
  std::uint64_t multiple = 1;
  if (!rest.empty()) {
    switch (rest[0] | 0x20) { // ASCII lower-case
    case 'k': multiple = 1ULL << 10; break;
    case 'm': multiple = 1ULL << 20; break;
    case 'g': multiple = 1ULL << 30; break;
    case 't': multiple = 1ULL << 40; break;
    case 'p': multiple = 1ULL << 50; break;
    default: break;
    }
    if (multiple != 1) {
      rest.remove_prefix(1);
      if (!rest.empty() && (rest[0] | 0x20) == 'i') rest.remove_prefix(1); // "Ki", "MiB"
    }
  }
  if (!rest.empty() && (rest[0] | 0x20) == 'b') rest.remove_prefix(1);
  if (!rest.empty()) return std::nullopt;
  // Go computes in float64 and truncates; do the same so "32.3m" matches docker exactly.
  double value = std::strtod(number.c_str(), nullptr) * static_cast<double>(multiple);
  if (!(value < 9.2233720368547758e18)) return std::nullopt;
  return static_cast<std::int64_t>(value);
}

std::string bytes_to_quantity(std::int64_t bytes) {
  static const char* const kSuffixes[] = {"Ei", "Pi", "Ti", "Gi", "Mi", "Ki"};
  if (bytes > 0) {
    for (int i = 0; i < 6; ++i) {
      std::int64_t unit = std::int64_t{1} << (10 * (6 - i));
      if (bytes % unit == 0) return std::to_string(bytes / unit) + kSuffixes[i];
    }
  }
  return std::to_string(bytes);
}

std::optional<std::int64_t> parse_cpus_milli(std::string_view s) {
  // Decimal CPU count, computed exactly: the integer part, three fractional digits, and the
  // fourth digit rounding half up. A positive count never rounds down to 0 (which would mean
  // "no limit"), so "0.0001" is 1m, the smallest quantity Kubernetes accepts.
  if (!s.empty() && s[0] == '+') s.remove_prefix(1);
  std::size_t i = 0;
  std::int64_t whole = 0;
  for (; i < s.size() && is_digit(s[i]); ++i) {
    if (whole > 1'000'000'000'000) return std::nullopt;
    whole = whole * 10 + (s[i] - '0');
  }
  bool had_whole = i > 0;
  std::int64_t frac = 0;
  bool round_up = false, nonzero_tail = false, had_frac = false;
  if (i < s.size() && s[i] == '.') {
    ++i;
    for (int digit = 0; i < s.size() && is_digit(s[i]); ++i, ++digit) {
      had_frac = true;
      int d = s[i] - '0';
      if (digit < 3) frac = frac * 10 + d;
      else if (digit == 3) round_up = d >= 5;
      if (d != 0) nonzero_tail = true;
    }
  }
  if (i != s.size() || (!had_whole && !had_frac)) return std::nullopt;
  // Scale the fractional digits read so far to thousandths ("0.5" → 500).
  std::size_t dot = s.find('.');
  std::size_t frac_digits = dot == std::string_view::npos ? 0 : s.size() - dot - 1;
  for (std::size_t d = frac_digits; d < 3; ++d) frac *= 10;
  std::int64_t milli = whole * 1000 + frac + (round_up ? 1 : 0);
  if (milli == 0 && nonzero_tail) milli = 1;
  return milli;
}

std::string millicores_to_quantity(std::int64_t milli) {
  if (milli % 1000 == 0) return std::to_string(milli / 1000);
  return std::to_string(milli) + "m";
}

} // namespace berth::compose
