// Caps each environment's HPA maxReplicas to what its ResourceQuota admits at full scale-out,
// counting the namespace's needs exactly as `berth check`'s capacity rules do (kube/pod_usage.h),
// so the autoscaler is never promised pods that quota admission would reject.
//
// Requests and limits both count: the quota sets both, admission rejects a pod that breaks
// either, so whichever entry runs out first binds. Rollout surge is not counted: the HPA's
// maximum is a peak, and a surge pod the quota refuses at that peak only delays the rollout
// (maxUnavailable 0 keeps every old pod serving; the controller retries as soon as the HPA
// scales down), while reserving it would cost 25 % of the maximum at all times. It is also what
// `berth check` holds the maximum to (quota-exceeded-at-hpa-max counts no surge).
#include <algorithm>
#include <array>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "generate/availability.h"
#include "kube/pod_usage.h"
#include "model/quantity.h"

namespace berth::generate::availability {

namespace {

using yaml::Node;

constexpr const char* kResource[] = {"cpu", "memory", "ephemeral-storage"};

const Node* at(const Node* n, std::string_view key) {
  return n ? n->find(key) : nullptr;
}
Node* at(Node* n, std::string_view key) {
  return n ? n->find(key) : nullptr;
}

std::optional<std::int64_t> amount(const Node* n, std::size_t r) {
  if (!n || !n->is_scalar()) return std::nullopt;
  return r == 0 ? model::quantity_millis(n->value()) : model::quantity_bytes(n->value());
}
std::optional<std::int64_t> amount(const std::string& text, std::size_t r) {
  if (text.empty()) return std::nullopt;
  return r == 0 ? model::quantity_millis(text) : model::quantity_bytes(text);
}

std::optional<std::int64_t> count(const Node* n) {
  if (!n || !n->is_scalar()) return std::nullopt;
  auto v = n->as_int();
  if (!v || *v < 0) return std::nullopt;
  return v;
}

// The LimitRange defaults the API server gives containers of the environment's namespace.
struct Defaults {
  std::array<std::optional<std::int64_t>, kube::kPodResources> request, limit;
};

Defaults defaults_of(const profile::Environment& env) {
  const profile::LimitRange& lr = env.limit_range;
  Defaults d;
  d.request[0] = amount(lr.default_request.cpu, 0);
  d.request[1] = amount(lr.default_request.memory, 1);
  d.limit[0] = amount(lr.default_limit.cpu, 0);
  d.limit[1] = amount(lr.default_limit.memory, 1);
  return d;
}

// A container after defaulting: a missing request takes the container's limit, then the
// LimitRange fills what is still missing (the order of API defaulting and admission).
kube::ContainerAmounts container_amounts(const Node& c, bool init, const Defaults& d) {
  kube::ContainerAmounts a;
  a.init = init;
  a.sidecar = init && c.text("restartPolicy") == "Always";
  const Node* res = at(&c, "resources");
  for (std::size_t r = 0; r < kube::kPodResources; ++r) {
    std::optional<std::int64_t> lim = amount(at(at(res, "limits"), kResource[r]), r);
    std::optional<std::int64_t> req = amount(at(at(res, "requests"), kResource[r]), r);
    if (!req) req = lim;
    if (!lim) lim = d.limit[r];
    if (!req) req = d.request[r];
    a.request[r] = req.value_or(0);
    a.limit[r] = lim.value_or(0);
  }
  return a;
}

struct Workload {
  std::string_view kind, name;
  kube::PodTotals per_pod;
  std::int64_t pods = 1; // steady state: replicas, or the HPA minimum
  Node* hpa = nullptr;   // the environment's HPA scaling it
  std::int64_t min = 0, max = 0;
  const ServicePlan* plan = nullptr;
};

// Pods of a workload before any HPA: replicas (the overlay's patch wins), one per node for
// DaemonSets, parallelism for Jobs.
std::int64_t base_pods(const Node& obj, std::string_view kind, const Node* patch,
                       const profile::Profile& profile) {
  const Node* spec = at(&obj, "spec");
  if (kind == "DaemonSet") return std::max<std::int64_t>(profile.capacity.nodes, 1);
  if (kind == "Job") return count(at(spec, "parallelism")).value_or(1);
  if (kind == "CronJob")
    return count(at(at(at(spec, "jobTemplate"), "spec"), "parallelism")).value_or(1);
  if (auto patched = count(at(at(patch, "spec"), "replicas"))) return *patched;
  return count(at(spec, "replicas")).value_or(1);
}

const Node* pod_spec(const Node& obj, std::string_view kind) {
  const Node* spec = at(&obj, "spec");
  if (kind == "CronJob") spec = at(at(spec, "jobTemplate"), "spec");
  return at(at(spec, "template"), "spec");
}

bool has_pods(std::string_view kind) {
  return kind == "Deployment" || kind == "StatefulSet" || kind == "DaemonSet" || kind == "Job" ||
         kind == "CronJob";
}

// One spec.hard entry the generated quota sets that pods consume.
struct Hard {
  std::string name; // "limits.cpu"
  std::string text; // as the profile writes it ("16")
  std::int64_t value = 0;
  enum { Request, Limit, Pods } source = Pods;
  std::size_t resource = 0;
  std::int64_t per_pod(const kube::PodTotals& t) const {
    return source == Request ? t.request[resource] : source == Limit ? t.limit[resource] : 1;
  }
};

std::vector<Hard> tracked(const profile::Quota& q) {
  std::vector<Hard> out;
  auto add = [&](const char* name, const std::string& text, auto source, std::size_t r) {
    if (auto v = amount(text, r)) out.push_back({name, text, *v, source, r});
  };
  // The order `berth check` lists them in (the ResourceQuota's spec.hard order).
  add("requests.cpu", q.requests_cpu, Hard::Request, 0);
  add("limits.cpu", q.limits_cpu, Hard::Limit, 0);
  add("requests.memory", q.requests_memory, Hard::Request, 1);
  add("limits.memory", q.limits_memory, Hard::Limit, 1);
  if (q.pods) out.push_back({"pods", std::to_string(*q.pods), *q.pods, Hard::Pods, 0});
  return out;
}

// What the namespace needs of `h` when every HPA runs `level` pods above its minimum (at most
// its maximum).
std::int64_t need(const std::vector<Workload>& ws, const Hard& h, std::int64_t level) {
  std::int64_t sum = 0;
  for (const Workload& w : ws) {
    std::int64_t pods = w.pods;
    if (w.hpa) pods = kube::add_sat(pods, std::min(level, w.max - w.min));
    sum = kube::add_sat(sum, kube::mul_sat(pods, h.per_pod(w.per_pod)));
  }
  return sum;
}

// The first quota entry `level` does not fit, or nullptr.
const Hard* exceeded(const std::vector<Workload>& ws, const std::vector<Hard>& hard,
                     std::int64_t level) {
  for (const Hard& h : hard)
    if (need(ws, h, level) > h.value) return &h;
  return nullptr;
}

} // namespace

void fit_hpas_to_quota(const Context& ctx, const profile::Environment& env, Output& out) {
  auto overlay = out.overlay.find(env.name);
  if (overlay == out.overlay.end()) return;
  std::vector<Hard> hard = tracked(env.quota);
  if (hard.empty()) return;
  const Defaults defaults = defaults_of(env);
  // Looked up by "kind/name" through maps built once: a linear scan per workload and per HPA
  // was quadratic in the number of services (a fifth of a 1,000-service convert).
  auto key_of = [](std::string_view kind, std::string_view name) {
    std::string key(kind);
    key += '/';
    key += name;
    return key;
  };
  std::unordered_map<std::string, Node*> patch_by_key;
  for (Patch& p : out.patches[env.name]) {
    const Node* name = at(at(&p.patch, "metadata"), "name");
    if (name && name->is_scalar())
      patch_by_key.try_emplace(key_of(p.patch.text("kind"), name->value()), &p.patch);
  }
  auto patch_of = [&](std::string_view kind, std::string_view name) -> Node* {
    auto it = patch_by_key.find(key_of(kind, name));
    return it == patch_by_key.end() ? nullptr : it->second;
  };

  std::vector<Workload> ws;
  auto add_workloads = [&](std::vector<Manifest>& manifests) {
    for (Manifest& m : manifests) {
      const Node* kind_node = at(&m.object, "kind");
      std::string_view kind = kind_node ? std::string_view(kind_node->value()) : "";
      if (!has_pods(kind)) continue;
      const Node* spec = pod_spec(m.object, kind);
      std::vector<kube::ContainerAmounts> containers;
      for (const char* key : {"initContainers", "containers"})
        if (const Node* list = at(spec, key); list && list->is_sequence())
          for (const Node& c : list->items())
            if (c.is_mapping()) containers.push_back(container_amounts(c, key[0] == 'i', defaults));
      Workload w;
      w.kind = kind;
      const Node* name = at(at(&m.object, "metadata"), "name");
      w.name = name && name->is_scalar() ? std::string_view(name->value()) : std::string_view();
      w.per_pod = kube::pod_totals(containers);
      w.pods = base_pods(m.object, kind, patch_of(kind, w.name), ctx.profile);
      ws.push_back(w);
    }
  };
  add_workloads(out.base);
  add_workloads(overlay->second);

  std::unordered_map<std::string, std::vector<Workload*>> workloads_by_key;
  for (Workload& w : ws)
    workloads_by_key[key_of(w.kind, w.name)].push_back(&w);
  bool any = false;
  for (Manifest& m : overlay->second) {
    if (m.object.text("kind") != "HorizontalPodAutoscaler") continue;
    Node* spec = at(&m.object, "spec");
    const Node* target = at(spec, "scaleTargetRef");
    auto max = count(at(spec, "maxReplicas"));
    if (!target || !max || *max <= 0) continue;
    std::int64_t min = std::min(count(at(spec, "minReplicas")).value_or(1), *max);
    auto targets = workloads_by_key.find(key_of(target->text("kind"), target->text("name")));
    if (targets == workloads_by_key.end()) continue;
    for (Workload* w : targets->second) {
      // The HPA decides the count: its minimum in steady state.
      w->hpa = &m.object;
      w->min = min;
      w->max = *max;
      w->pods = min;
      any = true;
    }
  }
  if (!any) return;
  std::unordered_map<std::string_view, const ServicePlan*> plan_by_name;
  for (const ServicePlan& p : ctx.plan.services)
    if (p.service) plan_by_name.insert_or_assign(p.name, &p); // names are unique
  for (Workload& w : ws)
    if (w.hpa)
      if (auto it = plan_by_name.find(w.name); it != plan_by_name.end()) w.plan = it->second;

  std::int64_t top = 0; // the most pods any HPA can add
  for (const Workload& w : ws)
    if (w.hpa) top = std::max(top, w.max - w.min);
  if (!exceeded(ws, hard, top)) return;

  // When even the minimums do not fit, nothing can scale: the operator must make room.
  const Hard* short_at_min = exceeded(ws, hard, 0);
  // Otherwise the same number of extra pods for every HPA (water-filling): the largest level
  // that fits.
  std::int64_t lo = 0, hi = top; // fits(lo), !fits(hi)
  while (!short_at_min && hi - lo > 1) {
    std::int64_t mid = lo + (hi - lo) / 2;
    (exceeded(ws, hard, mid) ? hi : lo) = mid;
  }
  const Hard* binding = short_at_min ? short_at_min : exceeded(ws, hard, lo + 1);
  const std::string quota =
      "the " + env.name + " quota (" + binding->name + " " + binding->text + ")";
  std::vector<const Node*> dropped;
  for (Workload& w : ws) {
    if (!w.hpa || w.max - w.min <= lo) continue;
    const std::int64_t capped = w.min + lo;
    // A fixed replica count above the new maximum would fight the autoscaler, or (without
    // one) run pods the quota rejects.
    if (Node* patch = patch_of(w.kind, w.name))
      if (Node* replicas = at(at(patch, "spec"), "replicas");
          replicas && count(replicas).value_or(0) > capped)
        *replicas = Node::integer(capped);
    const std::string min = std::to_string(w.min), name(w.name);
    std::string detail;
    if (capped == w.min) {
      // An HPA whose maximum is its minimum cannot scale (`berth check` warns
      // hpa-max-replicas): the workload runs its minimum without one.
      dropped.push_back(w.hpa);
      detail = short_at_min
                   ? "hpa min " + min + " for " + name + " does not fit " + quota +
                         " even before scaling: kept at " + min +
                         " replicas without an HPA; raise the quota in the cluster profile or "
                         "lower the workloads' resources, or pods will be rejected"
                   : "no HPA for " + name + " in " + env.name + ": " + quota +
                         " leaves no room for a pod above minReplicas " + min + ", so it runs " +
                         min + " replicas; raise the quota in the cluster profile to autoscale";
    } else {
      at(w.hpa, "spec")->set("maxReplicas", Node::integer(capped));
      detail = "hpa max for " + name + " capped from " + std::to_string(w.max) + " to " +
               std::to_string(capped) + " by " + quota +
               ": at more pods quota admission would reject them; raise the quota in the "
               "cluster profile to scale further";
    }
    if (w.plan)
      out.report.add(w.plan->service->name, "x-berth.hpa", Disposition::Manual, std::move(detail),
                     w.plan->service->x_berth->hpa->at.loc);
  }
  std::erase_if(overlay->second, [&](const Manifest& m) {
    return std::find(dropped.begin(), dropped.end(), &m.object) != dropped.end();
  });
}

} // namespace berth::generate::availability
