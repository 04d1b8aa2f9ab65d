// Facts of traffic objects: Services (selector, ports), Ingress and Traefik IngressRoute
// backends and middlewares, ServiceMonitors, NetworkPolicies.
#include "check/index_extract.h"
#include "check/index_read.h"

namespace berth::check::index_extract {

using namespace index_read;
using yaml::Node;

namespace {

// An Ingress backend: v1 `service: {name, port: {number|name}}` or v1beta1
// `serviceName/servicePort`.
void ingress_backend(const Object& o, const Node* backend, IndexData& d) {
  if (!backend) return;
  BackendFacts b;
  b.object = &o.info;
  const Node* port = nullptr;
  if (const Node* svc = mapping_at(backend, "service")) {
    const Node* name = scalar_at(svc, "name");
    if (!name) return;
    b.name = name->value();
    b.loc = name->loc();
    const Node* p = mapping_at(svc, "port");
    if (const Node* n = scalar_at(p, "number"))
      port = n;
    else if (const Node* n = scalar_at(p, "name"))
      port = n;
  } else if (const Node* name = scalar_at(backend, "serviceName")) {
    b.name = name->value();
    b.loc = name->loc();
    port = scalar_at(backend, "servicePort");
  } else {
    return; // a `resource:` backend: not a Service
  }
  b.port_loc = b.loc;
  if (port) {
    b.port_loc = port->loc();
    if (auto n = port->as_int())
      b.port_number = *n;
    else
      b.port_name = port->value();
  }
  d.backends.push_back(std::move(b));
}

} // namespace

void service(const Object& o, IndexData& d) {
  const Node* spec = mapping_at(&o.root, "spec");
  ServiceFacts f;
  f.object = &o.info;
  f.labels = read_labels(mapping_at(mapping_at(&o.root, "metadata"), "labels"));
  f.type = text_at(spec, "type");
  f.selector = read_selector(spec, "selector", /*plain=*/true);
  if (!f.selector.present) f.selector.loc = spec ? spec->loc() : o.info.loc;
  if (const Node* ports = sequence_at(spec, "ports"))
    for (const Node& p : ports->items()) {
      ServicePortFact sp;
      if (!int_at(&p, "port", sp.port)) continue;
      sp.name = text_at(&p, "name");
      sp.loc = p.loc();
      sp.target_loc = p.loc();
      sp.target_number = sp.port;
      if (const Node* t = scalar_at(&p, "targetPort")) {
        sp.target_set = true;
        sp.target_loc = t->loc();
        if (auto n = t->as_int())
          sp.target_number = *n;
        else {
          sp.target_number = 0;
          sp.target_name = t->value();
        }
      }
      f.ports.push_back(std::move(sp));
    }
  d.services.push_back(std::move(f));
}

void ingress(const Object& o, IndexData& d) {
  const Node* spec = mapping_at(&o.root, "spec");
  ingress_backend(o, mapping_at(spec, "defaultBackend"), d);
  ingress_backend(o, mapping_at(spec, "backend"), d); // extensions/v1beta1
  if (const Node* rules = sequence_at(spec, "rules"))
    for (const Node& r : rules->items())
      if (const Node* paths = sequence_at(mapping_at(&r, "http"), "paths"))
        for (const Node& p : paths->items())
          ingress_backend(o, mapping_at(&p, "backend"), d);
}

void ingress_route(const Object& o, IndexData& d) {
  const Node* routes = sequence_at(mapping_at(&o.root, "spec"), "routes");
  if (!routes) return;
  bool tcp = o.info.kind == "IngressRouteTCP";
  for (const Node& r : routes->items()) {
    if (const Node* services = sequence_at(&r, "services"))
      for (const Node& s : services->items()) {
        const Node* name = scalar_at(&s, "name");
        if (!name) continue;
        BackendFacts b;
        b.object = &o.info;
        b.name = name->value();
        b.loc = name->loc();
        b.port_loc = b.loc;
        b.ns = text_at(&s, "namespace");
        if (std::string kind = text_at(&s, "kind"); !kind.empty()) b.kind = kind;
        if (const Node* port = scalar_at(&s, "port")) {
          b.port_loc = port->loc();
          if (auto n = port->as_int())
            b.port_number = *n;
          else
            b.port_name = port->value();
        }
        d.backends.push_back(std::move(b));
      }
    if (const Node* mws = sequence_at(&r, "middlewares"))
      for (const Node& m : mws->items()) {
        const Node* name = scalar_at(&m, "name");
        if (!name) continue;
        MiddlewareRefFacts f;
        f.object = &o.info;
        f.kind = tcp ? "MiddlewareTCP" : "Middleware";
        f.name = name->value();
        f.ns = text_at(&m, "namespace");
        f.loc = name->loc();
        d.middleware_refs.push_back(std::move(f));
      }
  }
}

void service_monitor(const Object& o, IndexData& d) {
  const Node* spec = mapping_at(&o.root, "spec");
  ServiceMonitorFacts f;
  f.object = &o.info;
  f.selector = read_selector(spec, "selector", /*plain=*/false);
  const Node* nss = mapping_at(spec, "namespaceSelector");
  if (const Node* any = scalar_at(nss, "any")) f.any_namespace = any->as_bool().value_or(false);
  if (const Node* names = sequence_at(nss, "matchNames"))
    for (const Node& n : names->items())
      if (n.is_scalar() && !n.is_null()) f.namespaces.push_back(n.value());
  if (const Node* eps = sequence_at(spec, "endpoints"))
    for (const Node& e : eps->items())
      if (const Node* port = scalar_at(&e, "port"))
        f.endpoints.push_back(ServiceMonitorFacts::Endpoint{port->value(), port->loc()});
  d.service_monitors.push_back(std::move(f));
}

void network_policy(const Object& o, IndexData& d) {
  const Node* spec = mapping_at(&o.root, "spec");
  NetworkPolicyFacts f;
  f.object = &o.info;
  f.pod_selector = read_selector(spec, "podSelector", /*plain=*/false);
  // Without policyTypes a policy always governs ingress (and egress only when it has rules).
  f.ingress = true;
  if (const Node* types = sequence_at(spec, "policyTypes")) {
    f.ingress = false;
    for (const Node& t : types->items())
      if (t.is_scalar() && t.value() == "Ingress") f.ingress = true;
  }
  const Node* rules = spec ? spec->find("ingress") : nullptr;
  bool no_rules = !rules || rules->is_null() || (rules->is_sequence() && rules->size() == 0);
  f.deny_all_ingress = f.ingress && no_rules && f.pod_selector.readable && f.pod_selector.empty();
  d.network_policies.push_back(std::move(f));
}

} // namespace berth::check::index_extract
