// The Kubernetes API's kind table (v1.33, GA and beta) and the name grammar of each kind.
#include "check/schema/kinds.h"

#include <algorithm>

namespace berth::check::schema {

const std::vector<ApiKind>& kubernetes_kinds() {
  static const std::vector<ApiKind> kinds = {
      {"v1", "Binding"},
      {"v1", "ComponentStatus"},
      {"v1", "ConfigMap"},
      {"v1", "Endpoints"},
      {"v1", "Event"},
      {"v1", "LimitRange"},
      {"v1", "Namespace"},
      {"v1", "Node"},
      {"v1", "PersistentVolume"},
      {"v1", "PersistentVolumeClaim"},
      {"v1", "Pod"},
      {"v1", "PodTemplate"},
      {"v1", "ReplicationController"},
      {"v1", "ResourceQuota"},
      {"v1", "Secret"},
      {"v1", "Service"},
      {"v1", "ServiceAccount"},
      {"admissionregistration.k8s.io/v1", "MutatingWebhookConfiguration"},
      {"admissionregistration.k8s.io/v1", "ValidatingAdmissionPolicy"},
      {"admissionregistration.k8s.io/v1", "ValidatingAdmissionPolicyBinding"},
      {"admissionregistration.k8s.io/v1", "ValidatingWebhookConfiguration"},
      {"admissionregistration.k8s.io/v1beta1", "ValidatingAdmissionPolicy"},
      {"admissionregistration.k8s.io/v1beta1", "ValidatingAdmissionPolicyBinding"},
      {"apiextensions.k8s.io/v1", "CustomResourceDefinition"},
      {"apiregistration.k8s.io/v1", "APIService"},
      {"apps/v1", "ControllerRevision"},
      {"apps/v1", "DaemonSet"},
      {"apps/v1", "Deployment"},
      {"apps/v1", "ReplicaSet"},
      {"apps/v1", "StatefulSet"},
      {"authentication.k8s.io/v1", "SelfSubjectReview"},
      {"authentication.k8s.io/v1", "TokenRequest"},
      {"authentication.k8s.io/v1", "TokenReview"},
      {"authorization.k8s.io/v1", "LocalSubjectAccessReview"},
      {"authorization.k8s.io/v1", "SelfSubjectAccessReview"},
      {"authorization.k8s.io/v1", "SelfSubjectRulesReview"},
      {"authorization.k8s.io/v1", "SubjectAccessReview"},
      {"autoscaling/v1", "HorizontalPodAutoscaler"},
      {"autoscaling/v1", "Scale"},
      {"autoscaling/v2", "HorizontalPodAutoscaler"},
      {"batch/v1", "CronJob"},
      {"batch/v1", "Job"},
      {"certificates.k8s.io/v1", "CertificateSigningRequest"},
      {"certificates.k8s.io/v1beta1", "ClusterTrustBundle"},
      {"coordination.k8s.io/v1", "Lease"},
      {"coordination.k8s.io/v1beta1", "LeaseCandidate"},
      {"discovery.k8s.io/v1", "EndpointSlice"},
      {"events.k8s.io/v1", "Event"},
      {"flowcontrol.apiserver.k8s.io/v1", "FlowSchema"},
      {"flowcontrol.apiserver.k8s.io/v1", "PriorityLevelConfiguration"},
      {"networking.k8s.io/v1", "IPAddress"},
      {"networking.k8s.io/v1", "Ingress"},
      {"networking.k8s.io/v1", "IngressClass"},
      {"networking.k8s.io/v1", "NetworkPolicy"},
      {"networking.k8s.io/v1", "ServiceCIDR"},
      {"networking.k8s.io/v1beta1", "IPAddress"},
      {"networking.k8s.io/v1beta1", "ServiceCIDR"},
      {"node.k8s.io/v1", "RuntimeClass"},
      {"policy/v1", "Eviction"},
      {"policy/v1", "PodDisruptionBudget"},
      {"rbac.authorization.k8s.io/v1", "ClusterRole"},
      {"rbac.authorization.k8s.io/v1", "ClusterRoleBinding"},
      {"rbac.authorization.k8s.io/v1", "Role"},
      {"rbac.authorization.k8s.io/v1", "RoleBinding"},
      {"resource.k8s.io/v1beta1", "DeviceClass"},
      {"resource.k8s.io/v1beta1", "ResourceClaim"},
      {"resource.k8s.io/v1beta1", "ResourceClaimTemplate"},
      {"resource.k8s.io/v1beta1", "ResourceSlice"},
      {"resource.k8s.io/v1beta2", "DeviceClass"},
      {"resource.k8s.io/v1beta2", "ResourceClaim"},
      {"resource.k8s.io/v1beta2", "ResourceClaimTemplate"},
      {"resource.k8s.io/v1beta2", "ResourceSlice"},
      {"scheduling.k8s.io/v1", "PriorityClass"},
      {"storage.k8s.io/v1", "CSIDriver"},
      {"storage.k8s.io/v1", "CSINode"},
      {"storage.k8s.io/v1", "CSIStorageCapacity"},
      {"storage.k8s.io/v1", "StorageClass"},
      {"storage.k8s.io/v1", "VolumeAttachment"},
      {"storage.k8s.io/v1beta1", "VolumeAttributesClass"},
  };
  return kinds;
}

bool is_kubernetes_kind(std::string_view api_version, std::string_view kind) {
  const auto& all = kubernetes_kinds();
  return std::any_of(all.begin(), all.end(), [&](const ApiKind& k) {
    return k.api_version == api_version && k.kind == kind;
  });
}

bool is_kubernetes_group_version(std::string_view api_version) {
  const auto& all = kubernetes_kinds();
  return std::any_of(all.begin(), all.end(),
                     [&](const ApiKind& k) { return k.api_version == api_version; });
}

bool is_kubernetes_group(std::string_view group) {
  constexpr std::string_view suffix = ".k8s.io";
  if (group.empty() || group == "apps" || group == "batch" || group == "autoscaling" ||
      group == "policy" || group == "extensions")
    return true;
  return group.size() > suffix.size() && group.substr(group.size() - suffix.size()) == suffix;
}

NameRule name_rule(std::string_view group, std::string_view kind) {
  // From the API server's per-kind name validation (ValidateObjectMeta's name function).
  if (group.empty() && kind == "Namespace") return {NameGrammar::Label, 63};
  if (group.empty() && kind == "Service") return {NameGrammar::Dns1035Label, 63};
  if (group == "batch" && kind == "CronJob")
    return {NameGrammar::Subdomain, 52,
            "at most 52 characters: the CronJob controller appends an 11-character suffix for "
            "its Jobs"};
  if (group == "batch" && kind == "Job")
    return {NameGrammar::Subdomain, 63,
            "at most 63 characters: the name becomes the job-name label of its pods"};
  if (group == "rbac.authorization.k8s.io") return {NameGrammar::PathSegment, 0};
  return {};
}

} // namespace berth::check::schema
