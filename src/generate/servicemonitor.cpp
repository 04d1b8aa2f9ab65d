// ServiceMonitor / PodMonitor from x-berth.metrics (seed 000 §8).
#include "generate/monitoring.h"
#include "kube/object.h"

namespace berth::generate::monitoring {

using yaml::Node;

namespace {

Node monitor(const Context& ctx, const ServicePlan& plan, const char* kind) {
  Node obj = kube::make_object("monitoring.coreos.com/v1", kind, plan.name);
  auto labels = kube::standard_labels(ctx.plan.app, plan.name);
  for (const auto& [k, v] : ctx.profile.observability.servicemonitor_labels) labels[k] = v;
  kube::metadata(obj).set("labels", kube::string_map(labels));
  return obj;
}

Node endpoint(const model::MetricsEndpoint& metrics, const std::string& port) {
  Node e = Node::mapping();
  e.set("port", Node::str(port));
  e.set("path", Node::str(metrics.path.empty() ? "/metrics" : metrics.path));
  e.set("interval", Node::str("30s"));
  e.set("scrapeTimeout", Node::str("10s"));
  return e;
}

Node spec(const Context& ctx, const ServicePlan& plan, const char* endpoints_key, Node ep) {
  Node spec = Node::mapping();
  Node sel = Node::mapping();
  sel.set("matchLabels", kube::string_map(kube::selector_labels(ctx.plan.app, plan.name)));
  spec.set("selector", std::move(sel));
  Node eps = Node::sequence();
  eps.push(std::move(ep));
  spec.set(endpoints_key, std::move(eps));
  return spec;
}

} // namespace

Node make_servicemonitor(const Context& ctx, const ServicePlan& plan,
                         const model::MetricsEndpoint& metrics, const std::string& port) {
  Node obj = monitor(ctx, plan, "ServiceMonitor");
  obj.set("spec", spec(ctx, plan, "endpoints", endpoint(metrics, port)));
  return obj;
}

Node make_podmonitor(const Context& ctx, const ServicePlan& plan,
                     const model::MetricsEndpoint& metrics, const std::string& port) {
  Node obj = monitor(ctx, plan, "PodMonitor");
  obj.set("spec", spec(ctx, plan, "podMetricsEndpoints", endpoint(metrics, port)));
  return obj;
}

} // namespace berth::generate::monitoring
