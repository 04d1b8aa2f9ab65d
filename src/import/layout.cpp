// The base of the imported tree: each object in the group of the workload it serves, under the
// file name convert would use, its keys in the order people write them.
#include "import/layout.h"

#include <algorithm>
#include <map>
#include <set>

#include "import/workload.h"
#include "kube/names.h"

namespace berth::import {

using yaml::Node;

namespace {

constexpr const char* kAppGroup = "_app";

struct Workload {
  std::string group;
  std::string kind;
  std::string name;
  std::map<std::string, std::string> labels; // of its pods
  PodRefs refs;
};

std::vector<Workload> workloads_of(const State& st) {
  std::vector<Workload> out;
  for (const Kept& k : st.objects) {
    const std::string kind = k.object.text("kind");
    if (k.made || !is_workload(kind)) continue;
    Workload w{
        kube::dns1123_label(name_of(k.object)), kind, name_of(k.object), pod_labels(k.object), {}};
    if (const Node* spec = pod_spec(k.object)) w.refs = pod_refs(*spec);
    out.push_back(std::move(w));
  }
  return out;
}

// The single group among `groups`, else "_app".
std::string only(const std::vector<std::string>& groups) {
  std::set<std::string> distinct(groups.begin(), groups.end());
  return distinct.size() == 1 ? *distinct.begin() : kAppGroup;
}

const Node* child(const Node* n, std::string_view key) {
  return n && n->is_mapping() ? n->find(key) : nullptr;
}

std::string group_by_selector(const std::vector<Workload>& ws, const Node* selector,
                              bool set_based) {
  std::vector<std::string> groups;
  for (const Workload& w : ws)
    if (selects(selector, w.labels, set_based)) groups.push_back(w.group);
  return only(groups);
}

std::string group_by_name(const std::vector<Workload>& ws, const std::string& name,
                          std::vector<std::string> PodRefs::*list) {
  std::vector<std::string> groups;
  for (const Workload& w : ws) {
    const auto& names = w.refs.*list;
    if (std::find(names.begin(), names.end(), name) != names.end()) groups.push_back(w.group);
  }
  return only(groups);
}

// Backend Services of an Ingress or IngressRoute.
std::vector<std::string> backends(const Node& o) {
  std::vector<std::string> names;
  auto add = [&](const std::string& n) {
    if (!n.empty() && std::find(names.begin(), names.end(), n) == names.end()) names.push_back(n);
  };
  const Node* spec = child(&o, "spec");
  if (o.text("kind") == "Ingress") {
    if (const Node* d = child(child(spec, "defaultBackend"), "service")) add(d->text("name"));
    if (const Node* rules = child(spec, "rules"); rules && rules->is_sequence())
      for (const Node& r : rules->items())
        if (const Node* paths = child(child(&r, "http"), "paths"); paths && paths->is_sequence())
          for (const Node& p : paths->items())
            if (const Node* s = child(child(&p, "backend"), "service")) add(s->text("name"));
  } else if (const Node* routes = child(spec, "routes"); routes && routes->is_sequence()) {
    for (const Node& r : routes->items())
      if (const Node* svcs = child(&r, "services"); svcs && svcs->is_sequence())
        for (const Node& s : svcs->items())
          if (s.is_mapping()) add(s.text("name"));
  }
  return names;
}

std::string group_of(const State& st, const Kept& k, const std::vector<Workload>& ws,
                     const std::map<std::string, std::string>& service_groups) {
  const std::string kind = k.object.text("kind");
  const std::string name = name_of(k.object);
  const Node* spec = child(&k.object, "spec");
  if (!k.made && is_workload(kind)) return kube::dns1123_label(name);
  if (kind == "Service") return group_by_selector(ws, child(spec, "selector"), false);
  if (kind == "PersistentVolumeClaim") return group_by_name(ws, name, &PodRefs::claims);
  if (kind == "ConfigMap") return group_by_name(ws, name, &PodRefs::config_maps);
  if (kind == "Secret" || kind == "SealedSecret") return group_by_name(ws, name, &PodRefs::secrets);
  if (kind == "ServiceAccount") {
    std::vector<std::string> groups;
    for (const Workload& w : ws)
      if (w.refs.service_account == name) groups.push_back(w.group);
    return only(groups);
  }
  if (kind == "PodDisruptionBudget") return group_by_selector(ws, child(spec, "selector"), true);
  if (kind == "NetworkPolicy") return group_by_selector(ws, child(spec, "podSelector"), true);
  if (kind == "HorizontalPodAutoscaler") {
    const Node* ref = child(spec, "scaleTargetRef");
    std::vector<std::string> groups;
    for (const Workload& w : ws)
      if (ref && w.kind == ref->text("kind") && w.name == ref->text("name"))
        groups.push_back(w.group);
    return only(groups);
  }
  if (kind == "Ingress" || kind == "IngressRoute") {
    std::vector<std::string> groups;
    for (const std::string& b : backends(k.object)) {
      auto it = service_groups.find(b);
      groups.push_back(it == service_groups.end() ? kAppGroup : it->second);
    }
    return only(groups);
  }
  if (kind == "ServiceMonitor") {
    const Node* sel = child(spec, "selector");
    std::vector<std::string> groups;
    for (const Kept& s : st.objects) {
      if (s.object.text("kind") != "Service") continue;
      std::map<std::string, std::string> labels;
      if (const Node* l = child(child(&s.object, "metadata"), "labels"); l && l->is_mapping())
        for (const auto& e : l->entries())
          labels[e.key.value()] = e.value.value();
      if (selects(sel, labels, true)) {
        auto it = service_groups.find(name_of(s.object));
        if (it != service_groups.end()) groups.push_back(it->second);
      }
    }
    return only(groups);
  }
  if (kind == "PodMonitor") return group_by_selector(ws, child(spec, "selector"), true);
  return kAppGroup;
}

void name_first(Node& map, std::initializer_list<std::string_view> first) {
  if (!map.is_mapping()) return;
  auto& es = map.entries();
  std::vector<bool> taken(es.size(), false);
  Node rebuilt = Node::mapping();
  for (std::string_view key : first)
    for (std::size_t i = 0; i < es.size(); ++i)
      if (!taken[i] && es[i].key.value() == key) {
        rebuilt.add(std::move(es[i].key), std::move(es[i].value));
        taken[i] = true;
        break;
      }
  for (std::size_t i = 0; i < es.size(); ++i)
    if (!taken[i]) rebuilt.add(std::move(es[i].key), std::move(es[i].value));
  map = std::move(rebuilt);
}

// Items of lists: "name" first wherever a list item has one (containers, ports, env...).
void tidy_lists(Node& n) {
  if (n.is_mapping()) {
    for (auto& e : n.entries())
      tidy_lists(e.value);
  } else if (n.is_sequence()) {
    for (Node& item : n.items()) {
      if (item.is_mapping() && item.has("name")) name_first(item, {"name", "image"});
      if (item.is_mapping() && item.has("path")) name_first(item, {"path", "pathType"});
      tidy_lists(item);
    }
  }
}

} // namespace

std::string short_kind(std::string_view kind) {
  if (kind == "PersistentVolumeClaim") return "pvc";
  if (kind == "HorizontalPodAutoscaler") return "hpa";
  if (kind == "PodDisruptionBudget") return "pdb";
  std::string s(kind);
  std::transform(s.begin(), s.end(), s.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

void tidy(Node& object) {
  if (!object.is_mapping()) return;
  name_first(object, {"apiVersion", "kind", "metadata"});
  if (Node* meta = object.find("metadata"); meta && meta->is_mapping())
    name_first(*meta, {"name", "namespace", "labels", "annotations"});
  for (auto& e : object.entries())
    if (e.key.value() != "metadata") tidy_lists(e.value);
}

void assign_groups(State& st) {
  std::vector<Workload> ws = workloads_of(st);
  std::map<std::string, std::string> service_groups;
  for (const Kept& k : st.objects)
    if (k.object.text("kind") == "Service")
      service_groups[name_of(k.object)] = group_of(st, k, ws, service_groups);
  std::map<std::string, std::string> by_ref;
  for (Kept& k : st.objects)
    if (!k.made || k.owner.empty()) {
      k.group = k.made ? kAppGroup : group_of(st, k, ws, service_groups);
      by_ref[k.ref] = k.group;
    }
  // Objects berth made follow what they serve (which may itself be made: a redirect Ingress).
  for (int pass = 0; pass < 3; ++pass)
    for (Kept& k : st.objects)
      if (k.made && !k.owner.empty()) {
        auto it = by_ref.find(k.owner);
        k.group = it == by_ref.end() ? kAppGroup : it->second;
        by_ref[k.ref] = k.group;
      }
}

void add_base(State& st, generate::Output& out) {
  std::set<std::string> used;
  for (Kept& k : st.objects) {
    const std::string name = kube::dns1123_label(name_of(k.object));
    const std::string kind = short_kind(k.object.text("kind"));
    std::string file = kind;
    if (name != k.group) {
      std::string suffix = name.starts_with(k.group + "-") ? name.substr(k.group.size() + 1) : name;
      file += "-" + suffix;
    }
    std::string path = "base/" + k.group + "/" + file + ".yaml";
    if (used.count(path)) path = "base/" + k.group + "/" + kind + "-" + name + ".yaml";
    for (int n = 2; used.count(path); ++n)
      path = "base/" + k.group + "/" + kind + "-" + name + "-" + std::to_string(n) + ".yaml";
    used.insert(path);
    tidy(k.object);
    st.add(k.ref, "object", generate::Disposition::Translated, "written to " + path, k.at);
    out.add_base(path, k.object);
  }
}

} // namespace berth::import
