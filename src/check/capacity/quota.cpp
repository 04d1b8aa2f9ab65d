// ResourceQuota rules: what a namespace's workloads need against spec.hard (exceeded, headroom,
// rollout surge), and containers the quota would reject for lacking a request/limit.
#include <algorithm>
#include <unordered_map>

#include "check/capacity/checks.h"
#include "check/capacity/usage.h"
#include "check/index_quantity.h"

namespace berth::check::capacity {

namespace {

enum class Unit : unsigned char { Cpu, Bytes, Count };
enum class Source : unsigned char { Request, Limit, Pods, Claims, Storage, Objects };

// What one spec.hard entry counts.
struct Tracked {
  Source source = Source::Objects;
  Resource resource = kCpu;
  std::string objects; // resource key for Source::Objects ("services", "deployments.apps")
  Unit unit() const {
    if (source == Source::Request || source == Source::Limit)
      return resource == kCpu ? Unit::Cpu : Unit::Bytes;
    return source == Source::Storage ? Unit::Bytes : Unit::Count;
  }
};

bool classify(std::string_view name, Tracked& t) {
  for (std::size_t r = 0; r < kResourceCount; ++r) {
    std::string_view rn = kResourceName[r];
    t.resource = static_cast<Resource>(r);
    if (name == rn || (name.starts_with("requests.") && name.substr(9) == rn)) {
      t.source = Source::Request;
      return true;
    }
    if (name.starts_with("limits.") && name.substr(7) == rn) {
      t.source = Source::Limit;
      return true;
    }
  }
  if (name.starts_with("count/")) name.remove_prefix(6);
  if (name == "pods")
    t.source = Source::Pods;
  else if (name == "persistentvolumeclaims")
    t.source = Source::Claims;
  else if (name == "requests.storage")
    t.source = Source::Storage;
  else if (name.find('/') != std::string_view::npos || name.find("storageclass") != name.npos)
    return false; // extended resources, per-storage-class quotas: not modelled
  else
    t.objects = std::string(name);
  return true;
}

// "deployments.apps", "services", "ingresses.networking.k8s.io": the quota's count/ key.
std::string resource_key(const ObjectInfo& o) {
  std::string plural;
  for (char c : o.kind)
    plural += static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
  if (plural.ends_with("s"))
    plural += "es";
  else if (plural.ends_with("y"))
    plural.replace(plural.size() - 1, 1, "ies");
  else
    plural += "s";
  std::string_view group = o.group();
  return group.empty() ? plural : plural + "." + std::string(group);
}

std::string format(Unit u, std::int64_t v) {
  switch (u) {
  case Unit::Cpu:
    return format_cpu(v);
  case Unit::Bytes:
    return format_bytes(v);
  case Unit::Count:
    break;
  }
  return std::to_string(v);
}

struct Contribution {
  const ObjectInfo* object = nullptr;
  std::int64_t per_pod = 0, pods = 0;
  std::string why;
};

struct Usage {
  std::array<std::int64_t, kResourceCount> request{}, limit{};
  std::int64_t pods = 0, claims = 0, storage = 0;
  std::unordered_map<std::string, std::int64_t> objects;
  std::array<std::vector<Contribution>, kResourceCount> request_by, limit_by;
  std::vector<Contribution> pods_by;
  std::array<std::int64_t, kResourceCount> surge_request{}, surge_limit{};
  std::int64_t surge_pods = 0;
  int defaulted = 0;

  std::int64_t used(const Tracked& t) const {
    switch (t.source) {
    case Source::Request:
      return request[t.resource];
    case Source::Limit:
      return limit[t.resource];
    case Source::Pods:
      return pods;
    case Source::Claims:
      return claims;
    case Source::Storage:
      return storage;
    case Source::Objects:
      break;
    }
    auto it = objects.find(t.objects);
    return it == objects.end() ? 0 : it->second;
  }
  std::int64_t surge(const Tracked& t) const {
    if (t.source == Source::Request) return surge_request[t.resource];
    if (t.source == Source::Limit) return surge_limit[t.resource];
    return t.source == Source::Pods ? surge_pods : 0;
  }
};

// The set's facts grouped by namespace once (quotas of many namespaces stay linear).
struct Buckets {
  ByNamespace<PodsFacts> pods;
  ByNamespace<PvcFacts> pvcs;
  ByNamespace<ObjectFacts> objects;
  ByNamespace<ServiceFacts> services;
  ByNamespace<ProvidedFact> provided;

  explicit Buckets(const Lookup& l)
      : pods(l.data().pods, [&](const PodsFacts& f) { return l.ns(*f.object); }),
        pvcs(l.data().pvcs, [&](const PvcFacts& f) { return l.ns(*f.object); }),
        objects(l.data().objects, [&](const ObjectFacts& f) { return l.ns(*f.object); }),
        services(l.data().services, [&](const ServiceFacts& f) { return l.ns(*f.object); }),
        provided(l.data().provided,
                 [&](const ProvidedFact& p) { return p.ns.empty() ? l.ns(*p.object) : p.ns; }) {}
};

// `objects`: also count objects per resource key (only quotas with count entries need it).
Usage measure(const Lookup& l, const Buckets& b, std::string_view ns,
              const profile::Profile* profile, Scaling scaling, bool objects) {
  Usage u;
  const LimitItem* lr = container_defaults(l, ns);
  b.pods.each(ns, [&](const PodsFacts& p) {
    PodUsage pu = pod_usage(p, lr);
    PodCount pc = pod_count(l, p, ns, profile, scaling);
    u.defaulted += pu.defaulted;
    u.pods = add_sat(u.pods, pc.count);
    u.pods_by.push_back({p.object, 1, pc.count, pc.why});
    // Amounts the API server fills in from the LimitRange are named as such in messages.
    std::string why = pc.why;
    if (pu.defaulted) why += (why.empty() ? "" : ", ") + std::string("LimitRange defaults");
    for (std::size_t r = 0; r < kResourceCount; ++r) {
      u.request[r] = add_sat(u.request[r], mul_sat(pu.request[r], pc.count));
      u.limit[r] = add_sat(u.limit[r], mul_sat(pu.limit[r], pc.count));
      if (pu.request[r]) u.request_by[r].push_back({p.object, pu.request[r], pc.count, why});
      if (pu.limit[r]) u.limit_by[r].push_back({p.object, pu.limit[r], pc.count, why});
    }
    for (const ClaimTemplate& ct : p.claim_templates) {
      u.claims = add_sat(u.claims, pc.count);
      u.storage = add_sat(u.storage, mul_sat(ct.storage.value, pc.count));
    }
    if (p.surges && pc.count > 0) {
      std::int64_t extra = kube::surge_pods(pc.count, p.max_surge.value, p.max_surge.percent);
      u.surge_pods = add_sat(u.surge_pods, extra);
      for (std::size_t r = 0; r < kResourceCount; ++r) {
        u.surge_request[r] = add_sat(u.surge_request[r], mul_sat(pu.request[r], extra));
        u.surge_limit[r] = add_sat(u.surge_limit[r], mul_sat(pu.limit[r], extra));
      }
    }
  });
  b.pvcs.each(ns, [&](const PvcFacts& c) {
    ++u.claims;
    u.storage = add_sat(u.storage, c.storage.value);
  });
  if (!objects) return u;
  b.objects.each(ns, [&](const ObjectFacts& f) { ++u.objects[resource_key(*f.object)]; });
  b.services.each(ns, [&](const ServiceFacts& s) {
    if (s.type == "LoadBalancer") ++u.objects["services.loadbalancers"];
  });
  // SealedSecrets, generators, Certificates... each makes one more Secret/ConfigMap.
  b.provided.each(ns, [&](const ProvidedFact& p) {
    if (p.kind == RefKind::Secret || p.kind == RefKind::ConfigMap)
      ++u.objects[p.kind == RefKind::Secret ? "secrets" : "configmaps"];
  });
  return u;
}

std::string contributors(std::vector<Contribution> by, Unit unit) {
  std::stable_sort(by.begin(), by.end(), [](const Contribution& a, const Contribution& b) {
    return mul_sat(a.per_pod, a.pods) > mul_sat(b.per_pod, b.pods);
  });
  std::string out;
  for (std::size_t i = 0; i < by.size() && i < 3; ++i) {
    const Contribution& c = by[i];
    out += (i ? ", " : "") + c.object->display() + " " + std::to_string(c.pods);
    if (unit != Unit::Count) out += " x " + format(unit, c.per_pod);
    if (!c.why.empty()) out += " (" + c.why + ")";
  }
  if (by.size() > 3) out += ", ...";
  return out;
}

void report_missing(const Lookup& l, const Buckets& b, const QuotaFacts& q, const std::string& ns,
                    const std::vector<Tracked>& tracked, Context& ctx) {
  const LimitItem* lr = container_defaults(l, ns);
  b.pods.each(ns, [&](const PodsFacts& p) {
    for (const ContainerFacts& c : p.containers) {
      ContainerUsage cu = container_usage(c, lr);
      std::vector<std::string> missing;
      for (const Tracked& t : tracked) {
        bool is_request = t.source == Source::Request;
        if (!is_request && t.source != Source::Limit) continue;
        const Effective& e = is_request ? cu.request[t.resource] : cu.limit[t.resource];
        std::string name = std::string(is_request ? "requests." : "limits.") +
                           std::string(kResourceName[t.resource]);
        if (!e.set && std::find(missing.begin(), missing.end(), name) == missing.end())
          missing.push_back(name);
      }
      if (missing.empty()) continue;
      std::string list;
      for (const std::string& m : missing)
        list += (list.empty() ? "" : ", ") + m;
      ctx.report("quota-requires-resources", p.object, c.loc,
                 "container \"" + c.name + "\" sets no " + list + ", which ResourceQuota \"" +
                     q.object->name + "\" of " + describe_namespace(ns) +
                     " tracks; without a LimitRange default the API server rejects its pods",
                 "Set resources." + list + " on container \"" + c.name +
                     "\", or add a LimitRange with defaults to the namespace.");
    }
  });
}

std::string who(const Usage& u, const Tracked& t) {
  if (t.source == Source::Request) return contributors(u.request_by[t.resource], t.unit());
  if (t.source == Source::Limit) return contributors(u.limit_by[t.resource], t.unit());
  if (t.source == Source::Pods) return contributors(u.pods_by, Unit::Count);
  return {};
}

// `steady` counts HPAs at minReplicas, `scaled` at maxReplicas (identical without HPAs).
void check_quota(const Lookup& l, const Buckets& b, const QuotaFacts& q, const Usage& steady,
                 const Usage& scaled, Context& ctx) {
  const std::string& ns = l.ns(*q.object);
  std::vector<Tracked> tracked;
  std::string headroom, surge;
  for (const QuotaFacts::Hard& h : q.hard) {
    Tracked t;
    if (!classify(h.resource, t)) continue;
    tracked.push_back(t);
    std::int64_t used = steady.used(t), at_max = scaled.used(t);
    Unit unit = t.unit();
    headroom += (headroom.empty() ? "" : ", ") + h.resource + " " + format(unit, used) + "/" +
                format(unit, h.value) + " (" + format_percent(used, h.value);
    if (at_max != used)
      headroom += "; " + format(unit, at_max) + " at HPA max, " + format_percent(at_max, h.value);
    headroom += ")";
    if (used > h.value) {
      std::string by = who(steady, t);
      ctx.report("quota-exceeded", q.object, h.loc,
                 h.resource + ": " + describe_namespace(ns) + " needs " + format(unit, used) +
                     " but the quota allows " + format(unit, h.value) +
                     (by.empty() ? "" : " (" + by + ")"));
      continue;
    }
    if (at_max > h.value) {
      std::string by = who(scaled, t);
      ctx.report("quota-exceeded-at-hpa-max", q.object, h.loc,
                 h.resource + ": at HPA maxReplicas " + describe_namespace(ns) + " would need " +
                     format(unit, at_max) + " but the quota allows " + format(unit, h.value) +
                     (by.empty() ? "" : " (" + by + ")") +
                     ": autoscaling stops when the quota is used up");
    }
    if (std::int64_t peak = add_sat(used, steady.surge(t)); peak > h.value)
      surge += (surge.empty() ? "" : ", ") + h.resource + " " + format(unit, peak) + "/" +
               format(unit, h.value);
  }
  report_missing(l, b, q, ns, tracked, ctx);
  if (headroom.empty()) return;
  std::string notes;
  if (steady.defaulted)
    notes += "; " + std::to_string(steady.defaulted) +
             " container(s) counted with the LimitRange defaults the API server applies";
  ctx.report("quota-headroom", q.object, {}, describe_namespace(ns) + ": " + headroom + notes);
  if (!surge.empty())
    ctx.report("quota-rollout-surge", q.object, {},
               "rolling updates of all Deployments at once (maxSurge " +
                   std::to_string(steady.surge_pods) + " extra pod(s)) would need " + surge +
                   ": surge pods beyond the quota are refused and the rollouts wait");
}

} // namespace

void check_quotas(const Lookup& l, Context& ctx) {
  // Measured once per namespace: steady state (HPA minReplicas) and scaled out (maxReplicas).
  if (l.data().quotas.empty()) return;
  Buckets b(l);
  bool objects = false; // some quota counts objects (services, configmaps, count/...)
  for (const QuotaFacts& q : l.data().quotas)
    for (const QuotaFacts::Hard& h : q.hard) {
      Tracked t;
      objects = objects || (classify(h.resource, t) && t.source == Source::Objects);
    }
  std::unordered_map<std::string, std::pair<Usage, Usage>> by_ns;
  for (const QuotaFacts& q : l.data().quotas) {
    if (q.scoped || q.hard.empty()) continue;
    const std::string& ns = l.ns(*q.object);
    auto it = by_ns.find(ns);
    if (it == by_ns.end()) {
      Usage steady = measure(l, b, ns, ctx.profile(), Scaling::Min, objects);
      Usage scaled = measure(l, b, ns, ctx.profile(), Scaling::Max, false);
      scaled.objects = steady.objects; // object counts do not scale
      it = by_ns.emplace(ns, std::pair{std::move(steady), std::move(scaled)}).first;
    }
    check_quota(l, b, q, it->second.first, it->second.second, ctx);
  }
}

} // namespace berth::check::capacity
