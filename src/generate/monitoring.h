// Rules of the observability generator (ServiceMonitor/PodMonitor, PrometheusRule), one
// function each, exposed for unit tests. generate_observability() composes them.
#pragma once

#include <string>

#include "generate/context.h"
#include "yaml/node.h"

namespace berth::generate::monitoring {

// --- servicemonitor.cpp ----------------------------------------------------------------------
// monitoring.coreos.com/v1 ServiceMonitor scraping `port` (a Service port name) of the
// service's Service, labelled for the profile's Prometheus discovery.
yaml::Node make_servicemonitor(const Context& ctx, const ServicePlan& plan,
                               const model::MetricsEndpoint& metrics, const std::string& port);
// PodMonitor for a service without a Service (nothing calls it): scrapes the container port.
yaml::Node make_podmonitor(const Context& ctx, const ServicePlan& plan,
                           const model::MetricsEndpoint& metrics, const std::string& port);

// --- alert_rules.cpp -------------------------------------------------------------------------
// The Prometheus `job` label of the service's scraped series: the Service name for a
// ServiceMonitor, "<namespace>/<podmonitor>" for a PodMonitor.
std::string scrape_job(const ServicePlan& plan, const std::string& ns, bool via_service);
// Regex matching the pod names of the workload (and no other workload's) in the namespace.
std::string pod_regex(const ServicePlan& plan);
// monitoring.coreos.com/v1 PrometheusRule of one service in one environment, in the profile's
// rules namespace: pod restarts always; down, 5xx error rate and p95 latency with metrics.
// `job` empty: the service has no scraped metrics.
yaml::Node make_prometheusrule(const Context& ctx, const ServicePlan& plan,
                               const profile::Environment& env, const std::string& job);

} // namespace berth::generate::monitoring
