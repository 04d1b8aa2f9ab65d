// Host access: the node's network/PID/IPC namespaces, host ports, hostPath volumes and, worst of
// all, the container runtime's socket.
#include <array>

#include "check/policy/topics.h"

namespace berth::check::policy {

namespace {

constexpr std::string_view kHostNetwork = "host-network";
constexpr std::string_view kHostPid = "host-pid";
constexpr std::string_view kHostIpc = "host-ipc";
constexpr std::string_view kHostPort = "host-port";
constexpr std::string_view kHostPath = "host-path-volume";
constexpr std::string_view kRuntimeSocket = "container-runtime-socket";

const RuleInfo kRules[] = {
    {kHostNetwork, Family::Policy, Area::Security, Severity::Error, true,
     "A pod shares the node's network namespace (hostNetwork: true).",
     "Remove hostNetwork and expose the port through a Service (or a hostPort if it must be on "
     "the node's address).",
     "With the node's network the pod can bind any node port, sniff node traffic and reach "
     "services listening on localhost, and NetworkPolicies no longer isolate it. Forbidden by "
     "Pod Security Baseline; kube-linter (host-network) and Polaris (hostNetworkSet, danger) "
     "flag it."},
    {kHostPid, Family::Policy, Area::Security, Severity::Error, true,
     "A pod shares the node's PID namespace (hostPID: true).", "Remove hostPID.",
     "The pod sees and can signal or trace every process of the node, and read their "
     "environments. Forbidden by Pod Security Baseline; kube-linter (host-pid) and Polaris "
     "(hostPIDSet, danger) flag it."},
    {kHostIpc, Family::Policy, Area::Security, Severity::Error, true,
     "A pod shares the node's IPC namespace (hostIPC: true).", "Remove hostIPC.",
     "The pod can read and write shared memory of every process on the node. Forbidden by Pod "
     "Security Baseline; kube-linter (host-ipc) and Polaris (hostIPCSet, danger) flag it."},
    {kHostPort, Family::Policy, Area::Security, Severity::Warning, true,
     "A container binds a port on the node (hostPort).",
     "Remove hostPort and expose the container through a Service (ClusterIP behind the "
     "ingress, or LoadBalancer/NodePort).",
     "A hostPort ties the pod to nodes where the port is free (two replicas cannot share a "
     "node) and bypasses Service-level controls. Pod Security Baseline allows only a known "
     "list; Polaris (hostPortSet) warns."},
    {kHostPath, Family::Policy, Area::Security, Severity::Warning, true,
     "A pod mounts a directory or file of the node (hostPath volume).",
     "Use a PersistentVolumeClaim for data, a ConfigMap/Secret for files, an emptyDir for "
     "scratch space; node agents that truly need host files should mount them readOnly.",
     "hostPath data is tied to one node, survives the pod unmanaged, and a writable mount of "
     "host directories is a direct route to the node (write a cron job, replace a binary). Pod "
     "Security Baseline forbids hostPath; Polaris (hostPathSet) warns and kube-linter flags "
     "sensitive directories. A warning because log and metrics agents (DaemonSets) need it."},
    {kRuntimeSocket, Family::Policy, Area::Security, Severity::Error, true,
     "A pod mounts the container runtime's socket (docker.sock, containerd.sock, crio.sock) or "
     "the directory holding it.",
     "Remove the mount. To build images in the cluster use a rootless builder (BuildKit "
     "rootless, kaniko); to inspect containers use the Kubernetes API.",
     "Whoever talks to the runtime socket can start a privileged container with the node's "
     "root filesystem: full control of the node. kube-linter (docker-sock) flags it by "
     "default. Also matched: /run, /var/run and the runtime state directories that contain "
     "the sockets (K3s keeps containerd's under /run/k3s/containerd)."},
};

constexpr std::array<std::string_view, 4> kSocketFiles{"docker.sock", "containerd.sock",
                                                       "crio.sock", "cri-dockerd.sock"};
constexpr std::array<std::string_view, 10> kSocketDirs{"/run",
                                                       "/var/run",
                                                       "/run/docker",
                                                       "/var/run/docker",
                                                       "/run/containerd",
                                                       "/var/run/containerd",
                                                       "/run/k3s/containerd",
                                                       "/run/crio",
                                                       "/var/run/crio",
                                                       "/run/k3s"};

bool runtime_socket(std::string_view path) {
  while (path.size() > 1 && path.back() == '/')
    path.remove_suffix(1);
  for (std::string_view f : kSocketFiles)
    if (path.size() >= f.size() && path.substr(path.size() - f.size()) == f) return true;
  for (std::string_view d : kSocketDirs)
    if (path == d) return true;
  return false;
}

void host_namespace(const Pod& pod, std::string_view field, std::string_view rule,
                    std::string_view what, Context& ctx) {
  const yaml::Node* n = get(pod.spec, field);
  if (is_true(n) && ctx.enabled(rule))
    ctx.report(rule, &pod.object.info, n->loc(),
               "the pod shares the node's " + std::string(what) + " (" + std::string(field) +
                   ": true)");
}

} // namespace

void host_access_rules(std::vector<RuleInfo>& out) {
  out.insert(out.end(), std::begin(kRules), std::end(kRules));
}

void check_host_access(const Pod& pod, Context& ctx) {
  const ObjectInfo* info = &pod.object.info;
  host_namespace(pod, "hostNetwork", kHostNetwork, "network namespace", ctx);
  host_namespace(pod, "hostPID", kHostPid, "process namespace", ctx);
  host_namespace(pod, "hostIPC", kHostIpc, "IPC namespace", ctx);

  // With hostNetwork every containerPort is a host port already; host-network said so.
  if (!is_true(get(pod.spec, "hostNetwork"))) {
    for_each_container(pod, [&](const Container& c) {
      for (const yaml::Node& port : items(get(c.node, "ports"))) {
        const yaml::Node* host_port = get(port, "hostPort");
        std::optional<std::int64_t> p = integer(host_port);
        if (p && *p != 0 && ctx.enabled(kHostPort))
          ctx.report(kHostPort, info, host_port->loc(),
                     describe(c) + " binds port " + std::to_string(*p) + " on the node (hostPort)");
      }
    });
  }

  for (const yaml::Node& volume : items(get(pod.spec, "volumes"))) {
    const yaml::Node* host_path = get(volume, "hostPath");
    if (!host_path) continue;
    const yaml::Node* path_node = get(host_path, "path");
    std::string_view path = text(path_node);
    std::string_view name = text_at(&volume, "name");
    if (runtime_socket(path)) {
      if (ctx.enabled(kRuntimeSocket))
        ctx.report(kRuntimeSocket, info, path_node->loc(),
                   "volume \"" + std::string(name) + "\" mounts " + std::string(path) +
                       " from the node, which exposes the container runtime's socket");
    } else if (ctx.enabled(kHostPath)) {
      ctx.report(kHostPath, info, host_path->loc(),
                 "volume \"" + std::string(name) + "\" mounts " +
                     (path.empty() ? std::string("a path") : std::string(path)) +
                     " from the node (hostPath)");
    }
  }
}

} // namespace berth::check::policy
