// Strict reader of .berth-check.yaml: a typo in a rule id must not silently keep a rule on.
#include "check/config_file.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "check/suggest.h"
#include "common/error.h"
#include "yaml/parse.h"

namespace berth::check {

namespace {

using yaml::Node;

[[noreturn]] void fail(const Node& at, std::string message) {
  throw Error(at.loc(), std::move(message));
}

std::string key_text(const Node& key) {
  return key.is_scalar() ? key.value() : std::string();
}

void check_keys(const Node& map, std::initializer_list<std::string_view> allowed,
                std::string_view where) {
  for (const yaml::Entry& e : map.entries()) {
    std::string k = key_text(e.key);
    if (std::find(allowed.begin(), allowed.end(), k) != allowed.end()) continue;
    std::string list;
    for (std::string_view a : allowed)
      list += (list.empty() ? "" : ", ") + std::string(a);
    fail(e.key, "unknown key \"" + k + "\" in " + std::string(where) + " (expected " + list + ")");
  }
}

const Node& expect_mapping(const Node& n, std::string_view what) {
  if (!n.is_mapping()) fail(n, std::string(what) + " must be a mapping, got a " + n.kind_name());
  return n;
}

std::string expect_string(const Node& n, std::string_view what) {
  if (!n.is_scalar() || n.is_null())
    fail(n, std::string(what) + " must be a string, got " +
                (n.is_scalar() ? std::string("null") : std::string("a ") + n.kind_name()));
  return n.value();
}

std::string rule_id(const Node& n, const Catalog& catalog, std::string_view what) {
  std::string id = expect_string(n, what);
  if (catalog.find(id)) return id;
  std::string message = "unknown rule \"" + id + "\"";
  std::string_view best = closest_rule(id, catalog);
  if (!best.empty()) message += " (did you mean \"" + std::string(best) + "\"?)";
  message += "; `berth check --list-rules` lists them";
  fail(n, message);
}

// A list of strings; a single string is accepted as a one-element list.
std::vector<const Node*> string_items(const Node& n, std::string_view what) {
  std::vector<const Node*> out;
  if (n.is_null()) return out;
  if (n.is_scalar()) {
    out.push_back(&n);
    return out;
  }
  if (!n.is_sequence()) fail(n, std::string(what) + " must be a list of strings, got a mapping");
  for (const Node& item : n.items())
    out.push_back(&item);
  return out;
}

void read_rules(const Node& rules, const Catalog& catalog, ConfigFile& config) {
  if (rules.is_null()) return;
  expect_mapping(rules, "rules");
  check_keys(rules, {"disable", "enable", "severity"}, "rules");
  if (const Node* d = rules.find("disable"))
    for (const Node* item : string_items(*d, "rules.disable"))
      config.disable.push_back(rule_id(*item, catalog, "a rule id"));
  if (const Node* en = rules.find("enable"))
    for (const Node* item : string_items(*en, "rules.enable")) {
      std::string id = rule_id(*item, catalog, "a rule id");
      if (std::find(config.disable.begin(), config.disable.end(), id) != config.disable.end())
        fail(*item, "rule \"" + id + "\" is both enabled and disabled");
      config.enable.push_back(std::move(id));
    }
  if (const Node* sev = rules.find("severity"); sev && !sev->is_null()) {
    expect_mapping(*sev, "rules.severity");
    for (const yaml::Entry& e : sev->entries()) {
      std::string id = rule_id(e.key, catalog, "a rule id");
      Severity s;
      std::string text = expect_string(e.value, "a severity");
      if (!parse_severity(text, s))
        fail(e.value, "unknown severity \"" + text + "\" for rule \"" + id +
                          "\" (expected error, warning or info; disable a rule under "
                          "rules.disable)");
      config.severity[id] = s;
    }
  }
}

} // namespace

ConfigFile parse_config_file(std::string_view text, const std::string& name,
                             const Catalog& catalog) {
  Node root = yaml::parse_document(text, name);
  ConfigFile config;
  if (root.is_null()) return config;
  expect_mapping(root, "the config file");
  check_keys(root, {"rules", "exclude"}, "the config file");
  if (const Node* rules = root.find("rules")) read_rules(*rules, catalog, config);
  if (const Node* ex = root.find("exclude"))
    for (const Node* item : string_items(*ex, "exclude")) {
      std::string pattern = expect_string(*item, "an exclude pattern");
      if (pattern.empty()) fail(*item, "empty exclude pattern");
      config.exclude.push_back(std::move(pattern));
    }
  return config;
}

ConfigFile load_config_file(const std::string& path, const Catalog& catalog) {
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec))
    throw Error(Location{intern(path), 0, 0}, "is a directory, not a config file");
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error(Location{intern(path), 0, 0}, "cannot read the config file");
  std::ostringstream text;
  text << in.rdbuf();
  return parse_config_file(text.str(), path, catalog);
}

ConfigFile find_config_file(const std::string& explicit_path, const std::string& directory,
                            const Catalog& catalog) {
  if (!explicit_path.empty()) return load_config_file(explicit_path, catalog);
  // Relative when looked up in the current directory, so errors name it as the user would.
  std::filesystem::path local = directory.empty()
                                    ? std::filesystem::path(kConfigFileName)
                                    : std::filesystem::path(directory) / kConfigFileName;
  std::error_code ec;
  if (!std::filesystem::exists(local, ec)) return {};
  return load_config_file(local.string(), catalog);
}

} // namespace berth::check
