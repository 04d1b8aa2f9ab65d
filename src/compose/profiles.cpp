// Profile activation and the consistency check of service references that follows it.
#include "compose/profiles.h"

#include <algorithm>
#include <set>

#include "common/error.h"

namespace berth::compose {

using yaml::Entry;
using yaml::Node;

std::vector<std::string> active_profiles(const std::vector<std::string>& requested,
                                         const Environment& env) {
  std::vector<std::string> out;
  auto add = [&](std::string p) {
    auto b = p.find_first_not_of(" \t"), e = p.find_last_not_of(" \t");
    if (b == std::string::npos) return;
    p = p.substr(b, e - b + 1);
    if (std::find(out.begin(), out.end(), p) == out.end()) out.push_back(p);
  };
  if (!requested.empty()) {
    for (const auto& p : requested) add(p);
    return out;
  }
  auto it = env.find("COMPOSE_PROFILES");
  if (it == env.end()) return out;
  std::string_view rest = it->second;
  while (true) {
    auto comma = rest.find(',');
    add(std::string(rest.substr(0, comma)));
    if (comma == std::string_view::npos) break;
    rest.remove_prefix(comma + 1);
  }
  return out;
}

bool service_is_active(const Node& service, const std::vector<std::string>& active) {
  const Node* profiles = service.is_mapping() ? service.find("profiles") : nullptr;
  if (!profiles || profiles->is_null()) return true;
  if (profiles->is_sequence() && profiles->items().empty()) return true;
  auto on = [&](const std::string& p) {
    return std::find(active.begin(), active.end(), p) != active.end() ||
           std::find(active.begin(), active.end(), "*") != active.end();
  };
  if (profiles->is_scalar()) return on(profiles->value());
  for (const Node& p : profiles->items())
    if (p.is_scalar() && on(p.value())) return true;
  return false;
}

namespace {

std::string profile_list(const Node& service) {
  std::string out;
  if (const Node* p = service.find("profiles"); p && p->is_sequence())
    for (const Node& item : p->items()) out += (out.empty() ? "" : ", ") + item.value();
  return out;
}

struct Checker {
  const std::set<std::string>& enabled;
  const Node& disabled; // mapping of removed services
  const std::vector<std::string>& active;

  // Empty when `target` is fine, else why it is not.
  std::string problem(const std::string& target) const {
    if (enabled.count(target)) return {};
    if (const Node* off = disabled.find(target)) {
      std::string act;
      for (const auto& p : active) act += (act.empty() ? "" : ", ") + p;
      return "service \"" + target + "\" is disabled: its profiles [" + profile_list(*off) +
             "] are not active (active profiles: [" + act + "])";
    }
    return "service \"" + target + "\" is not defined";
  }
  void require(const std::string& from, const std::string& how, const std::string& target,
               const Location& where) const {
    if (auto why = problem(target); !why.empty())
      throw Error(where, "service \"" + from + "\" " + how + " \"" + target + "\", but " + why);
  }
};

void check_references(const std::string& name, Node& service, const Checker& check,
                      std::vector<std::string>& warnings) {
  if (Node* deps = service.find("depends_on"); deps && deps->is_mapping()) {
    std::vector<Entry> kept;
    for (auto& e : deps->entries()) {
      const std::string& target = e.key.value();
      std::string why = check.problem(target);
      if (!why.empty()) {
        const Node* required = e.value.is_mapping() ? e.value.find("required") : nullptr;
        if (required && required->as_bool() == false) {
          warnings.push_back(e.key.loc().str() + ": service \"" + name +
                             "\" has an optional dependency on \"" + target + "\", dropped: " +
                             why);
          continue;
        }
        throw Error(e.key.loc(),
                    "service \"" + name + "\" depends on \"" + target + "\", but " + why);
      }
      kept.push_back(std::move(e));
    }
    deps->entries() = std::move(kept);
  } else if (deps && deps->is_sequence()) { // not canonicalized: plain names
    for (const Node& d : deps->items()) check.require(name, "depends on", d.value(), d.loc());
  }
  if (const Node* links = service.find("links"); links && links->is_sequence())
    for (const Node& l : links->items()) {
      std::string target = l.value().substr(0, l.value().find(':'));
      check.require(name, "links to", target, l.loc());
    }
  if (const Node* from = service.find("volumes_from"); from && from->is_sequence())
    for (const Node& v : from->items()) {
      std::string_view s = v.value();
      if (s.starts_with("container:")) continue; // a container, not a service
      if (s.starts_with("service:")) s.remove_prefix(8);
      check.require(name, "mounts volumes from", std::string(s.substr(0, s.find(':'))), v.loc());
    }
  for (const char* key : {"network_mode", "pid", "ipc"})
    if (const Node* mode = service.find(key); mode && mode->is_scalar() &&
                                              mode->value().starts_with("service:"))
      check.require(name, std::string("uses ") + key + " of", mode->value().substr(8), mode->loc());
}

} // namespace

void apply_profiles(Node& tree, const std::vector<std::string>& active,
                    std::vector<std::string>& warnings) {
  Node* services = tree.find("services");
  if (!services || !services->is_mapping()) return;
  Node disabled = Node::mapping();
  std::vector<Entry> kept;
  std::set<std::string> enabled;
  for (auto& e : services->entries()) {
    if (service_is_active(e.value, active)) {
      enabled.insert(e.key.value());
      kept.push_back(std::move(e));
    } else {
      disabled.add(std::move(e.key), std::move(e.value));
    }
  }
  services->entries() = std::move(kept);
  Checker check{enabled, disabled, active};
  for (auto& e : services->entries()) check_references(e.key.value(), e.value, check, warnings);
}

} // namespace berth::compose
