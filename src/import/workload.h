// Reading workloads of any kind the same way: their pod template, pod labels, containers, and
// whether a label selector picks their pods.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "yaml/node.h"

namespace berth::import {

// Deployment, StatefulSet, DaemonSet, ReplicaSet, ReplicationController, Job, CronJob, Pod.
bool is_workload(std::string_view kind);

// The pod template ({metadata, spec}) of a workload; for a Pod the object itself; nullptr for
// other kinds or odd shapes.
const yaml::Node* pod_template(const yaml::Node& object);
yaml::Node* pod_template(yaml::Node& object);
// The PodSpec inside the template; nullptr when absent.
const yaml::Node* pod_spec(const yaml::Node& object);
yaml::Node* pod_spec(yaml::Node& object);

// Labels the workload's pods carry.
std::map<std::string, std::string> pod_labels(const yaml::Node& object);

// initContainers then containers of a PodSpec (mappings only).
std::vector<const yaml::Node*> containers(const yaml::Node& spec);
std::vector<yaml::Node*> containers(yaml::Node& spec);

// True when `selector` selects `labels`. `set_based`: a LabelSelector ({matchLabels,
// matchExpressions}); otherwise a plain map (Service.spec.selector). An empty or absent
// selector selects nothing here (for grouping, "everything" is not an owner).
bool selects(const yaml::Node* selector, const std::map<std::string, std::string>& labels,
             bool set_based);

// Names a PodSpec refers to.
struct PodRefs {
  std::vector<std::string> config_maps;
  std::vector<std::string> secrets; // volumes, env, envFrom, imagePullSecrets
  std::vector<std::string> claims;
  std::string service_account; // "" when default
  std::string priority_class;
};
PodRefs pod_refs(const yaml::Node& spec);

// "deployment/web", "statefulset/db" (kubectl's TYPE/NAME).
std::string kubectl_ref(const yaml::Node& object);

} // namespace berth::import
