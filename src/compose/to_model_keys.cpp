// The disposition of every Compose service key: mapped into the model, or why Kubernetes
// cannot express it and what to do instead. tests/compose/key_coverage_test.cpp checks this
// table against the Compose Specification schema.
#include "compose/to_model.h"

namespace berth::compose {
namespace {

using D = KeyDisposition;

constexpr ServiceKeyRule kRules[] = {
    // --- image, build, process --------------------------------------------------------------
    {"image", D::Mapped, ""},
    {"build", D::Mapped, ""},
    {"pull_policy", D::Mapped, ""},
    {"platform", D::Mapped, ""},
    {"entrypoint", D::Mapped, ""},
    {"command", D::Mapped, ""},
    {"working_dir", D::Mapped, ""},
    {"user", D::Mapped, ""},
    {"group_add", D::Mapped, ""},
    {"tty", D::Mapped, ""},
    {"stdin_open", D::Mapped, ""},
    {"post_start", D::Mapped, ""},
    {"pre_stop", D::Mapped, ""},
    {"stop_grace_period", D::Mapped, ""},
    {"env_file", D::Mapped, ""},
    {"environment", D::Mapped, ""},
    // --- networking ---------------------------------------------------------------------------
    {"ports", D::Mapped, ""},
    {"expose", D::Mapped, ""},
    {"networks", D::Mapped, ""},
    {"network_mode", D::Conditional,
     "`service:`/`container:` network sharing needs the containers in one pod: merge the two "
     "services into one workload with two containers (they then share localhost)"},
    {"hostname", D::Mapped, ""},
    {"extra_hosts", D::Mapped, ""},
    {"dns", D::Mapped, ""},
    {"dns_search", D::Mapped, ""},
    {"dns_opt", D::Mapped, ""},
    // --- storage ------------------------------------------------------------------------------
    {"volumes", D::Mapped, ""},
    {"tmpfs", D::Mapped, ""},
    {"shm_size", D::Mapped, ""},
    // --- health, ordering, scale, resources ---------------------------------------------------
    {"healthcheck", D::Mapped, ""},
    {"depends_on", D::Mapped, ""},
    {"restart", D::Mapped, ""},
    {"deploy", D::Mapped, ""},
    {"scale", D::Mapped, ""},
    {"mem_limit", D::Mapped, ""},
    {"mem_reservation", D::Mapped, ""},
    {"cpus", D::Mapped, ""},
    {"pids_limit", D::Mapped, ""},
    // --- security -----------------------------------------------------------------------------
    {"privileged", D::Mapped, ""},
    {"read_only", D::Mapped, ""},
    {"cap_add", D::Mapped, ""},
    {"cap_drop", D::Mapped, ""},
    {"security_opt", D::Mapped, ""},
    {"sysctls", D::Mapped, ""},
    {"pid", D::Conditional,
     "sharing another container's PID namespace needs both in one pod: merge the services into "
     "one workload and set shareProcessNamespace: true"},
    {"ipc", D::Conditional,
     "sharing another container's IPC namespace needs both in one pod: merge the services into "
     "one workload (containers of a pod share IPC)"},
    {"secrets", D::Mapped, ""},
    {"configs", D::Mapped, ""},
    // --- metadata -----------------------------------------------------------------------------
    {"labels", D::Mapped, ""},
    {"annotations", D::Mapped, ""},
    {"profiles", D::Mapped, ""},
    // --- resolved earlier ---------------------------------------------------------------------
    {"extends", D::Loader, "resolved by the loader before conversion"},
    // --- not expressible in Kubernetes --------------------------------------------------------
    {"container_name", D::Dropped,
     "Kubernetes names pods itself; other services reach this one through its Service name"},
    {"links", D::Dropped,
     "every Service has a cluster DNS name; use the service name (or a network alias) instead "
     "of links"},
    {"external_links", D::Dropped,
     "reach containers outside the application through a Service of type ExternalName or a "
     "Service with manual EndpointSlices"},
    {"volumes_from", D::Dropped,
     "mount the same named volume (PVC) in both services, or run both containers in one pod"},
    {"init", D::Dropped,
     "containers have no init flag; add tini/dumb-init to the image entrypoint, or set "
     "shareProcessNamespace: true so the pause process reaps zombies"},
    {"stop_signal", D::Dropped,
     "the kubelet always sends SIGTERM unless the image declares STOPSIGNAL; set STOPSIGNAL in "
     "the Dockerfile, or trap SIGTERM / use a preStop hook"},
    {"ulimits", D::Dropped,
     "Kubernetes has no per-container ulimits (they come from the node's container runtime); "
     "raise them in the image entrypoint or in the runtime's configuration on the nodes"},
    {"logging", D::Dropped,
     "container logs go to the node's runtime log files; collect them with the cluster's log "
     "agent (Promtail/Fluent Bit) instead of a per-container logging driver"},
    {"devices", D::Dropped,
     "pods cannot map host devices without privileged mode; expose the device through a device "
     "plugin and request its extended resource"},
    {"device_cgroup_rules", D::Dropped,
     "no pod equivalent; expose devices through a device plugin"},
    {"gpus", D::Dropped,
     "request GPUs as an extended resource (resources.limits nvidia.com/gpu) with the NVIDIA "
     "device plugin installed"},
    {"domainname", D::Dropped,
     "pods get their domain from cluster DNS (<service>.<namespace>.svc); for a custom "
     "subdomain use a headless Service and spec.subdomain"},
    {"mac_address", D::Dropped, "the CNI assigns pod MAC addresses"},
    {"cgroup", D::Dropped, "pods always run in a private cgroup namespace"},
    {"cgroup_parent", D::Dropped,
     "the kubelet places pods in its own cgroup hierarchy by QoS class; set requests/limits"},
    {"cpu_count", D::Dropped, "Windows-only; set deploy.resources.limits.cpus instead"},
    {"cpu_percent", D::Dropped, "Windows-only; set deploy.resources.limits.cpus instead"},
    {"cpu_shares", D::Dropped,
     "relative CPU weight comes from the CPU request; set deploy.resources.reservations.cpus"},
    {"cpu_quota", D::Dropped,
     "the CFS quota is derived from the CPU limit; set deploy.resources.limits.cpus"},
    {"cpu_period", D::Dropped,
     "the CFS period is a kubelet setting; set deploy.resources.limits.cpus"},
    {"cpu_rt_period", D::Dropped, "real-time CPU scheduling is not available to pods"},
    {"cpu_rt_runtime", D::Dropped, "real-time CPU scheduling is not available to pods"},
    {"cpuset", D::Dropped,
     "pin CPUs with the kubelet's static CPU manager policy and an integer CPU request equal to "
     "the limit (Guaranteed QoS)"},
    {"blkio_config", D::Dropped,
     "Kubernetes has no per-container block-IO weights or throttles; use a storage class with "
     "IOPS limits"},
    {"mem_swappiness", D::Dropped, "swap is a node-level kubelet setting (NodeSwap feature)"},
    {"memswap_limit", D::Dropped, "swap is a node-level kubelet setting (NodeSwap feature)"},
    {"oom_kill_disable", D::Dropped,
     "the OOM killer cannot be disabled for a pod; set the memory request equal to the limit "
     "(Guaranteed QoS) and size the limit generously"},
    {"oom_score_adj", D::Dropped,
     "the kubelet sets OOM scores from the QoS class; use Guaranteed QoS for important pods"},
    {"isolation", D::Dropped, "container isolation technology is not configurable per pod"},
    {"runtime", D::Dropped,
     "create a RuntimeClass for that runtime on the cluster and set runtimeClassName"},
    {"storage_opt", D::Dropped,
     "limit the writable layer with resources.limits.ephemeral-storage instead"},
    {"userns_mode", D::Dropped,
     "user namespaces are set with hostUsers: false (Kubernetes >= 1.30) where nodes support it"},
    {"uts", D::Dropped, "pods cannot join the host UTS namespace; set hostname instead"},
    {"credential_spec", D::Dropped,
     "Windows gMSA: use securityContext.windowsOptions.gmsaCredentialSpecName on Windows nodes"},
    {"attach", D::Dropped, "log attachment is a docker compose CLI behaviour; use kubectl logs"},
    {"label_file", D::Dropped,
     "label files are not read by berth; write the labels inline under `labels`"},
    {"develop", D::Dropped,
     "Compose Watch is a development loop; use Tilt, Skaffold or DevSpace against the cluster"},
    {"models", D::Dropped,
     "Docker Model Runner is not available in Kubernetes; deploy the model server as a service"},
    {"provider", D::Dropped,
     "provider services are created by an external tool; provision that resource separately and "
     "pass its endpoint through environment"},
    {"pull_refresh_after", D::Dropped,
     "pull refresh follows imagePullPolicy; use immutable tags bumped by GitOps"},
    {"use_api_socket", D::Dropped,
     "K3s nodes run containerd, not the Docker API; build in CI or use a Kubernetes "
     "ServiceAccount for API access"},
};

} // namespace

std::span<const ServiceKeyRule> service_key_rules() { return kRules; }

const ServiceKeyRule* find_service_key_rule(std::string_view key) {
  for (const ServiceKeyRule& r : kRules)
    if (r.key == key) return &r;
  return nullptr;
}

} // namespace berth::compose
