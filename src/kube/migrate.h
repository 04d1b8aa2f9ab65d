// API migration of one object: removed apiVersions (kube/api_catalog.h) rewritten to their
// current version with the structural changes the new version needs, not only the string.
#pragma once

#include <string>
#include <vector>

#include "yaml/node.h"

namespace berth::kube {

struct Migration {
  std::string from;                  // apiVersion before; empty when nothing changed
  std::string to;                    // apiVersion after; empty when removed
  bool removed = false;              // the API is gone without a replacement (PodSecurityPolicy)
  std::vector<std::string> changes;  // structural rewrites made, one sentence each
  std::vector<std::string> warnings; // behaviour differences or rewrites left to a person

  bool migrated() const { return !from.empty() && !removed; }
};

// Rewrites `object` in place when its apiVersion/kind is in the catalog of removed APIs.
// Objects of current APIs are untouched (Migration::from empty). Never throws: parts of an
// unexpected shape are left as they are and named in warnings.
Migration migrate(yaml::Node& object);

// The pieces (exposed for tests).
// v1beta1 Ingress backend {serviceName, servicePort} → v1 {service: {name, port}}.
yaml::Node ingress_backend_v1(const yaml::Node& backend);
// One autoscaling/v2beta1 metric spec → autoscaling/v2.
yaml::Node hpa_metric_v2(const yaml::Node& metric);

} // namespace berth::kube
