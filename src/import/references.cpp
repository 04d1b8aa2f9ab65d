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

bool has_kind(const State& st, std::string_view kind, const std::string& name) {
  return std::any_of(st.objects.begin(), st.objects.end(), [&](const Kept& k) {
    return k.object.text("kind") == kind && name_of(k.object) == name;
  });
}

bool has_secret(const State& st, const std::string& name) {
  return has_kind(st, "SealedSecret", name) ||
         std::any_of(st.secrets.begin(), st.secrets.end(),
                     [&](const SecretItem& s) { return s.input.name == name; });
}

// Claims a StatefulSet makes from its templates: <template>-<name>-<n>.
bool template_claim(const State& st, const std::string& claim) {
  for (const Kept& k : st.objects) {
    if (k.object.text("kind") != "StatefulSet") continue;
    const Node* spec = k.object.find("spec");
    const Node* vct = spec && spec->is_mapping() ? spec->find("volumeClaimTemplates") : nullptr;
    if (!vct || !vct->is_sequence()) continue;
    for (const Node& t : vct->items())
      if (name_of(t) == claim) return true;
  }
  return false;
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
      if (c != "kube-root-ca.crt" && !has_kind(st, "ConfigMap", c))
        missing(k, "ConfigMap/" + c,
                "ConfigMap " + c +
                    " is used but not in the export: export it too (kubectl get cm " + c +
                    " -o yaml) and import again");
    for (const std::string& s : refs.secrets)
      if (!has_secret(st, s))
        missing(k, "Secret/" + s,
                "Secret " + s +
                    " is used but not in the export (or was left out): create it in "
                    "each environment's namespace (sealed) before the workload starts");
    for (const std::string& c : refs.claims)
      if (!has_kind(st, "PersistentVolumeClaim", c) && !template_claim(st, c))
        missing(k, "PersistentVolumeClaim/" + c,
                "PersistentVolumeClaim " + c + " is used but not in the export: export it too");
    if (!refs.service_account.empty() && !has_kind(st, "ServiceAccount", refs.service_account))
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
