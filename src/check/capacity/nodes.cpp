// Node capacity (only with --cluster): each pod fits a node, and all requests at maximum
// replicas fit capacity × nodes; the totals are reported as headroom.
#include <algorithm>
#include <optional>
#include <unordered_map>

#include "check/capacity/checks.h"
#include "check/capacity/usage.h"
#include "check/index_quantity.h"
#include "model/quantity.h"

namespace berth::check::capacity {

namespace {

struct Biggest {
  const ObjectInfo* object = nullptr;
  std::int64_t total = 0;
  std::string text;
};

} // namespace

void check_nodes(const Lookup& l, Context& ctx) {
  const profile::Profile* profile = ctx.profile();
  if (!profile) return;
  std::int64_t nodes = std::max<std::int64_t>(profile->capacity.nodes, 1);
  std::array<std::optional<std::int64_t>, 2> node{model::quantity_millis(profile->capacity.cpu),
                                                  model::quantity_bytes(profile->capacity.memory)};
  if (!node[kCpu] && !node[kMemory]) return;

  // Steady state (HPAs at minReplicas) decides errors; fully scaled out is reported too.
  std::array<std::int64_t, 2> requests{}, limits{}, requests_max{}, limits_max{};
  std::array<std::vector<Biggest>, 2> by;
  std::unordered_map<std::string, const LimitItem*> defaults; // per namespace, looked up once
  for (const PodsFacts& p : l.data().pods) {
    const std::string& ns = l.ns(*p.object);
    auto lr = defaults.find(ns);
    if (lr == defaults.end()) lr = defaults.emplace(ns, container_defaults(l, ns)).first;
    PodUsage pu = pod_usage(p, lr->second);
    PodCount pc = pod_count(l, p, ns, profile, Scaling::Min);
    PodCount max = pod_count(l, p, ns, profile, Scaling::Max);
    for (std::size_t i = 0; i < 2; ++i) {
      Resource r = static_cast<Resource>(i);
      requests[r] = add_sat(requests[r], mul_sat(pu.request[r], pc.count));
      limits[r] = add_sat(limits[r], mul_sat(pu.limit[r], pc.count));
      requests_max[r] = add_sat(requests_max[r], mul_sat(pu.request[r], max.count));
      limits_max[r] = add_sat(limits_max[r], mul_sat(pu.limit[r], max.count));
      if (pu.request[r])
        by[r].push_back({p.object, mul_sat(pu.request[r], pc.count),
                         p.object->display() + " " + std::to_string(pc.count) + " x " +
                             format_amount(r, pu.request[r])});
      if (node[r] && pu.request[r] > *node[r])
        ctx.report("node-capacity-exceeded", p.object, p.spec_loc,
                   "one pod of " + p.object->display() + " requests " +
                       format_amount(r, pu.request[r]) + " " + std::string(kResourceName[r]) +
                       " but a node has " + format_amount(r, *node[r]) +
                       ": it can never be scheduled");
    }
  }

  auto figure = [](Resource r, std::int64_t used, std::int64_t max, std::int64_t cap) {
    std::string out =
        format_amount(r, used) + "/" + format_amount(r, cap) + " (" + format_percent(used, cap);
    if (max != used)
      out += "; " + format_amount(r, max) + " at HPA max, " + format_percent(max, cap);
    return out + ")";
  };
  std::string totals;
  for (std::size_t i = 0; i < 2; ++i) {
    Resource r = static_cast<Resource>(i);
    if (!node[r]) continue;
    std::int64_t cap = mul_sat(*node[r], nodes);
    std::string name(kResourceName[r]);
    totals += (totals.empty() ? "" : ", ") + std::string("requests.") + name + " " +
              figure(r, requests[r], requests_max[r], cap) + ", limits." + name + " " +
              figure(r, limits[r], limits_max[r], cap);
    if (requests[r] <= cap) continue;
    std::stable_sort(by[r].begin(), by[r].end(),
                     [](const Biggest& a, const Biggest& b) { return a.total > b.total; });
    std::string who;
    for (std::size_t k = 0; k < by[r].size() && k < 3; ++k)
      who += (k ? ", " : "") + by[r][k].text;
    ctx.report("node-capacity-exceeded", nullptr, {},
               "all workloads request " + format_amount(r, requests[r]) + " " + name +
                   " but the cluster has " + format_amount(r, cap) + " (" + std::to_string(nodes) +
                   " node(s) x " + format_amount(r, *node[r]) + "); largest: " + who);
  }
  bool oom = node[kMemory] && limits_max[kMemory] > mul_sat(*node[kMemory], nodes);
  ctx.report("node-capacity-headroom", nullptr, {},
             "cluster of " + std::to_string(nodes) + " node(s): " + totals +
                 (oom ? "; memory limits beyond capacity mean OOM kills under pressure" : ""));
}

} // namespace berth::check::capacity
