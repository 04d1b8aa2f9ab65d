// Workload accessors shared by the import stages (grouping, references, data, hardening).
#include "import/workload.h"

#include <algorithm>
#include <array>

namespace berth::import {

using yaml::Node;

namespace {

template <class N> N* child(N* n, std::string_view key) {
  return n && n->is_mapping() ? n->find(key) : nullptr;
}

template <class N> N* template_of(N& object) {
  if (!object.is_mapping()) return nullptr;
  const std::string kind = object.text("kind");
  if (kind == "Pod") return &object;
  N* spec = child(&object, "spec");
  if (kind == "CronJob")
    spec = child(child(spec, "jobTemplate"), "spec");
  else if (!is_workload(kind))
    return nullptr;
  N* tpl = child(spec, "template");
  return tpl && tpl->is_mapping() ? tpl : nullptr;
}

void add_unique(std::vector<std::string>& v, const std::string& s) {
  if (!s.empty() && std::find(v.begin(), v.end(), s) == v.end()) v.push_back(s);
}

bool expression_matches(const Node& e, const std::map<std::string, std::string>& labels) {
  if (!e.is_mapping()) return false;
  const std::string key = e.text("key"), op = e.text("operator");
  auto it = labels.find(key);
  std::vector<std::string> values;
  if (const Node* vs = e.find("values"); vs && vs->is_sequence())
    for (const Node& v : vs->items())
      values.push_back(v.value());
  bool in =
      it != labels.end() && std::find(values.begin(), values.end(), it->second) != values.end();
  if (op == "In") return in;
  if (op == "NotIn") return !in;
  if (op == "Exists") return it != labels.end();
  if (op == "DoesNotExist") return it == labels.end();
  return false;
}

} // namespace

bool is_workload(std::string_view kind) {
  static constexpr std::array<std::string_view, 8> kKinds = {
      "Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "ReplicationController",
      "Job",        "CronJob",     "Pod"};
  return std::find(kKinds.begin(), kKinds.end(), kind) != kKinds.end();
}

const Node* pod_template(const Node& object) {
  return template_of(object);
}
Node* pod_template(Node& object) {
  return template_of(object);
}

const Node* pod_spec(const Node& object) {
  const Node* s = child(pod_template(object), "spec");
  return s && s->is_mapping() ? s : nullptr;
}
Node* pod_spec(Node& object) {
  Node* s = child(pod_template(object), "spec");
  return s && s->is_mapping() ? s : nullptr;
}

std::map<std::string, std::string> pod_labels(const Node& object) {
  std::map<std::string, std::string> labels;
  const Node* l = child(child(pod_template(object), "metadata"), "labels");
  if (l && l->is_mapping())
    for (const auto& e : l->entries())
      if (e.value.is_scalar()) labels[e.key.value()] = e.value.value();
  return labels;
}

std::vector<const Node*> containers(const Node& spec) {
  std::vector<const Node*> out;
  for (const char* list : {"initContainers", "containers"})
    if (const Node* cs = child(&spec, list); cs && cs->is_sequence())
      for (const Node& c : cs->items())
        if (c.is_mapping()) out.push_back(&c);
  return out;
}

std::vector<Node*> containers(Node& spec) {
  std::vector<Node*> out;
  for (const char* list : {"initContainers", "containers"})
    if (Node* cs = child(&spec, list); cs && cs->is_sequence())
      for (Node& c : cs->items())
        if (c.is_mapping()) out.push_back(&c);
  return out;
}

bool selects(const Node* selector, const std::map<std::string, std::string>& labels,
             bool set_based) {
  if (!selector || !selector->is_mapping() || selector->size() == 0) return false;
  const Node* match = set_based ? selector->find("matchLabels") : selector;
  bool any = false;
  if (match && match->is_mapping())
    for (const auto& e : match->entries()) {
      auto it = labels.find(e.key.value());
      if (it == labels.end() || it->second != e.value.value()) return false;
      any = true;
    }
  if (set_based)
    if (const Node* exprs = selector->find("matchExpressions"); exprs && exprs->is_sequence())
      for (const Node& e : exprs->items()) {
        if (!expression_matches(e, labels)) return false;
        any = true;
      }
  return any;
}

PodRefs pod_refs(const Node& spec) {
  PodRefs r;
  if (!spec.is_mapping()) return r;
  if (const Node* volumes = spec.find("volumes"); volumes && volumes->is_sequence())
    for (const Node& v : volumes->items()) {
      if (!v.is_mapping()) continue;
      if (const Node* c = v.find("configMap"); c && c->is_mapping())
        add_unique(r.config_maps, c->text("name"));
      if (const Node* s = v.find("secret"); s && s->is_mapping())
        add_unique(r.secrets, s->text("secretName"));
      if (const Node* p = v.find("persistentVolumeClaim"); p && p->is_mapping())
        add_unique(r.claims, p->text("claimName"));
      const Node* sources = child(child(&v, "projected"), "sources");
      if (sources && sources->is_sequence())
        for (const Node& s : sources->items()) {
          if (const Node* c = child(&s, "configMap"); c && c->is_mapping())
            add_unique(r.config_maps, c->text("name"));
          if (const Node* c = child(&s, "secret"); c && c->is_mapping())
            add_unique(r.secrets, c->text("name"));
        }
    }
  for (const Node* c : containers(spec)) {
    if (const Node* from = c->find("envFrom"); from && from->is_sequence())
      for (const Node& f : from->items()) {
        if (const Node* ref = child(&f, "configMapRef"); ref && ref->is_mapping())
          add_unique(r.config_maps, ref->text("name"));
        if (const Node* ref = child(&f, "secretRef"); ref && ref->is_mapping())
          add_unique(r.secrets, ref->text("name"));
      }
    if (const Node* env = c->find("env"); env && env->is_sequence())
      for (const Node& e : env->items()) {
        const Node* vf = child(&e, "valueFrom");
        if (const Node* ref = child(vf, "configMapKeyRef"); ref && ref->is_mapping())
          add_unique(r.config_maps, ref->text("name"));
        if (const Node* ref = child(vf, "secretKeyRef"); ref && ref->is_mapping())
          add_unique(r.secrets, ref->text("name"));
      }
  }
  if (const Node* pulls = spec.find("imagePullSecrets"); pulls && pulls->is_sequence())
    for (const Node& p : pulls->items())
      if (p.is_mapping()) add_unique(r.secrets, p.text("name"));
  r.service_account = spec.text("serviceAccountName");
  if (r.service_account == "default") r.service_account.clear();
  r.priority_class = spec.text("priorityClassName");
  return r;
}

std::string kubectl_ref(const Node& object) {
  std::string kind = object.text("kind");
  std::transform(kind.begin(), kind.end(), kind.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  const Node* meta = object.find("metadata");
  return kind + "/" + (meta && meta->is_mapping() ? meta->text("name") : std::string());
}

} // namespace berth::import
