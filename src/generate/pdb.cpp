// PodDisruptionBudget (policy/v1) for workloads that run more than one pod.
#include "generate/availability.h"
#include "kube/object.h"

namespace berth::generate::availability {

using yaml::Node;

int min_pods_in(const ServicePlan& plan, const std::string& env) {
  if (wants_hpa(plan, env)) return plan.service->x_berth->hpa->min;
  return replicas_in(plan, env);
}

Node make_pdb(const AppPlan& app, const ServicePlan& plan) {
  Node obj = kube::make_object("policy/v1", "PodDisruptionBudget", plan.name);
  kube::metadata(obj).set("labels", kube::string_map(kube::standard_labels(app.app, plan.name)));
  Node spec = Node::mapping();
  spec.set("minAvailable", Node::integer(1));
  Node sel = Node::mapping();
  sel.set("matchLabels", kube::string_map(kube::selector_labels(app.app, plan.name)));
  spec.set("selector", std::move(sel));
  obj.set("spec", std::move(spec));
  return obj;
}

} // namespace berth::generate::availability
