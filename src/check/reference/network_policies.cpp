// NetworkPolicies ↔ pods: selectors match something, pods of a namespace that uses policies are
// all covered, and each namespace with workloads has a default-deny ingress policy.
#include <unordered_map>
#include <unordered_set>

#include "check/reference/checks.h"

namespace berth::check::reference {

void check_network_policies(const Lookup& l, Context& ctx) {
  const IndexData& d = l.data();
  bool expect_pods = ctx.options().complete || !d.pods.empty();
  std::unordered_set<const PodsFacts*> covered;
  std::unordered_set<std::string> policy_ns, deny_ns;
  for (const NetworkPolicyFacts& np : d.network_policies) {
    const std::string& ns = l.ns(*np.object);
    if (np.ingress) policy_ns.insert(ns);
    if (np.deny_all_ingress) deny_ns.insert(ns);
    if (!np.pod_selector.readable) continue;
    std::vector<const PodsFacts*> pods = l.pods_matching(ns, np.pod_selector);
    if (np.ingress) covered.insert(pods.begin(), pods.end());
    if (pods.empty() && !np.pod_selector.empty() && expect_pods &&
        !l.operator_managed(np.pod_selector))
      ctx.report("networkpolicy-selector-no-match", np.object, np.pod_selector.loc,
                 "podSelector " + describe_selector(np.pod_selector) +
                     " matches no pod template in " + describe_namespace(ns));
  }
  // A namespace "can be" another when equal or either is "" (see Lookup::same_namespace).
  auto any_in = [](const std::unordered_set<std::string>& set, const std::string& ns) {
    return ns.empty() ? !set.empty() : set.count(ns) || set.count(std::string());
  };

  std::vector<std::string> order; // namespaces with pods, first-seen order
  std::unordered_map<std::string, const PodsFacts*> first_pod;
  for (const PodsFacts& p : d.pods) {
    const std::string& ns = l.ns(*p.object);
    if (first_pod.emplace(ns, &p).second) order.push_back(ns);
    if (!any_in(policy_ns, ns) || covered.count(&p)) continue;
    ctx.report("pod-without-networkpolicy", p.object, p.spec_loc,
               "no NetworkPolicy selects the pods of " + p.object->display() + " (" +
                   describe_labels(p.labels) + ") although " + describe_namespace(ns) +
                   " uses NetworkPolicies: they accept traffic from anywhere");
  }
  for (const std::string& ns : order) {
    if (any_in(deny_ns, ns)) continue;
    const ObjectInfo* where = ns.empty() ? nullptr : l.find("Namespace", "", ns);
    if (!where) where = first_pod[ns]->object;
    ctx.report("namespace-without-default-deny", where, where->loc,
               describe_namespace(ns) +
                   " has workloads but no default-deny ingress NetworkPolicy (podSelector: {}, "
                   "policyTypes: [Ingress], no rules)");
  }
}

} // namespace berth::check::reference
