// Service → pods: the selector matches a pod template, and targetPorts exist on its containers.
#include <algorithm>

#include "check/reference/checks.h"

namespace berth::check::reference {

namespace {

// Containers that run next to the app (init containers that finish do not serve traffic).
bool serving(const ContainerFacts& c) {
  return !c.init || c.sidecar;
}

std::string port_list(const PodsFacts& p) {
  std::string out;
  for (const ContainerFacts& c : p.containers) {
    if (!serving(c)) continue;
    for (const PortFact& port : c.ports) {
      if (!out.empty()) out += ", ";
      out += port.name.empty() ? std::to_string(port.number)
                               : port.name + " " + std::to_string(port.number);
    }
  }
  return out.empty() ? "none" : out;
}

// The pod template sharing most label pairs (or keys) with the selector: the likely target,
// named in the fix. nullptr when none shares even a key.
const PodsFacts* closest(const Lookup& l, std::string_view ns, const Selector& s) {
  const PodsFacts* best = nullptr;
  int best_score = 0;
  for (const PodsFacts* p : l.pods_in(ns)) {
    int score = 0;
    for (const auto& [k, v] : s.match_labels)
      for (const auto& [pk, pv] : p->labels)
        if (pk == k) score += pv == v ? 2 : 1;
    if (score > best_score) {
      best = p;
      best_score = score;
    }
  }
  return best;
}

void check_ports(const ServiceFacts& svc, const std::vector<const PodsFacts*>& pods, Context& ctx) {
  for (const ServicePortFact& sp : svc.ports) {
    bool named = !sp.target_name.empty();
    bool found = false, all_declare = true;
    for (const PodsFacts* p : pods) {
      bool declares = false;
      for (const ContainerFacts& c : p->containers) {
        if (!serving(c)) continue;
        declares = declares || !c.ports.empty();
        for (const PortFact& port : c.ports)
          if (named ? port.name == sp.target_name : port.number == sp.target_number) found = true;
      }
      all_declare = all_declare && declares;
    }
    if (found) continue;
    std::string target = named ? "\"" + sp.target_name + "\"" : std::to_string(sp.target_number);
    std::string owners;
    for (std::size_t i = 0; i < pods.size() && i < 3; ++i)
      owners += (i ? "; " : "") + pods[i]->object->display() + " (" + port_list(*pods[i]) + ")";
    if (pods.size() > 3) owners += "; ...";
    if (named) {
      ctx.report("service-target-port-missing", svc.object, sp.target_loc,
                 "targetPort " + target + " of port " + std::to_string(sp.port) +
                     " is not a port name of the selected containers: " + owners,
                 "Name the container port " + target + " or set targetPort to its number.");
    } else if (all_declare) {
      ctx.report("service-target-port-undeclared", svc.object, sp.target_loc,
                 "targetPort " + target + " of port " + std::to_string(sp.port) +
                     " is not declared by the selected containers: " + owners);
    }
  }
}

} // namespace

void check_services(const Lookup& l, Context& ctx) {
  if (!ctx.options().complete && l.data().pods.empty()) return;
  for (const ServiceFacts& svc : l.data().services) {
    if (!svc.selector.present || !svc.selector.readable || svc.selector.empty()) continue;
    if (svc.type == "ExternalName") continue;
    const std::string& ns = l.ns(*svc.object);
    std::vector<const PodsFacts*> pods = l.pods_matching(ns, svc.selector);
    if (pods.empty()) {
      if (l.operator_managed(svc.selector)) continue; // an operator's pods, not in the set
      std::string fix;
      if (const PodsFacts* near = closest(l, ns, svc.selector))
        fix = "The pods of " + near->object->display() + " are labelled " +
              describe_labels(near->labels) + "; make the selector a subset of those labels.";
      ctx.report("service-selector-no-match", svc.object, svc.selector.loc,
                 "selector " + describe_selector(svc.selector) + " matches no pod template in " +
                     describe_namespace(ns),
                 fix);
      continue;
    }
    check_ports(svc, pods, ctx);
  }
}

} // namespace berth::check::reference
