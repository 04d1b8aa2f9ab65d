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
  bool hpa_max = false;

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

Usage measure(const Lookup& l, std::string_view ns, const profile::Profile* profile) {
  const IndexData& d = l.data();
  Usage u;
  const LimitItem* lr = container_defaults(l, ns);
  for (const PodsFacts& p : d.pods) {
    if (!counts_in(l.ns(*p.object), ns)) continue;
    PodUsage pu = pod_usage(p, lr);
    PodCount pc = pod_count(l, p, ns, profile);
    u.hpa_max = u.hpa_max || pc.why == "HPA max";
    u.defaulted += pu.defaulted;
    u.pods += pc.count;
    u.pods_by.push_back({p.object, 1, pc.count, pc.why});
    for (std::size_t r = 0; r < kResourceCount; ++r) {
      u.request[r] += pu.request[r] * pc.count;
      u.limit[r] += pu.limit[r] * pc.count;
      if (pu.request[r]) u.request_by[r].push_back({p.object, pu.request[r], pc.count, pc.why});
      if (pu.limit[r]) u.limit_by[r].push_back({p.object, pu.limit[r], pc.count, pc.why});
    }
    for (const ClaimTemplate& ct : p.claim_templates) {
      u.claims += pc.count;
      u.storage += ct.storage.value * pc.count;
    }
    if (p.surges && pc.count > 0) {
      std::int64_t extra =
          p.max_surge.percent ? (pc.count * p.max_surge.value + 99) / 100 : p.max_surge.value;
      u.surge_pods += extra;
      for (std::size_t r = 0; r < kResourceCount; ++r) {
        u.surge_request[r] += pu.request[r] * extra;
        u.surge_limit[r] += pu.limit[r] * extra;
      }
    }
  }
  for (const PvcFacts& c : d.pvcs)
    if (counts_in(l.ns(*c.object), ns)) {
      ++u.claims;
      u.storage += c.storage.value;
    }
  for (const ObjectFacts& f : d.objects)
    if (counts_in(l.ns(*f.object), ns)) ++u.objects[resource_key(*f.object)];
  for (const ServiceFacts& s : d.services)
    if (s.type == "LoadBalancer" && counts_in(l.ns(*s.object), ns))
      ++u.objects["services.loadbalancers"];
  // SealedSecrets, generators, Certificates... each makes one more Secret/ConfigMap.
  for (const ProvidedFact& p : d.provided) {
    if (p.kind != RefKind::Secret && p.kind != RefKind::ConfigMap) continue;
    if (counts_in(p.ns.empty() ? l.ns(*p.object) : p.ns, ns))
      ++u.objects[p.kind == RefKind::Secret ? "secrets" : "configmaps"];
  }
  return u;
}

std::string contributors(std::vector<Contribution> by, Unit unit) {
  std::stable_sort(by.begin(), by.end(), [](const Contribution& a, const Contribution& b) {
    return a.per_pod * a.pods > b.per_pod * b.pods;
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

void report_missing(const Lookup& l, const QuotaFacts& q, const std::string& ns,
                    const std::vector<Tracked>& tracked, Context& ctx) {
  const LimitItem* lr = container_defaults(l, ns);
  for (const PodsFacts& p : l.data().pods) {
    if (!counts_in(l.ns(*p.object), ns)) continue;
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
  }
}

void check_quota(const Lookup& l, const QuotaFacts& q, const Usage& u, Context& ctx) {
  const std::string& ns = l.ns(*q.object);
  std::vector<Tracked> tracked;
  std::string headroom, surge;
  for (const QuotaFacts::Hard& h : q.hard) {
    Tracked t;
    if (!classify(h.resource, t)) continue;
    tracked.push_back(t);
    std::int64_t used = u.used(t);
    Unit unit = t.unit();
    std::string numbers = format(unit, used) + "/" + format(unit, h.value);
    headroom += (headroom.empty() ? "" : ", ") + h.resource + " " + numbers + " (" +
                format_percent(used, h.value) + ")";
    if (used > h.value) {
      std::string who;
      if (t.source == Source::Request)
        who = contributors(u.request_by[t.resource], unit);
      else if (t.source == Source::Limit)
        who = contributors(u.limit_by[t.resource], unit);
      else if (t.source == Source::Pods)
        who = contributors(u.pods_by, Unit::Count);
      ctx.report("quota-exceeded", q.object, h.loc,
                 h.resource + ": " + describe_namespace(ns) + " needs " + format(unit, used) +
                     " but the quota allows " + format(unit, h.value) +
                     (who.empty() ? "" : " (" + who + ")"));
    } else if (std::int64_t peak = used + u.surge(t); peak > h.value) {
      surge += (surge.empty() ? "" : ", ") + h.resource + " " + format(unit, peak) + "/" +
               format(unit, h.value);
    }
  }
  report_missing(l, q, ns, tracked, ctx);
  if (headroom.empty()) return;
  std::string notes;
  if (u.hpa_max) notes += "; HPAs counted at maxReplicas";
  if (u.defaulted)
    notes += "; " + std::to_string(u.defaulted) +
             " container(s) counted with the LimitRange defaults the API server applies";
  ctx.report("quota-headroom", q.object, {}, describe_namespace(ns) + ": " + headroom + notes);
  if (!surge.empty())
    ctx.report("quota-rollout-surge", q.object, {},
               "rolling updates of all Deployments at once (maxSurge " +
                   std::to_string(u.surge_pods) + " extra pod(s)) would need " + surge +
                   ": surge pods beyond the quota are refused and the rollouts wait");
}

} // namespace

void check_quotas(const Lookup& l, Context& ctx) {
  std::unordered_map<std::string, Usage> by_ns; // measured once per namespace
  for (const QuotaFacts& q : l.data().quotas) {
    if (q.scoped || q.hard.empty()) continue;
    const std::string& ns = l.ns(*q.object);
    auto it = by_ns.find(ns);
    if (it == by_ns.end()) it = by_ns.emplace(ns, measure(l, ns, ctx.profile())).first;
    check_quota(l, q, it->second, ctx);
  }
}

} // namespace berth::check::capacity
