// HorizontalPodAutoscaler (autoscaling/v2) from x-berth.hpa.
#include "generate/availability.h"
#include "kube/object.h"

namespace berth::generate::availability {

using yaml::Node;

bool wants_hpa(const ServicePlan& plan, const std::string& env) {
  const model::Service* s = plan.service;
  if (!s || !s->x_berth || !s->x_berth->hpa || plan.singleton || !scalable(plan)) return false;
  const model::Autoscaling& hpa = *s->x_berth->hpa;
  if (hpa.max <= 1) return false; // nothing to scale
  return replicas_in(plan, env) > 1 || hpa.min > 1;
}

namespace {

Node utilization_metric(const char* resource, int percent) {
  Node target = Node::mapping();
  target.set("type", Node::str("Utilization"));
  target.set("averageUtilization", Node::integer(percent));
  Node res = Node::mapping();
  res.set("name", Node::str(resource));
  res.set("target", std::move(target));
  Node metric = Node::mapping();
  metric.set("type", Node::str("Resource"));
  metric.set("resource", std::move(res));
  return metric;
}

Node policy(const char* type, int value, int period) {
  Node p = Node::mapping();
  p.set("type", Node::str(type));
  p.set("value", Node::integer(value));
  p.set("periodSeconds", Node::integer(period));
  return p;
}

// Scale down slowly (5 minutes of calm, at most half the pods a minute) so a traffic dip does
// not drop capacity; scale up at once (double, or +4 pods, every 15 s).
Node behavior() {
  Node down = Node::mapping();
  down.set("stabilizationWindowSeconds", Node::integer(300));
  Node down_policies = Node::sequence();
  down_policies.push(policy("Percent", 50, 60));
  down.set("policies", std::move(down_policies));
  Node up = Node::mapping();
  up.set("stabilizationWindowSeconds", Node::integer(0));
  Node up_policies = Node::sequence();
  up_policies.push(policy("Percent", 100, 15));
  up_policies.push(policy("Pods", 4, 15));
  up.set("policies", std::move(up_policies));
  up.set("selectPolicy", Node::str("Max"));
  Node b = Node::mapping();
  b.set("scaleDown", std::move(down));
  b.set("scaleUp", std::move(up));
  return b;
}

} // namespace

Node make_hpa(const AppPlan& app, const ServicePlan& plan, const model::Autoscaling& hpa) {
  Node obj = kube::make_object("autoscaling/v2", "HorizontalPodAutoscaler", plan.name);
  kube::metadata(obj).set("labels", kube::string_map(kube::standard_labels(app.app, plan.name)));
  Node spec = Node::mapping();
  Node target = Node::mapping();
  target.set("apiVersion", Node::str("apps/v1"));
  target.set("kind", Node::str(kind_name(plan.kind)));
  target.set("name", Node::str(plan.name));
  spec.set("scaleTargetRef", std::move(target));
  spec.set("minReplicas", Node::integer(hpa.min));
  spec.set("maxReplicas", Node::integer(hpa.max));
  Node metrics = Node::sequence();
  // Neither target given: 80 % CPU, the autoscaler's own default, written out.
  if (hpa.cpu || !hpa.memory) metrics.push(utilization_metric("cpu", hpa.cpu.value_or(80)));
  if (hpa.memory) metrics.push(utilization_metric("memory", *hpa.memory));
  spec.set("metrics", std::move(metrics));
  spec.set("behavior", behavior());
  obj.set("spec", std::move(spec));
  return obj;
}

} // namespace berth::generate::availability
