// PrometheusRule per service and environment (seed 000 §9 template).
#include <cctype>

#include "generate/monitoring.h"
#include "kube/names.h"
#include "kube/object.h"

namespace berth::generate::monitoring {

using yaml::Node;

std::string scrape_job(const ServicePlan& plan, const std::string& ns, bool via_service) {
  // prometheus-operator's default job label: the Service name, or namespace/PodMonitor name.
  return via_service ? plan.name : ns + "/" + plan.name;
}

std::string pod_regex(const ServicePlan& plan) {
  // Pod names by controller: Deployment <name>-<rs hash>-<id>, StatefulSet <name>-<ordinal>,
  // DaemonSet/Job <name>-<id>, CronJob <name>-<time>-<id>. The regex is anchored by
  // Prometheus, so "web" never matches pods of "web-api".
  switch (plan.kind) {
  case model::WorkloadKind::Deployment: return plan.name + "-[a-z0-9]+-[a-z0-9]+";
  case model::WorkloadKind::StatefulSet: return plan.name + "-[0-9]+";
  case model::WorkloadKind::CronJob: return plan.name + "-[0-9]+-[a-z0-9]+";
  case model::WorkloadKind::DaemonSet:
  case model::WorkloadKind::Job: return plan.name + "-[a-z0-9]+";
  }
  return plan.name + "-.*";
}

namespace {

// "order-api" → "OrderApi": alert names are CamelCase by Prometheus convention.
std::string camel(const std::string& name) {
  std::string out;
  bool upper = true;
  for (char c : name) {
    if (!std::isalnum(static_cast<unsigned char>(c))) {
      upper = true;
      continue;
    }
    out += upper ? static_cast<char>(std::toupper(static_cast<unsigned char>(c))) : c;
    upper = false;
  }
  return out;
}

Node rule(const std::string& alert, const std::string& expr, const char* for_, const char* severity,
          const ServicePlan& plan, const profile::Environment& env, const std::string& summary,
          const std::string& description) {
  Node r = Node::mapping();
  r.set("alert", Node::str(alert));
  r.set("expr", Node::str(expr));
  if (for_) r.set("for", Node::str(for_));
  Node labels = Node::mapping();
  labels.set("severity", Node::str(severity));
  labels.set("service", Node::str(plan.name));
  labels.set("environment", Node::str(env.name));
  r.set("labels", std::move(labels));
  Node ann = Node::mapping();
  ann.set("summary", Node::str(summary));
  ann.set("description", Node::str(description));
  r.set("annotations", std::move(ann));
  return r;
}

} // namespace

Node make_prometheusrule(const Context& ctx, const ServicePlan& plan,
                         const profile::Environment& env, const std::string& job) {
  const std::string ns = profile::namespace_for(env, ctx.plan.app);
  const std::string name = kube::dns1123_label(ctx.plan.app + "-" + env.name + "-" + plan.name);
  const std::string alert = camel(plan.name);
  const std::string where = "namespace=\"" + ns + "\"";
  const std::string series = "{" + where + ", job=\"" + job + "\"";

  Node rules = Node::sequence();
  if (!job.empty()) {
    rules.push(rule(alert + "Down", "up" + series + "} == 0", "5m", "critical", plan, env,
                    plan.name + " is down in " + ns,
                    "{{ $labels.instance }} of " + plan.name +
                        " has not answered a metrics scrape for 5 minutes."));
    rules.push(rule(
        alert + "HighErrorRate",
        "sum(rate(http_requests_total" + series + ", status=~\"5..\"}[5m])) / sum(rate(" +
            "http_requests_total" + series + "}[5m])) > 0.05",
        "10m", "warning", plan, env, plan.name + " answers more than 5% errors in " + ns,
        "More than 5% of the requests of " + plan.name +
            " failed with a 5xx status for 10 minutes. Assumes the common http_requests_total "
            "counter with a `status` label; adapt the expression to the metrics the service "
            "exports."));
    rules.push(rule(
        alert + "HighLatency",
        "histogram_quantile(0.95, sum by (le) (rate(http_request_duration_seconds_bucket" +
            series + "}[5m]))) > 1",
        "10m", "warning", plan, env, plan.name + " is slow in " + ns,
        "The 95th percentile latency of " + plan.name +
            " has been above 1 s for 10 minutes. Assumes the common "
            "http_request_duration_seconds histogram; adapt the expression to the metrics the "
            "service exports."));
  }
  rules.push(rule(alert + "Restarting",
                  "increase(kube_pod_container_status_restarts_total{" + where + ", pod=~\"" +
                      pod_regex(plan) + "\"}[15m]) > 3",
                  nullptr, "warning", plan, env, plan.name + " keeps restarting in " + ns,
                  "{{ $labels.pod }} restarted more than 3 times in 15 minutes (crash loop, "
                  "failing liveness probe or OOM kill)."));

  Node group = Node::mapping();
  group.set("name", Node::str(name + ".rules"));
  group.set("interval", Node::str("60s"));
  group.set("rules", std::move(rules));
  Node groups = Node::sequence();
  groups.push(std::move(group));

  Node obj = kube::make_object("monitoring.coreos.com/v1", "PrometheusRule", name,
                               ctx.profile.observability.rules_namespace);
  auto labels = kube::standard_labels(ctx.plan.app, plan.name);
  for (const auto& [k, v] : ctx.profile.observability.rule_labels) labels[k] = v;
  kube::metadata(obj).set("labels", kube::string_map(labels));
  Node spec = Node::mapping();
  spec.set("groups", std::move(groups));
  obj.set("spec", std::move(spec));
  return obj;
}

} // namespace berth::generate::monitoring
