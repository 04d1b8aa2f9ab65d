// Deep comparison of node trees including what Node's operator== ignores: style, tag, location.
#pragma once

#include <string>

#include "yaml/node.h"

namespace berth::test {

inline std::string loc_text(const Location& l) {
  return (l.file ? *l.file : std::string("<no file>")) + ":" + std::to_string(l.line) + ":" +
         std::to_string(l.column);
}

// "" when `a` and `b` are identical (kinds, values, styles, tags, locations, order), else the
// first difference with its path ($.key[2]...).
inline std::string tree_diff(const yaml::Node& a, const yaml::Node& b,
                             const std::string& path = "$") {
  using yaml::Kind;
  if (a.kind() != b.kind())
    return path + ": " + a.kind_name() + " vs " + b.kind_name() + " at " + loc_text(a.loc());
  if (a.loc().file != b.loc().file || a.loc().line != b.loc().line ||
      a.loc().column != b.loc().column)
    return path + ": location " + loc_text(a.loc()) + " vs " + loc_text(b.loc());
  if (a.tag() != b.tag())
    return path + ": tag '" + std::string(a.tag()) + "' vs '" + std::string(b.tag()) + "'";
  switch (a.kind()) {
  case Kind::Scalar:
    if (a.style() != b.style())
      return path + ": style " + std::to_string(static_cast<int>(a.style())) + " vs " +
             std::to_string(static_cast<int>(b.style())) + " at " + loc_text(a.loc());
    if (a.value() != b.value())
      return path + ": value '" + a.value() + "' vs '" + b.value() + "' at " + loc_text(a.loc());
    return "";
  case Kind::Sequence:
    if (a.items().size() != b.items().size())
      return path + ": " + std::to_string(a.items().size()) + " vs " +
             std::to_string(b.items().size()) + " items at " + loc_text(a.loc());
    for (std::size_t i = 0; i < a.items().size(); ++i)
      if (std::string d =
              tree_diff(a.items()[i], b.items()[i], path + "[" + std::to_string(i) + "]");
          !d.empty())
        return d;
    return "";
  case Kind::Mapping:
    if (a.entries().size() != b.entries().size())
      return path + ": " + std::to_string(a.entries().size()) + " vs " +
             std::to_string(b.entries().size()) + " entries at " + loc_text(a.loc());
    for (std::size_t i = 0; i < a.entries().size(); ++i) {
      const auto& ea = a.entries()[i];
      const auto& eb = b.entries()[i];
      const std::string key = ea.key.is_scalar() ? ea.key.value() : "<key>";
      if (std::string d = tree_diff(ea.key, eb.key, path + ".<key " + key + ">"); !d.empty())
        return d;
      if (std::string d = tree_diff(ea.value, eb.value, path + "." + key); !d.empty()) return d;
    }
    return "";
  }
  return "";
}

} // namespace berth::test
