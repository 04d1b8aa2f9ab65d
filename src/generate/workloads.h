// The rules of the workload generator (Deployments, StatefulSets, Jobs, CronJobs, PVCs and
// pod specs), one function each, exposed for unit tests. generate_workloads() composes them.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "generate/context.h"
#include "yaml/node.h"

namespace berth::generate::workloads {

// --- resources.cpp ---------------------------------------------------------------------------
// The LimitRange whose defaults fill in missing requests/limits: the environment with the
// smallest default memory limit (so the base fits every environment), nullptr without any.
const profile::LimitRange* default_limit_range(const profile::Profile& profile);
// CPU quantity ("250m", "2", "0.5") → millicores; nullopt when malformed.
std::optional<std::int64_t> cpu_millis(std::string_view quantity);
// container.resources: {requests: {cpu, memory}, limits: {cpu, memory}} from deploy.resources,
// the profile's LimitRange defaults where Compose says nothing (reported Inferred).
yaml::Node container_resources(const model::Service& s, const profile::Profile& profile,
                               Report& report);

// --- probes.cpp ------------------------------------------------------------------------------
// A curl/wget health check of the container itself, as an httpGet probe target.
struct HttpCheck {
  std::string scheme = "HTTP";
  int port = 80;
  std::string path = "/";
};
// Recognizes `curl -fsS http://localhost:8080/health`, `wget -q --spider http://127.0.0.1/`,
// with `|| exit 1` tails; nullopt for anything else (other hosts, variables, pipes...).
std::optional<HttpCheck> parse_http_check(const std::vector<std::string>& argv);
std::optional<HttpCheck> parse_http_check(const model::Healthcheck& hc);
struct Probes {
  std::optional<yaml::Node> startup, liveness, readiness;
};
// Probes of a long-running service: from its healthcheck, else well-known database commands,
// else tcpSocket on its first port; none when disabled or nothing can be checked.
Probes make_probes(const ServicePlan& plan, Report& report);

// --- security_context.cpp --------------------------------------------------------------------
struct UserSpec {
  std::optional<std::int64_t> uid, gid;
  bool named = false; // "node", "www-data:www-data": not mappable to numbers
};
UserSpec parse_user(std::string_view user);
// True when the image is known to start as a non-root user (bitnami, *-unprivileged, ...).
bool image_runs_non_root(std::string_view image);
yaml::Node pod_security_context(const ServicePlan& plan, Report& report);
yaml::Node container_security_context(const ServicePlan& plan, Report& report);

// --- volumes.cpp -----------------------------------------------------------------------------
struct PodStorage {
  yaml::Node volumes = yaml::Node::sequence();       // pod.spec.volumes
  yaml::Node mounts = yaml::Node::sequence();        // container.volumeMounts
  yaml::Node claim_templates = yaml::Node::sequence(); // StatefulSet volumeClaimTemplates
  std::vector<std::string> pvcs;                     // PVC names the pod mounts (any owner)
};
// Size of named volume `volume` of a service: x-berth.storage, else the profile default for
// a data store or an ordinary service.
std::string volume_size(const ServicePlan& plan, const profile::Profile& profile,
                        std::string_view volume);
// The PersistentVolumeClaim object for a named volume owned by `plan`.
yaml::Node make_pvc(const Context& ctx, const ServicePlan& plan, std::string_view volume);
// The service that owns the PVC of a named volume: the first one (model order) mounting it.
const ServicePlan* volume_owner(const AppPlan& plan, std::string_view volume);
// emptyDir size from a `tmpfs:` entry's options ("/run:size=64m,mode=1777").
std::optional<std::int64_t> tmpfs_size(std::string_view entry);
// Mounts of every `volumes`, `tmpfs`, `shm_size`, `secrets` and `configs` entry; PVC objects of
// volumes owned by this service go to `out` (base/<svc>/pvc-<volume>.yaml).
PodStorage pod_storage(const Context& ctx, const ServicePlan& plan, Output& out);

// --- container.cpp ---------------------------------------------------------------------------
yaml::Node make_container(const Context& ctx, const ServicePlan& plan, const PodStorage& storage,
                          Report& report);

// --- pod_spec.cpp ----------------------------------------------------------------------------
// The pod template {metadata: {labels}, spec} of the workload.
yaml::Node make_pod_template(const Context& ctx, const ServicePlan& plan, Output& out,
                             PodStorage& storage);

// --- workloads_secrets.cpp -------------------------------------------------------------------
// Replaces literal secret env values in command/args with $(NAME) (kubelet expansion); true
// when something was replaced.
bool redact_args(const ServicePlan& plan, std::vector<std::string>& argv);
// Same for an exec command (probe, hook), which the kubelet does not expand: the command is
// run through `sh -c` with ${NAME} references instead.
bool redact_exec(const ServicePlan& plan, std::vector<std::string>& argv);

// --- workloads.cpp ---------------------------------------------------------------------------
// Deployment strategy: Recreate for singletons and RWO-volume services, else RollingUpdate from
// deploy.update_config (default maxSurge 25%, maxUnavailable 0).
yaml::Node deployment_strategy(const ServicePlan& plan, bool has_rwo_volume, Report& report);
// Job spec fields: backoffLimit, ttlSecondsAfterFinished, and the pod restartPolicy.
int job_backoff_limit(const model::Service& s);
std::string job_restart_policy(const model::Service& s);
yaml::Node make_workload(const Context& ctx, const ServicePlan& plan, Output& out);

// Seconds for a nanosecond duration, rounded up, at least `min`.
std::int64_t seconds_ceil(std::int64_t ns, std::int64_t min = 1);

} // namespace berth::generate::workloads
