// One application per import: the exported namespace (after --namespace-map) names it, and each
// environment of the profile gets its own namespace from the pattern; base objects carry none.
#include <algorithm>

#include "import/pipeline.h"
#include "import/state.h"
#include "kube/names.h"

namespace berth::import {

namespace {

yaml::Node* metadata_of(yaml::Node& o) {
  yaml::Node* m = o.find("metadata");
  return m && m->is_mapping() ? m : nullptr;
}

} // namespace

std::string app_for_namespace(const std::string& ns, const profile::Profile& profile) {
  // The last environment is production, where the export lands: its pattern is tried first.
  for (auto env = profile.environments.rbegin(); env != profile.environments.rend(); ++env) {
    const std::string& pattern = env->namespace_pattern;
    auto at = pattern.find("{app}");
    if (at == std::string::npos) continue;
    std::string prefix = pattern.substr(0, at), suffix = pattern.substr(at + 5);
    if (prefix.empty() && suffix.empty()) continue;
    if (ns.size() > prefix.size() + suffix.size() && ns.starts_with(prefix) && ns.ends_with(suffix))
      return ns.substr(prefix.size(), ns.size() - prefix.size() - suffix.size());
  }
  return ns;
}

std::map<std::string, std::string> parse_pairs(const std::vector<std::string>& pairs,
                                               const std::string& flag) {
  std::map<std::string, std::string> out;
  for (const std::string& p : pairs) {
    auto eq = p.find('=');
    if (eq == std::string::npos || eq == 0 || eq + 1 == p.size())
      throw Error(flag + " " + p + ": expected OLD=NEW");
    if (!out.emplace(p.substr(0, eq), p.substr(eq + 1)).second)
      throw Error(flag + " " + p + ": " + p.substr(0, eq) + " is mapped twice");
  }
  return out;
}

void resolve_namespaces(State& st) {
  std::vector<std::string> sources; // as exported, first-seen order
  std::vector<std::string> mapped;  // after --namespace-map
  std::map<std::string, Location> first_at;
  // Kept objects name the namespace; when none carries one (Helm output beside a kubectl
  // export), the left-out objects of the same export do.
  std::vector<std::pair<std::string, Location>> seen;
  for (Kept& k : st.objects) {
    yaml::Node* meta = metadata_of(k.object);
    std::string ns = meta ? meta->text("namespace") : std::string();
    if (!ns.empty()) seen.emplace_back(ns, k.at);
  }
  if (seen.empty())
    for (const LeftOut& l : st.left_out)
      if (!l.ns.empty()) seen.emplace_back(l.ns, l.at);
  for (const auto& [ns, at] : seen) {
    auto m = st.options.namespace_map.find(ns);
    std::string target = m == st.options.namespace_map.end() ? ns : m->second;
    if (std::find(sources.begin(), sources.end(), ns) == sources.end()) sources.push_back(ns);
    if (std::find(mapped.begin(), mapped.end(), target) == mapped.end()) {
      mapped.push_back(target);
      first_at[target] = at;
    }
  }
  if (mapped.size() > 1) {
    std::string list;
    for (const std::string& n : mapped)
      list += (list.empty() ? "" : ", ") + n;
    throw Error(first_at[mapped[1]],
                "objects from several namespaces (" + list +
                    "): import one application (namespace) at a time, or map them onto one "
                    "with --namespace-map " +
                    mapped[1] + "=" + mapped[0]);
  }
  for (const auto& [from, to] : st.options.namespace_map)
    if (std::find(sources.begin(), sources.end(), from) == sources.end())
      st.add("", "namespace-map." + from, generate::Disposition::Dropped,
             "no exported object is in namespace " + from + "; the mapping to " + to +
                 " was not used");

  if (!st.options.name.empty()) {
    if (!kube::is_dns1123_label(st.options.name))
      throw Error("--name " + st.options.name +
                  ": expected a DNS-1123 label (lowercase letters, digits, '-'), e.g. " +
                  kube::dns1123_label(st.options.name));
    st.app = st.options.name;
  } else if (mapped.empty()) {
    throw Error("the exported objects carry no namespace, so berth cannot name the application: "
                "pass --name APP");
  } else {
    st.app = kube::dns1123_label(app_for_namespace(mapped[0], st.profile));
  }
  st.source_namespace = sources.empty() ? std::string() : sources[0];

  for (Kept& k : st.objects)
    if (yaml::Node* meta = metadata_of(k.object)) meta->erase("namespace");

  std::string envs;
  for (const profile::Environment& env : st.profile.environments)
    envs += (envs.empty() ? "" : ", ") + env.name + " → " + profile::namespace_for(env, st.app);
  std::string from =
      st.source_namespace.empty()
          ? std::string("objects without a namespace")
          : "namespace " + st.source_namespace +
                (mapped[0] != st.source_namespace ? " (mapped to " + mapped[0] + ")" : "");
  st.add("", "namespace", generate::Disposition::Translated,
         from + " → application " + st.app + "; namespaces per environment: " + envs +
             " (the exported workloads land in the last one; base objects carry no namespace)");
}

} // namespace berth::import
