// TLS on the way in: Ingress objects with spec.tls covering their hosts, Traefik IngressRoutes
// with a tls section on a TLS entrypoint (the http→https redirect route excepted).
#include "check/policy/topics.h"

namespace berth::check::policy {

namespace {

constexpr std::string_view kIngress = "ingress-tls-missing";
constexpr std::string_view kIngressRoute = "ingressroute-tls-missing";

const RuleInfo kRules[] = {
    {kIngress, Family::Policy, Area::Security, Severity::Warning, true,
     "An Ingress has no spec.tls, or a rule's host is not covered by it.",
     "Add spec.tls with the hosts and a secretName, and the cert-manager annotation "
     "(cert-manager.io/cluster-issuer) so the certificate is issued and renewed.",
     "Without TLS, credentials and cookies cross the network in clear text, and browsers mark "
     "the site insecure. Polaris (tlsSettingsMissing) warns. A warning rather than an error: "
     "TLS can be terminated in front of the cluster, which the manifest cannot show."},
    {kIngressRoute, Family::Policy, Area::Security, Severity::Warning, true,
     "A Traefik IngressRoute has no tls section or serves only on the plain-HTTP entrypoint.",
     "Use the TLS entrypoint (websecure) with `tls: {secretName: …}` (cert-manager "
     "Certificate) or `tls: {certResolver: …}`; keep `web` only for the redirect to https.",
     "An IngressRoute without `tls` on websecure gets Traefik's self-signed default "
     "certificate; one on `web` (or `http`) alone serves plain HTTP. Routes whose services are "
     "all Traefik internals (noop@internal) or that use a redirect middleware are the "
     "http→https redirect and are not flagged."},
};

bool plain_entrypoint(std::string_view e) {
  return e == "web" || e == "http";
}

// The http→https redirect route: every route ends at a Traefik internal service or passes a
// middleware named like a redirect.
bool redirect_only(const yaml::Node* routes) {
  if (!non_empty(routes)) return false;
  for (const yaml::Node& route : items(routes)) {
    bool redirect = false;
    for (const yaml::Node& m : items(get(route, "middlewares")))
      redirect = redirect || icontains(text_at(&m, "name"), "redirect");
    bool internal = non_empty(get(route, "services"));
    for (const yaml::Node& s : items(get(route, "services")))
      internal = internal && iends_with(text_at(&s, "name"), "@internal");
    if (!redirect && !internal) return false;
  }
  return true;
}

bool covered(std::string_view host, const yaml::Node* tls) {
  for (const yaml::Node& t : items(tls))
    for (const yaml::Node& h : items(get(t, "hosts"))) {
      std::string_view th = text(&h);
      if (th == host) return true;
      // *.example.org covers a.example.org (one label)
      if (th.size() > 2 && th.substr(0, 2) == "*." && host.size() > th.size() - 1 &&
          host.substr(host.size() - (th.size() - 1)) == th.substr(1) &&
          host.substr(0, host.size() - (th.size() - 1)).find('.') == std::string_view::npos)
        return true;
    }
  return false;
}

} // namespace

void ingress_tls_rules(std::vector<RuleInfo>& out) {
  out.insert(out.end(), std::begin(kRules), std::end(kRules));
}

void check_ingress_tls(const Object& object, Context& ctx) {
  const yaml::Node* spec = get(object.root, "spec");
  if (!spec || !spec->is_mapping()) return;
  const yaml::Node* tls = get(spec, "tls");
  if (!non_empty(tls)) {
    if (ctx.enabled(kIngress))
      ctx.report(kIngress, &object.info, spec->loc(),
                 "Ingress " + object.info.name + " has no spec.tls: it serves plain HTTP");
    return;
  }
  for (const yaml::Node& rule : items(get(spec, "rules"))) {
    const yaml::Node* host = get(rule, "host");
    std::string_view h = text(host);
    if (!h.empty() && !covered(h, tls) && ctx.enabled(kIngress))
      ctx.report(kIngress, &object.info, host->loc(),
                 "Ingress " + object.info.name + ": host " + std::string(h) +
                     " is not listed in any spec.tls[].hosts, so it has no certificate");
  }
}

void check_ingressroute_tls(const Object& object, Context& ctx) {
  const yaml::Node* spec = get(object.root, "spec");
  if (!spec || !spec->is_mapping()) return;
  if (redirect_only(get(spec, "routes"))) return;
  const yaml::Node* entry_points = get(spec, "entryPoints");
  bool only_plain = non_empty(entry_points);
  for (const yaml::Node& e : items(entry_points))
    only_plain = only_plain && plain_entrypoint(text(&e));
  const yaml::Node* tls = get(spec, "tls");
  bool has_tls = tls && !tls->is_null();
  if (!ctx.enabled(kIngressRoute)) return;
  if (only_plain)
    ctx.report(kIngressRoute, &object.info, entry_points->loc(),
               "IngressRoute " + object.info.name + " listens only on the plain-HTTP entrypoint " +
                   std::string(text(&entry_points->items().front())) +
                   (has_tls ? "" : " and has no tls section"));
  else if (!has_tls)
    ctx.report(kIngressRoute, &object.info, spec->loc(),
               "IngressRoute " + object.info.name +
                   " has no tls section: Traefik serves it with its self-signed default "
                   "certificate, or not over TLS at all");
}

} // namespace berth::check::policy
