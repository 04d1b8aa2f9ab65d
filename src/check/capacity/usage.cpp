// Container and pod resource usage after defaulting, and pod counts per workload.
#include "check/capacity/usage.h"

#include <algorithm>

#include "check/index_quantity.h"

namespace berth::check::capacity {

std::string format_amount(Resource r, std::int64_t value) {
  return r == kCpu ? format_cpu(value) : format_bytes(value);
}

ContainerUsage container_usage(const ContainerFacts& c, const LimitItem* lr) {
  ContainerUsage u;
  u.container = &c;
  for (std::size_t r = 0; r < kResourceCount; ++r) {
    Effective& req = u.request[r];
    Effective& lim = u.limit[r];
    if (c.limits[r].set) lim = Effective{c.limits[r].value, true, false, c.limits[r].loc};
    if (c.requests[r].set)
      req = Effective{c.requests[r].value, true, false, c.requests[r].loc};
    else if (lim.set)
      req = Effective{lim.value, true, false, lim.loc}; // API defaulting
    if (!lr) continue;
    if (!lim.set && lr->default_limit[r].set)
      lim = Effective{lr->default_limit[r].value, true, true, c.loc};
    if (!req.set && lr->default_request[r].set)
      req = Effective{lr->default_request[r].value, true, true, c.loc};
  }
  return u;
}

PodUsage pod_usage(const PodsFacts& p, const LimitItem* lr) {
  PodUsage u;
  std::vector<kube::ContainerAmounts> amounts;
  amounts.reserve(p.containers.size());
  for (const ContainerFacts& c : p.containers) {
    ContainerUsage cu = container_usage(c, lr);
    kube::ContainerAmounts& a = amounts.emplace_back();
    a.init = c.init;
    a.sidecar = c.sidecar;
    bool defaulted = false;
    for (std::size_t r = 0; r < kResourceCount; ++r) {
      defaulted = defaulted || cu.request[r].from_limit_range || cu.limit[r].from_limit_range;
      a.request[r] = cu.request[r].value;
      a.limit[r] = cu.limit[r].value;
    }
    u.defaulted += defaulted ? 1 : 0;
    u.containers.push_back(cu);
  }
  kube::PodTotals t = kube::pod_totals(amounts);
  u.request = t.request;
  u.limit = t.limit;
  return u;
}

PodCount pod_count(const Lookup& l, const PodsFacts& p, std::string_view ns,
                   const profile::Profile* profile, Scaling scaling) {
  switch (p.scale) {
  case Scale::Single:
    return {1, ""};
  case Scale::PerNode: {
    std::int64_t nodes = profile ? std::max<std::int64_t>(profile->capacity.nodes, 1) : 1;
    return {nodes, std::to_string(nodes) + (nodes == 1 ? " node" : " nodes")};
  }
  case Scale::Parallelism:
    return {p.replicas, p.replicas_set ? "parallelism" : ""};
  case Scale::Replicas:
    break;
  }
  // In a raw tree an overlay's patch, not the base, says how many replicas run in `ns`.
  std::optional<std::int64_t> patched = l.patched_replicas(p, ns);
  PodCount out{patched.value_or(p.replicas), patched ? "overlay patch" : "", false};
  for (const HpaFacts* h : l.hpas_of(p)) {
    if (!counts_in(l.ns(*h->object), ns) || h->max <= 0) continue;
    std::int64_t n = scaling == Scaling::Max ? h->max : std::min(h->min, h->max);
    out.count = out.hpa ? std::max(out.count, n) : n; // the HPA overrides spec.replicas
    out.hpa = true;
  }
  if (out.hpa) out.why = scaling == Scaling::Max ? "HPA max" : "HPA min";
  return out;
}

const LimitItem* container_defaults(const Lookup& l, std::string_view ns) {
  std::vector<const LimitItem*> items = l.container_limits(ns);
  return items.empty() ? nullptr : items.front();
}

} // namespace berth::check::capacity
