// Typed YAML reads with precise errors.
#include "model/yaml_read.h"

#include <charconv>
#include <cstdlib>

namespace berth::model {

std::string describe(const yaml::Node& n) {
  if (n.is_mapping()) return "a mapping";
  if (n.is_sequence()) return "a sequence";
  switch (n.type()) {
  case yaml::ScalarType::Null: return "null";
  case yaml::ScalarType::Bool: return "boolean " + n.value();
  case yaml::ScalarType::Int: return "integer " + n.value();
  case yaml::ScalarType::Float: return "number " + n.value();
  case yaml::ScalarType::String: break;
  }
  std::string v = n.value();
  if (v.size() > 60) v = v.substr(0, 57) + "...";
  return "string \"" + v + "\"";
}

void fail_expected(const yaml::Node& n, std::string_view path, std::string_view expected) {
  throw Error(n.loc(), std::string(path) + ": expected " + std::string(expected) + ", got " +
                           describe(n));
}

const yaml::Node& expect_mapping(const yaml::Node& n, std::string_view path) {
  if (!n.is_mapping()) fail_expected(n, path, "a mapping");
  return n;
}

const yaml::Node& expect_sequence(const yaml::Node& n, std::string_view path) {
  if (!n.is_sequence()) fail_expected(n, path, "a sequence");
  return n;
}

std::string read_string(const yaml::Node& n, std::string_view path) {
  if (!n.is_scalar() || n.is_null()) fail_expected(n, path, "a string");
  return n.value();
}

std::int64_t read_int(const yaml::Node& n, std::string_view path) {
  if (n.is_scalar()) {
    if (auto v = n.as_int()) return *v;
    if (n.is_string()) {
      const std::string& s = n.value();
      std::int64_t v = 0;
      auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
      if (!s.empty() && ec == std::errc() && p == s.data() + s.size()) return v;
    }
  }
  fail_expected(n, path, "an integer");
}

std::int64_t read_int_in(const yaml::Node& n, std::string_view path, std::int64_t lo,
                         std::int64_t hi) {
  std::int64_t v = read_int(n, path);
  if (v < lo || v > hi)
    fail_expected(n, path, "an integer in " + std::to_string(lo) + ".." + std::to_string(hi));
  return v;
}

double read_number(const yaml::Node& n, std::string_view path) {
  if (n.is_scalar()) {
    if (auto v = n.as_float()) return *v;
    if (n.is_string() && !n.value().empty()) {
      char* end = nullptr;
      double v = std::strtod(n.value().c_str(), &end);
      if (end && *end == '\0') return v;
    }
  }
  fail_expected(n, path, "a number");
}

bool read_bool(const yaml::Node& n, std::string_view path) {
  if (n.is_scalar()) {
    if (auto b = n.as_bool()) return *b;
    if (n.value() == "true") return true;
    if (n.value() == "false") return false;
  }
  fail_expected(n, path, "true or false");
}

std::vector<std::string> read_string_list(const yaml::Node& n, std::string_view path,
                                          bool allow_scalar) {
  std::vector<std::string> out;
  if (allow_scalar && n.is_scalar() && !n.is_null()) {
    out.push_back(n.value());
    return out;
  }
  if (!n.is_sequence())
    fail_expected(n, path, allow_scalar ? "a string or a list of strings" : "a list of strings");
  for (std::size_t i = 0; i < n.items().size(); ++i)
    out.push_back(read_string(n.items()[i], std::string(path) + "[" + std::to_string(i) + "]"));
  return out;
}

std::map<std::string, std::string> read_string_map(const yaml::Node& n, std::string_view path) {
  std::map<std::string, std::string> out;
  if (n.is_mapping()) {
    for (const yaml::Entry& e : n.entries()) {
      std::string key = read_string(e.key, path);
      std::string sub = std::string(path) + "." + key;
      if (!e.value.is_scalar()) fail_expected(e.value, sub, "a string");
      out[key] = e.value.is_null() ? std::string() : e.value.value();
    }
    return out;
  }
  if (n.is_sequence()) {
    for (std::size_t i = 0; i < n.items().size(); ++i) {
      std::string item = read_string(n.items()[i], std::string(path) + "[" + std::to_string(i) + "]");
      auto eq = item.find('=');
      out[item.substr(0, eq)] = eq == std::string::npos ? std::string() : item.substr(eq + 1);
    }
    return out;
  }
  fail_expected(n, path, "a mapping or a list of KEY=VALUE strings");
}

} // namespace berth::model
