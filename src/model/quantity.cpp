// Kubernetes quantity grammar: <signed decimal>[<binarySI>|<decimalSI>|e<exp>], evaluated with
// 128-bit integers so no value is off by a floating-point rounding.
#include "model/quantity.h"

namespace berth::model {

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

std::optional<std::int64_t> quantity_scaled(std::string_view t, int exp10_out) {
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
  int scale = exp10 + exp10_out - fraction; // result = mantissa × 10^scale × 1024^exp1024
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
    for (int k = 0; k < -scale && div <= kLimit * 1000; ++k) div *= 10;
    v = (v + div - 1) / div; // rounds up
  }
  if (v > kLimit) return std::nullopt;
  return static_cast<std::int64_t>(v);
}

std::optional<std::int64_t> quantity_bytes(std::string_view text) {
  return quantity_scaled(text, 0);
}

std::optional<std::int64_t> quantity_millis(std::string_view text) {
  return quantity_scaled(text, 3);
}

} // namespace berth::model
