// PodDisruptionBudgets ↔ workloads: every PDB selects pods and allows some disruption, and
// every replicated workload has a PDB.
#include <unordered_set>

#include "check/reference/checks.h"

namespace berth::check::reference {

namespace {

// Replicas a workload keeps in steady state in namespace `ns`: an HPA's minReplicas overrides
// spec.replicas, and in a raw tree an overlay's patch overrides the base ("" = the largest).
std::int64_t steady_replicas(const Lookup& l, const PodsFacts& p, std::string_view ns) {
  const auto& hpas = l.hpas_of(p);
  if (!hpas.empty()) return hpas.front()->min;
  return l.patched_replicas(p, ns).value_or(p.replicas);
}

void check_budget(const Lookup& l, const PdbFacts& pdb, const std::vector<const PodsFacts*>& pods,
                  const std::string& ns, Context& ctx) {
  if (pdb.max_unavailable.set && pdb.max_unavailable.value == 0) {
    ctx.report("pdb-blocks-eviction", pdb.object, pdb.max_unavailable.loc,
               "maxUnavailable 0 never allows an eviction: node drains wait forever");
    return;
  }
  if (!pdb.min_available.set) return;
  if (pdb.min_available.percent) {
    if (pdb.min_available.value >= 100)
      ctx.report("pdb-blocks-eviction", pdb.object, pdb.min_available.loc,
                 "minAvailable " + std::to_string(pdb.min_available.value) +
                     "% never allows an eviction: node drains wait forever");
    return;
  }
  std::int64_t total = 0;
  for (const PodsFacts* p : pods) {
    if (p->scale != Scale::Replicas && p->scale != Scale::Single) return; // count unknown
    total += steady_replicas(l, *p, ns);
  }
  if (pdb.min_available.value < total) return;
  std::string who = pods.size() == 1 ? pods.front()->object->display() : "the selected workloads";
  ctx.report("pdb-blocks-eviction", pdb.object, pdb.min_available.loc,
             "minAvailable " + std::to_string(pdb.min_available.value) + " is not below the " +
                 std::to_string(total) + " replica(s) of " + who +
                 ": no pod can be evicted, node drains wait forever",
             "Use maxUnavailable: 1, or a minAvailable below " + std::to_string(total) + ".");
}

} // namespace

void check_disruption(const Lookup& l, Context& ctx) {
  const IndexData& d = l.data();
  bool expect_pods = ctx.options().complete || !d.pods.empty();
  std::unordered_set<const PodsFacts*> protected_pods;
  for (const PdbFacts& pdb : d.pdbs) {
    if (!pdb.selector.readable) continue;
    const std::string& ns = l.ns(*pdb.object);
    // policy/v1: an empty selector selects every pod of the namespace, a missing one none.
    std::vector<const PodsFacts*> pods;
    if (pdb.selector.present) pods = l.pods_matching(ns, pdb.selector);
    protected_pods.insert(pods.begin(), pods.end());
    if (pods.empty()) {
      if (expect_pods && !l.operator_managed(pdb.selector))
        ctx.report("pdb-selector-no-match", pdb.object, pdb.selector.loc,
                   pdb.selector.present
                       ? "selector " + describe_selector(pdb.selector) +
                             " matches no pod template in " + describe_namespace(ns)
                       : "spec.selector is missing: the budget selects no pod");
      continue;
    }
    check_budget(l, pdb, pods, ns, ctx);
  }
  for (const PodsFacts& p : d.pods) {
    if (p.scale != Scale::Replicas || protected_pods.count(&p)) continue;
    std::int64_t replicas = steady_replicas(l, p, "");
    if (replicas < 2) continue;
    // Findings point into the object's own file: the replicas field (or the object).
    std::string via = l.hpas_of(p).empty() ? "" : " (HPA minReplicas)";
    ctx.report("pdb-missing", p.object, p.replicas_loc,
               p.object->display() + " keeps " + std::to_string(replicas) + " replicas" + via +
                   " but no PodDisruptionBudget selects its pods (" + describe_labels(p.labels) +
                   "): a node drain may evict them all at once");
  }
}

} // namespace berth::check::reference
