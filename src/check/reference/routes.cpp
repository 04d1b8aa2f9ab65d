// Ingress and Traefik IngressRoute → Services: backends exist with the port they name, and
// (with --complete) the middlewares routes use exist.
#include "check/reference/checks.h"

namespace berth::check::reference {

namespace {

std::string service_ports(const ServiceFacts& s) {
  std::string out;
  for (const ServicePortFact& p : s.ports) {
    if (!out.empty()) out += ", ";
    out += p.name.empty() ? std::to_string(p.port) : p.name + " " + std::to_string(p.port);
  }
  return out.empty() ? "none" : out;
}

bool has_port(const ServiceFacts& s, const BackendFacts& b) {
  for (const ServicePortFact& p : s.ports)
    if (b.port_name.empty() ? p.port == b.port_number : p.name == b.port_name) return true;
  return false;
}

// Traefik resolves `name@provider` outside Kubernetes objects.
bool provider_qualified(std::string_view name) {
  return name.find('@') != std::string_view::npos;
}

void check_backend(const Lookup& l, const BackendFacts& b, Context& ctx) {
  if (provider_qualified(b.name)) return;
  const std::string& ns = b.ns.empty() ? l.ns(*b.object) : b.ns;
  if (b.kind == "TraefikService") {
    if (!l.find("TraefikService", ns, b.name) && expect_kind(l, ctx, "TraefikService"))
      ctx.report("ingress-backend-missing", b.object, b.loc,
                 "TraefikService \"" + b.name + "\" is not in " + describe_namespace(ns));
    return;
  }
  if (b.kind != "Service") return; // other kinds are not modelled
  std::vector<const ServiceFacts*> services = l.services_named(ns, b.name);
  if (services.empty()) {
    if (expect_kind(l, ctx, "Service"))
      ctx.report("ingress-backend-missing", b.object, b.loc,
                 "backend Service \"" + b.name + "\" is not in " + describe_namespace(ns));
    return;
  }
  if (b.port_name.empty() && b.port_number == 0) return; // no port given
  for (const ServiceFacts* s : services)
    if (has_port(*s, b)) return;
  std::string port =
      b.port_name.empty() ? std::to_string(b.port_number) : "\"" + b.port_name + "\"";
  ctx.report("ingress-backend-port-missing", b.object, b.port_loc,
             "backend port " + port + " is not a port of Service \"" + b.name +
                 "\" (ports: " + service_ports(*services.front()) + ")",
             b.port_name.empty() ? "Use the Service port number (spec.ports[].port), not the "
                                   "container port."
                                 : "Use a Service port name (spec.ports[].name).");
}

} // namespace

void check_routes(const Lookup& l, Context& ctx) {
  for (const BackendFacts& b : l.data().backends)
    check_backend(l, b, ctx);
  if (!ctx.options().complete) return;
  for (const MiddlewareRefFacts& m : l.data().middleware_refs) {
    if (provider_qualified(m.name)) continue;
    const std::string& ns = m.ns.empty() ? l.ns(*m.object) : m.ns;
    if (!l.find(m.kind, ns, m.name))
      ctx.report("ingressroute-middleware-missing", m.object, m.loc,
                 m.kind + " \"" + m.name + "\" is not in " + describe_namespace(ns));
  }
}

} // namespace berth::check::reference
