// Enumerated string fields of the Kubernetes API (values from the API reference; the API server
// answers "Unsupported value" for anything else). Only closed sets are listed: fields that
// also accept prefixed or free-form values (emptyDir medium, Secret type…) are not.
#include <map>
#include <string>
#include <utility>

#include "check/schema/semantics.h"

namespace berth::check::schema {

namespace {

using Values = std::vector<std::string_view>;

const std::map<std::pair<std::string_view, std::string_view>, Values>& table() {
  static const Values pull = {"Always", "IfNotPresent", "Never"};
  static const Values protocol = {"SCTP", "TCP", "UDP"};
  static const Values preemption = {"Never", "PreemptLowerPriority"};
  static const Values selector_op = {"DoesNotExist", "Exists", "In", "NotIn"};
  static const Values profile = {"Localhost", "RuntimeDefault", "Unconfined"};
  static const Values traffic = {"Cluster", "Local"};
  static const Values honor = {"Honor", "Ignore"};
  static const Values update = {"OnDelete", "RollingUpdate"};
  static const Values retain = {"Delete", "Retain"};
  static const std::map<std::pair<std::string_view, std::string_view>, Values> t = {
      {{"io.k8s.api.core.v1.Container", "imagePullPolicy"}, pull},
      {{"io.k8s.api.core.v1.Container", "terminationMessagePolicy"},
       {"FallbackToLogsOnError", "File"}},
      {{"io.k8s.api.core.v1.Container", "restartPolicy"}, {"Always"}},
      {{"io.k8s.api.core.v1.EphemeralContainer", "imagePullPolicy"}, pull},
      {{"io.k8s.api.core.v1.EphemeralContainer", "terminationMessagePolicy"},
       {"FallbackToLogsOnError", "File"}},
      {{"io.k8s.api.core.v1.ContainerPort", "protocol"}, protocol},
      {{"io.k8s.api.core.v1.ServicePort", "protocol"}, protocol},
      {{"io.k8s.api.core.v1.ContainerResizePolicy", "restartPolicy"},
       {"NotRequired", "RestartContainer"}},
      {{"io.k8s.api.core.v1.PodSpec", "restartPolicy"}, {"Always", "Never", "OnFailure"}},
      {{"io.k8s.api.core.v1.PodSpec", "dnsPolicy"},
       {"ClusterFirst", "ClusterFirstWithHostNet", "Default", "None"}},
      {{"io.k8s.api.core.v1.PodSpec", "preemptionPolicy"}, preemption},
      {{"io.k8s.api.core.v1.PodOS", "name"}, {"linux", "windows"}},
      {{"io.k8s.api.core.v1.ServiceSpec", "type"},
       {"ClusterIP", "ExternalName", "LoadBalancer", "NodePort"}},
      {{"io.k8s.api.core.v1.ServiceSpec", "sessionAffinity"}, {"ClientIP", "None"}},
      {{"io.k8s.api.core.v1.ServiceSpec", "externalTrafficPolicy"}, traffic},
      {{"io.k8s.api.core.v1.ServiceSpec", "internalTrafficPolicy"}, traffic},
      {{"io.k8s.api.core.v1.ServiceSpec", "ipFamilyPolicy"},
       {"PreferDualStack", "RequireDualStack", "SingleStack"}},
      {{"io.k8s.api.core.v1.ServiceSpec", "ipFamilies"}, {"IPv4", "IPv6"}},
      {{"io.k8s.api.core.v1.HTTPGetAction", "scheme"}, {"HTTP", "HTTPS"}},
      {{"io.k8s.api.core.v1.VolumeMount", "mountPropagation"},
       {"Bidirectional", "HostToContainer", "None"}},
      {{"io.k8s.api.core.v1.VolumeMount", "recursiveReadOnly"},
       {"Disabled", "Enabled", "IfPossible"}},
      {{"io.k8s.api.core.v1.PodSecurityContext", "fsGroupChangePolicy"},
       {"Always", "OnRootMismatch"}},
      {{"io.k8s.api.core.v1.PodSecurityContext", "supplementalGroupsPolicy"}, {"Merge", "Strict"}},
      {{"io.k8s.api.core.v1.PodSecurityContext", "seLinuxChangePolicy"},
       {"MountOption", "Recursive"}},
      {{"io.k8s.api.core.v1.SecurityContext", "procMount"}, {"Default", "Unmasked"}},
      {{"io.k8s.api.core.v1.SeccompProfile", "type"}, profile},
      {{"io.k8s.api.core.v1.AppArmorProfile", "type"}, profile},
      {{"io.k8s.api.core.v1.Toleration", "operator"}, {"Equal", "Exists"}},
      {{"io.k8s.api.core.v1.Toleration", "effect"},
       {"", "NoExecute", "NoSchedule", "PreferNoSchedule"}},
      {{"io.k8s.api.core.v1.TopologySpreadConstraint", "whenUnsatisfiable"},
       {"DoNotSchedule", "ScheduleAnyway"}},
      {{"io.k8s.api.core.v1.TopologySpreadConstraint", "nodeAffinityPolicy"}, honor},
      {{"io.k8s.api.core.v1.TopologySpreadConstraint", "nodeTaintsPolicy"}, honor},
      {{"io.k8s.api.core.v1.NodeSelectorRequirement", "operator"},
       {"DoesNotExist", "Exists", "Gt", "In", "Lt", "NotIn"}},
      {{"io.k8s.api.core.v1.PersistentVolumeClaimSpec", "accessModes"},
       {"ReadOnlyMany", "ReadWriteMany", "ReadWriteOnce", "ReadWriteOncePod"}},
      {{"io.k8s.api.core.v1.PersistentVolumeClaimSpec", "volumeMode"}, {"Block", "Filesystem"}},
      {{"io.k8s.api.core.v1.HostPathVolumeSource", "type"},
       {"", "BlockDevice", "CharDevice", "Directory", "DirectoryOrCreate", "File", "FileOrCreate",
        "Socket"}},
      {{"io.k8s.api.core.v1.ImageVolumeSource", "pullPolicy"}, pull},
      {{"io.k8s.api.core.v1.LimitRangeItem", "type"},
       {"Container", "PersistentVolumeClaim", "Pod"}},
      {{"io.k8s.api.core.v1.ScopedResourceSelectorRequirement", "operator"}, selector_op},
      {{"io.k8s.apimachinery.pkg.apis.meta.v1.LabelSelectorRequirement", "operator"}, selector_op},
      {{"io.k8s.api.apps.v1.DeploymentStrategy", "type"}, {"Recreate", "RollingUpdate"}},
      {{"io.k8s.api.apps.v1.StatefulSetSpec", "podManagementPolicy"}, {"OrderedReady", "Parallel"}},
      {{"io.k8s.api.apps.v1.StatefulSetUpdateStrategy", "type"}, update},
      {{"io.k8s.api.apps.v1.DaemonSetUpdateStrategy", "type"}, update},
      {{"io.k8s.api.apps.v1.StatefulSetPersistentVolumeClaimRetentionPolicy", "whenDeleted"},
       retain},
      {{"io.k8s.api.apps.v1.StatefulSetPersistentVolumeClaimRetentionPolicy", "whenScaled"},
       retain},
      {{"io.k8s.api.batch.v1.CronJobSpec", "concurrencyPolicy"}, {"Allow", "Forbid", "Replace"}},
      {{"io.k8s.api.batch.v1.JobSpec", "completionMode"}, {"Indexed", "NonIndexed"}},
      {{"io.k8s.api.batch.v1.JobSpec", "podReplacementPolicy"}, {"Failed", "TerminatingOrFailed"}},
      {{"io.k8s.api.batch.v1.PodFailurePolicyRule", "action"},
       {"Count", "FailIndex", "FailJob", "Ignore"}},
      {{"io.k8s.api.batch.v1.PodFailurePolicyOnExitCodesRequirement", "operator"}, {"In", "NotIn"}},
      {{"io.k8s.api.networking.v1.HTTPIngressPath", "pathType"},
       {"Exact", "ImplementationSpecific", "Prefix"}},
      {{"io.k8s.api.networking.v1.NetworkPolicySpec", "policyTypes"}, {"Egress", "Ingress"}},
      {{"io.k8s.api.networking.v1.NetworkPolicyPort", "protocol"}, protocol},
      {{"io.k8s.api.autoscaling.v2.MetricSpec", "type"},
       {"ContainerResource", "External", "Object", "Pods", "Resource"}},
      {{"io.k8s.api.autoscaling.v2.MetricTarget", "type"},
       {"AverageValue", "Utilization", "Value"}},
      {{"io.k8s.api.autoscaling.v2.HPAScalingPolicy", "type"}, {"Percent", "Pods"}},
      {{"io.k8s.api.autoscaling.v2.HPAScalingRules", "selectPolicy"}, {"Disabled", "Max", "Min"}},
      {{"io.k8s.api.policy.v1.PodDisruptionBudgetSpec", "unhealthyPodEvictionPolicy"},
       {"AlwaysAllow", "IfHealthyBudget"}},
      {{"io.k8s.api.scheduling.v1.PriorityClass", "preemptionPolicy"}, preemption},
  };
  return t;
}

} // namespace

const std::vector<std::string_view>* property_enum(std::string_view definition,
                                                   std::string_view property) {
  const auto& t = table();
  auto it = t.find({definition, property});
  return it == t.end() ? nullptr : &it->second;
}

} // namespace berth::check::schema
