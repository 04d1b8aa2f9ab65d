// Services: a ClusterIP Service per reachable workload, a headless one for StatefulSets.
#include <string>

#include "fmt/format.h"
#include "generate/network.h"
#include "kube/object.h"

namespace berth::generate::net {

using yaml::Node;

namespace {

bool session_affinity(const ServicePlan& s) {
  return s.service && s.service->x_berth && s.service->x_berth->session_affinity;
}

Node service_ports(const ServicePlan& s) {
  Node ports = Node::sequence();
  for (const PortPlan& p : s.ports) {
    Node port = Node::mapping();
    port.set("name", Node::str(p.name));
    port.set("port", Node::integer(p.port));
    // By name, so a later containerPort change does not silently break the Service.
    port.set("targetPort", Node::str(p.name));
    port.set("protocol", Node::str(p.protocol));
    ports.push(std::move(port));
  }
  return ports;
}

const RoutePlan* route_for(const ServicePlan& s, int port) {
  for (const RoutePlan& r : s.routes)
    if (r.port == port) return &r;
  return nullptr;
}

void report_ports(const ServicePlan& s, Output& out) {
  if (!s.service) return;
  const model::Service& svc = *s.service;
  for (std::size_t i = 0; i < svc.ports.size(); ++i) {
    const model::Port& p = svc.ports[i];
    std::string key = fmt::format("ports[{}]", i);
    if (!s.needs_service) {
      out.report.add(svc.name, key, Disposition::Translated,
                     fmt::format("containerPort {} only: nothing reaches {}, so no Service",
                                 p.target, s.name),
                     p.at.loc);
      continue;
    }
    std::string inside = fmt::format("Service {} port {}: reachable in-cluster at {}:{}", s.name,
                                     p.target, s.name, p.target);
    if (!p.is_published()) {
      out.report.add(svc.name, key, Disposition::Translated, inside, p.at.loc);
    } else if (const RoutePlan* r = route_for(s, p.target)) {
      out.report.add(svc.name, key, Disposition::Translated,
                     fmt::format("{}; from outside via https://{}{} (host port {} dropped)",
                                 inside, r->host, r->path, p.published),
                     p.at.loc);
    } else {
      out.report.add(svc.name, key, Disposition::Manual,
                     fmt::format("{}; host port {} has no equivalent: for traffic from outside "
                                 "the cluster add a Traefik IngressRouteTCP/UDP or a "
                                 "LoadBalancer Service (K3s ServiceLB)",
                                 inside, p.published),
                     p.at.loc);
    }
  }
  for (std::size_t i = 0; i < svc.expose.size(); ++i) {
    const model::ExposedPort& e = svc.expose[i];
    out.report.add(svc.name, fmt::format("expose[{}]", i), Disposition::Translated,
                   s.needs_service ? fmt::format("Service {} port {}", s.name, e.str())
                                   : fmt::format("containerPort {} (no Service: unused)", e.str()),
                   e.at.loc);
  }
}

} // namespace

Node service_object(const Context& ctx, const ServicePlan& s) {
  Node svc = kube::make_object("v1", "Service", s.name);
  label(svc, ctx, s.name);
  // Plain Ingress cannot say "sticky" on the route: Traefik reads it from the Service.
  if (session_affinity(s) && !s.routes.empty() && !uses_ingressroute(ctx)) {
    std::string prefix = "traefik.ingress.kubernetes.io/service.sticky.cookie";
    kube::set_annotation(svc, prefix, "true");
    kube::set_annotation(svc, prefix + ".name", s.name + "-affinity");
    kube::set_annotation(svc, prefix + ".secure", "true");
    kube::set_annotation(svc, prefix + ".httponly", "true");
  }
  Node spec = Node::mapping();
  spec.set("type", Node::str("ClusterIP"));
  spec.set("selector", kube::string_map(kube::selector_labels(ctx.plan.app, s.name)));
  spec.set("ports", service_ports(s));
  if (session_affinity(s)) {
    // In-cluster callers keep their pod too (long-lived connections: SSE, websockets).
    spec.set("sessionAffinity", Node::str("ClientIP"));
    Node client_ip = Node::mapping();
    client_ip.set("timeoutSeconds", Node::integer(10800));
    Node config = Node::mapping();
    config.set("clientIP", std::move(client_ip));
    spec.set("sessionAffinityConfig", std::move(config));
  }
  svc.set("spec", std::move(spec));
  return svc;
}

Node headless_service_object(const Context& ctx, const ServicePlan& s) {
  Node svc = kube::make_object("v1", "Service", s.name + "-headless");
  label(svc, ctx, s.name);
  Node spec = Node::mapping();
  spec.set("clusterIP", Node::str("None"));
  spec.set("selector", kube::string_map(kube::selector_labels(ctx.plan.app, s.name)));
  spec.set("ports", service_ports(s));
  // Peers must find each other while starting (replication, cluster formation).
  spec.set("publishNotReadyAddresses", Node::boolean(true));
  svc.set("spec", std::move(spec));
  return svc;
}

void generate_services(const Context& ctx, Output& out) {
  for (const ServicePlan& s : ctx.plan.services) {
    report_ports(s, out);
    std::string compose = s.service ? s.service->name : s.name;
    if (session_affinity(s))
      out.report.add(compose, "x-berth.session_affinity", Disposition::Translated,
                     s.routes.empty() ? "Service sessionAffinity ClientIP (3 h)"
                                      : "Service sessionAffinity ClientIP (3 h) and a Traefik "
                                        "sticky cookie on its routes",
                     s.service->x_berth->at.loc);
    if (!s.needs_service) continue;
    if (s.ports.empty()) {
      out.report.add(compose, "ports", Disposition::Manual,
                     fmt::format("{} is reached by other services but no port is known: add "
                                 "`expose` or `ports` so berth can write its Service",
                                 s.name));
      continue;
    }
    out.add_base("base/" + s.name + "/service.yaml", service_object(ctx, s));
    if (s.stateful())
      out.add_base("base/" + s.name + "/service-headless.yaml", headless_service_object(ctx, s));
  }
}

} // namespace berth::generate::net
