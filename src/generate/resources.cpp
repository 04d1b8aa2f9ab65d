// Container requests/limits from deploy.resources, with the profile's LimitRange defaults.
#include <algorithm>
#include <cctype>
#include <charconv>

#include "compose/units.h"
#include "generate/workloads.h"
#include "model/quantity.h"

namespace berth::generate::workloads {

using yaml::Node;

const profile::LimitRange* default_limit_range(const profile::Profile& profile) {
  const profile::LimitRange* best = nullptr;
  std::int64_t best_bytes = 0;
  for (const auto& env : profile.environments) {
    auto bytes = model::quantity_bytes(env.limit_range.default_limit.memory);
    if (!bytes) continue;
    if (!best || *bytes < best_bytes) {
      best = &env.limit_range;
      best_bytes = *bytes;
    }
  }
  if (!best && !profile.environments.empty()) best = &profile.environments.front().limit_range;
  return best;
}

std::optional<std::int64_t> cpu_millis(std::string_view q) { return model::quantity_millis(q); }

namespace {

// One of cpu/memory: Compose value if given, else the LimitRange default, kept consistent so
// that request <= limit.
struct Pair {
  std::optional<std::int64_t> request, limit;
  bool request_inferred = false, limit_inferred = false;
};

Pair fill(std::optional<std::int64_t> request, std::optional<std::int64_t> limit,
          std::optional<std::int64_t> default_request, std::optional<std::int64_t> default_limit) {
  Pair p{request, limit};
  if (!p.request && default_request) {
    p.request = p.limit ? std::min(*default_request, *p.limit) : *default_request;
    p.request_inferred = true;
  }
  if (!p.limit && default_limit) {
    p.limit = p.request ? std::max(*default_limit, *p.request) : *default_limit;
    p.limit_inferred = true;
  }
  return p;
}

} // namespace

Node container_resources(const model::Service& s, const profile::Profile& profile,
                         Report& report) {
  const auto& res = s.deploy.resources;
  const profile::LimitRange* lr = default_limit_range(profile);
  std::optional<std::int64_t> dreq_cpu, dlim_cpu, dreq_mem, dlim_mem;
  if (lr) {
    dreq_cpu = cpu_millis(lr->default_request.cpu);
    dlim_cpu = cpu_millis(lr->default_limit.cpu);
    dreq_mem = model::quantity_bytes(lr->default_request.memory);
    dlim_mem = model::quantity_bytes(lr->default_limit.memory);
  }
  Pair cpu = fill(res.reservations.cpu_milli, res.limits.cpu_milli, dreq_cpu, dlim_cpu);
  Pair mem = fill(res.reservations.memory_bytes, res.limits.memory_bytes, dreq_mem, dlim_mem);

  Node requests = Node::mapping();
  if (cpu.request) requests.set("cpu", Node::str(compose::millicores_to_quantity(*cpu.request)));
  if (mem.request) requests.set("memory", Node::str(compose::bytes_to_quantity(*mem.request)));
  Node limits = Node::mapping();
  if (cpu.limit) limits.set("cpu", Node::str(compose::millicores_to_quantity(*cpu.limit)));
  if (mem.limit) limits.set("memory", Node::str(compose::bytes_to_quantity(*mem.limit)));
  Node out = Node::mapping();
  if (requests.size()) out.set("requests", std::move(requests));
  if (limits.size()) out.set("limits", std::move(limits));

  const std::string& svc = s.name;
  if (res.reservations.cpu_milli || res.reservations.memory_bytes)
    report.add(svc, "deploy.resources.reservations", Disposition::Translated,
               "resources.requests");
  if (res.limits.cpu_milli || res.limits.memory_bytes)
    report.add(svc, "deploy.resources.limits", Disposition::Translated, "resources.limits");
  std::vector<std::string> inferred;
  if (cpu.request_inferred) inferred.push_back("requests.cpu");
  if (mem.request_inferred) inferred.push_back("requests.memory");
  if (cpu.limit_inferred) inferred.push_back("limits.cpu");
  if (mem.limit_inferred) inferred.push_back("limits.memory");
  if (!inferred.empty()) {
    std::string list;
    for (const auto& f : inferred) list += (list.empty() ? "" : ", ") + f;
    report.add(svc, "deploy.resources", Disposition::Inferred,
               list + " from the profile's LimitRange defaults (smallest environment); tune "
                      "them to the service's real usage");
  }
  if (!lr)
    report.add(svc, "deploy.resources", Disposition::Manual,
               "the profile has no environment LimitRange to take default requests/limits "
               "from; set resources by hand");
  if (res.limits.pids || res.reservations.pids)
    report.add(svc, "deploy.resources.limits.pids", Disposition::Dropped,
               "Kubernetes limits PIDs per pod only through the kubelet's podPidsLimit "
               "(node configuration)");
  if (!res.reservations.devices.empty() || !res.limits.devices.empty())
    report.add(svc, "deploy.resources.reservations.devices", Disposition::Dropped,
               "devices (GPUs) need a device plugin; request e.g. nvidia.com/gpu in "
               "resources.limits by hand");
  return out;
}

} // namespace berth::generate::workloads
