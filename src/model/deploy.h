// `deploy:` section: replicas, resources (also fed by the legacy mem_limit/cpus keys), policies.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "model/origin.h"

namespace berth::model {

struct ResourceSet {
  std::optional<std::int64_t> cpu_milli;    // millicores
  std::optional<std::int64_t> memory_bytes;
  std::optional<std::int64_t> pids;
  std::vector<yaml::Node> devices;          // reservations.devices (GPUs...), kept verbatim
  friend bool operator==(const ResourceSet&, const ResourceSet&) = default;
  bool empty() const { return !cpu_milli && !memory_bytes && !pids && devices.empty(); }
};

struct Resources {
  ResourceSet limits;
  ResourceSet reservations;
  friend bool operator==(const Resources&, const Resources&) = default;
};

struct RestartPolicy {
  std::string condition; // none | on-failure | any
  std::optional<std::int64_t> delay_ns;
  std::optional<int> max_attempts;
  std::optional<std::int64_t> window_ns;
  friend bool operator==(const RestartPolicy&, const RestartPolicy&) = default;
};

// update_config and rollback_config.
struct UpdateConfig {
  std::optional<int> parallelism;
  std::optional<std::int64_t> delay_ns;
  std::string failure_action;
  std::optional<std::int64_t> monitor_ns;
  std::optional<double> max_failure_ratio;
  std::string order; // start-first | stop-first
  friend bool operator==(const UpdateConfig&, const UpdateConfig&) = default;
};

struct Placement {
  std::vector<std::string> constraints;      // "node.role==manager", ...
  std::vector<std::string> spread;           // preferences: [{spread: X}]
  std::optional<int> max_replicas_per_node;
  friend bool operator==(const Placement&, const Placement&) = default;
};

struct Deploy {
  std::string mode; // replicated | global | replicated-job | global-job; empty: replicated
  std::optional<int> replicas; // deploy.replicas, or the legacy `scale`
  Resources resources;
  std::optional<RestartPolicy> restart_policy;
  std::optional<UpdateConfig> update_config;
  std::optional<UpdateConfig> rollback_config;
  Placement placement;
  std::map<std::string, std::string> labels;
  friend bool operator==(const Deploy&, const Deploy&) = default;
};

} // namespace berth::model
