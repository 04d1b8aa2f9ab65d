// Field-tracking reads and unit conversions for the Compose → model step.
#include "compose/shell_split.h"
#include "compose/to_model_detail.h"
#include "compose/units.h"

namespace berth::compose::detail {

std::string join_path(const std::vector<std::string>& segments) {
  std::string out;
  for (const std::string& s : segments) {
    if (!out.empty() && !(s.size() > 1 && s[0] == '[')) out += '.';
    out += s;
  }
  return out;
}

Fields::Fields(const Node& map, std::vector<std::string> path, std::vector<model::Dropped>& sink)
    : map_(map), path_(std::move(path)), sink_(sink), used_(map.entries().size(), false) {
  model::expect_mapping(map, join_path(path_));
}

const Node* Fields::get(std::string_view key) {
  for (std::size_t i = 0; i < map_.entries().size(); ++i) {
    const yaml::Entry& e = map_.entries()[i];
    if (e.key.is_scalar() && e.key.value() == key) {
      used_[i] = true;
      return e.value.is_null() ? nullptr : &e.value;
    }
  }
  return nullptr;
}

std::string Fields::path(std::string_view key) const {
  std::vector<std::string> p = path_;
  p.emplace_back(key);
  return join_path(p);
}

void Fields::finish(std::string_view reason) {
  for (std::size_t i = 0; i < map_.entries().size(); ++i) {
    if (used_[i]) continue;
    const yaml::Entry& e = map_.entries()[i];
    if (e.value.is_null()) continue; // an empty key carries nothing to lose
    model::Dropped d;
    d.path = path_;
    d.path.push_back(e.key.value());
    d.reason = e.key.value().starts_with("x-")
                   ? "extension field inside a Compose structure; kept for `berth config` only"
                   : std::string(reason);
    d.value = e.value;
    d.at.loc = e.key.loc();
    sink_.push_back(std::move(d));
  }
}

std::int64_t read_duration(const Node& n, std::string_view path) {
  std::string s = model::read_string(n, path);
  if (auto v = parse_duration_ns(s)) return *v;
  model::fail_expected(n, path, "a duration like \"30s\", \"1m30s\" or \"500ms\"");
}

std::int64_t read_bytes(const Node& n, std::string_view path) {
  std::string s = model::read_string(n, path);
  if (auto v = parse_bytes(s)) return *v;
  model::fail_expected(n, path, "a byte size like 512m, 1g or 1048576");
}

std::int64_t read_cpus(const Node& n, std::string_view path) {
  std::string s = model::read_string(n, path);
  if (auto v = parse_cpus_milli(s)) return *v;
  model::fail_expected(n, path, "a CPU count like 0.5 or 2");
}

model::Command read_command(const Node& n, std::string_view path) {
  model::Command c;
  c.at.loc = n.loc();
  if (n.is_scalar()) {
    c.shell_form = n.value();
    c.argv = shell_split(n.value(), n.loc());
    return c;
  }
  c.argv = model::read_string_list(n, path);
  return c;
}

model::OptionalPairs read_optional_pairs(const Node& n, std::string_view path) {
  model::OptionalPairs out;
  if (n.is_mapping()) {
    for (const yaml::Entry& e : n.entries()) {
      std::string key = model::read_string(e.key, path);
      if (e.value.is_null()) {
        out.emplace_back(key, std::nullopt);
      } else {
        if (!e.value.is_scalar()) model::fail_expected(e.value, std::string(path) + "." + key, "a string");
        out.emplace_back(key, e.value.value());
      }
    }
    return out;
  }
  if (n.is_sequence()) {
    for (std::size_t i = 0; i < n.items().size(); ++i) {
      std::string item =
          model::read_string(n.items()[i], std::string(path) + "[" + std::to_string(i) + "]");
      auto eq = item.find('=');
      if (eq == std::string::npos) out.emplace_back(item, std::nullopt);
      else out.emplace_back(item.substr(0, eq), item.substr(eq + 1));
    }
    return out;
  }
  model::fail_expected(n, path, "a mapping or a list of KEY=VALUE strings");
}

} // namespace berth::compose::detail
