// neat: exported objects lose server fields, injected token volumes and API defaults, and keep
// everything a person wrote (including values that merely look like defaults elsewhere).
#include <gtest/gtest.h>

#include <algorithm>

#include "kube/neat.h"
#include "support/yaml_assert.h"
#include "yaml/parse.h"

namespace berth::kube {
namespace {

yaml::Node doc(const char* text) {
  return yaml::parse_document(text, "export.yaml");
}

bool has(const std::vector<std::string>& v, const std::string& s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}

TEST(Neat, DeploymentAsKubectlPrintsIt) {
  yaml::Node d = doc(R"(
apiVersion: apps/v1
kind: Deployment
metadata:
  annotations:
    deployment.kubernetes.io/revision: "3"
    kubectl.kubernetes.io/last-applied-configuration: |
      {"apiVersion":"apps/v1","kind":"Deployment"}
    team: vault
  creationTimestamp: "2023-04-01T10:00:00Z"
  generation: 3
  labels:
    app: vaultwarden
  managedFields:
  - apiVersion: apps/v1
    fieldsType: FieldsV1
    manager: kubectl-client-side-apply
  name: vaultwarden
  namespace: vaultwarden
  resourceVersion: "123456"
  uid: 0b7c6f43-1d7e-4a8e-9c59-3f1c7f1e2a11
spec:
  progressDeadlineSeconds: 600
  replicas: 1
  revisionHistoryLimit: 10
  selector:
    matchLabels:
      app: vaultwarden
  strategy:
    rollingUpdate:
      maxSurge: 25%
      maxUnavailable: 25%
    type: RollingUpdate
  template:
    metadata:
      annotations:
        kubectl.kubernetes.io/restartedAt: "2024-01-02T03:04:05Z"
      creationTimestamp: null
      labels:
        app: vaultwarden
    spec:
      containers:
      - env:
        - name: POD_IP
          valueFrom:
            fieldRef:
              apiVersion: v1
              fieldPath: status.podIP
        image: vaultwarden/server:1.30.5
        imagePullPolicy: IfNotPresent
        livenessProbe:
          failureThreshold: 3
          httpGet:
            path: /alive
            port: 80
            scheme: HTTP
          initialDelaySeconds: 15
          periodSeconds: 10
          successThreshold: 1
          timeoutSeconds: 1
        name: vaultwarden
        ports:
        - containerPort: 80
          name: http
          protocol: TCP
        resources: {}
        terminationMessagePath: /dev/termination-log
        terminationMessagePolicy: File
        volumeMounts:
        - mountPath: /data
          name: data
      dnsPolicy: ClusterFirst
      restartPolicy: Always
      schedulerName: default-scheduler
      securityContext: {}
      serviceAccount: default
      serviceAccountName: default
      terminationGracePeriodSeconds: 30
      volumes:
      - name: data
        persistentVolumeClaim:
          claimName: vaultwarden-data
      - configMap:
          defaultMode: 420
          name: vaultwarden-config
        name: config
status:
  availableReplicas: 1
  replicas: 1
)");
  NeatResult r = neat(d);
  EXPECT_YAML_EQ(d, R"(
apiVersion: apps/v1
kind: Deployment
metadata:
  annotations:
    team: vault
  labels:
    app: vaultwarden
  name: vaultwarden
  namespace: vaultwarden
spec:
  replicas: 1
  selector:
    matchLabels:
      app: vaultwarden
  template:
    metadata:
      labels:
        app: vaultwarden
    spec:
      containers:
      - env:
        - name: POD_IP
          valueFrom:
            fieldRef:
              fieldPath: status.podIP
        image: vaultwarden/server:1.30.5
        livenessProbe:
          httpGet:
            path: /alive
            port: 80
          initialDelaySeconds: 15
        name: vaultwarden
        ports:
        - containerPort: 80
          name: http
        volumeMounts:
        - mountPath: /data
          name: data
      volumes:
      - name: data
        persistentVolumeClaim:
          claimName: vaultwarden-data
      - configMap:
          name: vaultwarden-config
        name: config
)");
  EXPECT_TRUE(has(r.server_fields, "status"));
  EXPECT_TRUE(has(r.server_fields, "metadata.managedFields"));
  EXPECT_TRUE(has(r.server_fields, "metadata.uid"));
  EXPECT_TRUE(has(r.defaults, "spec.revisionHistoryLimit=10"));
  EXPECT_TRUE(has(
      r.defaults,
      "spec.template.spec.containers[vaultwarden].terminationMessagePath=/dev/termination-log"));
  EXPECT_TRUE(r.notes.empty());
}

TEST(Neat, KeepsValuesThatDifferFromDefaults) {
  yaml::Node d = doc(R"(
apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  revisionHistoryLimit: 3
  progressDeadlineSeconds: 300
  strategy:
    type: RollingUpdate
    rollingUpdate: {maxSurge: 1, maxUnavailable: 0}
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      dnsPolicy: None
      restartPolicy: Always
      serviceAccountName: web
      terminationGracePeriodSeconds: 60
      containers:
      - name: web
        image: nginx
        imagePullPolicy: IfNotPresent
        readinessProbe: {tcpSocket: {port: 80}, periodSeconds: 5, failureThreshold: 6}
        ports: [{containerPort: 53, protocol: UDP}]
)");
  neat(d);
  EXPECT_YAML_EQ(d, R"(
apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  revisionHistoryLimit: 3
  progressDeadlineSeconds: 300
  strategy:
    type: RollingUpdate
    rollingUpdate: {maxSurge: 1, maxUnavailable: 0}
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      dnsPolicy: None
      serviceAccountName: web
      terminationGracePeriodSeconds: 60
      containers:
      - name: web
        image: nginx
        imagePullPolicy: IfNotPresent
        readinessProbe: {tcpSocket: {port: 80}, periodSeconds: 5, failureThreshold: 6}
        ports: [{containerPort: 53, protocol: UDP}]
)");
}

TEST(Neat, PodLosesInjectedTokenVolumesAndSchedulingFields) {
  yaml::Node p = doc(R"(
apiVersion: v1
kind: Pod
metadata:
  name: web-6d5f8b7c9-x2x7k
  generateName: web-6d5f8b7c9-
  labels: {app: web, pod-template-hash: 6d5f8b7c9}
  ownerReferences:
  - {apiVersion: apps/v1, kind: ReplicaSet, name: web-6d5f8b7c9, uid: 1, controller: true}
spec:
  containers:
  - name: web
    image: nginx:1.27
    volumeMounts:
    - {mountPath: /usr/share/nginx/html, name: html}
    - {mountPath: /var/run/secrets/kubernetes.io/serviceaccount, name: kube-api-access-x2x7k, readOnly: true}
  - name: legacy
    image: busybox:1.36
    volumeMounts:
    - {mountPath: /var/run/secrets/kubernetes.io/serviceaccount, name: default-token-8tq2w, readOnly: true}
  nodeName: worker-2
  priority: 0
  preemptionPolicy: PreemptLowerPriority
  enableServiceLinks: true
  tolerations:
  - {effect: NoExecute, key: node.kubernetes.io/not-ready, operator: Exists, tolerationSeconds: 300}
  - {effect: NoExecute, key: node.kubernetes.io/unreachable, operator: Exists, tolerationSeconds: 300}
  - {effect: NoSchedule, key: dedicated, operator: Equal, value: web}
  volumes:
  - name: html
    emptyDir: {}
  - name: kube-api-access-x2x7k
    projected:
      defaultMode: 420
      sources:
      - serviceAccountToken: {expirationSeconds: 3607, path: token}
      - configMap: {name: kube-root-ca.crt, items: [{key: ca.crt, path: ca.crt}]}
  - name: default-token-8tq2w
    secret: {defaultMode: 420, secretName: default-token-8tq2w}
)");
  NeatResult r = neat(p);
  EXPECT_YAML_EQ(p, R"(
apiVersion: v1
kind: Pod
metadata:
  name: web-6d5f8b7c9-x2x7k
  labels: {app: web}
spec:
  containers:
  - name: web
    image: nginx:1.27
    volumeMounts:
    - {mountPath: /usr/share/nginx/html, name: html}
  - name: legacy
    image: busybox:1.36
  tolerations:
  - {effect: NoSchedule, key: dedicated, operator: Equal, value: web}
  volumes:
  - name: html
    emptyDir: {}
)");
  ASSERT_EQ(r.notes.size(), 1u);
  EXPECT_EQ(r.notes[0].field, "metadata.ownerReferences");
  EXPECT_NE(r.notes[0].detail.find("ReplicaSet web-6d5f8b7c9"), std::string::npos);
  EXPECT_TRUE(has(r.server_fields, "spec.volumes[kube-api-access-x2x7k]"));
  EXPECT_TRUE(has(r.server_fields, "spec.volumes[default-token-8tq2w]"));
}

TEST(Neat, ServiceWithoutAllocatedAddressesAndPorts) {
  yaml::Node s = doc(R"(
apiVersion: v1
kind: Service
metadata: {name: web, namespace: shop}
spec:
  clusterIP: 10.43.12.7
  clusterIPs: [10.43.12.7]
  externalTrafficPolicy: Cluster
  internalTrafficPolicy: Cluster
  allocateLoadBalancerNodePorts: true
  ipFamilies: [IPv4]
  ipFamilyPolicy: SingleStack
  ports:
  - {name: http, nodePort: 31080, port: 80, protocol: TCP, targetPort: 8080}
  - {name: metrics, port: 9090, protocol: TCP, targetPort: 9090}
  selector: {app: web}
  sessionAffinity: None
  type: LoadBalancer
status:
  loadBalancer:
    ingress: [{ip: 203.0.113.10}]
)");
  NeatResult r = neat(s);
  EXPECT_YAML_EQ(s, R"(
apiVersion: v1
kind: Service
metadata: {name: web, namespace: shop}
spec:
  ports:
  - {name: http, port: 80, targetPort: 8080}
  - {name: metrics, port: 9090}
  selector: {app: web}
  type: LoadBalancer
)");
  ASSERT_EQ(r.notes.size(), 1u);
  EXPECT_EQ(r.notes[0].field, "spec.ports[http].nodePort");
  EXPECT_NE(r.notes[0].detail.find("31080"), std::string::npos);
}

TEST(Neat, NodePortsPinnedOnPurposeAndHeadlessAndDualStackStay) {
  yaml::Node s = doc(R"(
apiVersion: v1
kind: Service
metadata: {name: web}
spec:
  type: NodePort
  clusterIP: None
  clusterIPs: [None]
  ipFamilies: [IPv4, IPv6]
  ipFamilyPolicy: PreferDualStack
  ports: [{name: http, port: 80, nodePort: 30080}]
)");
  neat(s, NeatOptions{.keep_node_ports = true});
  EXPECT_YAML_EQ(s, R"(
apiVersion: v1
kind: Service
metadata: {name: web}
spec:
  type: NodePort
  clusterIP: None
  ipFamilies: [IPv4, IPv6]
  ipFamilyPolicy: PreferDualStack
  ports: [{name: http, port: 80, nodePort: 30080}]
)");
}

TEST(Neat, PersistentVolumeClaimForgetsItsBinding) {
  yaml::Node c = doc(R"(
apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: vaultwarden-data
  annotations:
    pv.kubernetes.io/bind-completed: "yes"
    pv.kubernetes.io/bound-by-controller: "yes"
    volume.beta.kubernetes.io/storage-provisioner: ebs.csi.aws.com
    volume.kubernetes.io/selected-node: ip-10-0-1-23
  finalizers: [kubernetes.io/pvc-protection]
spec:
  accessModes: [ReadWriteOnce]
  resources: {requests: {storage: 5Gi}}
  storageClassName: gp2
  volumeMode: Filesystem
  volumeName: pvc-3f1c7f1e-2a11-4a8e-9c59-0b7c6f431d7e
status: {phase: Bound}
)");
  neat(c);
  EXPECT_YAML_EQ(c, R"(
apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: vaultwarden-data
spec:
  accessModes: [ReadWriteOnce]
  resources: {requests: {storage: 5Gi}}
  storageClassName: gp2
)");
}

TEST(Neat, StatefulSetDaemonSetAndClaimTemplates) {
  yaml::Node s = doc(R"(
apiVersion: apps/v1
kind: StatefulSet
metadata: {name: db}
spec:
  podManagementPolicy: OrderedReady
  revisionHistoryLimit: 10
  persistentVolumeClaimRetentionPolicy: {whenDeleted: Retain, whenScaled: Retain}
  updateStrategy: {type: RollingUpdate, rollingUpdate: {partition: 0}}
  serviceName: db
  selector: {matchLabels: {app: db}}
  template:
    metadata: {labels: {app: db}}
    spec:
      containers: [{name: db, image: "postgres:16"}]
  volumeClaimTemplates:
  - apiVersion: v1
    kind: PersistentVolumeClaim
    metadata: {name: data, creationTimestamp: null}
    spec:
      accessModes: [ReadWriteOnce]
      resources: {requests: {storage: 10Gi}}
      volumeMode: Filesystem
    status: {phase: Pending}
)");
  neat(s);
  EXPECT_YAML_EQ(s, R"(
apiVersion: apps/v1
kind: StatefulSet
metadata: {name: db}
spec:
  serviceName: db
  selector: {matchLabels: {app: db}}
  template:
    metadata: {labels: {app: db}}
    spec:
      containers: [{name: db, image: "postgres:16"}]
  volumeClaimTemplates:
  - metadata: {name: data}
    spec:
      accessModes: [ReadWriteOnce]
      resources: {requests: {storage: 10Gi}}
)");
  yaml::Node ds = doc(R"(
apiVersion: apps/v1
kind: DaemonSet
metadata: {name: agent, annotations: {deprecated.daemonset.template.generation: "4"}}
spec:
  revisionHistoryLimit: 10
  updateStrategy: {type: RollingUpdate, rollingUpdate: {maxSurge: 0, maxUnavailable: 1}}
  selector: {matchLabels: {app: agent}}
  template:
    metadata: {labels: {app: agent}}
    spec: {containers: [{name: a, image: "agent:2"}]}
)");
  neat(ds);
  EXPECT_YAML_EQ(ds, R"(
apiVersion: apps/v1
kind: DaemonSet
metadata: {name: agent}
spec:
  selector: {matchLabels: {app: agent}}
  template:
    metadata: {labels: {app: agent}}
    spec: {containers: [{name: a, image: "agent:2"}]}
)");
}

TEST(Neat, CronJobAndJobDefaults) {
  yaml::Node c = doc(R"(
apiVersion: batch/v1
kind: CronJob
metadata: {name: backup}
spec:
  concurrencyPolicy: Allow
  failedJobsHistoryLimit: 1
  successfulJobsHistoryLimit: 3
  suspend: false
  schedule: "0 3 * * *"
  jobTemplate:
    metadata: {creationTimestamp: null}
    spec:
      backoffLimit: 6
      completionMode: NonIndexed
      template:
        metadata: {creationTimestamp: null}
        spec:
          restartPolicy: OnFailure
          dnsPolicy: ClusterFirst
          containers: [{name: b, image: "alpine:3.20", command: [sh, -c, "true"]}]
)");
  neat(c);
  EXPECT_YAML_EQ(c, R"(
apiVersion: batch/v1
kind: CronJob
metadata: {name: backup}
spec:
  schedule: "0 3 * * *"
  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: OnFailure
          containers: [{name: b, image: "alpine:3.20", command: [sh, -c, "true"]}]
)");
  yaml::Node j = doc(R"(
apiVersion: batch/v1
kind: Job
metadata: {name: migrate, labels: {controller-uid: abc, job-name: migrate, app: shop}}
spec:
  parallelism: 3
  completions: 1
  selector: {matchLabels: {controller-uid: abc}}
  template:
    metadata: {labels: {controller-uid: abc, job-name: migrate, app: shop}}
    spec:
      restartPolicy: Never
      containers: [{name: m, image: "shop:1"}]
)");
  neat(j);
  EXPECT_YAML_EQ(j, R"(
apiVersion: batch/v1
kind: Job
metadata: {name: migrate, labels: {app: shop}}
spec:
  parallelism: 3
  completions: 1
  template:
    metadata: {labels: {app: shop}}
    spec:
      restartPolicy: Never
      containers: [{name: m, image: "shop:1"}]
)");
}

TEST(Neat, HpaDefaultBehaviourAndServiceAccountTokens) {
  yaml::Node h = doc(R"(
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata: {name: web}
spec:
  behavior:
    scaleDown:
      policies: [{periodSeconds: 15, type: Percent, value: 100}]
      selectPolicy: Max
      stabilizationWindowSeconds: 300
    scaleUp:
      policies: [{periodSeconds: 15, type: Pods, value: 4}, {periodSeconds: 15, type: Percent, value: 100}]
      selectPolicy: Max
      stabilizationWindowSeconds: 60
  maxReplicas: 5
  minReplicas: 2
  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}
)");
  neat(h);
  const yaml::Node* behavior = h.find("spec")->find("behavior");
  ASSERT_NE(behavior, nullptr);
  EXPECT_FALSE(behavior->has("scaleDown"));
  EXPECT_TRUE(behavior->has("scaleUp")); // a 60 s window is the user's

  yaml::Node sa = doc(R"(
apiVersion: v1
kind: ServiceAccount
metadata: {name: web}
secrets: [{name: web-token-7hx2k}]
imagePullSecrets: [{name: registry}]
)");
  neat(sa);
  EXPECT_YAML_EQ(sa, "{apiVersion: v1, kind: ServiceAccount, metadata: {name: web}, "
                     "imagePullSecrets: [{name: registry}]}");
}

TEST(Neat, ControllerLabelsInASelectorStay) {
  // Someone selecting on a label controllers also use: removing it would break the match.
  yaml::Node d = doc(R"(
apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  selector: {matchLabels: {job-name: web}}
  template:
    metadata: {labels: {job-name: web}}
    spec: {containers: [{name: w, image: "w:1"}]}
)");
  neat(d);
  EXPECT_EQ(d.find("spec")->find("template")->find("metadata")->find("labels")->text("job-name"),
            "web");
}

TEST(Neat, OddShapesDoNotThrow) {
  for (const char* text :
       {"42", "[1, 2]", "{kind: Deployment, spec: 3}", "{kind: Deployment, spec: {template: [x]}}",
        "{kind: Service, spec: {ports: 7, clusterIP: [1]}}",
        "{kind: Pod, metadata: [], spec: {volumes: {a: 1}, containers: [3]}}",
        "{kind: CronJob, spec: {jobTemplate: {spec: 1}}}"}) {
    yaml::Node n = doc(text);
    EXPECT_NO_THROW(neat(n)) << text;
  }
}

TEST(Neat, PullPolicyDefaults) {
  EXPECT_EQ(default_pull_policy("nginx"), "Always");
  EXPECT_EQ(default_pull_policy("nginx:latest"), "Always");
  EXPECT_EQ(default_pull_policy("nginx:1.27"), "IfNotPresent");
  EXPECT_EQ(default_pull_policy("registry:5000/team/app"), "Always");
  EXPECT_EQ(default_pull_policy("registry:5000/team/app:2"), "IfNotPresent");
  EXPECT_EQ(default_pull_policy("nginx@sha256:abc"), "IfNotPresent");
}

} // namespace
} // namespace berth::kube

namespace berth::kube {
namespace {

TEST(Neat, RollingUpdateParametersStayTogether) {
  yaml::Node d = yaml::parse_document(R"(
apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  strategy: {type: RollingUpdate, rollingUpdate: {maxSurge: 25%, maxUnavailable: 0}}
)",
                                      "t.yaml");
  neat(d);
  EXPECT_YAML_EQ(
      *d.find("spec"),
      "{strategy: {type: RollingUpdate, rollingUpdate: {maxSurge: 25%, maxUnavailable: 0}}}");
}

} // namespace
} // namespace berth::kube
