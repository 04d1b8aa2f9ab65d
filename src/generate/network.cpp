// generate_network: Services, routes (Ingress or IngressRoute + Middlewares) and
// NetworkPolicies, plus the helpers they share.
#include "generate/network.h"

#include <algorithm>

#include "kube/names.h"
#include "kube/object.h"

namespace berth::generate {

namespace net {

const ServicePlan* by_name(const AppPlan& plan, std::string_view name) {
  for (const ServicePlan& s : plan.services)
    if (s.name == name) return &s;
  return nullptr;
}

void label(yaml::Node& object, const Context& ctx, std::string_view service) {
  for (const auto& [k, v] : kube::standard_labels(ctx.plan.app, service))
    kube::set_label(object, k, v);
}

std::string tls_secret_name(std::string_view host) {
  // 63 - "-tls": the Secret name stays a valid label whatever the host length.
  return kube::dns1123_label(host, 59) + "-tls";
}

std::string env_host(const profile::Profile& p, const profile::Environment& env,
                     std::string_view host) {
  if (env.host_prefix.empty()) return std::string(host);
  const std::string& domain = p.ingress.domain;
  if (!domain.empty()) {
    if (host == domain) return env.host_prefix + domain;
    if (host.size() > domain.size() + 1 && host.ends_with(domain) &&
        host[host.size() - domain.size() - 1] == '.') {
      std::string_view label = host.substr(0, host.size() - domain.size());
      return std::string(label) + env.host_prefix + domain;
    }
  }
  return env.host_prefix + std::string(host);
}

bool uses_ingressroute(const Context& ctx) {
  if (ctx.profile.ingress.mode == "ingressroute") return true;
  for (const ServicePlan& s : ctx.plan.services)
    for (const RoutePlan& r : s.routes)
      if (r.strip_prefix) return true;
  return false;
}

std::vector<std::string> route_hosts(const AppPlan& plan) {
  std::vector<std::string> hosts;
  for (const ServicePlan& s : plan.services)
    for (const RoutePlan& r : s.routes)
      if (std::find(hosts.begin(), hosts.end(), r.host) == hosts.end()) hosts.push_back(r.host);
  return hosts;
}

} // namespace net

void generate_network(const Context& ctx, Output& out) {
  net::generate_services(ctx, out);
  net::generate_middlewares(ctx, out);
  if (net::uses_ingressroute(ctx))
    net::generate_ingressroutes(ctx, out);
  else
    net::generate_ingresses(ctx, out);
  net::generate_network_policies(ctx, out);
}

} // namespace berth::generate
