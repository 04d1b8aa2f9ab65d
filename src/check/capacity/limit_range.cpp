// LimitRange rules: every container (and pod, and claim) of the namespace within min/max and
// maxLimitRequestRatio after the defaults the LimitRange itself fills in.
#include "check/capacity/checks.h"
#include "check/capacity/usage.h"
#include "check/index_quantity.h"

namespace berth::check::capacity {

namespace {

struct Scope {
  const Lookup& l;
  const LimitRangeFacts& lr;
  const std::string& ns;
  Context& ctx;
  const LimitItem* defaults; // the Container defaults pods of the namespace get

  std::string suffix() const {
    return " of LimitRange \"" + lr.object->name + "\" (" + describe_namespace(ns) +
           "): the API server rejects it";
  }
};

void check_container(const Scope& s, const LimitItem& item, const PodsFacts& p,
                     const ContainerFacts& c) {
  ContainerUsage cu = container_usage(c, &item);
  auto report = [&](const Effective& at, const std::string& what) {
    // Point at the written value; values the LimitRange filled in point at the container.
    Location loc = at.set && !at.from_limit_range ? at.loc : c.loc;
    s.ctx.report("limitrange-violation", p.object, loc,
                 "container \"" + c.name + "\": " + what + s.suffix());
  };
  for (std::size_t i = 0; i < kResourceCount; ++i) {
    Resource r = static_cast<Resource>(i);
    std::string rn(kResourceName[r]);
    const Effective& req = cu.request[r];
    const Effective& lim = cu.limit[r];
    if (item.min[r].set) {
      std::string min = format_amount(r, item.min[r].value);
      if (!req.set)
        report(req, "no requests." + rn + " while the minimum is " + min);
      else if (!req.from_limit_range && req.value < item.min[r].value)
        report(req, "requests." + rn + " " + format_amount(r, req.value) +
                        " is below the minimum " + min);
      if (lim.set && !lim.from_limit_range && lim.value < item.min[r].value)
        report(lim,
               "limits." + rn + " " + format_amount(r, lim.value) + " is below the minimum " + min);
    }
    if (item.max[r].set) {
      std::string max = format_amount(r, item.max[r].value);
      if (!lim.set)
        report(lim, "no limits." + rn + " while the maximum is " + max);
      else if (!lim.from_limit_range && lim.value > item.max[r].value)
        report(lim,
               "limits." + rn + " " + format_amount(r, lim.value) + " is above the maximum " + max);
    }
    if (item.ratio[r].set) {
      std::string ratio = format_cpu(item.ratio[r].value);
      if (!req.set || !lim.set || req.value == 0)
        report(lim, "maxLimitRequestRatio " + ratio + " for " + rn +
                        " needs both a request and a limit");
      else if (!(req.from_limit_range && lim.from_limit_range) &&
               static_cast<__int128>(lim.value) * 1000 >
                   static_cast<__int128>(item.ratio[r].value) * req.value)
        report(lim, "limits." + rn + "/requests." + rn + " = " + format_amount(r, lim.value) + "/" +
                        format_amount(r, req.value) + " exceeds maxLimitRequestRatio " + ratio);
    }
  }
}

void check_pod(const Scope& s, const LimitItem& item, const PodsFacts& p) {
  PodUsage pu = pod_usage(p, s.defaults);
  for (std::size_t i = 0; i < kResourceCount; ++i) {
    Resource r = static_cast<Resource>(i);
    std::string rn(kResourceName[r]);
    if (item.min[r].set && pu.request[r] < item.min[r].value)
      s.ctx.report("limitrange-violation", p.object, p.spec_loc,
                   "the pod's requests." + rn + " " + format_amount(r, pu.request[r]) +
                       " is below the Pod minimum " + format_amount(r, item.min[r].value) +
                       s.suffix());
    if (item.max[r].set && pu.limit[r] > item.max[r].value)
      s.ctx.report("limitrange-violation", p.object, p.spec_loc,
                   "the pod's limits." + rn + " " + format_amount(r, pu.limit[r]) +
                       " is above the Pod maximum " + format_amount(r, item.max[r].value) +
                       s.suffix());
  }
}

void check_claim(const Scope& s, const LimitItem& item, const ObjectInfo* object,
                 const Amount& storage, const std::string& what) {
  if (!storage.set) return;
  if (item.storage_min.set && storage.value < item.storage_min.value)
    s.ctx.report("limitrange-violation", object, storage.loc,
                 what + " requests " + format_bytes(storage.value) +
                     " of storage, below the minimum " + format_bytes(item.storage_min.value) +
                     s.suffix());
  if (item.storage_max.set && storage.value > item.storage_max.value)
    s.ctx.report("limitrange-violation", object, storage.loc,
                 what + " requests " + format_bytes(storage.value) +
                     " of storage, above the maximum " + format_bytes(item.storage_max.value) +
                     s.suffix());
}

} // namespace

void check_limit_ranges(const Lookup& l, Context& ctx) {
  const IndexData& d = l.data();
  if (d.limit_ranges.empty()) return;
  ByNamespace<PodsFacts> pods(d.pods, [&](const PodsFacts& f) { return l.ns(*f.object); });
  ByNamespace<PvcFacts> pvcs(d.pvcs, [&](const PvcFacts& f) { return l.ns(*f.object); });
  for (const LimitRangeFacts& lr : d.limit_ranges) {
    const std::string& ns = l.ns(*lr.object);
    Scope s{l, lr, ns, ctx, container_defaults(l, ns)};
    for (const LimitItem& item : lr.items) {
      if (item.type == "PersistentVolumeClaim") {
        pvcs.each(
            ns, [&](const PvcFacts& c) { check_claim(s, item, c.object, c.storage, "the claim"); });
        pods.each(ns, [&](const PodsFacts& p) {
          for (const ClaimTemplate& ct : p.claim_templates)
            check_claim(s, item, p.object, ct.storage, "volumeClaimTemplate \"" + ct.name + "\"");
        });
      } else if (item.type == "Pod") {
        pods.each(ns, [&](const PodsFacts& p) { check_pod(s, item, p); });
      } else if (item.type == "Container") {
        pods.each(ns, [&](const PodsFacts& p) {
          for (const ContainerFacts& c : p.containers)
            check_container(s, item, p, c);
        });
      }
    }
  }
}

} // namespace berth::check::capacity
