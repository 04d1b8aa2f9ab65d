// HPA → workload: the scale target exists, and utilization metrics have requests to divide by.
#include "check/reference/checks.h"

namespace berth::check::reference {

namespace {

bool scales_pods(std::string_view kind) {
  return kind == "Deployment" || kind == "StatefulSet" || kind == "ReplicaSet" ||
         kind == "ReplicationController";
}

constexpr std::string_view kResourceName[] = {"cpu", "memory", "ephemeral-storage"};

// Containers whose request for `r` is missing: not written, not defaulted from a limit (the API
// server copies limits into missing requests) and not given by a LimitRange of the namespace.
std::string missing_requests(const Lookup& l, const PodsFacts& w, const HpaFacts::Metric& m) {
  bool defaulted = false;
  for (const LimitItem* item : l.container_limits(l.ns(*w.object)))
    defaulted = defaulted || item->default_request[m.resource].set;
  if (defaulted) return {};
  std::string out;
  for (const ContainerFacts& c : w.containers) {
    if (c.init && !c.sidecar) continue;
    if (!m.container.empty() && c.name != m.container) continue;
    if (c.requests[m.resource].set || c.limits[m.resource].set) continue;
    out += (out.empty() ? "\"" : ", \"") + c.name + "\"";
  }
  return out;
}

} // namespace

void check_autoscaling(const Lookup& l, Context& ctx) {
  for (const HpaFacts& h : l.data().hpas) {
    if (h.target_kind.empty() || h.target_name.empty()) continue;
    const std::string& ns = l.ns(*h.object);
    std::string target = h.target_kind + "/" + h.target_name;
    const PodsFacts* w =
        scales_pods(h.target_kind) ? l.workload(h.target_kind, ns, h.target_name) : nullptr;
    bool exists = w || (!scales_pods(h.target_kind) && l.find(h.target_kind, ns, h.target_name));
    if (!exists) {
      if (expect_kind(l, ctx, h.target_kind))
        ctx.report("hpa-target-missing", h.object, h.target_loc,
                   "scaleTargetRef " + target + " is not in " + describe_namespace(ns));
      continue;
    }
    if (!w) continue;
    for (const HpaFacts::Metric& m : h.utilization) {
      std::string missing = missing_requests(l, *w, m);
      if (missing.empty()) continue;
      std::string_view r = kResourceName[m.resource];
      ctx.report("hpa-target-no-requests", h.object, m.loc,
                 std::string(r) + " utilization needs resources.requests." + std::string(r) +
                     " on the containers of " + target + "; missing on " + missing,
                 "Set resources.requests." + std::string(r) + " on container " + missing + " of " +
                     target + ".");
    }
  }
}

} // namespace berth::check::reference
