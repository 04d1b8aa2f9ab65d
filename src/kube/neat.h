// Cleaning exported objects (`kubectl get -o yaml`) back to what a person would have written:
// server-set fields, injected volumes and fields equal to the API server's defaults removed.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "yaml/node.h"

namespace berth::kube {

struct NeatOptions {
  // Service nodePorts are allocated by the cluster; keep them only when they were pinned on
  // purpose (something outside the cluster points at them).
  bool keep_node_ports = false;
};

// A removal a person should hear about (it may have meant something), as opposed to noise.
struct NeatNote {
  std::string field;  // "spec.ports[http].nodePort"
  std::string detail; // why it went and what to do if it mattered
};

struct NeatResult {
  std::vector<std::string> server_fields; // server-set fields removed: "status", "metadata.uid"
  std::vector<std::string> defaults;      // API defaults removed: "spec.revisionHistoryLimit=10"
  std::vector<NeatNote> notes;            // removals worth reporting one by one
};

// Cleans `object` in place (any kind; unknown kinds get the metadata rules only). Never throws
// on odd input: fields of an unexpected type are left alone.
NeatResult neat(yaml::Node& object, const NeatOptions& options = {});

// The pieces, exposed for tests and for the import stage.
// Cleans a PodSpec (the spec of a Pod or of a pod template). `job` selects the Job rules
// (restartPolicy has no default there).
void neat_pod_spec(yaml::Node& spec, bool job, const std::string& path, NeatResult& result);
// imagePullPolicy the API server fills in for `image`: Always for :latest or no tag, else
// IfNotPresent (a digest counts as a tag).
std::string default_pull_policy(std::string_view image);
// Annotations the cluster or its tools write, never a person (last-applied-configuration,
// deployment revision, pv.kubernetes.io/*, provisioner and selected-node annotations...).
bool is_server_annotation(std::string_view key);
// Labels controllers add to the objects they create (pod-template-hash, controller-uid...).
bool is_controller_label(std::string_view key);

} // namespace berth::kube
