// The hardening rules berth convert applies, as suggestions for imported workloads: berth does
// not rewrite the semantics of someone's workload, it says what to change and why.
#include <algorithm>
#include <map>

#include "generate/plan.h"
#include "import/state.h"
#include "import/workload.h"

namespace berth::import {

using generate::Disposition;
using yaml::Node;

namespace {

const Node* child(const Node* n, std::string_view key) {
  return n && n->is_mapping() ? n->find(key) : nullptr;
}

std::string text_at(const Node* n, std::string_view key) {
  return n && n->is_mapping() ? n->text(key) : std::string();
}

bool untagged_or_latest(const std::string& image) {
  if (image.find('@') != std::string::npos) return false;
  auto slash = image.rfind('/'), colon = image.rfind(':');
  bool tagged = colon != std::string::npos && (slash == std::string::npos || colon > slash);
  return !tagged || image.substr(colon + 1) == "latest";
}

bool drops_all(const Node* sc) {
  const Node* drop = child(child(sc, "capabilities"), "drop");
  if (!drop || !drop->is_sequence()) return false;
  return std::any_of(drop->items().begin(), drop->items().end(),
                     [](const Node& d) { return d.value() == "ALL"; });
}

// Topic → containers it concerns, reported once per workload.
struct Findings {
  std::map<std::string, std::vector<std::string>> by_topic;
  std::vector<std::string> order;
  void add(const std::string& topic, const std::string& container) {
    auto [it, fresh] = by_topic.try_emplace(topic);
    if (fresh) order.push_back(topic);
    if (!container.empty()) it->second.push_back(container);
  }
};

std::string list(const std::vector<std::string>& v) {
  std::string s;
  for (const std::string& x : v)
    s += (s.empty() ? "" : ", ") + x;
  return s;
}

const std::map<std::string, std::string>& advice() {
  static const std::map<std::string, std::string> kAdvice = {
      {"resources", "set resources.requests (cpu, memory) and limits.memory; without them the "
                    "namespace's LimitRange defaults apply, which fit nobody"},
      {"probes", "add readinessProbe and livenessProbe so rollouts wait for ready pods and hung "
                 "processes restart"},
      {"image-tag", "pin the image to a version (or digest) instead of latest/no tag"},
      {"privilege-escalation", "set securityContext.allowPrivilegeEscalation: false"},
      {"capabilities", "drop all capabilities (securityContext.capabilities.drop: [ALL]) and add "
                       "back only what the process needs"},
      {"read-only-root", "set securityContext.readOnlyRootFilesystem: true and mount emptyDir "
                         "volumes where the process writes"},
      {"privileged", "privileged containers can take over the node: remove privileged: true"},
      {"run-as-non-root", "set runAsNonRoot: true with a numeric runAsUser, if the image allows"},
      {"seccomp", "set securityContext.seccompProfile.type: RuntimeDefault on the pod"},
      {"service-account-token", "set automountServiceAccountToken: false unless the pods call the "
                                "Kubernetes API"},
      {"host-namespaces", "hostNetwork/hostPID/hostIPC share the node's namespaces: remove them"},
      {"host-path", "hostPath volumes tie pods to a node and expose its files: use a "
                    "PersistentVolumeClaim"},
      {"pdb", "replicated but no PodDisruptionBudget: add one (minAvailable: 1) so node drains "
              "keep it serving"},
      {"secret-env", "secret-looking environment values are written in the workload: move them to "
                     "a Secret (secretKeyRef) so they are sealed"},
  };
  return kAdvice;
}

Findings inspect(const std::vector<const Node*>& budgets, const Kept& k) {
  Findings f;
  const std::string kind = k.object.text("kind");
  const Node* spec = pod_spec(k.object);
  if (!spec) return f;
  const bool batch = kind == "Job" || kind == "CronJob";
  const Node* pod_sc = child(spec, "securityContext");
  bool any_non_root = text_at(pod_sc, "runAsNonRoot") == "true";
  bool seccomp = text_at(child(pod_sc, "seccompProfile"), "type") == "RuntimeDefault" ||
                 text_at(child(pod_sc, "seccompProfile"), "type") == "Localhost";
  const Node* cs = child(spec, "containers");
  if (cs && cs->is_sequence())
    for (const Node& c : cs->items()) {
      if (!c.is_mapping()) continue;
      const std::string name = c.text("name");
      const Node* sc = child(&c, "securityContext");
      const Node* res = child(&c, "resources");
      if (!child(res, "requests") || !child(child(res, "limits"), "memory"))
        f.add("resources", name);
      if (!batch && (!c.has("readinessProbe") || !c.has("livenessProbe"))) f.add("probes", name);
      if (untagged_or_latest(c.text("image"))) f.add("image-tag", name);
      if (text_at(sc, "allowPrivilegeEscalation") != "false") f.add("privilege-escalation", name);
      if (!drops_all(sc)) f.add("capabilities", name);
      if (text_at(sc, "readOnlyRootFilesystem") != "true") f.add("read-only-root", name);
      if (text_at(sc, "privileged") == "true") f.add("privileged", name);
      if (!any_non_root && text_at(sc, "runAsNonRoot") != "true") f.add("run-as-non-root", name);
      if (!seccomp && text_at(child(sc, "seccompProfile"), "type").empty()) f.add("seccomp", name);
      if (const Node* env = child(&c, "env"); env && env->is_sequence())
        for (const Node& e : env->items()) {
          const Node* v = child(&e, "value");
          if (!v || !v->is_scalar() || v->value().empty()) continue;
          if (generate::is_secret_name(e.text("name")) || generate::has_url_password(v->value()))
            f.add("secret-env", name + " " + e.text("name"));
        }
    }
  if (spec->text("automountServiceAccountToken") != "false") {
    std::string sa = spec->text("serviceAccountName");
    if (sa.empty() || sa == "default") f.add("service-account-token", "");
  }
  for (const char* h : {"hostNetwork", "hostPID", "hostIPC"})
    if (spec->text(h) == "true") f.add("host-namespaces", h);
  if (const Node* volumes = child(spec, "volumes"); volumes && volumes->is_sequence())
    for (const Node& v : volumes->items())
      if (child(&v, "hostPath")) f.add("host-path", v.text("name"));
  if (kind == "Deployment" || kind == "StatefulSet") {
    const Node* s = child(&k.object, "spec");
    std::int64_t replicas = child(s, "replicas") ? child(s, "replicas")->as_int().value_or(1) : 1;
    if (replicas >= 2) {
      auto labels = pod_labels(k.object);
      bool budget = std::any_of(budgets.begin(), budgets.end(), [&](const Node* selector) {
        return selects(selector, labels, true);
      });
      if (!budget) f.add("pdb", "");
    }
  }
  return f;
}

} // namespace

void suggest_hardening(State& st) {
  std::vector<const Node*> budgets; // selectors of the PodDisruptionBudgets
  for (const Kept& k : st.objects)
    if (k.object.text("kind") == "PodDisruptionBudget")
      budgets.push_back(child(child(&k.object, "spec"), "selector"));
  bool any_workload = false;
  for (const Kept& k : st.objects) {
    if (k.made || !is_workload(k.object.text("kind"))) continue;
    any_workload = true;
    Findings f = inspect(budgets, k);
    for (const std::string& topic : f.order) {
      const auto& who = f.by_topic[topic];
      std::string detail = advice().at(topic);
      if (!who.empty()) detail += " (" + list(who) + ")";
      st.add(k.ref, "hardening." + topic, Disposition::Manual, detail, k.at);
    }
  }
  bool policies = std::any_of(st.objects.begin(), st.objects.end(), [](const Kept& k) {
    return k.object.text("kind") == "NetworkPolicy";
  });
  if (any_workload && !policies)
    st.add("", "hardening.network-policy", Disposition::Manual,
           "no NetworkPolicy: every pod can reach every other; add a default-deny policy and "
           "allow exactly the traffic the application uses (berth convert writes such policies)");
}

} // namespace berth::import
