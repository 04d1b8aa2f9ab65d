// Validator: one failing and one passing fixture per rule, with positions (line:col).
#include <gtest/gtest.h>

#include <random>

#include "common/error.h"

#include "check/schema/rule_ids.h"
#include "check/schema/schema_test_util.h"

namespace berth::check::schema {
namespace {

using test::check_yaml;
using test::dump;
using test::has;
using test::of_rule;

const char* kDeployment = R"(apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  labels:
    app: web
spec:
  replicas: 2
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
        - name: web
          image: nginx:1.27
          imagePullPolicy: IfNotPresent
          ports:
            - containerPort: 8080
              name: http
          resources:
            requests: {cpu: 100m, memory: 128Mi}
            limits: {memory: 256Mi}
)";

TEST(SchemaValidator, CleanDeploymentHasNoFindings) {
  auto f = check_yaml(kDeployment);
  EXPECT_TRUE(f.empty()) << dump(f);
}

TEST(SchemaValidator, NestedUnknownFieldIsReportedAtItsKey) {
  std::string yaml = kDeployment;
  yaml.replace(yaml.find("imagePullPolicy"), 15, "imagePullPolicyy");
  auto f = check_yaml(yaml);
  ASSERT_EQ(f.size(), 1u) << dump(f);
  EXPECT_TRUE(has(f, std::string(rule::kUnknownField), 20, 11)) << dump(f);
  EXPECT_NE(f[0].message.find("spec.template.spec.containers[0]"), std::string::npos)
      << f[0].message;
  EXPECT_NE(f[0].fix.find("did you mean \"imagePullPolicy\""), std::string::npos) << f[0].fix;
}

} // namespace
} // namespace berth::check::schema

namespace berth::check::schema {
namespace {

using test::check_yaml;
using test::dump;
using test::has;

std::vector<Finding> only(const std::vector<Finding>& f, std::string_view rule) {
  std::vector<Finding> out;
  for (const Finding& x : f)
    if (x.rule == rule) out.push_back(x);
  return out;
}

TEST(SchemaKindMissing, FailsAndPasses) {
  auto f = check_yaml("kind: ConfigMap\nmetadata: {name: a}\n");
  EXPECT_TRUE(has(f, "schema-kind-missing", 1, 1)) << dump(f);
  f = check_yaml("apiVersion: 5\nkind: ConfigMap\nmetadata: {name: a}\n");
  EXPECT_TRUE(has(f, "schema-kind-missing", 1, 13)) << dump(f);
  EXPECT_TRUE(check_yaml("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n").empty());
}

TEST(SchemaKindUnknown, MisspeltKindInAKnownGroupVersion) {
  auto f = check_yaml("apiVersion: apps/v1\nkind: Deploymnet\nmetadata: {name: a}\n");
  ASSERT_EQ(f.size(), 1u) << dump(f);
  EXPECT_TRUE(has(f, "schema-kind-unknown", 2, 7)) << dump(f);
  EXPECT_NE(f[0].fix.find("Deployment"), std::string::npos) << f[0].fix;
}

TEST(SchemaKindUnknown, KindUnderTheWrongApiVersion) {
  auto f = check_yaml("apiVersion: v1\nkind: Deployment\nmetadata: {name: a}\n");
  ASSERT_EQ(f.size(), 1u) << dump(f);
  EXPECT_EQ(f[0].rule, "schema-kind-unknown");
  EXPECT_NE(f[0].message.find("apps/v1"), std::string::npos) << f[0].message;
  // Removed API versions belong to the apiversion family: no schema finding.
  EXPECT_TRUE(
      check_yaml("apiVersion: extensions/v1beta1\nkind: Ingress\nmetadata: {name: a}\n").empty());
}

TEST(SchemaKindNotKnown, UnknownGroupIsAWarningOncePerObject) {
  auto f = check_yaml("apiVersion: example.com/v1\nkind: Widget\nmetadata: {name: a}\n"
                      "spec: {anything: [1, 2]}\n");
  ASSERT_EQ(f.size(), 1u) << dump(f);
  EXPECT_TRUE(has(f, "schema-kind-not-known", 2, 7)) << dump(f);
  EXPECT_EQ(f[0].severity, Severity::Warning);
  // A kind the built-in describes is checked instead.
  EXPECT_TRUE(only(check_yaml("apiVersion: monitoring.coreos.com/v1\nkind: ServiceMonitor\n"
                              "metadata: {name: a}\nspec:\n  selector: {}\n  endpoints: []\n"),
                   "schema-kind-not-known")
                  .empty());
}

TEST(SchemaKindNotKnown, MisspeltCustomResourceKindGetsASuggestion) {
  auto f = check_yaml("apiVersion: monitoring.coreos.com/v1\nkind: ServiceMonitr\n"
                      "metadata: {name: a}\n");
  ASSERT_EQ(f.size(), 1u) << dump(f);
  EXPECT_EQ(f[0].rule, "schema-kind-not-known");
  EXPECT_NE(f[0].fix.find("ServiceMonitor"), std::string::npos) << f[0].fix;
}

TEST(SchemaKindUnchecked, KubernetesKindWithoutBuiltinSchemaIsInfo) {
  auto f =
      check_yaml("apiVersion: rbac.authorization.k8s.io/v1\nkind: Role\nmetadata: {name: a}\n");
  ASSERT_EQ(f.size(), 1u) << dump(f);
  EXPECT_TRUE(has(f, "schema-kind-unchecked", 2, 7)) << dump(f);
  EXPECT_EQ(f[0].severity, Severity::Info);
}

TEST(SchemaKustomization, IsSkippedSilently) {
  EXPECT_TRUE(check_yaml("apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\n"
                         "resources: [a.yaml]\n")
                  .empty());
}

const char* kNoSelector = R"(apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  template:
    spec:
      containers:
        - name: web
          image: nginx
)";

TEST(SchemaRequired, MissingFieldAtItsParent) {
  auto f = check_yaml(kNoSelector);
  ASSERT_EQ(f.size(), 1u) << dump(f);
  EXPECT_TRUE(has(f, "schema-required", 6, 3)) << dump(f);
  EXPECT_NE(f[0].message.find("\"selector\""), std::string::npos);
  EXPECT_NE(f[0].fix.find("spec.selector"), std::string::npos) << f[0].fix;
}

TEST(SchemaRequired, PatchesAreCheckedWithoutRequired) {
  EXPECT_TRUE(check_yaml(kNoSelector, /*patch=*/true).empty());
  // …but still strictly: unknown fields in a patch are errors; $patch directives are not.
  auto f = check_yaml("apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\n"
                      "spec:\n  replica: 3\n  template:\n    spec:\n      containers:\n"
                      "        - name: web\n          $patch: delete\n",
                      true);
  ASSERT_EQ(f.size(), 1u) << dump(f);
  EXPECT_TRUE(has(f, "schema-unknown-field", 5, 3)) << dump(f);
  EXPECT_NE(f[0].fix.find("replicas"), std::string::npos);
}

TEST(SchemaRequired, NullCountsAsMissingAndNameIsRequired) {
  auto f = check_yaml("apiVersion: v1\nkind: Pod\nmetadata:\n  labels: {a: b}\nspec:\n"
                      "  containers: null\n");
  EXPECT_TRUE(has(f, "schema-required", 6, 15)) << dump(f);
  EXPECT_TRUE(has(f, "schema-required", 4, 3)) << dump(f); // metadata.name
  EXPECT_EQ(f.size(), 2u) << dump(f);
  EXPECT_TRUE(check_yaml("apiVersion: v1\nkind: Pod\nmetadata: {generateName: p-}\nspec:\n"
                         "  containers: [{name: a, image: b}]\n")
                  .empty());
}

const char* kPod = R"(apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
    - name: app
      image: app:1
      env:
        - name: PORT
          value: 8080
)";

TEST(SchemaType, NumberWhereAStringIsExpected) {
  auto f = check_yaml(kPod);
  ASSERT_EQ(f.size(), 1u) << dump(f);
  EXPECT_TRUE(has(f, "schema-type", 11, 18)) << dump(f);
  EXPECT_NE(f[0].message.find("spec.containers[0].env[0].value"), std::string::npos);
  EXPECT_NE(f[0].fix.find("\"8080\""), std::string::npos) << f[0].fix;
  std::string ok = kPod;
  ok.replace(ok.find("8080"), 4, "\"8080\"");
  EXPECT_TRUE(check_yaml(ok).empty()) << dump(check_yaml(ok));
}

TEST(SchemaType, QuotedNumberAndWrongShapes) {
  auto f = check_yaml("apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: a}\nspec:\n"
                      "  replicas: \"3\"\n  selector: []\n  template: {spec: {containers: "
                      "{name: a}}}\n");
  EXPECT_TRUE(has(f, "schema-type", 5, 13)) << dump(f);
  EXPECT_TRUE(has(f, "schema-type", 6, 13)) << dump(f);
  EXPECT_TRUE(has(f, "schema-type", 7, 33)) << dump(f);
  EXPECT_EQ(only(f, "schema-type").size(), 3u) << dump(f);
  for (const Finding& x : f) {
    if (x.loc.line == 5) {
      EXPECT_NE(x.fix.find("without quotes"), std::string::npos) << x.fix;
    }
  }
}

// kubectl reads YAML as 1.1: `yes`/`on`/`y` are booleans, 2.0 is the JSON number 2.
TEST(SchemaType, KubectlYaml11Booleans) {
  auto f = check_yaml(R"(apiVersion: v1
kind: Pod
metadata: {name: p, labels: {enabled: yes}}
spec:
  enableServiceLinks: yes
  hostNetwork: off
  terminationGracePeriodSeconds: 30.0
  activeDeadlineSeconds: 2.5
  containers:
    - name: a
      image: b
      env: [{name: DEBUG, value: on}, {name: X, value: "on"}]
)");
  EXPECT_TRUE(has(f, "schema-type", 3, 39)) << dump(f);
  EXPECT_TRUE(has(f, "schema-type", 8, 26)) << dump(f);
  EXPECT_TRUE(has(f, "schema-type", 12, 34)) << dump(f);
  EXPECT_EQ(f.size(), 3u) << dump(f);
  for (const Finding& x : f) {
    if (x.loc.line == 3) {
      EXPECT_NE(x.message.find("YAML 1.1"), std::string::npos) << x.message;
      EXPECT_NE(x.fix.find("\"yes\""), std::string::npos) << x.fix;
    }
  }
}

TEST(SchemaEnum, FailsWithSuggestionAndPasses) {
  std::string yaml = kPod;
  yaml.replace(yaml.find("      env:"), 0, "      imagePullPolicy: always\n");
  yaml.replace(yaml.find("8080"), 4, "\"8080\"");
  auto f = check_yaml(yaml);
  ASSERT_EQ(f.size(), 1u) << dump(f);
  EXPECT_TRUE(has(f, "schema-enum", 9, 24)) << dump(f);
  EXPECT_NE(f[0].fix.find("\"Always\""), std::string::npos) << f[0].fix;
  yaml.replace(yaml.find("always"), 6, "Always");
  EXPECT_TRUE(check_yaml(yaml).empty());
}

TEST(SchemaFormat, QuantitiesBase64Int32AndTimes) {
  auto f = check_yaml(R"(apiVersion: v1
kind: Secret
metadata:
  name: s
  creationTimestamp: yesterday
data:
  good: aGVsbG8=
  bad: hello world
---
apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  containers:
    - name: a
      resources:
        requests: {cpu: 1 core, memory: 1.5Gi}
        limits: {cpu: 2, memory: 10Q}
  priority: 3000000000
)");
  EXPECT_TRUE(has(f, "schema-format", 5, 22)) << dump(f);
  EXPECT_TRUE(has(f, "schema-format", 8, 8)) << dump(f);
  EXPECT_TRUE(has(f, "schema-format", 17, 25)) << dump(f);
  EXPECT_TRUE(has(f, "schema-format", 18, 34)) << dump(f);
  EXPECT_TRUE(has(f, "schema-format", 19, 13)) << dump(f);
  EXPECT_EQ(f.size(), 5u) << dump(f);
}

TEST(SchemaRangeAndNullPruned, CustomResourceBounds) {
  auto f = check_yaml(R"(apiVersion: postgresql.cnpg.io/v1
kind: Cluster
metadata: {name: db}
spec:
  instances: 0
  description: null
  storage: {size: 1Gi}
)");
  EXPECT_TRUE(has(f, "schema-range", 5, 14)) << dump(f);
  EXPECT_TRUE(has(f, "schema-null-pruned", 6, 16)) << dump(f);
  EXPECT_EQ(f.size(), 2u) << dump(f);
  EXPECT_TRUE(check_yaml("apiVersion: postgresql.cnpg.io/v1\nkind: Cluster\nmetadata: {name: db}\n"
                         "spec:\n  instances: 1\n")
                  .empty());
}

TEST(SchemaNameInvalid, NamesByKind) {
  auto f = check_yaml(R"(apiVersion: v1
kind: Service
metadata: {name: 1web}
spec:
  ports: [{port: 80, name: Web}]
---
apiVersion: v1
kind: Namespace
metadata: {name: my.team}
---
apiVersion: batch/v1
kind: CronJob
metadata: {name: a-very-long-cron-job-name-that-goes-on-and-on-for-ever}
spec:
  schedule: "0 * * * *"
  jobTemplate: {spec: {template: {spec: {containers: [{name: Main_1, image: x}]}}}}
---
apiVersion: v1
kind: ConfigMap
metadata: {name: Config}
data: {"bad key": x, good.key_1: "y"}
)");
  EXPECT_TRUE(has(f, "schema-name-invalid", 3, 18)) << dump(f);  // Service: DNS-1035
  EXPECT_TRUE(has(f, "schema-name-invalid", 5, 28)) << dump(f);  // Service port name
  EXPECT_TRUE(has(f, "schema-name-invalid", 9, 18)) << dump(f);  // Namespace: DNS label
  EXPECT_TRUE(has(f, "schema-name-invalid", 13, 18)) << dump(f); // CronJob: ≤52
  EXPECT_TRUE(has(f, "schema-name-invalid", 16, 62)) << dump(f); // container name
  EXPECT_TRUE(has(f, "schema-name-invalid", 20, 18)) << dump(f); // ConfigMap: subdomain
  EXPECT_TRUE(has(f, "schema-name-invalid", 21, 8)) << dump(f);  // data key
  EXPECT_EQ(f.size(), 7u) << dump(f);
  EXPECT_TRUE(check_yaml("apiVersion: v1\nkind: Service\nmetadata: {name: web-1}\nspec:\n"
                         "  ports: [{port: 80, name: http-alt}]\n")
                  .empty());
}

TEST(SchemaLabelInvalid, KeysValuesAndSelectors) {
  auto f = check_yaml(R"(apiVersion: v1
kind: ConfigMap
metadata:
  name: c
  labels:
    -bad: x
    app.kubernetes.io/name: has space
    example.com/ok: "v1.0"
  annotations:
    bad key: x
    berth.dev/ok: "anything goes: here"
)");
  EXPECT_TRUE(has(f, "schema-label-invalid", 6, 5)) << dump(f);
  EXPECT_TRUE(has(f, "schema-label-invalid", 7, 29)) << dump(f);
  EXPECT_TRUE(has(f, "schema-label-invalid", 10, 5)) << dump(f);
  EXPECT_EQ(f.size(), 3u) << dump(f);
}

TEST(SchemaPortInvalid, NumbersAndNames) {
  auto f = check_yaml(R"(apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  containers:
    - name: a
      ports:
        - {containerPort: 70000, name: metrics-endpoint}
        - {containerPort: 8080, name: http}
      readinessProbe: {httpGet: {port: Http}}
---
apiVersion: v1
kind: Service
metadata: {name: s}
spec:
  ports: [{port: 0, targetPort: 9-9}, {port: 443, targetPort: https, nodePort: 0}]
)");
  EXPECT_TRUE(has(f, "schema-port-invalid", 8, 27)) << dump(f);
  EXPECT_TRUE(has(f, "schema-port-invalid", 8, 40)) << dump(f);
  EXPECT_TRUE(has(f, "schema-port-invalid", 10, 40)) << dump(f);
  EXPECT_TRUE(has(f, "schema-port-invalid", 16, 18)) << dump(f);
  EXPECT_TRUE(has(f, "schema-port-invalid", 16, 33)) << dump(f);
  EXPECT_EQ(f.size(), 5u) << dump(f);
}

TEST(SchemaUnknownField, CustomResourceTypoIsPruned) {
  auto f = check_yaml(R"(apiVersion: monitoring.coreos.com/v1
kind: ServiceMonitor
metadata: {name: m, labels: {release: kube-prometheus-stack}}
spec:
  selector: {matchLabels: {app: web}}
  endpoints:
    - port: http
      intervall: 30s
)");
  ASSERT_EQ(f.size(), 1u) << dump(f);
  EXPECT_TRUE(has(f, "schema-unknown-field", 8, 7)) << dump(f);
  EXPECT_NE(f[0].fix.find("\"interval\""), std::string::npos) << f[0].fix;
  EXPECT_NE(f[0].fix.find("prunes"), std::string::npos) << f[0].fix;
}

TEST(SchemaUnknownField, FreeFormAndMapsAreNotUnknown) {
  EXPECT_TRUE(check_yaml(R"(apiVersion: v1
kind: ConfigMap
metadata:
  name: c
  annotations: {a: b}
  managedFields: [{manager: kubectl, fieldsV1: {"f:data": {"f:x": {}}}}]
data: {x: "1"}
)")
                  .empty());
}

} // namespace
} // namespace berth::check::schema

namespace berth::check::schema {
namespace {

// Random byte mutations of a valid object: whatever parses must be checked without throwing.
TEST(SchemaValidator, MutatedObjectsNeverThrow) {
  std::mt19937 rng(12345);
  const std::string base = std::string(kDeployment) + R"(          env:
            - {name: A, value: "1"}
          livenessProbe: {httpGet: {path: /, port: http}, periodSeconds: 10}
      volumes:
        - name: data
          persistentVolumeClaim: {claimName: data}
)";
  const char alphabet[] = "{}[]:,-\"' \n0123456789abcxyzAZ.!&*|>#~";
  std::size_t checked = 0;
  for (int i = 0; i < 1500; ++i) {
    std::string text = base;
    int edits = 1 + static_cast<int>(rng() % 4);
    for (int e = 0; e < edits; ++e) {
      std::size_t pos = rng() % text.size();
      char c = alphabet[rng() % (sizeof alphabet - 1)];
      switch (rng() % 3) {
      case 0:
        text[pos] = c;
        break;
      case 1:
        text.insert(text.begin() + static_cast<std::ptrdiff_t>(pos), c);
        break;
      default:
        text.erase(pos, 1 + rng() % 8);
        break;
      }
    }
    try {
      (void)check_yaml(text);
      ++checked;
    } catch (const berth::Error&) {
      // malformed YAML: the parser's business
    }
  }
  EXPECT_GT(checked, 300u);
}

} // namespace
} // namespace berth::check::schema

namespace berth::check::schema {
namespace {

// What `kubectl get -o yaml` prints (status, managedFields, defaults filled in) is valid input.
TEST(SchemaValidator, ExportedObjectsWithStatusValidate) {
  auto f = test::check_yaml(R"(apiVersion: apps/v1
kind: Deployment
metadata:
  annotations:
    deployment.kubernetes.io/revision: "3"
    kubectl.kubernetes.io/last-applied-configuration: |
      {"apiVersion":"apps/v1","kind":"Deployment"}
  creationTimestamp: "2024-03-01T10:00:00Z"
  generation: 3
  labels:
    app: api
  name: api
  namespace: shop
  resourceVersion: "123456"
  uid: 0d7c5d3e-1111-2222-3333-444455556666
  managedFields:
    - apiVersion: apps/v1
      fieldsType: FieldsV1
      fieldsV1:
        f:spec:
          f:replicas: {}
      manager: kubectl-client-side-apply
      operation: Update
      time: "2024-03-01T10:00:00Z"
spec:
  progressDeadlineSeconds: 600
  replicas: 2
  revisionHistoryLimit: 10
  selector:
    matchLabels:
      app: api
  strategy:
    rollingUpdate:
      maxSurge: 25%
      maxUnavailable: 25%
    type: RollingUpdate
  template:
    metadata:
      creationTimestamp: null
      labels:
        app: api
    spec:
      containers:
        - image: registry.example.com/api:1.4.2
          imagePullPolicy: IfNotPresent
          name: api
          ports:
            - containerPort: 8080
              name: http
              protocol: TCP
          readinessProbe:
            failureThreshold: 3
            httpGet:
              path: /healthz
              port: http
              scheme: HTTP
            periodSeconds: 10
            successThreshold: 1
            timeoutSeconds: 1
          resources:
            limits:
              memory: 512Mi
            requests:
              cpu: 250m
              memory: 256Mi
          terminationMessagePath: /dev/termination-log
          terminationMessagePolicy: File
          volumeMounts:
            - mountPath: /config
              name: config
              readOnly: true
      dnsPolicy: ClusterFirst
      restartPolicy: Always
      schedulerName: default-scheduler
      securityContext: {}
      terminationGracePeriodSeconds: 30
      tolerations:
        - effect: NoSchedule
          key: dedicated
          operator: Equal
          value: api
      affinity:
        podAntiAffinity:
          preferredDuringSchedulingIgnoredDuringExecution:
            - weight: 100
              podAffinityTerm:
                topologyKey: kubernetes.io/hostname
                labelSelector:
                  matchExpressions:
                    - {key: app, operator: In, values: [api]}
      volumes:
        - configMap:
            defaultMode: 420
            name: api-config
          name: config
status:
  availableReplicas: 2
  conditions:
    - lastTransitionTime: "2024-03-01T10:00:05Z"
      lastUpdateTime: "2024-03-01T10:00:05Z"
      message: Deployment has minimum availability.
      reason: MinimumReplicasAvailable
      status: "True"
      type: Available
  observedGeneration: 3
  readyReplicas: 2
  replicas: 2
  updatedReplicas: 2
---
apiVersion: v1
kind: Service
metadata:
  name: api
  namespace: shop
spec:
  clusterIP: 10.43.12.34
  clusterIPs: [10.43.12.34]
  internalTrafficPolicy: Cluster
  ipFamilies: [IPv4]
  ipFamilyPolicy: SingleStack
  ports:
    - name: http
      port: 80
      protocol: TCP
      targetPort: http
  selector:
    app: api
  sessionAffinity: None
  type: ClusterIP
status:
  loadBalancer: {}
---
apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: data
  annotations:
    pv.kubernetes.io/bind-completed: "yes"
  finalizers: [kubernetes.io/pvc-protection]
spec:
  accessModes: [ReadWriteOnce]
  resources:
    requests:
      storage: 10Gi
  storageClassName: local-path
  volumeMode: Filesystem
  volumeName: pvc-1234
status:
  accessModes: [ReadWriteOnce]
  capacity:
    storage: 10Gi
  phase: Bound
---
apiVersion: v1
kind: Pod
metadata:
  name: api-abc
  ownerReferences:
    - apiVersion: apps/v1
      blockOwnerDeletion: true
      controller: true
      kind: ReplicaSet
      name: api-5d8f
      uid: 11111111-2222-3333-4444-555555555555
spec:
  containers: [{name: api, image: x}]
status:
  phase: Running
  podIP: 10.42.0.12
  podIPs: [{ip: 10.42.0.12}]
  hostIP: 192.168.1.10
  hostIPs: [{ip: 192.168.1.10}]
  qosClass: Burstable
  startTime: "2024-03-01T10:00:00Z"
  conditions:
    - {type: Ready, status: "True", lastProbeTime: null, lastTransitionTime: "2024-03-01T10:00:03Z"}
  containerStatuses:
    - name: api
      image: x
      imageID: docker.io/library/x@sha256:abc
      containerID: containerd://abc
      ready: true
      restartCount: 0
      started: true
      state:
        running: {startedAt: "2024-03-01T10:00:02Z"}
      lastState: {}
)");
  EXPECT_TRUE(f.empty()) << test::dump(f);
}

} // namespace
} // namespace berth::check::schema
