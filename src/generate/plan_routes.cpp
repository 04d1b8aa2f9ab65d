// HTTP routes of each service: x-berth.ingress entries, else its published HTTP ports.
#include <set>

#include "common/error.h"
#include "generate/plan_detail.h"

namespace berth::generate::detail {

namespace {

std::string ports_list(const ServicePlan& sp) {
  std::string out;
  for (const PortPlan& p : sp.ports) {
    if (!out.empty()) out += ", ";
    out += std::to_string(p.port);
    if (p.protocol != "TCP") out += "/" + p.protocol;
  }
  return out.empty() ? "none" : out;
}

void explicit_routes(AppPlan& plan, ServicePlan& sp, Report& report) {
  const model::Service& s = *sp.service;
  for (const model::IngressRoute& r : s.x_berth->ingress) {
    const PortPlan* p = nullptr;
    for (const PortPlan& q : sp.ports)
      if (q.port == r.port && q.protocol == "TCP") p = &q;
    if (!p)
      throw Error(r.at.loc, "x-berth.ingress of service " + s.name + ": port " +
                                std::to_string(r.port) + " is not a TCP port of the service (its "
                                "ports: " + ports_list(sp) + "); route to one of them or add it to "
                                "`ports`/`expose`");
    RoutePlan route;
    route.port = p->port;
    route.port_name = p->name;
    route.host = r.host.empty() ? plan.host : r.host;
    route.path = r.path.empty() ? "/" : r.path;
    route.strip_prefix = r.strip_prefix;
    route.at = r.at.loc;
    sp.routes.push_back(std::move(route));
  }
  report.add(s.name, "x-berth.ingress", Disposition::Translated,
             std::to_string(sp.routes.size()) + " route(s)", s.x_berth->at.loc);
}

// Without x-berth.ingress, what Compose publishes on the host is what users reach: HTTP ports
// of application services get a route on <service>.<domain>; data stores and other protocols
// are never exposed publicly.
void implicit_routes(ServicePlan& sp, const profile::Profile& profile, Report& report) {
  const model::Service& s = *sp.service;
  std::set<std::pair<int, std::string>> seen;
  for (const model::Port& cp : s.ports) {
    if (!cp.is_published()) continue;
    const PortPlan* p = nullptr;
    for (const PortPlan& q : sp.ports)
      if (q.port == cp.target && q.protocol == kube_protocol(cp.protocol)) p = &q;
    if (!p || !seen.insert({p->port, p->protocol}).second) continue;
    std::string what = std::to_string(p->port) + "/" + p->protocol;
    if (!p->http) {
      report.add(s.name, "ports", Disposition::Dropped,
                 "published non-HTTP port " + what + ": reach it with kubectl port-forward or a "
                 "LoadBalancer Service", cp.at.loc);
      continue;
    }
    if (sp.family != DataFamily::None) {
      report.add(s.name, "ports", Disposition::Manual,
                 "published port " + what + " of a " + to_string(sp.family) + " data store is "
                 "not routed publicly: use kubectl port-forward, or add x-berth.ingress", cp.at.loc);
      continue;
    }
    RoutePlan route;
    route.port = p->port;
    route.port_name = p->name;
    route.host = sp.name + "." + profile.ingress.domain;
    route.at = cp.at.loc;
    report.add(s.name, "ports", Disposition::Inferred,
               "published HTTP port " + what + " → route https://" + route.host + "/", cp.at.loc);
    sp.routes.push_back(std::move(route));
  }
}

} // namespace

void plan_routes(AppPlan& plan, const profile::Profile& profile, Report& report) {
  for (ServicePlan& sp : plan.services) {
    if (sp.service->x_berth && !sp.service->x_berth->ingress.empty())
      explicit_routes(plan, sp, report);
    else
      implicit_routes(sp, profile, report);
    if (!sp.routes.empty() && !sp.ports.empty()) sp.needs_service = true;
  }
}

} // namespace berth::generate::detail
