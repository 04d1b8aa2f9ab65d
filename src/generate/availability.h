// Rules of the availability generator (per-environment replicas and priority, HPA, PDB, pod
// spreading), one function each, exposed for unit tests. generate_availability() composes them.
#pragma once

#include <optional>
#include <string>

#include "generate/context.h"
#include "yaml/node.h"

namespace berth::generate::availability {

// Replicas of a service in an environment (the plan's decision; 1 when the plan has none).
int replicas_in(const ServicePlan& plan, const std::string& env);
// True for the kinds whose replica count Kubernetes scales (Deployment, StatefulSet).
bool scalable(const ServicePlan& plan);
// "Deployment", "StatefulSet", "DaemonSet", "Job", "CronJob".
const char* kind_name(model::WorkloadKind kind);

// --- hpa.cpp ---------------------------------------------------------------------------------
// True when environment `env` gets an HorizontalPodAutoscaler: the service asks for one
// (x-berth.hpa), is scalable and not a singleton, and runs replicated there (replicas > 1 or
// HPA min > 1). A one-replica environment (staging) keeps a fixed single pod.
bool wants_hpa(const ServicePlan& plan, const std::string& env);
// autoscaling/v2 HorizontalPodAutoscaler named after the workload.
yaml::Node make_hpa(const AppPlan& app, const ServicePlan& plan, const model::Autoscaling& hpa);

// --- hpa_quota.cpp ---------------------------------------------------------------------------
// Lowers the maxReplicas of `env`'s HPAs (in out.overlay, never below minReplicas) until every
// workload of the namespace, the HPAs at their maximum, fits the environment's ResourceQuota
// (requests, limits and pods alike: the tightest entry binds), counted as `berth check` counts
// it. HPAs share the room equally in extra pods. Rollout surge is not counted: see the .cpp.
// Each cap, and each HPA whose minimum alone does not fit, is a Manual report entry.
void fit_hpas_to_quota(const Context& ctx, const profile::Environment& env, Output& out);

// --- pdb.cpp ---------------------------------------------------------------------------------
// Pods guaranteed to run in `env`: the replicas, or the HPA minimum where an HPA scales.
int min_pods_in(const ServicePlan& plan, const std::string& env);
// policy/v1 PodDisruptionBudget, minAvailable 1 (seed 000 §4). Only for ≥ 2 pods: with one
// pod it would block every node drain.
yaml::Node make_pdb(const AppPlan& app, const ServicePlan& plan);

// --- scheduling.cpp --------------------------------------------------------------------------
// Adds topologySpreadConstraints and a preferred podAntiAffinity over hostnames to a pod spec
// (ScheduleAnyway/preferred: the default cluster has a single node, where hard rules would
// leave replicas Pending).
void add_spreading(yaml::Node& pod_spec, const AppPlan& app, const ServicePlan& plan);

// --- replicas.cpp ----------------------------------------------------------------------------
// The strategic-merge patch of one workload in one environment: replicas (Deployment and
// StatefulSet, when not 1), priorityClassName (when the environment has one), spreading (when
// more than one pod can run). nullopt when there is nothing to change.
std::optional<yaml::Node> environment_patch(const Context& ctx, const ServicePlan& plan,
                                            const profile::Environment& env);

} // namespace berth::generate::availability
