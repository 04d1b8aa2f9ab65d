// Traefik IngressRoutes (traefik.io/v1alpha1, Traefik v3 as shipped by K3s) with their
// middlewares, the HTTP → HTTPS redirect route and cert-manager Certificates (an IngressRoute's
// tls.secretName is not watched by cert-manager, so each host gets an explicit Certificate).
#include <algorithm>
#include <string>
#include <vector>

#include "fmt/format.h"
#include "generate/network.h"
#include "kube/names.h"
#include "kube/object.h"

namespace berth::generate::net {

using yaml::Node;

namespace {

// K3s' Traefik names its plain-HTTP entrypoint "web"; the profile only names the TLS one.
constexpr const char* kHttpEntrypoint = "web";

std::vector<std::string> hosts_of(const ServicePlan& s) {
  std::vector<std::string> hosts;
  for (const RoutePlan& r : s.routes)
    if (std::find(hosts.begin(), hosts.end(), r.host) == hosts.end()) hosts.push_back(r.host);
  return hosts;
}

std::string match_rule(const std::string& host, const std::string& path) {
  std::string rule = fmt::format("Host(`{}`)", host);
  // "/" is the catch-all: the host alone (Traefik ranks by rule length, so it loses to paths).
  if (path != "/" && !path.empty()) rule += fmt::format(" && PathPrefix(`{}`)", path);
  return rule;
}

Node ref(std::string name) {
  Node m = Node::mapping();
  m.set("name", Node::str(std::move(name)));
  return m;
}

bool session_affinity(const ServicePlan& s) {
  return s.service && s.service->x_berth && s.service->x_berth->session_affinity;
}

std::string route_name(const ServicePlan& s, std::size_t host_index) {
  return hosts_of(s).size() == 1 ? s.name : fmt::format("{}-{}", s.name, host_index);
}

std::string route_file(const ServicePlan& s, std::size_t host_index) {
  return hosts_of(s).size() == 1 ? "ingressroute.yaml"
                                 : fmt::format("ingressroute-{}.yaml", host_index);
}

} // namespace

Node ingressroute_object(const Context& ctx, const ServicePlan& s, const std::string& host,
                         const std::string& written_host, const std::string& name) {
  Node ir = kube::make_object("traefik.io/v1alpha1", "IngressRoute", name);
  label(ir, ctx, s.name);
  Node spec = Node::mapping();
  Node entrypoints = Node::sequence();
  entrypoints.push(Node::str(ctx.profile.ingress.entrypoint));
  spec.set("entryPoints", std::move(entrypoints));
  Node routes = Node::sequence();
  for (std::size_t i = 0; i < s.routes.size(); ++i) {
    const RoutePlan& r = s.routes[i];
    if (r.host != host) continue;
    Node route = Node::mapping();
    route.set("match", Node::str(match_rule(written_host, r.path)));
    route.set("kind", Node::str("Rule"));
    // Seed 004's order: limit first, then headers, then rewrite the path, compress last.
    Node middlewares = Node::sequence();
    if (r.strip_prefix) middlewares.push(ref("rate-limit"));
    middlewares.push(ref("security-headers"));
    if (r.strip_prefix) middlewares.push(ref(strip_middleware_name(s, i)));
    middlewares.push(ref("compress"));
    route.set("middlewares", std::move(middlewares));
    Node service = Node::mapping();
    service.set("name", Node::str(s.name));
    service.set("port", Node::str(r.port_name));
    if (session_affinity(s)) {
      Node cookie = Node::mapping();
      cookie.set("name", Node::str(s.name + "-affinity"));
      cookie.set("secure", Node::boolean(true));
      cookie.set("httpOnly", Node::boolean(true));
      Node sticky = Node::mapping();
      sticky.set("cookie", std::move(cookie));
      service.set("sticky", std::move(sticky));
    }
    Node services = Node::sequence();
    services.push(std::move(service));
    route.set("services", std::move(services));
    routes.push(std::move(route));
  }
  spec.set("routes", std::move(routes));
  Node tls = Node::mapping();
  tls.set("secretName", Node::str(tls_secret_name(host)));
  spec.set("tls", std::move(tls));
  ir.set("spec", std::move(spec));
  return ir;
}

Node redirect_ingressroute(const Context& ctx, const HostMap& hosts) {
  Node ir = kube::make_object("traefik.io/v1alpha1", "IngressRoute", "redirect-https");
  label(ir, ctx, ctx.plan.app);
  Node spec = Node::mapping();
  Node entrypoints = Node::sequence();
  entrypoints.push(Node::str(kHttpEntrypoint));
  spec.set("entryPoints", std::move(entrypoints));
  std::string match;
  for (const std::string& h : route_hosts(ctx.plan)) {
    auto it = hosts.find(h);
    if (!match.empty()) match += " || ";
    match += fmt::format("Host(`{}`)", it == hosts.end() ? h : it->second);
  }
  Node route = Node::mapping();
  route.set("match", Node::str(match));
  route.set("kind", Node::str("Rule"));
  // Lowest priority: cert-manager's HTTP-01 solver routes on the same hosts must win.
  route.set("priority", Node::integer(1));
  Node middlewares = Node::sequence();
  middlewares.push(ref("redirect-https"));
  route.set("middlewares", std::move(middlewares));
  Node service = ref("noop@internal");
  service.set("kind", Node::str("TraefikService"));
  Node services = Node::sequence();
  services.push(std::move(service));
  route.set("services", std::move(services));
  Node routes = Node::sequence();
  routes.push(std::move(route));
  spec.set("routes", std::move(routes));
  ir.set("spec", std::move(spec));
  return ir;
}

Node certificate_object(const Context& ctx, const std::string& host,
                        const std::string& written_host) {
  Node cert = kube::make_object("cert-manager.io/v1", "Certificate", kube::dns1123_label(host));
  label(cert, ctx, ctx.plan.app);
  Node spec = Node::mapping();
  spec.set("secretName", Node::str(tls_secret_name(host)));
  Node issuer = Node::mapping();
  issuer.set("name", Node::str(ctx.profile.ingress.cluster_issuer));
  issuer.set("kind", Node::str("ClusterIssuer"));
  issuer.set("group", Node::str("cert-manager.io"));
  spec.set("issuerRef", std::move(issuer));
  Node names = Node::sequence();
  names.push(Node::str(written_host));
  spec.set("dnsNames", std::move(names));
  cert.set("spec", std::move(spec));
  return cert;
}

void add_certificates(const Context& ctx, Output& out, const std::vector<std::string>& hosts) {
  for (const std::string& h : hosts) {
    std::string file = "certificate-" + kube::dns1123_label(h) + ".yaml";
    out.add_base("base/_app/" + file, certificate_object(ctx, h, h));
    for (const profile::Environment& env : ctx.profile.environments) {
      std::string written = env_host(ctx.profile, env, h);
      if (written == h) continue;
      Node patch = kube::make_object("cert-manager.io/v1", "Certificate", kube::dns1123_label(h));
      Node names = Node::sequence();
      names.push(Node::str(written));
      Node spec = Node::mapping();
      spec.set("dnsNames", std::move(names));
      patch.set("spec", std::move(spec));
      out.add_patch(env.name, "overlays/" + env.name + "/patches/" + file, std::move(patch));
    }
  }
}

void generate_ingressroutes(const Context& ctx, Output& out) {
  std::vector<std::string> all_hosts = route_hosts(ctx.plan);
  if (all_hosts.empty()) return;
  for (const ServicePlan& s : ctx.plan.services) {
    std::vector<std::string> hosts = hosts_of(s);
    std::string compose = s.service ? s.service->name : s.name;
    for (std::size_t i = 0; i < s.routes.size(); ++i) {
      const RoutePlan& r = s.routes[i];
      out.report.add(compose, fmt::format("route[{}]", i), Disposition::Translated,
                     fmt::format("IngressRoute {}: https://{}{} → port {}{}", s.name, r.host,
                                 r.path, r.port_name,
                                 r.strip_prefix ? fmt::format(" with {} stripped", r.path) : ""),
                     r.at);
    }
    for (std::size_t h = 0; h < hosts.size(); ++h) {
      std::string name = route_name(s, h);
      std::string file = route_file(s, h);
      out.add_base("base/" + s.name + "/" + file,
                   ingressroute_object(ctx, s, hosts[h], hosts[h], name));
      for (const profile::Environment& env : ctx.profile.environments) {
        std::string written = env_host(ctx.profile, env, hosts[h]);
        if (written == hosts[h]) continue;
        // Custom resources take JSON merge patches: the routes list is replaced whole.
        Node full = ingressroute_object(ctx, s, hosts[h], written, name);
        Node patch = kube::make_object("traefik.io/v1alpha1", "IngressRoute", name);
        Node spec = Node::mapping();
        spec.set("routes", *full.find("spec")->find("routes"));
        patch.set("spec", std::move(spec));
        out.add_patch(env.name,
                      "overlays/" + env.name + "/patches/" + s.name + "-" + file,
                      std::move(patch));
      }
    }
  }
  out.add_base("base/_app/ingressroute-redirect-https.yaml", redirect_ingressroute(ctx, {}));
  for (const profile::Environment& env : ctx.profile.environments) {
    HostMap moved;
    bool any = false;
    for (const std::string& h : all_hosts) {
      moved[h] = env_host(ctx.profile, env, h);
      any = any || moved[h] != h;
    }
    if (!any) continue;
    Node full = redirect_ingressroute(ctx, moved);
    Node patch = kube::make_object("traefik.io/v1alpha1", "IngressRoute", "redirect-https");
    Node spec = Node::mapping();
    spec.set("routes", *full.find("spec")->find("routes"));
    patch.set("spec", std::move(spec));
    out.add_patch(env.name, "overlays/" + env.name + "/patches/ingressroute-redirect-https.yaml",
                  std::move(patch));
  }
  add_certificates(ctx, out, all_hosts);
}

} // namespace berth::generate::net
