// env_file → environment with compose's precedence rules.
#include "compose/service_env.h"

#include <fstream>
#include <sstream>
#include <vector>

#include "common/error.h"
#include "compose/dotenv.h"

namespace berth::compose {

using yaml::Node;

namespace {

struct Var {
  std::string key;
  std::string value;
  Location where;
};

void set_var(std::vector<Var>& vars, Var v) {
  for (auto& x : vars)
    if (x.key == v.key) {
      x = std::move(v);
      return;
    }
  vars.push_back(std::move(v));
}

// `format: raw`: KEY=VALUE lines taken literally (no quotes, no interpolation), as compose does.
void read_raw(const std::string& path, const Location& where, std::vector<Var>& vars) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error(where, "env_file: cannot read " + path);
  std::string line;
  unsigned n = 0;
  while (std::getline(in, line)) {
    ++n;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line[0] == '#') continue;
    auto eq = line.find('=');
    if (eq == std::string::npos) continue; // a bare key has no value to pass literally
    set_var(vars, {line.substr(0, eq), line.substr(eq + 1), Location{intern(path), n, 1}});
  }
}

std::vector<Var> read_env_files(const Node& list, const Environment& env) {
  std::vector<Var> vars;
  if (!list.is_sequence()) return vars;
  for (const Node& item : list.items()) {
    const Node* path = item.is_mapping() ? item.find("path") : &item;
    if (!path || !path->is_scalar() || path->value().empty())
      throw Error(item.loc(), "env_file: expected a path");
    const Node* req = item.is_mapping() ? item.find("required") : nullptr;
    bool required = !req || req->as_bool().value_or(true);
    const Node* format = item.is_mapping() ? item.find("format") : nullptr;
    std::ifstream probe(path->value());
    if (!probe) {
      if (!required) continue;
      throw Error(path->loc(), "env_file " + path->value() + " not found (add `required: false` "
                                                             "to make it optional)");
    }
    if (format && format->is_scalar() && format->value() == "raw") {
      read_raw(path->value(), path->loc(), vars);
      continue;
    }
    // Values may refer to earlier keys of the same files, then to the project environment.
    Environment lookup = env;
    for (const auto& v : vars) lookup[v.key] = v.value;
    for (auto& e : read_env_file(path->value(), lookup, true)) {
      if (!e.has_value) {
        auto it = lookup.find(e.key);
        if (it == lookup.end()) continue; // bare KEY with nothing to take it from
        e.value = it->second;
      }
      set_var(vars, {e.key, e.value, e.where});
    }
  }
  return vars;
}

} // namespace

void resolve_service_environment(Node& service, const Environment& env) {
  if (!service.is_mapping()) return;
  std::vector<Var> from_files;
  if (const Node* files = service.find("env_file")) {
    from_files = read_env_files(*files, env);
    service.erase("env_file");
  }
  Node* environment = service.find("environment");
  if (!environment && from_files.empty()) return;
  if (!environment || environment->is_null()) environment = &service.set("environment", Node::mapping());
  if (!environment->is_mapping()) return; // canonical.h guarantees a mapping

  for (auto& e : environment->entries()) {
    if (!e.value.is_null()) continue;
    // A bare KEY passes the value through from the environment compose runs in.
    if (auto it = env.find(e.key.value()); it != env.end()) {
      Location where = e.value.loc();
      e.value = Node::str(it->second);
      e.value.set_loc(where);
      continue;
    }
    for (const auto& v : from_files)
      if (v.key == e.key.value()) {
        e.value = Node::str(v.value);
        e.value.set_loc(v.where);
      }
  }
  for (const auto& v : from_files) {
    if (environment->find(v.key)) continue; // explicit entries win
    Node key = Node::str(v.key);
    key.set_loc(v.where);
    Node value = Node::str(v.value);
    value.set_loc(v.where);
    environment->add(std::move(key), std::move(value));
  }
}

void resolve_project_environment(Node& tree, const Environment& env) {
  Node* services = tree.find("services");
  if (!services || !services->is_mapping()) return;
  for (auto& e : services->entries()) resolve_service_environment(e.value, env);
}

} // namespace berth::compose
