// Exact decimal parsing of Kubernetes quantities into thousandths (no floating point, so "0.1"
// is 100m, not 101m), and the short forms findings print.
#include "check/index_quantity.h"

#include <cstdio>

namespace berth::check {

namespace {

using Wide = __int128;
constexpr Wide kLimit = static_cast<Wide>(INT64_MAX);

// Suffix → (power of ten, power of 1024); false when unknown.
bool suffix_scale(std::string_view s, int& exp10, int& exp1024) {
  exp10 = 0;
  exp1024 = 0;
  static constexpr struct {
    std::string_view s;
    int e10, e1024;
  } kTable[] = {{"", 0, 0},   {"m", -3, 0}, {"k", 3, 0},  {"M", 6, 0},  {"G", 9, 0},
                {"T", 12, 0}, {"P", 15, 0}, {"E", 18, 0}, {"Ki", 0, 1}, {"Mi", 0, 2},
                {"Gi", 0, 3}, {"Ti", 0, 4}, {"Pi", 0, 5}, {"Ei", 0, 6}};
  for (const auto& t : kTable)
    if (s == t.s) {
      exp10 = t.e10;
      exp1024 = t.e1024;
      return true;
    }
  // Decimal exponent: e3, E-2, e+6 (at most three digits, as the API server accepts).
  if (s.size() < 2 || (s[0] != 'e' && s[0] != 'E')) return false;
  std::size_t i = 1;
  bool negative = false;
  if (s[i] == '+' || s[i] == '-') negative = s[i++] == '-';
  if (i == s.size() || s.size() - i > 3) return false;
  int e = 0;
  for (; i < s.size(); ++i) {
    if (s[i] < '0' || s[i] > '9') return false;
    e = e * 10 + (s[i] - '0');
  }
  exp10 = negative ? -e : e;
  return true;
}

} // namespace

std::optional<std::int64_t> quantity_millis(std::string_view t) {
  std::size_t i = 0;
  if (i < t.size() && t[i] == '+') ++i;
  Wide mantissa = 0;
  int digits = 0, fraction = 0;
  bool overflow = false;
  auto take = [&](bool after_point) {
    while (i < t.size() && t[i] >= '0' && t[i] <= '9') {
      if (mantissa < kLimit * 1000) {
        mantissa = mantissa * 10 + (t[i] - '0');
        if (after_point) ++fraction;
      } else if (!after_point) {
        overflow = true;
      }
      ++digits;
      ++i;
    }
  };
  take(false);
  if (i < t.size() && t[i] == '.') {
    ++i;
    take(true);
  }
  if (digits == 0 || overflow) return std::nullopt;
  int exp10 = 0, exp1024 = 0;
  if (!suffix_scale(t.substr(i), exp10, exp1024)) return std::nullopt;
  int scale = exp10 + 3 - fraction; // value × 1000 = mantissa × 10^scale × 1024^exp1024
  Wide v = mantissa;
  for (int k = 0; k < exp1024; ++k) {
    v *= 1024;
    if (v > kLimit * 1000) return std::nullopt;
  }
  if (scale >= 0) {
    for (int k = 0; k < scale; ++k) {
      v *= 10;
      if (v > kLimit) return std::nullopt;
    }
  } else {
    Wide div = 1;
    for (int k = 0; k < -scale && div <= kLimit * 1000; ++k)
      div *= 10;
    v = (v + div - 1) / div; // rounds up, as MilliValue does
  }
  if (v > kLimit) return std::nullopt;
  return static_cast<std::int64_t>(v);
}

std::string format_cpu(std::int64_t millis) {
  if (millis % 1000 == 0) return std::to_string(millis / 1000);
  if (millis < 1000 && millis > -1000) return std::to_string(millis) + "m";
  std::string s = std::to_string(millis / 1000) + ".";
  std::int64_t rest = (millis < 0 ? -millis : millis) % 1000;
  char buf[4];
  std::snprintf(buf, sizeof buf, "%03lld", static_cast<long long>(rest));
  std::string frac(buf);
  while (!frac.empty() && frac.back() == '0')
    frac.pop_back();
  return s + frac;
}

std::string format_bytes(std::int64_t bytes) {
  static constexpr const char* kUnits[] = {"Ki", "Mi", "Gi", "Ti", "Pi", "Ei"};
  std::int64_t magnitude = bytes < 0 ? -bytes : bytes;
  if (magnitude < 1024) return std::to_string(bytes);
  int unit = -1;
  long double scaled = static_cast<long double>(bytes);
  while (unit < 5 && (magnitude >= 1024)) {
    magnitude /= 1024;
    scaled /= 1024;
    ++unit;
  }
  std::int64_t unit_size = std::int64_t{1} << (10 * (unit + 1));
  if (bytes % unit_size == 0) return std::to_string(bytes / unit_size) + kUnits[unit];
  char buf[48];
  std::snprintf(buf, sizeof buf, "%.1Lf%s", scaled, kUnits[unit]);
  std::string s(buf);
  // "2.0Gi" when rounding reaches a whole number: print it whole.
  std::size_t dot = s.find(".0");
  if (dot != std::string::npos && dot + 2 < s.size() && (s[dot + 2] < '0' || s[dot + 2] > '9'))
    s.erase(dot, 2);
  return s;
}

std::string format_percent(std::int64_t part, std::int64_t whole) {
  if (whole <= 0) return "-";
  return std::to_string(static_cast<long long>(static_cast<Wide>(part) * 100 / whole)) + "%";
}

} // namespace berth::check
