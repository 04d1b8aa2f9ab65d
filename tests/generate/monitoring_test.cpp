// Observability: ServiceMonitor/PodMonitor objects, alert rules, placement and report.
#include <gtest/gtest.h>

#include "generate/monitoring.h"
#include "yaml/emit.h"

namespace berth::generate {
namespace {

struct World {
  model::App app;
  profile::Profile profile = profile::default_profile();
  AppPlan plan;
  World() {
    app.name = "shop";
    plan.app = "shop";
  }
  void add(std::string name, model::WorkloadKind kind, std::optional<int> metrics_port,
           bool needs_service) {
    model::Service s;
    s.name = name;
    if (metrics_port) {
      s.x_berth = model::XBerth{};
      s.x_berth->metrics = model::MetricsEndpoint{};
      s.x_berth->metrics->port = *metrics_port;
    }
    app.services.push_back(s);
    ServicePlan p;
    p.name = name;
    p.kind = kind;
    p.needs_service = needs_service;
    PortPlan http;
    http.name = "http";
    http.port = 8080;
    p.ports.push_back(http);
    plan.services.push_back(p);
  }
  Context ctx() {
    for (std::size_t i = 0; i < plan.services.size(); ++i)
      plan.services[i].service = &app.services[i];
    return Context{app, profile, plan};
  }
};

TEST(Monitoring, ServiceMonitorExact) {
  World w;
  w.add("api", model::WorkloadKind::Deployment, 8080, true);
  Context ctx = w.ctx();
  EXPECT_EQ(yaml::emit(monitoring::make_servicemonitor(ctx, w.plan.services[0],
                                                       *w.app.services[0].x_berth->metrics, "http")),
            R"(apiVersion: monitoring.coreos.com/v1
kind: ServiceMonitor
metadata:
  name: api
  labels:
    app.kubernetes.io/managed-by: berth
    app.kubernetes.io/name: api
    app.kubernetes.io/part-of: shop
    release: kube-prometheus-stack
spec:
  selector:
    matchLabels:
      app.kubernetes.io/name: api
      app.kubernetes.io/part-of: shop
  endpoints:
    - port: http
      path: /metrics
      interval: 30s
      scrapeTimeout: 10s
)");
}

TEST(Monitoring, PodMonitorUsesPodMetricsEndpoints) {
  World w;
  w.add("worker", model::WorkloadKind::Deployment, 8080, false);
  Context ctx = w.ctx();
  yaml::Node pm = monitoring::make_podmonitor(ctx, w.plan.services[0],
                                              *w.app.services[0].x_berth->metrics, "http");
  EXPECT_EQ(pm.text("kind"), "PodMonitor");
  ASSERT_TRUE(pm.find("spec")->has("podMetricsEndpoints"));
  EXPECT_FALSE(pm.find("spec")->has("endpoints"));
}

TEST(Monitoring, PodRegexPerKind) {
  ServicePlan p;
  p.name = "web";
  EXPECT_EQ(monitoring::pod_regex(p), "web-[a-z0-9]+-[a-z0-9]+");
  p.kind = model::WorkloadKind::StatefulSet;
  EXPECT_EQ(monitoring::pod_regex(p), "web-[0-9]+");
  EXPECT_EQ(monitoring::scrape_job(p, "shop-prod", true), "web");
  EXPECT_EQ(monitoring::scrape_job(p, "shop-prod", false), "shop-prod/web");
}

TEST(Monitoring, RuleWithMetrics) {
  World w;
  w.add("order-api", model::WorkloadKind::Deployment, 8080, true);
  Context ctx = w.ctx();
  const profile::Environment& prod = *profile::find_environment(w.profile, "production");
  yaml::Node r = monitoring::make_prometheusrule(ctx, w.plan.services[0], prod, "order-api");
  EXPECT_EQ(r.text("apiVersion"), "monitoring.coreos.com/v1");
  EXPECT_EQ(r.find("metadata")->text("name"), "shop-production-order-api");
  EXPECT_EQ(r.find("metadata")->text("namespace"), "observability");
  const yaml::Node& labels = *r.find("metadata")->find("labels");
  EXPECT_EQ(labels.text("role"), "alert-rules");
  EXPECT_EQ(labels.text("prometheus"), "kube-prometheus-stack");
  EXPECT_EQ(labels.text("release"), "kube-prometheus-stack");
  const yaml::Node& group = r.find("spec")->find("groups")->items()[0];
  EXPECT_EQ(group.text("name"), "shop-production-order-api.rules");
  const auto& rules = group.find("rules")->items();
  ASSERT_EQ(rules.size(), 4u);
  EXPECT_EQ(rules[0].text("alert"), "OrderApiDown");
  EXPECT_EQ(rules[0].text("expr"), R"(up{namespace="shop-prod", job="order-api"} == 0)");
  EXPECT_EQ(rules[0].text("for"), "5m");
  EXPECT_EQ(rules[0].find("labels")->text("severity"), "critical");
  EXPECT_EQ(rules[1].text("alert"), "OrderApiHighErrorRate");
  EXPECT_EQ(rules[1].text("expr"),
            R"(sum(rate(http_requests_total{namespace="shop-prod", job="order-api", status=~"5.."}[5m])) / sum(rate(http_requests_total{namespace="shop-prod", job="order-api"}[5m])) > 0.05)");
  EXPECT_NE(rules[1].find("annotations")->text("description").find("http_requests_total"),
            std::string::npos);
  EXPECT_EQ(rules[2].text("alert"), "OrderApiHighLatency");
  EXPECT_EQ(rules[2].text("expr"),
            R"(histogram_quantile(0.95, sum by (le) (rate(http_request_duration_seconds_bucket{namespace="shop-prod", job="order-api"}[5m]))) > 1)");
  EXPECT_EQ(rules[3].text("alert"), "OrderApiRestarting");
  EXPECT_EQ(rules[3].text("expr"),
            R"(increase(kube_pod_container_status_restarts_total{namespace="shop-prod", pod=~"order-api-[a-z0-9]+-[a-z0-9]+"}[15m]) > 3)");
  EXPECT_FALSE(rules[3].has("for"));
  EXPECT_EQ(rules[3].find("labels")->text("environment"), "production");
}

TEST(Monitoring, RuleWithoutMetricsOnlyRestarts) {
  World w;
  w.add("db", model::WorkloadKind::StatefulSet, std::nullopt, true);
  Context ctx = w.ctx();
  const profile::Environment& st = *profile::find_environment(w.profile, "staging");
  yaml::Node r = monitoring::make_prometheusrule(ctx, w.plan.services[0], st, "");
  const auto& rules = r.find("spec")->find("groups")->items()[0].find("rules")->items();
  ASSERT_EQ(rules.size(), 1u);
  EXPECT_EQ(rules[0].text("alert"), "DbRestarting");
}

TEST(Monitoring, GeneratorPlacesObjectsAndReports) {
  World w;
  w.add("api", model::WorkloadKind::Deployment, 8080, true);
  w.add("worker", model::WorkloadKind::Deployment, 8080, false);
  w.add("bad", model::WorkloadKind::Deployment, 9999, true);
  w.add("job", model::WorkloadKind::CronJob, std::nullopt, false);
  Context ctx = w.ctx();
  Output out;
  generate_observability(ctx, out);
  ASSERT_EQ(out.base.size(), 2u);
  EXPECT_EQ(out.base[0].path, "base/api/servicemonitor.yaml");
  EXPECT_EQ(out.base[1].path, "base/worker/podmonitor.yaml");
  ASSERT_EQ(out.overlay["production"].size(), 3u); // api, worker, bad (restarts); not the job
  EXPECT_EQ(out.overlay["production"][0].path,
            "overlays/production/alerts/prometheusrule-api.yaml");
  EXPECT_EQ(out.overlay["staging"][1].path, "overlays/staging/alerts/prometheusrule-worker.yaml");
  // The PodMonitor's job label is namespace/name.
  const auto& worker_rules =
      out.overlay["staging"][1].object.find("spec")->find("groups")->items()[0].find("rules")->items();
  EXPECT_EQ(worker_rules[0].text("expr"), R"(up{namespace="shop-staging", job="shop-staging/worker"} == 0)");
  ASSERT_EQ(out.report.entries.size(), 3u);
  EXPECT_EQ(out.report.entries[2].service, "bad");
  EXPECT_EQ(out.report.entries[2].disposition, Disposition::Manual);
}

} // namespace
} // namespace berth::generate
