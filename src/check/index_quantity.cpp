// The short human forms of quantities that capacity findings print.
#include "check/index_quantity.h"

#include <cstdio>
#include <string>

namespace berth::check {

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
  return std::to_string(static_cast<long long>(static_cast<__int128>(part) * 100 / whole)) + "%";
}

} // namespace berth::check
