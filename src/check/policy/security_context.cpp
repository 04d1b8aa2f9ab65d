// Security context: non-root, no privilege escalation, read-only root, capabilities dropped and
// not added, not privileged, seccomp RuntimeDefault. Severities follow the Pod Security
// Standards: what the Baseline profile forbids is an error, what only Restricted forbids is a
// warning (images that need root exist; an admission controller on Baseline rejects the rest).
#include "check/policy/topics.h"
#include "kube/pod_security.h"

namespace berth::check::policy {

namespace {

constexpr std::string_view kRoot = "run-as-root";
constexpr std::string_view kEscalation = "privilege-escalation-allowed";
constexpr std::string_view kWritableRoot = "root-filesystem-writable";
constexpr std::string_view kNetRaw = "capabilities-net-raw";
constexpr std::string_view kDropAll = "capabilities-drop-all";
constexpr std::string_view kDangerousCap = "capability-added-dangerous";
constexpr std::string_view kAddedCap = "capability-added";
constexpr std::string_view kPrivileged = "privileged-container";
constexpr std::string_view kSeccompMissing = "seccomp-profile-missing";
constexpr std::string_view kSeccompUnconfined = "seccomp-unconfined";

const RuleInfo kRules[] = {
    {kRoot, Family::Policy, Area::Security, Severity::Warning, true,
     "A container may run as root (no runAsNonRoot: true and no runAsUser > 0).",
     "Set securityContext.runAsNonRoot: true and a runAsUser/runAsGroup above 0 (pod or "
     "container level); for images that insist on root, use a rootless variant or build one.",
     "A process running as uid 0 that escapes its container is root on the node. kube-linter "
     "(run-as-non-root) and Polaris (runAsRootAllowed, danger) flag it; the Pod Security "
     "Standards require it only at the Restricted level, and many official database images "
     "start as root to fix volume ownership, so berth warns. runAsNonRoot: true together with "
     "runAsUser: 0 is flagged too: the kubelet refuses to start such a container."},
    {kEscalation, Family::Policy, Area::Security, Severity::Warning, true,
     "A container does not set allowPrivilegeEscalation: false.",
     "Set securityContext.allowPrivilegeEscalation: false on every container.",
     "Unless it is false, setuid binaries in the image can gain privileges beyond the "
     "container's process (no_new_privs is not set). kube-linter "
     "(privilege-escalation-container) and Polaris (privilegeEscalationAllowed, danger) flag "
     "it; Pod Security Restricted requires false. A warning like the other Restricted-only "
     "rules."},
    {kWritableRoot, Family::Policy, Area::Security, Severity::Warning, true,
     "A container's root filesystem is writable (readOnlyRootFilesystem is not true).",
     "Set securityContext.readOnlyRootFilesystem: true and mount an emptyDir where the process "
     "writes (/tmp, caches, pid files).",
     "A read-only root stops an intruder from dropping tools or modifying binaries, and makes "
     "writes explicit (volumes). kube-linter (no-read-only-root-fs) and Polaris "
     "(notReadOnlyRootFilesystem, warning) flag it; Pod Security does not require it."},
    {kNetRaw, Family::Policy, Area::Security, Severity::Warning, true,
     "A container keeps NET_RAW (capabilities.drop has neither ALL nor NET_RAW).",
     "Set securityContext.capabilities.drop: [ALL] and add back only what the process needs "
     "(usually nothing, sometimes NET_BIND_SERVICE).",
     "Container runtimes grant a default capability set that includes NET_RAW, which allows "
     "crafting packets (ARP/DNS spoofing inside the node's network). kube-linter "
     "(drop-net-raw-capability) flags it by default; Pod Security Restricted requires dropping "
     "ALL."},
    {kDropAll, Family::Policy, Area::Security, Severity::Info, true,
     "A container drops NET_RAW but not ALL capabilities.",
     "Use capabilities.drop: [ALL] and add back only what the process needs.",
     "Dropping NET_RAW closes the worst default capability; the rest of the runtime's default "
     "set (CHOWN, SETUID, KILL…) is still granted. Pod Security Restricted requires drop ALL; "
     "info because NET_RAW, the one kube-linter insists on, is gone."},
    {kDangerousCap, Family::Policy, Area::Security, Severity::Error, true,
     "A container adds a capability outside the Pod Security Baseline set (SYS_ADMIN, "
     "NET_ADMIN, NET_RAW, SYS_PTRACE, ALL…).",
     "Remove the capability from capabilities.add; if the workload truly needs it (a CNI or "
     "VPN agent), isolate it in its own namespace and ignore the rule there with the "
     "berth.dev/ignore annotation.",
     "These capabilities give a container node-level power (mounts, network configuration, "
     "tracing other processes, loading modules). Pod Security Baseline rejects them; Polaris "
     "(dangerousCapabilities, danger) flags SYS_ADMIN, NET_ADMIN and ALL. The allowed set is "
     "Baseline's: AUDIT_WRITE, CHOWN, DAC_OVERRIDE, FOWNER, FSETID, KILL, MKNOD, "
     "NET_BIND_SERVICE, SETFCAP, SETGID, SETPCAP, SETUID, SYS_CHROOT."},
    {kAddedCap, Family::Policy, Area::Security, Severity::Warning, true,
     "A container adds capabilities other than NET_BIND_SERVICE.",
     "Drop the added capabilities if the image works without them (run as the image's own "
     "user, pre-chown volumes with fsGroup); otherwise keep the list minimal.",
     "Pod Security Restricted allows adding only NET_BIND_SERVICE. The others in the Baseline "
     "set (CHOWN, SETUID, DAC_OVERRIDE…) are what images that start as root need to fix file "
     "ownership and drop privileges, so this is a warning, listing them all in one finding."},
    {kPrivileged, Family::Policy, Area::Security, Severity::Error, true,
     "A container runs privileged.",
     "Remove securityContext.privileged: true; grant the specific capability or device the "
     "process needs instead.",
     "A privileged container has every capability and all host devices: it is root on the "
     "node. Forbidden by Pod Security Baseline; kube-linter (privileged-container) and Polaris "
     "(runAsPrivileged, danger) flag it."},
    {kSeccompMissing, Family::Policy, Area::Security, Severity::Warning, true,
     "No seccomp profile applies to a container (RuntimeDefault or Localhost).",
     "Set securityContext.seccompProfile.type: RuntimeDefault at the pod level (containers "
     "inherit it).",
     "Without a profile the container runs Unconfined unless the kubelet's --seccomp-default "
     "is on, exposing every syscall to kernel exploits. Pod Security Restricted requires "
     "RuntimeDefault or Localhost; Polaris includes it in linuxHardening."},
    {kSeccompUnconfined, Family::Policy, Area::Security, Severity::Error, true,
     "A container's seccomp profile is explicitly Unconfined.",
     "Use seccompProfile.type: RuntimeDefault, or a Localhost profile that allows the extra "
     "syscalls the process needs.",
     "Unconfined disables syscall filtering entirely; Pod Security Baseline forbids it."},
};

// "CAP_NET_RAW" and "net_raw" name NET_RAW too (runtimes accept both spellings).
std::string_view cap_name(std::string_view c) {
  return istarts_with(c, "CAP_") ? c.substr(4) : c;
}

bool is_cap(std::string_view c, std::string_view name) {
  return iequals(cap_name(c), name);
}

bool baseline_cap(std::string_view c) {
  // Compared case-insensitively, so kube::baseline_capability (exact match) does not fit.
  for (std::string_view b : kube::kBaselineCapabilities)
    if (is_cap(c, b)) return true;
  return false;
}

bool lists(const yaml::Node* caps, std::string_view name) {
  for (const yaml::Node& c : items(caps))
    if (is_cap(text(&c), name)) return true;
  return false;
}

// The field when present, else the container's securityContext mapping, else the container.
Location where(const Container& c, const yaml::Node* field) {
  if (field) return field->loc();
  const yaml::Node* sc = get(c.node, "securityContext");
  return sc && sc->is_mapping() ? sc->loc() : c.node.loc();
}

void check_user(const Pod& pod, const Container& c, Context& ctx) {
  const yaml::Node* non_root = effective_security(pod, c, "runAsNonRoot");
  const yaml::Node* user = effective_security(pod, c, "runAsUser");
  std::optional<std::int64_t> uid = integer(user);
  const ObjectInfo* info = &pod.object.info;
  if (uid && *uid == 0) {
    if (ctx.enabled(kRoot))
      ctx.report(kRoot, info, user->loc(),
                 describe(c) + " runs as root (runAsUser: 0)" +
                     (is_true(non_root) ? "; with runAsNonRoot: true the kubelet refuses to "
                                          "start it"
                                        : ""));
    return;
  }
  if (is_true(non_root) || (uid && *uid > 0)) return;
  if (!ctx.enabled(kRoot)) return;
  if (is_false(non_root))
    ctx.report(kRoot, info, non_root->loc(),
               describe(c) + " allows running as root (runAsNonRoot: false, no runAsUser)");
  else
    ctx.report(kRoot, info, where(c, nullptr),
               describe(c) + " may run as root: neither runAsNonRoot: true nor a runAsUser "
                             "above 0 applies (pod or container securityContext)");
}

void check_capabilities(const Container& c, const ObjectInfo* info, Context& ctx) {
  const yaml::Node* caps = get(get(c.node, "securityContext"), "capabilities");
  const yaml::Node* drop = get(caps, "drop");
  const yaml::Node* add = get(caps, "add");
  if (!lists(drop, "ALL")) {
    if (lists(drop, "NET_RAW")) {
      if (ctx.enabled(kDropAll))
        ctx.report(kDropAll, info, drop->loc(),
                   describe(c) + " drops NET_RAW but not ALL capabilities");
    } else if (!lists(add, "NET_RAW") && ctx.enabled(kNetRaw)) {
      ctx.report(kNetRaw, info, drop ? drop->loc() : where(c, caps),
                 describe(c) + " keeps the runtime's default capabilities, NET_RAW included "
                               "(capabilities.drop has neither ALL nor NET_RAW)");
    }
  }
  std::string restricted;
  for (const yaml::Node& cap : items(add)) {
    std::string_view name = text(&cap);
    if (name.empty() || is_cap(name, "NET_BIND_SERVICE")) continue;
    if (!baseline_cap(name)) {
      if (ctx.enabled(kDangerousCap))
        ctx.report(kDangerousCap, info, cap.loc(),
                   describe(c) + " adds capability " + std::string(name) +
                       ", which gives it power over the node",
                   "Remove " + std::string(name) + " from capabilities.add.");
      continue;
    }
    if (!restricted.empty()) restricted += ", ";
    restricted += cap_name(name);
  }
  if (!restricted.empty() && ctx.enabled(kAddedCap))
    ctx.report(kAddedCap, info, add->loc(),
               describe(c) + " adds capabilities " + restricted +
                   " (Pod Security Restricted allows only NET_BIND_SERVICE)");
}

void check_seccomp(const Pod& pod, const Container& c, Context& ctx) {
  const yaml::Node* profile = effective_security(pod, c, "seccompProfile");
  const yaml::Node* type = get(profile, "type");
  std::string_view t = text(type);
  if (t == "RuntimeDefault" || t == "Localhost") return;
  if (t == "Unconfined") {
    if (ctx.enabled(kSeccompUnconfined))
      ctx.report(kSeccompUnconfined, &pod.object.info, type->loc(),
                 describe(c) + " runs with seccomp Unconfined (no syscall filtering)");
    return;
  }
  if (ctx.enabled(kSeccompMissing))
    ctx.report(kSeccompMissing, &pod.object.info, where(c, type),
               describe(c) + " has no seccomp profile: set seccompProfile.type: RuntimeDefault "
                             "(pod or container securityContext)");
}

} // namespace

void security_context_rules(std::vector<RuleInfo>& out) {
  out.insert(out.end(), std::begin(kRules), std::end(kRules));
}

void check_security_context(const Pod& pod, Context& ctx) {
  // Linux-only fields: Windows pods (spec.os.name: windows) are out of scope.
  if (text_at(get(pod.spec, "os"), "name") == "windows") return;
  const ObjectInfo* info = &pod.object.info;
  for_each_container(pod, [&](const Container& c) {
    const yaml::Node* sc = get(c.node, "securityContext");
    const yaml::Node* privileged = get(sc, "privileged");
    if (is_true(privileged)) {
      // Privileged implies every capability and escalation: one finding says it all.
      if (ctx.enabled(kPrivileged))
        ctx.report(kPrivileged, info, privileged->loc(),
                   describe(c) + " runs privileged (securityContext.privileged: true)");
      check_user(pod, c, ctx);
      return;
    }
    check_user(pod, c, ctx);
    const yaml::Node* escalation = get(sc, "allowPrivilegeEscalation");
    if (!is_false(escalation) && ctx.enabled(kEscalation))
      ctx.report(kEscalation, info, where(c, escalation),
                 describe(c) + (escalation ? " allows privilege escalation "
                                             "(allowPrivilegeEscalation is not false)"
                                           : " does not set allowPrivilegeEscalation: false"));
    const yaml::Node* read_only = get(sc, "readOnlyRootFilesystem");
    if (!is_true(read_only) && ctx.enabled(kWritableRoot))
      ctx.report(kWritableRoot, info, where(c, read_only),
                 describe(c) + " has a writable root filesystem (readOnlyRootFilesystem is "
                               "not true)");
    check_capabilities(c, info, ctx);
    check_seccomp(pod, c, ctx);
  });
}

} // namespace berth::check::policy
