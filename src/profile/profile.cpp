// Small queries on a profile used by the generators: namespaces, hosts, environments by name.
#include "profile/profile.h"

namespace berth::profile {

std::string expand(std::string_view pattern, std::string_view app, std::string_view env) {
  std::string out;
  for (std::size_t i = 0; i < pattern.size();) {
    if (pattern.substr(i, 5) == "{app}") {
      out += app;
      i += 5;
    } else if (pattern.substr(i, 5) == "{env}") {
      out += env;
      i += 5;
    } else {
      out += pattern[i++];
    }
  }
  return out;
}

std::string namespace_for(const Environment& env, std::string_view app) {
  return expand(env.namespace_pattern, app, env.name);
}

std::string host_for(const Profile& p, const Environment& env, std::string_view label) {
  std::string host;
  if (!label.empty()) host = std::string(label) + ".";
  return host + env.host_prefix + p.ingress.domain;
}

const Environment* find_environment(const Profile& p, std::string_view name) {
  for (const Environment& e : p.environments)
    if (e.name == name) return &e;
  return nullptr;
}

} // namespace berth::profile
