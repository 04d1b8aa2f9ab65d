// Pod and container securityContext: hardened defaults, Compose user/caps/privileged/read_only.
#include <algorithm>
#include <cctype>
#include <charconv>

#include "generate/workloads.h"
#include "kube/pod_security.h"

namespace berth::generate::workloads {

using yaml::Node;

namespace {

std::optional<std::int64_t> number(std::string_view text) {
  std::int64_t v = 0;
  if (text.empty()) return std::nullopt;
  auto [p, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (ec != std::errc() || p != text.data() + text.size() || v < 0) return std::nullopt;
  return v;
}

// Capabilities the entrypoints of official database images need while they still run as root
// (chown the data directory, then gosu/su-exec to the database user).
const std::vector<std::string> kRootEntrypointCaps = {"CHOWN", "DAC_OVERRIDE", "FOWNER",
                                                      "SETGID", "SETUID"};

std::string cap_name(std::string_view cap) {
  std::string c(cap);
  std::transform(c.begin(), c.end(), c.begin(), ::toupper);
  if (c.starts_with("CAP_")) c.erase(0, 4);
  return c;
}

bool has_low_port(const ServicePlan& plan) {
  return std::any_of(plan.ports.begin(), plan.ports.end(),
                     [](const PortPlan& p) { return p.port < 1024; });
}

bool has_named_volume(const model::Service& s) {
  return std::any_of(s.volumes.begin(), s.volumes.end(),
                     [](const model::Mount& m) { return m.is_named_volume(); });
}

// Whether the pod is known to run as non-root, and why (for the report).
enum class NonRoot { Yes, Assumed, Root, Unknown };

NonRoot non_root(const ServicePlan& plan) {
  UserSpec u = parse_user(plan.service->user);
  if (u.uid) return *u.uid == 0 ? NonRoot::Root : NonRoot::Yes;
  if (plan.service->user == "root") return NonRoot::Root;
  if (!plan.service->user.empty()) return NonRoot::Unknown; // a user name
  if (image_runs_non_root(plan.image)) return NonRoot::Yes;
  if (plan.built) return NonRoot::Assumed;
  return NonRoot::Unknown;
}

} // namespace

UserSpec parse_user(std::string_view user) {
  UserSpec spec;
  if (user.empty()) return spec;
  auto colon = user.find(':');
  std::string_view u = user.substr(0, colon);
  std::string_view g = colon == std::string_view::npos ? "" : user.substr(colon + 1);
  spec.uid = number(u);
  if (!u.empty() && !spec.uid) spec.named = true;
  if (!g.empty()) {
    spec.gid = number(g);
    if (!spec.gid) spec.named = true;
  }
  return spec;
}

bool image_runs_non_root(std::string_view image) {
  // Images documented to start as an unprivileged user.
  return image.starts_with("bitnami/") || image.find("/bitnami/") != std::string_view::npos ||
         image.find("-unprivileged") != std::string_view::npos ||
         image.find(":nonroot") != std::string_view::npos ||
         image.find("-nonroot") != std::string_view::npos;
}

Node pod_security_context(const ServicePlan& plan, Report& report) {
  const model::Service& s = *plan.service;
  Node sc = Node::mapping();
  switch (non_root(plan)) {
  case NonRoot::Yes:
    sc.set("runAsNonRoot", Node::boolean(true));
    break;
  case NonRoot::Assumed:
    sc.set("runAsNonRoot", Node::boolean(true));
    report.add(s.name, "build", Disposition::Inferred,
               "runAsNonRoot: true assumes the Dockerfile sets a non-root numeric USER; the "
               "pod will not start otherwise",
               s.at.loc);
    break;
  case NonRoot::Root:
    report.add(s.name, "user", Disposition::Manual,
               "the container runs as root (user: " + s.user +
                   "); prefer a non-root user and set runAsNonRoot: true",
               s.at.loc);
    break;
  case NonRoot::Unknown:
    if (plan.family != DataFamily::None && s.user.empty())
      // Official database images start as root on purpose; say so, so that the warnings
      // `berth check` gives for them are read as expected rather than as a generator slip.
      report.add(s.name, "securityContext", Disposition::Manual,
                 "image " + plan.image +
                     " starts as root, as official database images do (most chown their data "
                     "directory, then drop to their own user): runAsNonRoot is not set, so "
                     "`berth check` warns run-as-root and capability-added (expected); a rootless "
                     "variant of the image with a numeric `user` avoids both",
                 s.at.loc);
    else
      report.add(s.name, "securityContext", Disposition::Manual,
                 "image " + plan.image +
                     " may run as root: runAsNonRoot not set (`berth check` warns run-as-root); "
                     "set a numeric non-root `user` if the image supports it",
                 s.at.loc);
    break;
  }
  UserSpec u = parse_user(s.user);
  if (has_named_volume(s) && u.uid && *u.uid != 0) {
    // Volumes must be writable by the process: group ownership from the user's group.
    sc.set("fsGroup", Node::integer(u.gid ? *u.gid : *u.uid));
    sc.set("fsGroupChangePolicy", Node::str("OnRootMismatch"));
  }
  Node groups = Node::sequence();
  for (const auto& g : s.group_add) {
    if (auto n = number(g)) groups.push(Node::integer(*n));
    else
      report.add(s.name, "group_add", Disposition::Dropped,
                 "group name " + g + " cannot be resolved outside the image; use its number",
                 s.at.loc);
  }
  if (groups.size()) {
    sc.set("supplementalGroups", std::move(groups));
    report.add(s.name, "group_add", Disposition::Translated, "securityContext.supplementalGroups");
  }
  Node seccomp = Node::mapping();
  bool unconfined = std::find(s.security_opt.begin(), s.security_opt.end(),
                              "seccomp:unconfined") != s.security_opt.end() ||
                    std::find(s.security_opt.begin(), s.security_opt.end(),
                              "seccomp=unconfined") != s.security_opt.end();
  seccomp.set("type", Node::str(unconfined ? "Unconfined" : "RuntimeDefault"));
  sc.set("seccompProfile", std::move(seccomp));
  if (!s.sysctls.empty()) {
    // The kubelet allows only these "safe" sysctls unless --allowed-unsafe-sysctls says more.
    static const std::vector<std::string> safe = {
        "kernel.shm_rmid_forced",         "net.ipv4.ip_local_port_range",
        "net.ipv4.tcp_syncookies",        "net.ipv4.ping_group_range",
        "net.ipv4.ip_unprivileged_port_start", "net.ipv4.ip_local_reserved_ports",
        "net.ipv4.tcp_keepalive_time",    "net.ipv4.tcp_fin_timeout",
        "net.ipv4.tcp_keepalive_intvl",   "net.ipv4.tcp_keepalive_probes"};
    Node list = Node::sequence();
    for (const auto& [k, v] : s.sysctls) {
      Node e = Node::mapping();
      e.set("name", Node::str(k));
      e.set("value", Node::str(v));
      list.push(std::move(e));
      if (std::find(safe.begin(), safe.end(), k) == safe.end())
        report.add(s.name, "sysctls." + k, Disposition::Manual,
                   "unsafe sysctl: the kubelet must allow it (--allowed-unsafe-sysctls) or the "
                   "pod is rejected",
                   s.at.loc);
    }
    sc.set("sysctls", std::move(list));
    report.add(s.name, "sysctls", Disposition::Translated, "securityContext.sysctls");
  }
  return sc;
}

Node container_security_context(const ServicePlan& plan, Report& report) {
  const model::Service& s = *plan.service;
  Node sc = Node::mapping();
  // Kubernetes rejects allowPrivilegeEscalation: false together with privileged: true.
  if (!s.privileged) sc.set("allowPrivilegeEscalation", Node::boolean(false));
  if (s.privileged) {
    sc.set("privileged", Node::boolean(true));
    report.add(s.name, "privileged", Disposition::Manual,
               "PRIVILEGED container: full access to the node; remove unless truly needed "
               "(Pod Security 'restricted' and 'baseline' reject it)",
               s.at.loc);
  }

  std::vector<std::string> add;
  for (const auto& c : s.cap_add) add.push_back(cap_name(c));
  NonRoot nr = non_root(plan);
  bool as_root = nr == NonRoot::Root || nr == NonRoot::Unknown;
  if (as_root && plan.family != DataFamily::None && s.user.empty()) {
    for (const auto& c : kRootEntrypointCaps)
      if (std::find(add.begin(), add.end(), c) == add.end()) add.push_back(c);
    report.add(s.name, "cap_add", Disposition::Inferred,
               "capabilities CHOWN, DAC_OVERRIDE, FOWNER, SETGID, SETUID kept: the " +
                   std::string(to_string(plan.family)) +
                   " image's entrypoint starts as root to chown its data and drop privileges",
               s.at.loc);
  }
  if (as_root && has_low_port(plan) &&
      std::find(add.begin(), add.end(), "NET_BIND_SERVICE") == add.end()) {
    add.push_back("NET_BIND_SERVICE");
    report.add(s.name, "ports", Disposition::Inferred,
               "capability NET_BIND_SERVICE kept: the service listens on a port below 1024",
               s.at.loc);
  }
  std::sort(add.begin(), add.end());
  add.erase(std::unique(add.begin(), add.end()), add.end());
  Node caps = Node::mapping();
  Node drop = Node::sequence();
  drop.push(Node::str("ALL"));
  caps.set("drop", std::move(drop));
  if (!add.empty()) {
    Node list = Node::sequence();
    for (const auto& c : add) list.push(Node::str(c));
    caps.set("add", std::move(list));
  }
  sc.set("capabilities", std::move(caps));
  if (!s.cap_add.empty())
    report.add(s.name, "cap_add", Disposition::Translated,
               "securityContext.capabilities.add (review: each capability widens the attack "
               "surface)",
               s.at.loc);
  std::string beyond; // capabilities the namespaces' Pod Security "baseline" enforcement refuses
  for (const auto& c : add)
    if (!kube::baseline_capability(c)) beyond += (beyond.empty() ? "" : ", ") + c;
  if (!beyond.empty() && !s.privileged)
    report.add(s.name, "cap_add", Disposition::Manual,
               "capabilities " + beyond +
                   " give the container power over the node (`berth check` reports "
                   "capability-added-dangerous) and are outside Pod Security baseline, which "
                   "the generated namespaces enforce: the pods are rejected until you drop them "
                   "or label the namespace pod-security.kubernetes.io/enforce=privileged",
               s.at.loc);
  if (!s.cap_drop.empty())
    report.add(s.name, "cap_drop", Disposition::Translated,
               "securityContext.capabilities.drop: ALL is always dropped");

  sc.set("readOnlyRootFilesystem", Node::boolean(s.read_only));
  if (s.read_only)
    report.add(s.name, "read_only", Disposition::Translated,
               "securityContext.readOnlyRootFilesystem");
  else
    report.add(s.name, "read_only", Disposition::Inferred,
               "readOnlyRootFilesystem: false (Compose did not set read_only, and which "
               "paths the image writes is unknown; `berth check` warns root-filesystem-writable): "
               "set read_only and tmpfs for those paths in Compose to make it true",
               s.at.loc);

  UserSpec u = parse_user(s.user);
  if (u.uid) sc.set("runAsUser", Node::integer(*u.uid));
  if (u.gid) sc.set("runAsGroup", Node::integer(*u.gid));
  if (!s.user.empty()) {
    if (u.named)
      report.add(s.name, "user", Disposition::Manual,
                 "user " + s.user +
                     " is a name: Kubernetes needs numbers (runAsUser/runAsGroup); look them up "
                     "in the image (id " + s.user.substr(0, s.user.find(':')) + ") and set them",
                 s.at.loc);
    else
      report.add(s.name, "user", Disposition::Translated,
                 "securityContext.runAsUser/runAsGroup");
  }
  for (const auto& opt : s.security_opt) {
    if (opt == "no-new-privileges:true" || opt == "no-new-privileges=true" ||
        opt == "no-new-privileges")
      report.add(s.name, "security_opt", Disposition::Translated,
                 "no-new-privileges → allowPrivilegeEscalation: false");
    else if (opt == "seccomp:unconfined" || opt == "seccomp=unconfined")
      report.add(s.name, "security_opt", Disposition::Manual,
                 "seccomp unconfined → seccompProfile Unconfined; remove it if possible",
                 s.at.loc);
    else
      report.add(s.name, "security_opt", Disposition::Dropped,
                 opt + ": set the matching securityContext field (seLinuxOptions, "
                       "appArmorProfile, seccompProfile Localhost) by hand",
                 s.at.loc);
  }
  return sc;
}

} // namespace berth::generate::workloads
