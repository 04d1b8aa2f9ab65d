// Security context: non-root, escalation, read-only root, capabilities, privileged, seccomp.
#include <gtest/gtest.h>

#include "check/policy/policy_fixture.h"

namespace berth::check::policy::test {
namespace {

const std::string kPodUser = "        runAsNonRoot: true\n        runAsUser: 10001\n";

TEST(SecurityContext, RunAsRootWhenNothingSaysOtherwise) {
  PolicyRun r = run(replace(kCleanDeployment, kPodUser, ""));
  Finding f = only(r, "run-as-root");
  EXPECT_EQ(at(f), "62:13"); // the container's securityContext mapping
  EXPECT_EQ(f.severity, Severity::Warning);
  EXPECT_FALSE(run(kCleanDeployment).has("run-as-root"));
  // runAsUser > 0 alone, or runAsNonRoot at container level, is enough.
  EXPECT_FALSE(
      run(replace(kCleanDeployment, "        runAsNonRoot: true\n", "")).has("run-as-root"));
  EXPECT_FALSE(run(replace(replace(kCleanDeployment, kPodUser, ""),
                           "            allowPrivilegeEscalation: false\n",
                           "            allowPrivilegeEscalation: false\n"
                           "            runAsNonRoot: true\n"))
                   .has("run-as-root"));
}

TEST(SecurityContext, ExplicitRootIsNamed) {
  Finding f =
      only(run(replace(kCleanDeployment, "runAsUser: 10001", "runAsUser: 0")), "run-as-root");
  EXPECT_EQ(at(f), "22:20");
  EXPECT_NE(f.message.find("kubelet refuses"), std::string::npos) << f.message;
  // The container's own runAsUser overrides the pod's.
  std::string override = replace(kCleanDeployment, "            allowPrivilegeEscalation: false\n",
                                 "            allowPrivilegeEscalation: false\n"
                                 "            runAsUser: 0\n");
  EXPECT_EQ(at(only(run(override), "run-as-root")), "65:24");
  Finding no = only(run(replace(kCleanDeployment, kPodUser, "        runAsNonRoot: false\n")),
                    "run-as-root");
  EXPECT_EQ(at(no), "21:23");
}

TEST(SecurityContext, PrivilegeEscalation) {
  Finding f = only(run(replace(kCleanDeployment, "allowPrivilegeEscalation: false",
                               "allowPrivilegeEscalation: true")),
                   "privilege-escalation-allowed");
  EXPECT_EQ(at(f), "64:39");
  Finding missing =
      only(run(replace(kCleanDeployment, "            allowPrivilegeEscalation: false\n", "")),
           "privilege-escalation-allowed");
  EXPECT_EQ(at(missing), "64:13"); // the securityContext mapping
  EXPECT_FALSE(run(kCleanDeployment).has("privilege-escalation-allowed"));
}

TEST(SecurityContext, WritableRootFilesystem) {
  Finding f = only(run(replace(kCleanDeployment, "readOnlyRootFilesystem: true",
                               "readOnlyRootFilesystem: false")),
                   "root-filesystem-writable");
  EXPECT_EQ(at(f), "65:37");
  EXPECT_FALSE(run(kCleanDeployment).has("root-filesystem-writable"));
}

TEST(SecurityContext, NetRawAndDropAll) {
  Finding f = only(run(replace(kCleanDeployment, "- ALL", "- CHOWN")), "capabilities-net-raw");
  EXPECT_EQ(at(f), "68:17"); // the drop list
  Finding partial =
      only(run(replace(kCleanDeployment, "- ALL", "- NET_RAW")), "capabilities-drop-all");
  EXPECT_EQ(at(partial), "68:17");
  EXPECT_EQ(partial.severity, Severity::Info);
  EXPECT_FALSE(run(replace(kCleanDeployment, "- ALL", "- NET_RAW")).has("capabilities-net-raw"));
  // Spellings the runtimes accept.
  EXPECT_FALSE(run(replace(kCleanDeployment, "- ALL", "- all")).has("capabilities-net-raw"));
  EXPECT_FALSE(
      run(replace(kCleanDeployment, "- ALL", "- CAP_NET_RAW")).has("capabilities-net-raw"));
  // No capabilities section: the securityContext mapping.
  std::string none = replace(kCleanDeployment, R"(            capabilities:
              drop:
                - ALL
)",
                             "");
  EXPECT_EQ(at(only(run(none), "capabilities-net-raw")), "64:13");
}

TEST(SecurityContext, AddedCapabilities) {
  std::string add = replace(kCleanDeployment, "                - ALL\n",
                            "                - ALL\n"
                            "              add:\n"
                            "                - NET_BIND_SERVICE\n"
                            "                - SYS_ADMIN\n"
                            "                - CHOWN\n"
                            "                - setuid\n");
  PolicyRun r = run(add);
  Finding bad = only(r, "capability-added-dangerous");
  EXPECT_EQ(at(bad), "71:19");
  EXPECT_EQ(bad.severity, Severity::Error);
  EXPECT_NE(bad.message.find("SYS_ADMIN"), std::string::npos);
  Finding meh = only(r, "capability-added");
  EXPECT_EQ(at(meh), "70:17"); // the add list, once for CHOWN and setuid
  EXPECT_NE(meh.message.find("CHOWN, setuid"), std::string::npos) << meh.message;
  EXPECT_FALSE(run(replace(add,
                           "                - SYS_ADMIN\n                - CHOWN\n"
                           "                - setuid\n",
                           ""))
                   .has("capability-added"));
}

TEST(SecurityContext, PrivilegedSaysItAll) {
  std::string priv = replace(kCleanDeployment, "            allowPrivilegeEscalation: false\n",
                             "            privileged: true\n");
  PolicyRun r = run(priv);
  Finding f = only(r, "privileged-container");
  EXPECT_EQ(at(f), "64:25");
  EXPECT_EQ(f.severity, Severity::Error);
  EXPECT_FALSE(r.has("privilege-escalation-allowed")) << r.dump();
  EXPECT_FALSE(run(kCleanDeployment).has("privileged-container"));
}

TEST(SecurityContext, Seccomp) {
  const std::string pod_profile = "        seccompProfile:\n          type: RuntimeDefault\n";
  PolicyRun missing = run(replace(kCleanDeployment, pod_profile, ""));
  EXPECT_EQ(at(only(missing, "seccomp-profile-missing")), "62:13");
  // Container level is as good as pod level.
  std::string container_level = replace(replace(kCleanDeployment, pod_profile, ""),
                                        "            readOnlyRootFilesystem: true\n",
                                        "            readOnlyRootFilesystem: true\n"
                                        "            seccompProfile:\n"
                                        "              type: Localhost\n");
  EXPECT_FALSE(run(container_level).has("seccomp-profile-missing"));
  Finding unconfined =
      only(run(replace(kCleanDeployment, "type: RuntimeDefault", "type: Unconfined")),
           "seccomp-unconfined");
  EXPECT_EQ(at(unconfined), "24:17");
  EXPECT_EQ(unconfined.severity, Severity::Error);
  // A container overriding the pod's Unconfined with RuntimeDefault is fine.
  std::string fixed = replace(replace(kCleanDeployment, "type: RuntimeDefault", "type: Unconfined"),
                              "            readOnlyRootFilesystem: true\n",
                              "            readOnlyRootFilesystem: true\n"
                              "            seccompProfile:\n"
                              "              type: RuntimeDefault\n");
  EXPECT_FALSE(run(fixed).has("seccomp-unconfined"));
}

TEST(SecurityContext, InitContainersAreCheckedWindowsPodsAreNot) {
  PolicyRun r = run(R"(apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  initContainers:
    - name: setup
      image: busybox:1.36
      securityContext:
        privileged: true
  containers: []
---
apiVersion: v1
kind: Pod
metadata:
  name: w
spec:
  os:
    name: windows
  containers:
    - name: iis
      image: mcr.microsoft.com/windows/servercore/iis:20240611
)");
  Finding f = only(r, "privileged-container");
  EXPECT_NE(f.message.find("init container \"setup\""), std::string::npos);
  for (const char* rule :
       {"run-as-root", "privilege-escalation-allowed", "root-filesystem-writable",
        "capabilities-net-raw", "seccomp-profile-missing"})
    for (const Finding& x : r.of(rule))
      EXPECT_NE(x.object, "Pod/w") << x.rule;
}

} // namespace
} // namespace berth::check::policy::test
