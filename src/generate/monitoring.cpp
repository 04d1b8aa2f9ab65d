// generate_observability: ServiceMonitors (or PodMonitors) and per-environment alert rules.
#include "generate/monitoring.h"

namespace berth::generate {

using namespace monitoring;

namespace {

// Long-running workloads get a restart alert; Jobs and CronJobs end, and kube-prometheus-stack
// already alerts on failed Jobs.
bool long_running(const ServicePlan& plan) {
  return plan.kind == model::WorkloadKind::Deployment ||
         plan.kind == model::WorkloadKind::StatefulSet ||
         plan.kind == model::WorkloadKind::DaemonSet;
}

} // namespace

void generate_observability(const Context& ctx, Output& out) {
  for (const ServicePlan& plan : ctx.plan.services) {
    if (!plan.service) continue;
    const model::Service& s = *plan.service;
    const model::MetricsEndpoint* metrics =
        s.x_berth && s.x_berth->metrics ? &*s.x_berth->metrics : nullptr;
    bool scraped = false;
    if (metrics) {
      const PortPlan* port = plan.port(metrics->port);
      if (!port) {
        out.report.add(s.name, "x-berth.metrics", Disposition::Manual,
                       "port " + std::to_string(metrics->port) +
                           " is not a port of the service: no scrape configured; add it to "
                           "`ports`/`expose`",
                       metrics->at.loc);
      } else if (plan.needs_service) {
        out.add_base("base/" + plan.name + "/servicemonitor.yaml",
                     make_servicemonitor(ctx, plan, *metrics, port->name));
        out.report.add(s.name, "x-berth.metrics", Disposition::Translated,
                       "ServiceMonitor on Service port " + port->name + " " + metrics->path +
                           " every 30s, and alert rules",
                       metrics->at.loc);
        scraped = true;
      } else {
        out.add_base("base/" + plan.name + "/podmonitor.yaml",
                     make_podmonitor(ctx, plan, *metrics, port->name));
        out.report.add(s.name, "x-berth.metrics", Disposition::Translated,
                       "PodMonitor on container port " + port->name + " " + metrics->path +
                           " every 30s (no Service: nothing else calls it), and alert rules",
                       metrics->at.loc);
        scraped = true;
      }
    }
    if (!scraped && !long_running(plan)) continue;
    for (const profile::Environment& env : ctx.profile.environments) {
      std::string job;
      if (scraped)
        job = scrape_job(plan, profile::namespace_for(env, ctx.plan.app), plan.needs_service);
      out.add_overlay(env.name, "overlays/" + env.name + "/alerts/prometheusrule-" + plan.name +
                                    ".yaml",
                      make_prometheusrule(ctx, plan, env, job));
    }
  }
}

} // namespace berth::generate
