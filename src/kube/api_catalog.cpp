// The table of apiVersion/kind pairs Kubernetes stopped serving between 1.16 and 1.32, with
// the version to migrate to and what changes beyond the apiVersion string.
#include "kube/api_catalog.h"

namespace berth::kube {

namespace {

constexpr MinorVersion v(int minor) {
  return {1, minor};
}

// Notes shared by several rows (one wording per structural change).
constexpr std::string_view kSelectorRequired =
    "spec.selector is required in apps/v1 and immutable after creation (use the pod template's "
    "labels as matchLabels)";
constexpr std::string_view kDeploymentNote =
    "spec.selector is required in apps/v1 and immutable after creation (use the pod template's "
    "labels as matchLabels); spec.rollbackTo is gone; progressDeadlineSeconds now defaults to "
    "600, revisionHistoryLimit to 10, maxSurge/maxUnavailable to 25%";
constexpr std::string_view kDaemonSetNote =
    "spec.selector is required in apps/v1 and immutable after creation (use the pod template's "
    "labels as matchLabels); spec.templateGeneration is gone; updateStrategy now defaults to "
    "RollingUpdate (was OnDelete)";
constexpr std::string_view kStatefulSetNote =
    "spec.selector is required in apps/v1 and immutable after creation (use the pod template's "
    "labels as matchLabels); updateStrategy now defaults to RollingUpdate (was OnDelete)";
constexpr std::string_view kIngressNote =
    "spec.backend becomes spec.defaultBackend; serviceName/servicePort become service.name and "
    "service.port.number (or service.port.name for a named port); every path needs a pathType "
    "(ImplementationSpecific keeps the v1beta1 behaviour, Prefix is what most rules mean)";
constexpr std::string_view kPspNote =
    "PodSecurityPolicy was removed in 1.25 without a replacement API: enforce the Pod Security "
    "Standards with pod-security.kubernetes.io/* namespace labels (Pod Security Admission) or a "
    "policy engine";
constexpr std::string_view kWebhookNote =
    "in v1 failurePolicy defaults to Fail (was Ignore), matchPolicy to Equivalent (was Exact), "
    "timeoutSeconds to 10 (was 30); sideEffects (None or NoneOnDryRun) and "
    "admissionReviewVersions are required; webhook names must be unique";
constexpr std::string_view kCrdNote =
    "spec.scope must be given; spec.version/validation/subresources/additionalPrinterColumns "
    "move under each spec.versions[] entry (schema.openAPIV3Schema, required and structural); "
    "conversion.webhookClientConfig becomes conversion.webhook.clientConfig; "
    "preserveUnknownFields: true becomes x-kubernetes-preserve-unknown-fields in the schema; "
    "printer column JSONPath is spelled jsonPath";
constexpr std::string_view kHpaV2beta1Note =
    "metrics[].resource.targetAverageUtilization becomes target: {type: Utilization, "
    "averageUtilization: N}; targetAverageValue becomes target: {type: AverageValue, "
    "averageValue: Q} (likewise for pods/object/external metrics)";
constexpr std::string_view kHpaV2beta2Note = "same shape as autoscaling/v2: only the apiVersion "
                                             "changes";
constexpr std::string_view kFlowcontrolRenameNote =
    "PriorityLevelConfiguration spec.limited.assuredConcurrencyShares is renamed "
    "nominalConcurrencyShares (v1 defaults it to 30 only when unset; an explicit 0 stays 0)";
constexpr std::string_view kFlowcontrolV1Note =
    "PriorityLevelConfiguration spec.limited.nominalConcurrencyShares defaults to 30 only when "
    "unset in v1; an explicit 0 stays 0";
constexpr std::string_view kSarNote = "spec.group is spelled spec.groups in v1";
constexpr std::string_view kCsrNote =
    "spec.signerName and spec.usages are required in v1 (kubernetes.io/legacy-unknown is not "
    "accepted)";
constexpr std::string_view kPdbNote =
    "an empty spec.selector ({}) selects every pod of the namespace in policy/v1 (it selected "
    "none in v1beta1)";
constexpr std::string_view kEndpointSliceNote =
    "endpoints[].topology[\"kubernetes.io/hostname\"] becomes endpoints[].nodeName and "
    "topology[\"topology.kubernetes.io/zone\"] becomes endpoints[].zone; topology is read-only "
    "deprecatedTopology in v1";
constexpr std::string_view kEventNote =
    "involvedObject becomes regarding; type is Normal or Warning; action, reason, "
    "reportingComponent and reportingInstance are required; firstTimestamp/lastTimestamp/count/"
    "source give way to eventTime, series and reportingComponent/reportingInstance";

// Ordered by removed_in, then api_version, then kind (tests keep it so).
const std::vector<ApiChange> kChanges = {
    // 1.16: workloads and NetworkPolicy leave extensions/v1beta1 and the apps betas.
    {"apps/v1beta1", "Deployment", v(9), v(16), "apps/v1", kDeploymentNote},
    {"apps/v1beta1", "ReplicaSet", v(9), v(16), "apps/v1", kSelectorRequired},
    {"apps/v1beta1", "StatefulSet", v(9), v(16), "apps/v1", kStatefulSetNote},
    {"apps/v1beta2", "DaemonSet", v(9), v(16), "apps/v1", kDaemonSetNote},
    {"apps/v1beta2", "Deployment", v(9), v(16), "apps/v1", kDeploymentNote},
    {"apps/v1beta2", "ReplicaSet", v(9), v(16), "apps/v1", kSelectorRequired},
    {"apps/v1beta2", "StatefulSet", v(9), v(16), "apps/v1", kStatefulSetNote},
    {"extensions/v1beta1", "DaemonSet", v(9), v(16), "apps/v1", kDaemonSetNote},
    {"extensions/v1beta1", "Deployment", v(9), v(16), "apps/v1", kDeploymentNote},
    {"extensions/v1beta1", "NetworkPolicy", v(9), v(16), "networking.k8s.io/v1", ""},
    {"extensions/v1beta1", "PodSecurityPolicy", v(10), v(16), "", kPspNote},
    {"extensions/v1beta1", "ReplicaSet", v(9), v(16), "apps/v1", kSelectorRequired},
    // 1.17: the alpha PriorityClass.
    {"scheduling.k8s.io/v1alpha1", "PriorityClass", v(14), v(17), "scheduling.k8s.io/v1", ""},
    // 1.22: the large beta clean-up.
    {"admissionregistration.k8s.io/v1beta1", "MutatingWebhookConfiguration", v(16), v(22),
     "admissionregistration.k8s.io/v1", kWebhookNote},
    {"admissionregistration.k8s.io/v1beta1", "ValidatingWebhookConfiguration", v(16), v(22),
     "admissionregistration.k8s.io/v1", kWebhookNote},
    {"apiextensions.k8s.io/v1beta1", "CustomResourceDefinition", v(16), v(22),
     "apiextensions.k8s.io/v1", kCrdNote},
    {"apiregistration.k8s.io/v1beta1", "APIService", v(19), v(22), "apiregistration.k8s.io/v1", ""},
    {"authentication.k8s.io/v1beta1", "TokenReview", v(19), v(22), "authentication.k8s.io/v1", ""},
    {"authorization.k8s.io/v1beta1", "LocalSubjectAccessReview", v(19), v(22),
     "authorization.k8s.io/v1", kSarNote},
    {"authorization.k8s.io/v1beta1", "SelfSubjectAccessReview", v(19), v(22),
     "authorization.k8s.io/v1", kSarNote},
    {"authorization.k8s.io/v1beta1", "SubjectAccessReview", v(19), v(22), "authorization.k8s.io/v1",
     kSarNote},
    {"certificates.k8s.io/v1beta1", "CertificateSigningRequest", v(19), v(22),
     "certificates.k8s.io/v1", kCsrNote},
    {"coordination.k8s.io/v1beta1", "Lease", v(14), v(22), "coordination.k8s.io/v1", ""},
    {"extensions/v1beta1", "Ingress", v(14), v(22), "networking.k8s.io/v1", kIngressNote},
    {"networking.k8s.io/v1beta1", "Ingress", v(19), v(22), "networking.k8s.io/v1", kIngressNote},
    {"networking.k8s.io/v1beta1", "IngressClass", v(19), v(22), "networking.k8s.io/v1", ""},
    {"rbac.authorization.k8s.io/v1alpha1", "ClusterRole", v(17), v(22),
     "rbac.authorization.k8s.io/v1", ""},
    {"rbac.authorization.k8s.io/v1alpha1", "ClusterRoleBinding", v(17), v(22),
     "rbac.authorization.k8s.io/v1", ""},
    {"rbac.authorization.k8s.io/v1alpha1", "Role", v(17), v(22), "rbac.authorization.k8s.io/v1",
     ""},
    {"rbac.authorization.k8s.io/v1alpha1", "RoleBinding", v(17), v(22),
     "rbac.authorization.k8s.io/v1", ""},
    {"rbac.authorization.k8s.io/v1beta1", "ClusterRole", v(17), v(22),
     "rbac.authorization.k8s.io/v1", ""},
    {"rbac.authorization.k8s.io/v1beta1", "ClusterRoleBinding", v(17), v(22),
     "rbac.authorization.k8s.io/v1", ""},
    {"rbac.authorization.k8s.io/v1beta1", "Role", v(17), v(22), "rbac.authorization.k8s.io/v1", ""},
    {"rbac.authorization.k8s.io/v1beta1", "RoleBinding", v(17), v(22),
     "rbac.authorization.k8s.io/v1", ""},
    {"scheduling.k8s.io/v1beta1", "PriorityClass", v(14), v(22), "scheduling.k8s.io/v1", ""},
    {"storage.k8s.io/v1beta1", "CSIDriver", v(19), v(22), "storage.k8s.io/v1", ""},
    {"storage.k8s.io/v1beta1", "CSINode", v(17), v(22), "storage.k8s.io/v1", ""},
    {"storage.k8s.io/v1beta1", "StorageClass", v(19), v(22), "storage.k8s.io/v1", ""},
    {"storage.k8s.io/v1beta1", "VolumeAttachment", v(19), v(22), "storage.k8s.io/v1", ""},
    // 1.25
    {"autoscaling/v2beta1", "HorizontalPodAutoscaler", v(22), v(25), "autoscaling/v2",
     kHpaV2beta1Note},
    {"batch/v1beta1", "CronJob", v(21), v(25), "batch/v1", ""},
    {"discovery.k8s.io/v1beta1", "EndpointSlice", v(21), v(25), "discovery.k8s.io/v1",
     kEndpointSliceNote},
    {"events.k8s.io/v1beta1", "Event", v(19), v(25), "events.k8s.io/v1", kEventNote},
    {"node.k8s.io/v1beta1", "RuntimeClass", v(20), v(25), "node.k8s.io/v1", ""},
    {"policy/v1beta1", "PodDisruptionBudget", v(21), v(25), "policy/v1", kPdbNote},
    {"policy/v1beta1", "PodSecurityPolicy", v(21), v(25), "", kPspNote},
    // 1.26
    {"autoscaling/v2beta2", "HorizontalPodAutoscaler", v(23), v(26), "autoscaling/v2",
     kHpaV2beta2Note},
    {"flowcontrol.apiserver.k8s.io/v1beta1", "FlowSchema", v(23), v(26),
     "flowcontrol.apiserver.k8s.io/v1", ""},
    {"flowcontrol.apiserver.k8s.io/v1beta1", "PriorityLevelConfiguration", v(23), v(26),
     "flowcontrol.apiserver.k8s.io/v1", kFlowcontrolRenameNote},
    // 1.27
    {"storage.k8s.io/v1beta1", "CSIStorageCapacity", v(24), v(27), "storage.k8s.io/v1", ""},
    // 1.29
    {"flowcontrol.apiserver.k8s.io/v1beta2", "FlowSchema", v(26), v(29),
     "flowcontrol.apiserver.k8s.io/v1", ""},
    {"flowcontrol.apiserver.k8s.io/v1beta2", "PriorityLevelConfiguration", v(26), v(29),
     "flowcontrol.apiserver.k8s.io/v1", kFlowcontrolRenameNote},
    // 1.32
    {"flowcontrol.apiserver.k8s.io/v1beta3", "FlowSchema", v(29), v(32),
     "flowcontrol.apiserver.k8s.io/v1", ""},
    {"flowcontrol.apiserver.k8s.io/v1beta3", "PriorityLevelConfiguration", v(29), v(32),
     "flowcontrol.apiserver.k8s.io/v1", kFlowcontrolV1Note},
};

} // namespace

const std::vector<ApiChange>& api_changes() {
  return kChanges;
}

const ApiChange* find_api_change(std::string_view api_version, std::string_view kind) {
  // Every row is a pre-release version or extensions/: skip the common GA case quickly.
  if (api_version.find("beta") == std::string_view::npos &&
      api_version.find("alpha") == std::string_view::npos)
    return nullptr;
  for (const ApiChange& c : kChanges)
    if (c.api_version == api_version && c.kind == kind) return &c;
  return nullptr;
}

} // namespace berth::kube
