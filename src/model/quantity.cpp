// Kubernetes quantity grammar: <signed decimal>[<binarySI>|<decimalSI>|e<exp>].
#include "model/quantity.h"

#include <cmath>
#include <string>

namespace berth::model {

std::optional<std::int64_t> quantity_bytes(std::string_view t) {
  std::size_t i = 0;
  if (i < t.size() && t[i] == '+') ++i;
  std::size_t digits = 0, start = i;
  while (i < t.size() && t[i] >= '0' && t[i] <= '9') ++i, ++digits;
  if (i < t.size() && t[i] == '.') {
    ++i;
    while (i < t.size() && t[i] >= '0' && t[i] <= '9') ++i, ++digits;
  }
  if (digits == 0) return std::nullopt;
  double number = std::stod(std::string(t.substr(start, i - start)));
  std::string_view suffix = t.substr(i);
  double mult = 1;
  struct S { const char* s; double m; };
  static const S kSuffixes[] = {
      {"", 1},           {"Ki", 1024.0},     {"Mi", 1048576.0},  {"Gi", 1073741824.0},
      {"Ti", 1099511627776.0}, {"Pi", 1125899906842624.0}, {"Ei", 1152921504606846976.0},
      {"m", 1e-3},       {"k", 1e3},         {"M", 1e6},         {"G", 1e9},
      {"T", 1e12},       {"P", 1e15},        {"E", 1e18}};
  bool found = false;
  for (const S& s : kSuffixes)
    if (suffix == s.s) {
      mult = s.m;
      found = true;
      break;
    }
  if (!found) {
    // decimal exponent: e3, E-2
    if (suffix.size() < 2 || (suffix[0] != 'e' && suffix[0] != 'E')) return std::nullopt;
    std::size_t k = 1;
    if (suffix[k] == '+' || suffix[k] == '-') ++k;
    if (k == suffix.size()) return std::nullopt;
    for (std::size_t j = k; j < suffix.size(); ++j)
      if (suffix[j] < '0' || suffix[j] > '9') return std::nullopt;
    if (suffix.size() - k > 3) return std::nullopt;
    mult = std::pow(10.0, std::stod(std::string(suffix.substr(1))));
  }
  double bytes = std::ceil(number * mult);
  if (!(bytes < 9.2e18)) return std::nullopt;
  return static_cast<std::int64_t>(bytes);
}

} // namespace berth::model
