// Cron schedule validation: 5 fields, each `*`, N, N-M, with /step and comma lists; names for
// months and weekdays; the @-macros Kubernetes accepts.
#include "model/cron.h"

#include <array>
#include <cctype>
#include <charconv>
#include <vector>

namespace berth::model {
namespace {

struct Field {
  const char* name;
  int min, max;
  const char* const* names; // index 0 = value `min` (months) or 0 (weekdays); nullptr: none
  int names_count;
};

const char* const kMonths[] = {"JAN", "FEB", "MAR", "APR", "MAY", "JUN",
                               "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"};
const char* const kDays[] = {"SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"};

const std::array<Field, 5> kFields = {{
    {"minute", 0, 59, nullptr, 0},
    {"hour", 0, 23, nullptr, 0},
    {"day of month", 1, 31, nullptr, 0},
    {"month", 1, 12, kMonths, 12},
    {"day of week", 0, 7, kDays, 7},
}};

std::optional<int> value_of(std::string_view t, const Field& f) {
  if (t.empty()) return std::nullopt;
  if (std::isdigit(static_cast<unsigned char>(t[0]))) {
    int v = 0;
    auto [p, ec] = std::from_chars(t.data(), t.data() + t.size(), v);
    if (ec != std::errc() || p != t.data() + t.size()) return std::nullopt;
    if (v < f.min || v > f.max) return std::nullopt;
    return v;
  }
  for (int i = 0; i < f.names_count; ++i) {
    std::string_view n = f.names[i];
    if (t.size() != 3) break;
    bool eq = true;
    for (int k = 0; k < 3; ++k)
      if (std::toupper(static_cast<unsigned char>(t[k])) != n[k]) eq = false;
    if (eq) return f.names == kMonths ? i + 1 : i;
  }
  return std::nullopt;
}

bool valid_part(std::string_view part, const Field& f) {
  std::string_view range = part, step;
  if (auto slash = part.find('/'); slash != std::string_view::npos) {
    range = part.substr(0, slash);
    step = part.substr(slash + 1);
    int s = 0;
    auto [p, ec] = std::from_chars(step.data(), step.data() + step.size(), s);
    if (step.empty() || ec != std::errc() || p != step.data() + step.size() || s < 1 ||
        s > f.max)
      return false;
  }
  if (range == "*" || (range == "?" && (f.max == 31 || f.max == 7)))
    return true;
  if (auto dash = range.find('-'); dash != std::string_view::npos) {
    auto a = value_of(range.substr(0, dash), f), b = value_of(range.substr(dash + 1), f);
    return a && b && *a <= *b;
  }
  return value_of(range, f).has_value();
}

} // namespace

std::optional<std::string> cron_error(std::string_view expr) {
  static const char* const kMacros[] = {"@yearly", "@annually", "@monthly", "@weekly",
                                        "@daily",  "@midnight", "@hourly"};
  for (const char* m : kMacros)
    if (expr == m) return std::nullopt;
  std::vector<std::string_view> fields;
  std::size_t i = 0;
  while (i < expr.size()) {
    while (i < expr.size() && (expr[i] == ' ' || expr[i] == '\t')) ++i;
    std::size_t start = i;
    while (i < expr.size() && expr[i] != ' ' && expr[i] != '\t') ++i;
    if (i > start) fields.push_back(expr.substr(start, i - start));
  }
  if (fields.size() != 5)
    return "expected 5 fields (minute hour day-of-month month day-of-week) or an @-macro, got " +
           std::to_string(fields.size()) + " field(s) in \"" + std::string(expr) + "\"";
  for (std::size_t k = 0; k < 5; ++k) {
    const Field& f = kFields[k];
    std::string_view rest = fields[k];
    while (true) {
      auto comma = rest.find(',');
      std::string_view part = rest.substr(0, comma);
      if (!valid_part(part, f))
        return std::string(f.name) + " field \"" + std::string(fields[k]) + "\" is invalid (allowed: *, N, N-M, */S, lists; values " +
               std::to_string(f.min) + "-" + std::to_string(f.max) +
               (f.names ? ", or names like " + std::string(f.names[0]) : std::string()) + ")";
      if (comma == std::string_view::npos) break;
      rest = rest.substr(comma + 1);
    }
  }
  return std::nullopt;
}

} // namespace berth::model
