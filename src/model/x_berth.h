// The per-service `x-berth` extension: what Compose cannot say about running on Kubernetes.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "model/origin.h"

namespace berth::model {

enum class WorkloadKind { Deployment, StatefulSet, DaemonSet, Job, CronJob };
const char* to_string(WorkloadKind k);
std::optional<WorkloadKind> workload_kind_from(std::string_view text);

struct IngressRoute {
  int port = 0;      // container port
  std::string host;  // empty: the application's host
  std::string path;  // empty: "/"
  bool strip_prefix = false;
  Origin at;
  friend bool operator==(const IngressRoute&, const IngressRoute&) = default;
};

struct MetricsEndpoint {
  int port = 0;
  std::string path = "/metrics";
  Origin at;
  friend bool operator==(const MetricsEndpoint&, const MetricsEndpoint&) = default;
};

struct Autoscaling {
  int min = 1;
  int max = 1;
  std::optional<int> cpu;    // target average utilization, percent of requests
  std::optional<int> memory; // idem
  Origin at;
  friend bool operator==(const Autoscaling&, const Autoscaling&) = default;
};

struct BackupSpec {
  std::string schedule; // cron, validated
  Origin at;
  friend bool operator==(const BackupSpec&, const BackupSpec&) = default;
};

struct XBerth {
  std::optional<WorkloadKind> kind;
  std::string schedule; // cron, only with kind cronjob (required then)
  std::vector<IngressRoute> ingress;
  std::optional<MetricsEndpoint> metrics;
  std::optional<Autoscaling> hpa;
  std::map<std::string, std::string> storage; // named volume → Kubernetes quantity ("150Gi")
  std::map<std::string, int> replicas;        // environment → replica count
  bool session_affinity = false;
  bool singleton = false;
  std::optional<BackupSpec> backup;
  Origin at;
  friend bool operator==(const XBerth&, const XBerth&) = default;
};

// Keys allowed in an x-berth block, in documentation order.
extern const char* const kXBerthKeys[10];

// Reads and validates an x-berth mapping. Throws berth::Error at the offending node's
// file:line:column (unknown key with the allowed list, wrong type, bad cron, hpa min > max,
// singleton with hpa or replicas > 1, schedule without kind cronjob, ports out of 1..65535,
// invalid quantities).
XBerth parse_x_berth(const yaml::Node& node, std::string_view path = "x-berth");

// The normalized mapping (fixed key order, defaults omitted); parse_x_berth(to_node(x)) == x.
yaml::Node to_node(const XBerth& x);

} // namespace berth::model
