// Plain networking.k8s.io/v1 Ingresses (profile mode "ingress", no prefix stripping), as in
// seed 000's template: Traefik class, websecure entrypoint, TLS by cert-manager.
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

const std::string& mapped(const HostMap& hosts, const std::string& host) {
  auto it = hosts.find(host);
  return it == hosts.end() ? host : it->second;
}

std::vector<std::string> hosts_of(const ServicePlan& s) {
  std::vector<std::string> hosts;
  for (const RoutePlan& r : s.routes)
    if (std::find(hosts.begin(), hosts.end(), r.host) == hosts.end()) hosts.push_back(r.host);
  return hosts;
}

// host → services routing to it, in plan order.
std::map<std::string, std::vector<std::string>> host_users(const AppPlan& plan) {
  std::map<std::string, std::vector<std::string>> users;
  for (const ServicePlan& s : plan.services)
    for (const std::string& h : hosts_of(s)) users[h].push_back(s.name);
  return users;
}

// cert-manager's ingress-shim makes one Certificate per tls secretName of an annotated Ingress;
// two Ingresses naming the same Secret would fight over it. So an Ingress carries the issuer
// annotation only when it is the sole user of all its hosts; shared hosts get an explicit
// Certificate instead.
bool owns_all_hosts(const ServicePlan& s,
                    const std::map<std::string, std::vector<std::string>>& users) {
  for (const std::string& h : hosts_of(s))
    if (users.at(h).size() != 1) return false;
  return true;
}

// The Traefik middleware annotation names middlewares "<namespace>-<name>@kubernetescrd", and
// base does not know the namespace: each overlay adds it.
std::string middlewares_annotation(std::string_view ns) {
  return fmt::format("{0}-security-headers@kubernetescrd,{0}-compress@kubernetescrd", ns);
}

} // namespace

Node ingress_object(const Context& ctx, const ServicePlan& s, const HostMap& hosts,
                    bool issuer_annotation) {
  Node ing = kube::make_object("networking.k8s.io/v1", "Ingress", s.name);
  label(ing, ctx, s.name);
  if (issuer_annotation)
    kube::set_annotation(ing, "cert-manager.io/cluster-issuer", ctx.profile.ingress.cluster_issuer);
  kube::set_annotation(ing, "traefik.ingress.kubernetes.io/router.entrypoints",
                       ctx.profile.ingress.entrypoint);
  kube::set_annotation(ing, "traefik.ingress.kubernetes.io/router.tls", "true");

  Node spec = Node::mapping();
  spec.set("ingressClassName", Node::str(ctx.profile.ingress.class_name));
  Node tls = Node::sequence();
  Node rules = Node::sequence();
  for (const std::string& host : hosts_of(s)) {
    const std::string& written = mapped(hosts, host);
    Node entry = Node::mapping();
    Node names = Node::sequence();
    names.push(Node::str(written));
    entry.set("hosts", std::move(names));
    entry.set("secretName", Node::str(tls_secret_name(host)));
    tls.push(std::move(entry));

    Node paths = Node::sequence();
    for (const RoutePlan& r : s.routes) {
      if (r.host != host) continue;
      Node port = Node::mapping();
      port.set("name", Node::str(r.port_name));
      Node service = Node::mapping();
      service.set("name", Node::str(s.name));
      service.set("port", std::move(port));
      Node backend = Node::mapping();
      backend.set("service", std::move(service));
      Node path = Node::mapping();
      path.set("path", Node::str(r.path));
      path.set("pathType", Node::str("Prefix"));
      path.set("backend", std::move(backend));
      paths.push(std::move(path));
    }
    Node http = Node::mapping();
    http.set("paths", std::move(paths));
    Node rule = Node::mapping();
    rule.set("host", Node::str(written));
    rule.set("http", std::move(http));
    rules.push(std::move(rule));
  }
  spec.set("tls", std::move(tls));
  spec.set("rules", std::move(rules));
  ing.set("spec", std::move(spec));
  return ing;
}

void generate_ingresses(const Context& ctx, Output& out) {
  auto users = host_users(ctx.plan);
  std::vector<std::string> explicit_hosts;
  for (const ServicePlan& s : ctx.plan.services) {
    if (s.routes.empty()) continue;
    bool owner = owns_all_hosts(s, users);
    if (!owner)
      for (const std::string& h : hosts_of(s))
        if (std::find(explicit_hosts.begin(), explicit_hosts.end(), h) == explicit_hosts.end())
          explicit_hosts.push_back(h);
    out.add_base("base/" + s.name + "/ingress.yaml", ingress_object(ctx, s, {}, owner));
    std::string compose = s.service ? s.service->name : s.name;
    for (std::size_t i = 0; i < s.routes.size(); ++i) {
      const RoutePlan& r = s.routes[i];
      out.report.add(compose, fmt::format("route[{}]", i), Disposition::Translated,
                     fmt::format("Ingress {}: https://{}{} → port {} (TLS {})", s.name, r.host,
                                 r.path, r.port_name, tls_secret_name(r.host)),
                     r.at);
    }

    for (const profile::Environment& env : ctx.profile.environments) {
      HostMap hosts;
      bool moved = false;
      for (const std::string& h : hosts_of(s)) {
        hosts[h] = env_host(ctx.profile, env, h);
        moved = moved || hosts[h] != h;
      }
      Node patch = kube::make_object("networking.k8s.io/v1", "Ingress", s.name);
      kube::set_annotation(patch, "traefik.ingress.kubernetes.io/router.middlewares",
                           middlewares_annotation(profile::namespace_for(env, ctx.plan.app)));
      if (moved) {
        Node full = ingress_object(ctx, s, hosts, owner);
        patch.set("spec", *full.find("spec"));
      }
      out.add_patch(env.name, "overlays/" + env.name + "/patches/" + s.name + "-ingress.yaml",
                    std::move(patch));
    }
  }
  add_certificates(ctx, out, explicit_hosts);
  if (!ctx.plan.services.empty() && !route_hosts(ctx.plan).empty())
    out.report.add("", "ingress.redirect-https", Disposition::Manual,
                   "Ingresses serve the websecure entrypoint only: make Traefik redirect HTTP to "
                   "HTTPS for the whole cluster (K3s HelmChartConfig: "
                   "ports.web.redirections.entryPoint.to: websecure)");
}

} // namespace berth::generate::net
