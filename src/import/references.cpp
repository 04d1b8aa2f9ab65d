// What the kept workloads refer to but the export does not hold (ConfigMaps, Secrets, claims,
// service accounts, priority classes), and names written with the source namespace in them.
#include <algorithm>
#include <set>

#include "import/state.h"
#include "import/workload.h"

namespace berth::import {

using generate::Disposition;
using yaml::Node;

namespace {

// "Kind/name" of every kept object, Secrets (decoded apart) and StatefulSet claim templates:
// built once, so checking each reference stays cheap on large exports.
struct Names {
  std::set<std::string> refs;
  bool has(std::string_view kind, const std::string& name) const {
    return refs.count(std::string(kind) + "/" + name) > 0;
  }
};

Names names_of(const State& st) {
  Names n;
  for (const Kept& k : st.objects) {
    n.refs.insert(k.object.text("kind") + "/" + name_of(k.object));
    if (k.object.text("kind") != "StatefulSet") continue;
    const Node* spec = k.object.find("spec");
    const Node* vct = spec && spec->is_mapping() ? spec->find("volumeClaimTemplates") : nullptr;
    if (vct && vct->is_sequence())
      for (const Node& t : vct->items())
        n.refs.insert("ClaimTemplate/" + name_of(t));
  }
  for (const SecretItem& s : st.secrets)
    n.refs.insert("Secret/" + s.input.name);
  return n;
}

// Values naming a Service with the source namespace in it ("db.shop.svc.cluster.local").
void namespaced_names(State& st, const Kept& k, const std::string& where, const std::string& text) {
  const std::string ns = st.source_namespace;
  if (ns.empty()) return;
  for (const std::string& needle : {"." + ns + ".svc", "." + ns + ":"})
    if (text.find(needle) != std::string::npos) {
      st.add(k.ref, where, Disposition::Manual,
             "names a Service with its namespace " + ns + " (…" + needle +
                 "…); the namespace differs per environment in the target: use the short name "
                 "(the Service name alone resolves inside the namespace)",
             k.at);
      return;
    }
}

} // namespace

void check_references(State& st) {
  std::set<std::string> priority;
  for (const profile::PriorityClass& p : st.profile.priority_classes)
    priority.insert(p.name);
  std::set<std::string> reported; // one report per missing object
  auto missing = [&](const Kept& k, const std::string& what, const std::string& detail) {
    if (!reported.insert(what).second) return;
    st.add(k.ref, "references", Disposition::Manual, detail, k.at);
  };
  const Names names = names_of(st);
  for (const Kept& k : st.objects) {
    const std::string kind = k.object.text("kind");
    if (kind == "ConfigMap")
      if (const Node* data = k.object.find("data"); data && data->is_mapping())
        for (const auto& e : data->entries())
          if (e.value.is_scalar())
            namespaced_names(st, k, "data." + e.key.value(), e.value.value());
    if (!is_workload(kind)) continue;
    const Node* spec = pod_spec(k.object);
    if (!spec) continue;
    PodRefs refs = pod_refs(*spec);
    for (const std::string& c : refs.config_maps)
      if (c != "kube-root-ca.crt" && !names.has("ConfigMap", c))
        missing(k, "ConfigMap/" + c,
                "ConfigMap " + c +
                    " is used but not in the export: export it too (kubectl get cm " + c +
                    " -o yaml) and import again");
    for (const std::string& s : refs.secrets)
      if (!names.has("Secret", s) && !names.has("SealedSecret", s))
        missing(k, "Secret/" + s,
                "Secret " + s +
                    " is used but not in the export (or was left out): create it in "
                    "each environment's namespace (sealed) before the workload starts");
    for (const std::string& c : refs.claims)
      if (!names.has("PersistentVolumeClaim", c) && !names.has("ClaimTemplate", c))
        missing(k, "PersistentVolumeClaim/" + c,
                "PersistentVolumeClaim " + c + " is used but not in the export: export it too");
    if (!refs.service_account.empty() && !names.has("ServiceAccount", refs.service_account))
      missing(k, "ServiceAccount/" + refs.service_account,
              "ServiceAccount " + refs.service_account +
                  " is used but not in the export: export it (and its Role/RoleBinding) too, or "
                  "the pods will not be created");
    if (!refs.priority_class.empty() && !refs.priority_class.starts_with("system-") &&
        !priority.count(refs.priority_class))
      missing(k, "PriorityClass/" + refs.priority_class,
              "priorityClassName " + refs.priority_class +
                  " is not one of the profile's priority classes: create it in the target or "
                  "change it");
    for (const Node* c : containers(*spec)) {
      const Node* env = c->find("env");
      if (!env || !env->is_sequence()) continue;
      for (const Node& e : env->items())
        if (e.is_mapping() && e.find("value") && e.find("value")->is_scalar())
          namespaced_names(st, k, "env." + e.text("name"), e.text("value"));
    }
  }
}

} // namespace berth::import
