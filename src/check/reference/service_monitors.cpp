// ServiceMonitor → Services: the selector (in the watched namespaces) matches a Service, and
// every endpoint port is one of its port names.
#include <algorithm>

#include "check/reference/checks.h"

namespace berth::check::reference {

namespace {

std::string watched(const ServiceMonitorFacts& sm, const std::string& own) {
  if (sm.any_namespace) return "any namespace";
  if (sm.namespaces.empty()) return describe_namespace(own);
  std::string out = "namespaces ";
  for (std::size_t i = 0; i < sm.namespaces.size(); ++i)
    out += (i ? ", " : "") + sm.namespaces[i];
  return out;
}

std::string port_names(const ServiceFacts& s) {
  std::string out;
  for (const ServicePortFact& p : s.ports) {
    if (!out.empty()) out += ", ";
    out += p.name.empty() ? "(unnamed " + std::to_string(p.port) + ")" : p.name;
  }
  return out.empty() ? "none" : out;
}

} // namespace

void check_service_monitors(const Lookup& l, Context& ctx) {
  if (!expect_kind(l, ctx, "Service")) return;
  for (const ServiceMonitorFacts& sm : l.data().service_monitors) {
    if (!sm.selector.readable) continue;
    const std::string& own = l.ns(*sm.object);
    std::vector<const ServiceFacts*> services;
    if (sm.any_namespace) {
      services = l.services_matching("", sm.selector); // "" can be any namespace
    } else if (sm.namespaces.empty()) {
      services = l.services_matching(own, sm.selector);
    } else {
      for (const std::string& n : sm.namespaces)
        for (const ServiceFacts* s : l.services_matching(n, sm.selector))
          services.push_back(s);
      // Input order, each once (Services without a namespace match every listed name).
      std::sort(services.begin(), services.end());
      services.erase(std::unique(services.begin(), services.end()), services.end());
    }
    if (services.empty()) {
      if (l.operator_managed(sm.selector)) continue; // Services an operator creates
      ctx.report("servicemonitor-selector-no-match", sm.object, sm.selector.loc,
                 "selector " + describe_selector(sm.selector) + " matches no Service in " +
                     watched(sm, own) + " (it selects Service labels, not pod labels)");
      continue;
    }
    for (const ServiceMonitorFacts::Endpoint& e : sm.endpoints) {
      bool found = std::any_of(services.begin(), services.end(), [&](const ServiceFacts* s) {
        return std::any_of(s->ports.begin(), s->ports.end(),
                           [&](const ServicePortFact& p) { return p.name == e.port; });
      });
      if (!found)
        ctx.report("servicemonitor-port-missing", sm.object, e.loc,
                   "endpoint port \"" + e.port + "\" is not a port name of Service \"" +
                       services.front()->object->name +
                       "\" (ports: " + port_names(*services.front()) + ")");
    }
  }
}

} // namespace berth::check::reference
