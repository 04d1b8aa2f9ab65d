// NetworkPolicies ↔ pods: networkpolicy-selector-no-match, pod-without-networkpolicy,
// namespace-without-default-deny.
#include "check/reference/set_fixture.h"

namespace berth::check::test {
namespace {

std::string workload(std::string_view name) {
  return "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: " + std::string(name) +
         ", namespace: shop}\nspec:\n  selector: {matchLabels: {app: " + std::string(name) +
         "}}\n  template:\n    metadata: {labels: {app: " + std::string(name) +
         "}}\n    spec:\n      containers: [{name: c, image: \"c:1\"}]\n";
}

// Line 8: the podSelector mapping (column 5).
std::string policy(std::string_view name, std::string_view selector,
                   std::string_view rules = "  ingress: [{from: [{podSelector: {}}]}]\n") {
  return "apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: " +
         std::string(name) + "\n  namespace: shop\nspec:\n  podSelector:\n" +
         std::string(selector) + "  policyTypes: [Ingress]\n" + std::string(rules);
}

const char* kDenyAll = "apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\n"
                       "metadata: {name: deny, namespace: shop}\n"
                       "spec: {podSelector: {}, policyTypes: [Ingress]}\n";

TEST(NetworkPolicySelector, NoMatchIsAWarningAtThePodSelector) {
  SetRun s;
  s.add("a.yaml", workload("a")).add("np.yaml", policy("x", "    matchLabels: {app: b}\n"));
  Finding f = only(s.run(), "networkpolicy-selector-no-match");
  EXPECT_EQ(at(f), "8:5");
  EXPECT_EQ(f.message, "podSelector app=b matches no pod template in namespace \"shop\"");
}

TEST(NetworkPolicyCoverage, EveryPodCoveredPasses) {
  SetRun s;
  s.add("a.yaml", workload("a")).add("b.yaml", workload("b")).add("deny.yaml", kDenyAll);
  s.add("np.yaml", policy("a", "    matchLabels: {app: a}\n"));
  EXPECT_TRUE(s.run().empty()) << dump(s.run());
}

TEST(NetworkPolicyCoverage, UncoveredPodInAPolicedNamespaceIsAWarning) {
  SetRun s;
  s.add("a.yaml", workload("a")).add("b.yaml", workload("b"));
  s.add("np.yaml", policy("a", "    matchLabels: {app: a}\n"));
  Finding f = only(s.run(), "pod-without-networkpolicy");
  EXPECT_EQ(f.file, "b.yaml");
  EXPECT_EQ(at(f), "9:7");
  EXPECT_EQ(f.message,
            "no NetworkPolicy selects the pods of Deployment/b (app=b) although "
            "namespace \"shop\" uses NetworkPolicies: they accept traffic from anywhere");
}

TEST(NetworkPolicyCoverage, EgressOnlyPoliciesDoNotCoverIngress) {
  SetRun s;
  s.add("a.yaml", workload("a")).add("deny.yaml", kDenyAll);
  s.add("np.yaml", "apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\n"
                   "metadata: {name: out, namespace: shop}\n"
                   "spec: {podSelector: {matchLabels: {app: a}}, policyTypes: [Egress]}\n");
  EXPECT_TRUE(s.run().empty()) << dump(s.run()); // the default deny covers it
}

TEST(DefaultDeny, NamespaceWithoutOneIsInfoOnTheNamespaceObject) {
  SetRun s;
  s.add("ns.yaml", "apiVersion: v1\nkind: Namespace\nmetadata: {name: shop}\n");
  s.add("a.yaml", workload("a"));
  Finding f = only(s.run(), "namespace-without-default-deny");
  EXPECT_EQ(f.severity, Severity::Info);
  EXPECT_EQ(f.object, "Namespace/shop");
  EXPECT_EQ(f.file, "ns.yaml");
  SetRun without_ns;
  without_ns.add("a.yaml", workload("a"));
  EXPECT_EQ(only(without_ns.run(), "namespace-without-default-deny").object, "Deployment/a");
}

TEST(DefaultDeny, PolicyWithRulesIsNotADefaultDeny) {
  SetRun s;
  s.add("a.yaml", workload("a")).add("np.yaml", policy("all", "    {}\n"));
  EXPECT_EQ(of(s.run(), "namespace-without-default-deny").size(), 1u);
  SetRun deny;
  deny.add("a.yaml", workload("a")).add("np.yaml", policy("all", "    {}\n", ""));
  EXPECT_TRUE(deny.run().empty()) << dump(deny.run());
}

} // namespace
} // namespace berth::check::test
