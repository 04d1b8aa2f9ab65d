// Structural API migrations: apps/v1 workloads (selector), networking.k8s.io/v1 Ingress
// (backends, pathType, class), autoscaling/v2 metrics, policy/v1 and batch/v1 renames.
#include "kube/migrate.h"

#include "kube/api_catalog.h"

namespace berth::kube {

using yaml::Node;

namespace {

constexpr std::string_view kMaxInt32 = "2147483647";

bool is_number(const Node& n) {
  return n.is_scalar() && n.as_int().has_value();
}

// The integer a quoted "8080" stands for (v1beta1 servicePort was an IntOrString).
bool numeric_text(const std::string& s) {
  if (s.empty() || s.size() > 9) return false;
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return true;
}

void migrate_workload(Node& object, const std::string& from, Migration& m) {
  const std::string kind = object.text("kind");
  Node* spec = object.find("spec");
  if (!spec || !spec->is_mapping()) return;
  if (!spec->has("selector")) {
    const Node* tpl = spec->find("template");
    const Node* meta = tpl && tpl->is_mapping() ? tpl->find("metadata") : nullptr;
    const Node* labels = meta && meta->is_mapping() ? meta->find("labels") : nullptr;
    if (labels && labels->is_mapping() && labels->size() > 0) {
      Node selector = Node::mapping();
      selector.set("matchLabels", *labels);
      // Right after replicas (or first): where people look for it.
      Node rebuilt = Node::mapping();
      bool placed = false;
      for (auto& e : spec->entries()) {
        if (!placed && e.key.value() != "replicas") {
          rebuilt.set("selector", selector);
          placed = true;
        }
        rebuilt.add(std::move(e.key), std::move(e.value));
      }
      if (!placed) rebuilt.set("selector", std::move(selector));
      *spec = std::move(rebuilt);
      m.changes.push_back("spec.selector.matchLabels derived from the pod template's labels "
                          "(required in apps/v1, immutable afterwards)");
    } else {
      m.warnings.push_back("spec.selector is required in apps/v1 and the pod template has no "
                           "labels to derive it from: add labels and a selector");
    }
  }
  if (kind == "Deployment") {
    if (spec->erase("rollbackTo"))
      m.changes.push_back("spec.rollbackTo removed (gone in apps/v1; use kubectl rollout undo)");
    for (const char* key : {"revisionHistoryLimit", "progressDeadlineSeconds"})
      if (spec->text(key) == kMaxInt32) {
        spec->erase(key);
        m.changes.push_back(std::string("spec.") + key + " " + std::string(kMaxInt32) + " (the " +
                            from + " default) removed: apps/v1 defaults it to " +
                            (std::string(key) == "revisionHistoryLimit" ? "10" : "600"));
      }
  }
  if (kind == "DaemonSet" && spec->erase("templateGeneration"))
    m.changes.push_back("spec.templateGeneration removed (gone in apps/v1)");
  if (kind == "DaemonSet" || kind == "StatefulSet") {
    const Node* us = spec->find("updateStrategy");
    if (us && us->is_mapping() && us->text("type") == "OnDelete")
      m.warnings.push_back("spec.updateStrategy OnDelete (the " + from +
                           " default) kept: pods change only when deleted; remove it to roll "
                           "updates out automatically (the apps/v1 default)");
  }
}

bool plain_path(const std::string& path) {
  for (char c : path)
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '/' ||
          c == '-' || c == '_' || c == '.' || c == '~'))
      return false;
  return true;
}

bool regex_annotations(const Node& object) {
  const Node* meta = object.find("metadata");
  const Node* a = meta && meta->is_mapping() ? meta->find("annotations") : nullptr;
  if (!a || !a->is_mapping()) return false;
  return a->text("nginx.ingress.kubernetes.io/use-regex") == "true" ||
         a->has("nginx.ingress.kubernetes.io/rewrite-target");
}

void migrate_ingress(Node& object, Migration& m) {
  Node* spec = object.find("spec");
  if (spec && spec->is_mapping()) {
    if (const Node* backend = spec->find("backend")) {
      Node converted = ingress_backend_v1(*backend);
      Node rebuilt = Node::mapping();
      for (auto& e : spec->entries()) {
        if (e.key.value() == "backend")
          rebuilt.set("defaultBackend", converted);
        else
          rebuilt.add(std::move(e.key), std::move(e.value));
      }
      *spec = std::move(rebuilt);
      m.changes.push_back("spec.backend → spec.defaultBackend (service.name/port)");
    }
    const bool regex = regex_annotations(object);
    std::size_t backends = 0, typed = 0;
    if (Node* rules = spec->find("rules"); rules && rules->is_sequence())
      for (Node& rule : rules->items()) {
        Node* http = rule.is_mapping() ? rule.find("http") : nullptr;
        Node* paths = http && http->is_mapping() ? http->find("paths") : nullptr;
        if (!paths || !paths->is_sequence()) continue;
        for (Node& p : paths->items()) {
          if (!p.is_mapping()) continue;
          if (const Node* b = p.find("backend"); b && b->is_mapping() && b->has("serviceName")) {
            p.set("backend", ingress_backend_v1(*b));
            ++backends;
          }
          if (p.has("pathType")) continue;
          ++typed;
          if (!p.has("path")) {
            // v1beta1: no path matches everything; v1 needs one with Prefix/Exact.
            Node rebuilt = Node::mapping();
            rebuilt.set("path", Node::str("/"));
            for (auto& e : p.entries())
              rebuilt.add(std::move(e.key), std::move(e.value));
            p = std::move(rebuilt);
          }
          const std::string path = p.text("path");
          const char* type = !regex && plain_path(path) ? "Prefix" : "ImplementationSpecific";
          // pathType goes right after path, as people write it.
          Node rebuilt = Node::mapping();
          for (auto& e : p.entries()) {
            bool is_path = e.key.value() == "path";
            rebuilt.add(std::move(e.key), std::move(e.value));
            if (is_path) rebuilt.set("pathType", Node::str(type));
          }
          p = std::move(rebuilt);
        }
      }
    if (backends > 0)
      m.changes.push_back(std::to_string(backends) + " path backend(s): serviceName/servicePort → "
                                                     "service.name/service.port");
    if (typed > 0)
      m.changes.push_back(std::to_string(typed) +
                          " path(s) given a pathType (Prefix for plain paths; "
                          "ImplementationSpecific for regular expressions)");
  }
  Node* meta = object.find("metadata");
  Node* a = meta && meta->is_mapping() ? meta->find("annotations") : nullptr;
  if (a && a->is_mapping()) {
    if (const Node* cls = a->find("kubernetes.io/ingress.class"); cls && cls->is_scalar()) {
      std::string name = cls->value();
      a->erase("kubernetes.io/ingress.class");
      if (a->size() == 0) meta->erase("annotations");
      if (spec && spec->is_mapping() && !spec->has("ingressClassName")) {
        Node rebuilt = Node::mapping();
        rebuilt.set("ingressClassName", Node::str(name));
        for (auto& e : spec->entries())
          rebuilt.add(std::move(e.key), std::move(e.value));
        *spec = std::move(rebuilt);
      }
      m.changes.push_back("annotation kubernetes.io/ingress.class: " + name +
                          " → spec.ingressClassName");
    }
  }
}

void migrate_hpa_v2beta1(Node& object, Migration& m) {
  Node* spec = object.find("spec");
  Node* metrics = spec && spec->is_mapping() ? spec->find("metrics") : nullptr;
  if (!metrics || !metrics->is_sequence()) return;
  for (Node& metric : metrics->items())
    metric = hpa_metric_v2(metric);
  m.changes.push_back(std::to_string(metrics->size()) +
                      " metric(s) rewritten to the autoscaling/v2 shape (target: {type, "
                      "averageUtilization|averageValue|value}, metric: {name, selector})");
}

void migrate_pdb(Node& object, Migration& m) {
  const Node* spec = object.find("spec");
  const Node* selector = spec && spec->is_mapping() ? spec->find("selector") : nullptr;
  if (selector && selector->is_mapping() && selector->size() == 0)
    m.warnings.push_back("spec.selector is empty: in policy/v1 it selects every pod of the "
                         "namespace (in v1beta1 it selected none)");
}

// A v2 target from v2beta1's target fields.
Node target(const char* type, const char* key, const Node& value) {
  Node t = Node::mapping();
  t.set("type", Node::str(type));
  t.set(key, value);
  return t;
}

Node metric_id(const Node& old, const char* selector_key) {
  Node id = Node::mapping();
  if (const Node* name = old.find("metricName")) id.set("name", *name);
  if (const Node* sel = old.find(selector_key)) id.set("selector", *sel);
  return id;
}

} // namespace

Node ingress_backend_v1(const Node& backend) {
  if (!backend.is_mapping() || !backend.has("serviceName")) return backend;
  Node port = Node::mapping();
  if (const Node* sp = backend.find("servicePort")) {
    if (is_number(*sp))
      port.set("number", Node::integer(*sp->as_int()));
    else if (sp->is_scalar() && numeric_text(sp->value()))
      port.set("number", Node::integer(std::stoll(sp->value())));
    else
      port.set("name", *sp);
  }
  Node service = Node::mapping();
  service.set("name", *backend.find("serviceName"));
  if (port.size() > 0) service.set("port", std::move(port));
  Node out = Node::mapping();
  out.set("service", std::move(service));
  return out;
}

Node hpa_metric_v2(const Node& metric) {
  if (!metric.is_mapping()) return metric;
  const std::string type = metric.text("type");
  Node out = Node::mapping();
  out.set("type", Node::str(type));
  if (type == "Resource" || type == "ContainerResource") {
    const char* key = type == "Resource" ? "resource" : "containerResource";
    const Node* r = metric.find(key);
    if (!r || !r->is_mapping() || r->has("target")) return metric;
    Node res = Node::mapping();
    if (const Node* n = r->find("name")) res.set("name", *n);
    if (const Node* c = r->find("container")) res.set("container", *c);
    if (const Node* u = r->find("targetAverageUtilization"))
      res.set("target", target("Utilization", "averageUtilization", *u));
    else if (const Node* v = r->find("targetAverageValue"))
      res.set("target", target("AverageValue", "averageValue", *v));
    out.set(key, std::move(res));
    return out;
  }
  if (type == "Pods") {
    const Node* p = metric.find("pods");
    if (!p || !p->is_mapping() || p->has("target")) return metric;
    Node pods = Node::mapping();
    pods.set("metric", metric_id(*p, "selector"));
    if (const Node* v = p->find("targetAverageValue"))
      pods.set("target", target("AverageValue", "averageValue", *v));
    out.set("pods", std::move(pods));
    return out;
  }
  if (type == "Object") {
    const Node* o = metric.find("object");
    if (!o || !o->is_mapping() || o->has("describedObject")) return metric;
    Node obj = Node::mapping();
    if (const Node* t = o->find("target")) obj.set("describedObject", *t);
    obj.set("metric", metric_id(*o, "selector"));
    if (const Node* av = o->find("averageValue"))
      obj.set("target", target("AverageValue", "averageValue", *av));
    else if (const Node* v = o->find("targetValue"))
      obj.set("target", target("Value", "value", *v));
    out.set("object", std::move(obj));
    return out;
  }
  if (type == "External") {
    const Node* e = metric.find("external");
    if (!e || !e->is_mapping() || e->has("target")) return metric;
    Node ext = Node::mapping();
    Node id = Node::mapping();
    if (const Node* name = e->find("metricName")) id.set("name", *name);
    if (const Node* sel = e->find("metricSelector")) id.set("selector", *sel);
    ext.set("metric", std::move(id));
    if (const Node* av = e->find("targetAverageValue"))
      ext.set("target", target("AverageValue", "averageValue", *av));
    else if (const Node* v = e->find("targetValue"))
      ext.set("target", target("Value", "value", *v));
    out.set("external", std::move(ext));
    return out;
  }
  return metric;
}

Migration migrate(Node& object) {
  Migration m;
  if (!object.is_mapping()) return m;
  const std::string api = object.text("apiVersion");
  const std::string kind = object.text("kind");
  const ApiChange* change = find_api_change(api, kind);
  if (!change) return m;
  m.from = api;
  if (change->replacement.empty()) {
    m.removed = true;
    m.warnings.push_back(std::string(change->note));
    return m;
  }
  m.to = std::string(change->replacement);
  object.set("apiVersion", Node::str(m.to));
  if (m.to == "apps/v1") {
    migrate_workload(object, api, m);
  } else if (kind == "Ingress") {
    migrate_ingress(object, m);
  } else if (kind == "HorizontalPodAutoscaler" && api == "autoscaling/v2beta1") {
    migrate_hpa_v2beta1(object, m);
  } else if (kind == "PodDisruptionBudget") {
    migrate_pdb(object, m);
  } else if (!change->note.empty() && kind != "HorizontalPodAutoscaler") {
    // Kinds berth does not rewrite structurally (webhooks, CRDs, ...): say what is left.
    m.warnings.push_back("check by hand: " + std::string(change->note));
  }
  return m;
}

} // namespace berth::kube
