// Internal interface of the network generator (services, ingress, middlewares, policies):
// the individual rules, exposed so each can be unit-tested on hand-built plans.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "generate/context.h"
#include "yaml/node.h"

namespace berth::generate::net {

// --- shared helpers (network.cpp) ----------------------------------------------------------
// The plan of the service whose Kubernetes name is `name`; nullptr when absent.
const ServicePlan* by_name(const AppPlan& plan, std::string_view name);
// metadata.labels = standard labels of `service` (the app itself for app-wide objects).
void label(yaml::Node& object, const Context& ctx, std::string_view service);
// "api.example.org" → "api-example-org-tls": one TLS Secret per host, shared by its routes.
std::string tls_secret_name(std::string_view host);
// The host a route gets in `env`: the profile's host_prefix inserted before the domain
// ("api.example.org" → "api.staging.example.org"); hosts outside the domain get it in front.
std::string env_host(const profile::Profile& p, const profile::Environment& env,
                     std::string_view host);
// True when routes are rendered as Traefik IngressRoutes (profile mode "ingressroute", or any
// route strips a prefix: plain Ingress cannot, and mixing both kinds on one host would make two
// owners for one certificate).
bool uses_ingressroute(const Context& ctx);
// Hosts in first-use order.
std::vector<std::string> route_hosts(const AppPlan& plan);

// NetworkPolicy pieces (network_policy.cpp), shared with the backup generator's policies.
yaml::Node match_labels(const std::map<std::string, std::string>& labels); // {matchLabels: ...}
yaml::Node pods_of(const Context& ctx, std::string_view service); // {podSelector: <service>}
yaml::Node port_entry(const std::string& protocol, int port);     // {protocol, port}

// --- Services (services.cpp) ---------------------------------------------------------------
yaml::Node service_object(const Context& ctx, const ServicePlan& s);
yaml::Node headless_service_object(const Context& ctx, const ServicePlan& s);
void generate_services(const Context& ctx, Output& out);

// --- Ingress (ingress.cpp) -----------------------------------------------------------------
// `hosts` maps a plan host to the host written (identity in base, env_host in overlays).
using HostMap = std::map<std::string, std::string>;
yaml::Node ingress_object(const Context& ctx, const ServicePlan& s, const HostMap& hosts,
                          bool issuer_annotation);
void generate_ingresses(const Context& ctx, Output& out);

// --- IngressRoute (ingressroute.cpp) -------------------------------------------------------
// One IngressRoute per (service, host): IngressRoute TLS names one Secret.
yaml::Node ingressroute_object(const Context& ctx, const ServicePlan& s, const std::string& host,
                               const std::string& written_host, const std::string& name);
yaml::Node redirect_ingressroute(const Context& ctx, const HostMap& hosts);
yaml::Node certificate_object(const Context& ctx, const std::string& host,
                              const std::string& written_host);
// Certificate per host (base/_app) + overlay patches of its dnsNames where the host moves.
void add_certificates(const Context& ctx, Output& out, const std::vector<std::string>& hosts);
void generate_ingressroutes(const Context& ctx, Output& out);

// --- Middlewares (middlewares.cpp) ---------------------------------------------------------
std::string strip_middleware_name(const ServicePlan& s, std::size_t route_index);
yaml::Node strip_prefix_middleware(const Context& ctx, const ServicePlan& s,
                                   std::size_t route_index);
yaml::Node security_headers_middleware(const Context& ctx);
yaml::Node redirect_https_middleware(const Context& ctx);
yaml::Node compress_middleware(const Context& ctx);
yaml::Node rate_limit_middleware(const Context& ctx);
void generate_middlewares(const Context& ctx, Output& out);

// --- NetworkPolicies (network_policy.cpp) --------------------------------------------------
yaml::Node default_deny_policy(const Context& ctx);
yaml::Node allow_dns_policy(const Context& ctx);
// Services sharing a non-default Compose network with `s` (Kubernetes names, sorted).
std::vector<std::string> network_peers(const Context& ctx, const ServicePlan& s);
// nullopt-like: a null node when the service neither receives nor sends anything.
yaml::Node service_policy(const Context& ctx, const ServicePlan& s);
void generate_network_policies(const Context& ctx, Output& out);

} // namespace berth::generate::net
