// Hardening suggestions: convert's rules reported per workload (grouped by topic, naming the
// containers), never applied to the workload.
#include <gtest/gtest.h>

#include "fixture.h"
#include "support/yaml_assert.h"

namespace berth::import {
namespace {

using generate::Disposition;
using test::reported;

TEST(ImportHarden, SuggestsWhatConvertWouldDoAndChangesNothing) {
  const char* app = R"(
apiVersion: v1
kind: List
items:
- apiVersion: apps/v1
  kind: Deployment
  metadata: {name: web, namespace: shop}
  spec:
    replicas: 3
    selector: {matchLabels: {app: web}}
    template:
      metadata: {labels: {app: web}}
      spec:
        hostNetwork: true
        containers:
        - name: web
          image: nginx
          securityContext: {privileged: true}
        volumes: [{name: logs, hostPath: {path: /var/log}}]
- apiVersion: apps/v1
  kind: Deployment
  metadata: {name: good, namespace: shop}
  spec:
    selector: {matchLabels: {app: good}}
    template:
      metadata: {labels: {app: good}}
      spec:
        automountServiceAccountToken: false
        securityContext: {runAsNonRoot: true, runAsUser: 10001, seccompProfile: {type: RuntimeDefault}}
        containers:
        - name: good
          image: "good:1.2.3"
          resources: {requests: {cpu: 10m, memory: 32Mi}, limits: {memory: 64Mi}}
          readinessProbe: {httpGet: {path: /, port: 8080}}
          livenessProbe: {httpGet: {path: /, port: 8080}}
          securityContext:
            allowPrivilegeEscalation: false
            readOnlyRootFilesystem: true
            capabilities: {drop: [ALL]}
- apiVersion: networking.k8s.io/v1
  kind: NetworkPolicy
  metadata: {name: deny, namespace: shop}
  spec: {podSelector: {}, policyTypes: [Ingress]}
)";
  generate::Output out = test::run(app);
  for (const char* topic :
       {"resources", "probes", "image-tag", "privilege-escalation", "capabilities",
        "read-only-root", "privileged", "run-as-non-root", "seccomp", "service-account-token",
        "host-namespaces", "host-path", "pdb"})
    EXPECT_TRUE(
        reported(out, "Deployment/web", std::string("hardening.") + topic, Disposition::Manual))
        << topic;
  EXPECT_TRUE(
      reported(out, "Deployment/web", "hardening.host-path", Disposition::Manual, "(logs)"));
  for (const auto& e : out.report.entries)
    EXPECT_FALSE(e.service == "Deployment/good" && e.key.starts_with("hardening.")) << e.key;
  EXPECT_FALSE(reported(out, "", "hardening.network-policy", Disposition::Manual));
  // Suggestions only: the workload is as exported.
  const yaml::Node& c = test::object(out, "Deployment", "web")
                            ->find("spec")
                            ->find("template")
                            ->find("spec")
                            ->find("containers")
                            ->items()[0];
  EXPECT_YAML_EQ(c, "{name: web, image: nginx, securityContext: {privileged: true}}");
  std::string md = test::file(out, "MIGRATION.md");
  EXPECT_NE(md.find("- `Deployment/web`: **privileged**"), std::string::npos) << md;
}

} // namespace
} // namespace berth::import
