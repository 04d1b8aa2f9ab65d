// API migration per kind: the structural rewrites, not just the apiVersion string.
#include <gtest/gtest.h>

#include "kube/migrate.h"
#include "support/yaml_assert.h"
#include "yaml/parse.h"

namespace berth::kube {
namespace {

yaml::Node doc(const char* text) {
  return yaml::parse_document(text, "old.yaml");
}

TEST(Migrate, CurrentApisAreUntouched) {
  yaml::Node d = doc("{apiVersion: apps/v1, kind: Deployment, metadata: {name: a}}");
  Migration m = migrate(d);
  EXPECT_TRUE(m.from.empty());
  EXPECT_FALSE(m.migrated());
  EXPECT_YAML_EQ(d, "{apiVersion: apps/v1, kind: Deployment, metadata: {name: a}}");
}

TEST(Migrate, ExtensionsDeploymentGetsSelectorAndLosesOldDefaults) {
  yaml::Node d = doc(R"(
apiVersion: extensions/v1beta1
kind: Deployment
metadata: {name: web}
spec:
  replicas: 2
  revisionHistoryLimit: 2147483647
  progressDeadlineSeconds: 2147483647
  rollbackTo: {revision: 0}
  strategy: {type: RollingUpdate, rollingUpdate: {maxSurge: 1, maxUnavailable: 1}}
  template:
    metadata: {labels: {app: web, tier: front}}
    spec: {containers: [{name: web, image: "web:1"}]}
)");
  Migration m = migrate(d);
  EXPECT_EQ(m.from, "extensions/v1beta1");
  EXPECT_EQ(m.to, "apps/v1");
  EXPECT_TRUE(m.migrated());
  EXPECT_YAML_EQ(d, R"(
apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  replicas: 2
  selector: {matchLabels: {app: web, tier: front}}
  strategy: {type: RollingUpdate, rollingUpdate: {maxSurge: 1, maxUnavailable: 1}}
  template:
    metadata: {labels: {app: web, tier: front}}
    spec: {containers: [{name: web, image: "web:1"}]}
)");
  EXPECT_EQ(m.changes.size(), 4u); // selector, rollbackTo, two old defaults
}

TEST(Migrate, ExistingSelectorKeptAndMissingLabelsWarned) {
  yaml::Node s = doc(R"(
apiVersion: apps/v1beta2
kind: StatefulSet
metadata: {name: db}
spec:
  selector: {matchLabels: {app: db}}
  updateStrategy: {type: OnDelete}
  template: {metadata: {labels: {app: db, extra: x}}, spec: {containers: []}}
)");
  Migration m = migrate(s);
  EXPECT_EQ(s.find("spec")->find("selector")->find("matchLabels")->size(), 1u);
  ASSERT_EQ(m.warnings.size(), 1u);
  EXPECT_NE(m.warnings[0].find("OnDelete"), std::string::npos);

  yaml::Node bare = doc("{apiVersion: extensions/v1beta1, kind: DaemonSet, metadata: {name: a}, "
                        "spec: {templateGeneration: 3, template: {spec: {containers: []}}}}");
  Migration mb = migrate(bare);
  EXPECT_FALSE(bare.find("spec")->has("templateGeneration"));
  EXPECT_FALSE(bare.find("spec")->has("selector"));
  ASSERT_EQ(mb.warnings.size(), 1u);
  EXPECT_NE(mb.warnings[0].find("no labels"), std::string::npos);
}

TEST(Migrate, IngressV1beta1ToV1) {
  yaml::Node i = doc(R"(
apiVersion: extensions/v1beta1
kind: Ingress
metadata:
  name: vaultwarden
  annotations:
    kubernetes.io/ingress.class: nginx
    nginx.ingress.kubernetes.io/proxy-body-size: 525m
spec:
  backend: {serviceName: fallback, servicePort: 80}
  tls: [{hosts: [vault.example.com], secretName: vault-tls}]
  rules:
  - host: vault.example.com
    http:
      paths:
      - path: /
        backend: {serviceName: vaultwarden, servicePort: http}
      - path: /notifications/hub
        backend: {serviceName: vaultwarden, servicePort: "3012"}
      - backend: {serviceName: vaultwarden, servicePort: 80}
)");
  Migration m = migrate(i);
  EXPECT_EQ(m.to, "networking.k8s.io/v1");
  EXPECT_YAML_EQ(i, R"(
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: vaultwarden
  annotations:
    nginx.ingress.kubernetes.io/proxy-body-size: 525m
spec:
  ingressClassName: nginx
  defaultBackend: {service: {name: fallback, port: {number: 80}}}
  tls: [{hosts: [vault.example.com], secretName: vault-tls}]
  rules:
  - host: vault.example.com
    http:
      paths:
      - path: /
        pathType: Prefix
        backend: {service: {name: vaultwarden, port: {name: http}}}
      - path: /notifications/hub
        pathType: Prefix
        backend: {service: {name: vaultwarden, port: {number: 3012}}}
      - path: /
        pathType: Prefix
        backend: {service: {name: vaultwarden, port: {number: 80}}}
)");
}

TEST(Migrate, IngressRegexPathsStayImplementationSpecific) {
  yaml::Node i = doc(R"(
apiVersion: networking.k8s.io/v1beta1
kind: Ingress
metadata:
  name: api
  annotations: {nginx.ingress.kubernetes.io/rewrite-target: /$2}
spec:
  rules:
  - http:
      paths:
      - path: /api(/|$)(.*)
        backend: {serviceName: api, servicePort: 8080}
)");
  migrate(i);
  const yaml::Node& path =
      i.find("spec")->find("rules")->items()[0].find("http")->find("paths")->items()[0];
  EXPECT_EQ(path.text("pathType"), "ImplementationSpecific");
}

TEST(Migrate, HpaV2beta1Metrics) {
  yaml::Node h = doc(R"(
apiVersion: autoscaling/v2beta1
kind: HorizontalPodAutoscaler
metadata: {name: web}
spec:
  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}
  minReplicas: 2
  maxReplicas: 10
  metrics:
  - type: Resource
    resource: {name: cpu, targetAverageUtilization: 70}
  - type: Resource
    resource: {name: memory, targetAverageValue: 512Mi}
  - type: Pods
    pods: {metricName: requests_per_second, targetAverageValue: "100"}
  - type: Object
    object:
      target: {apiVersion: networking.k8s.io/v1, kind: Ingress, name: web}
      metricName: hits
      targetValue: 2k
  - type: External
    external:
      metricName: queue_depth
      metricSelector: {matchLabels: {queue: orders}}
      targetAverageValue: "30"
)");
  Migration m = migrate(h);
  EXPECT_EQ(m.to, "autoscaling/v2");
  EXPECT_YAML_EQ(*h.find("spec")->find("metrics"), R"(
- type: Resource
  resource: {name: cpu, target: {type: Utilization, averageUtilization: 70}}
- type: Resource
  resource: {name: memory, target: {type: AverageValue, averageValue: 512Mi}}
- type: Pods
  pods: {metric: {name: requests_per_second}, target: {type: AverageValue, averageValue: "100"}}
- type: Object
  object:
    describedObject: {apiVersion: networking.k8s.io/v1, kind: Ingress, name: web}
    metric: {name: hits}
    target: {type: Value, value: 2k}
- type: External
  external:
    metric: {name: queue_depth, selector: {matchLabels: {queue: orders}}}
    target: {type: AverageValue, averageValue: "30"}
)");
}

TEST(Migrate, Hpav2beta2CronJobAndPdbRename) {
  yaml::Node h = doc("{apiVersion: autoscaling/v2beta2, kind: HorizontalPodAutoscaler, "
                     "spec: {metrics: [{type: Resource, resource: {name: cpu, target: "
                     "{type: Utilization, averageUtilization: 50}}}]}}");
  Migration mh = migrate(h);
  EXPECT_EQ(h.text("apiVersion"), "autoscaling/v2");
  EXPECT_TRUE(mh.warnings.empty());

  yaml::Node c = doc("{apiVersion: batch/v1beta1, kind: CronJob, spec: {schedule: '@daily'}}");
  EXPECT_EQ(migrate(c).to, "batch/v1");

  yaml::Node p = doc("{apiVersion: policy/v1beta1, kind: PodDisruptionBudget, "
                     "spec: {minAvailable: 1, selector: {}}}");
  Migration mp = migrate(p);
  EXPECT_EQ(p.text("apiVersion"), "policy/v1");
  ASSERT_EQ(mp.warnings.size(), 1u);
  EXPECT_NE(mp.warnings[0].find("every pod"), std::string::npos);
}

TEST(Migrate, PodSecurityPolicyHasNoReplacement) {
  yaml::Node p = doc("{apiVersion: policy/v1beta1, kind: PodSecurityPolicy, metadata: {name: x}}");
  Migration m = migrate(p);
  EXPECT_TRUE(m.removed);
  EXPECT_FALSE(m.migrated());
  EXPECT_EQ(m.from, "policy/v1beta1");
  ASSERT_FALSE(m.warnings.empty());
  EXPECT_NE(m.warnings[0].find("Pod Security"), std::string::npos);
}

TEST(Migrate, OddShapesDoNotThrow) {
  for (const char* text :
       {"{apiVersion: extensions/v1beta1, kind: Ingress, spec: 3}",
        "{apiVersion: extensions/v1beta1, kind: Ingress, spec: {rules: [1, {http: 2}]}}",
        "{apiVersion: extensions/v1beta1, kind: Deployment, spec: []}",
        "{apiVersion: autoscaling/v2beta1, kind: HorizontalPodAutoscaler, "
        "spec: {metrics: [3, {type: Pods, pods: 1}]}}",
        "{apiVersion: networking.k8s.io/v1beta1, kind: Ingress, metadata: "
        "{annotations: {kubernetes.io/ingress.class: [x]}}}"}) {
    yaml::Node n = doc(text);
    EXPECT_NO_THROW(migrate(n)) << text;
  }
}

} // namespace
} // namespace berth::kube
