// Spreading replicated pods over nodes: topology spread + preferred anti-affinity.
#include "generate/availability.h"
#include "kube/object.h"

namespace berth::generate::availability {

using yaml::Node;

namespace {
constexpr const char* kHostname = "kubernetes.io/hostname";

Node label_selector(const AppPlan& app, const ServicePlan& plan) {
  Node sel = Node::mapping();
  sel.set("matchLabels", kube::string_map(kube::selector_labels(app.app, plan.name)));
  return sel;
}
} // namespace

void add_spreading(Node& pod_spec, const AppPlan& app, const ServicePlan& plan) {
  Node term = Node::mapping();
  term.set("labelSelector", label_selector(app, plan));
  term.set("topologyKey", Node::str(kHostname));
  Node weighted = Node::mapping();
  weighted.set("weight", Node::integer(100));
  weighted.set("podAffinityTerm", std::move(term));
  Node preferred = Node::sequence();
  preferred.push(std::move(weighted));
  Node anti = Node::mapping();
  anti.set("preferredDuringSchedulingIgnoredDuringExecution", std::move(preferred));
  Node affinity = Node::mapping();
  affinity.set("podAntiAffinity", std::move(anti));
  pod_spec.set("affinity", std::move(affinity));

  Node spread = Node::mapping();
  spread.set("maxSkew", Node::integer(1));
  spread.set("topologyKey", Node::str(kHostname));
  spread.set("whenUnsatisfiable", Node::str("ScheduleAnyway"));
  spread.set("labelSelector", label_selector(app, plan));
  Node spreads = Node::sequence();
  spreads.push(std::move(spread));
  pod_spec.set("topologySpreadConstraints", std::move(spreads));
}

} // namespace berth::generate::availability
