// Built-in schema: core/v1 kinds (Pod, Service, ConfigMap, Secret, PersistentVolumeClaim,
// ResourceQuota, LimitRange, Namespace, ServiceAccount) and their status types.
#include "check/schema/builtin_texts.h"

namespace berth::check::schema::builtin_text {

std::string_view core() {
  return R"(
package io.k8s.api.core.v1
Pod @v1
  spec PodSpec
  status PodStatus
PodStatus
  conditions [PodCondition]
  containerStatuses [ContainerStatus]
  ephemeralContainerStatuses [ContainerStatus]
  hostIP string
  hostIPs [HostIP]
  initContainerStatuses [ContainerStatus]
  message string
  nominatedNodeName string
  observedGeneration int64
  phase string
  podIP string
  podIPs [PodIP]
  qosClass string
  reason string
  resize string
  resourceClaimStatuses [PodResourceClaimStatus]
  startTime time
PodCondition
  lastProbeTime time
  lastTransitionTime time
  message string
  observedGeneration int64
  reason string
  status! string
  type! string
ContainerStatus
  allocatedResources {quantity}
  allocatedResourcesStatus [ResourceStatus]
  containerID string
  image! string
  imageID! string
  lastState ContainerState
  name! string
  ready! boolean
  resources ResourceRequirements
  restartCount! int32
  started boolean
  state ContainerState
  stopSignal string
  user ContainerUser
  volumeMounts [VolumeMountStatus]
ContainerState
  running ContainerStateRunning
  terminated ContainerStateTerminated
  waiting ContainerStateWaiting
ContainerStateRunning
  startedAt time
ContainerStateTerminated
  containerID string
  exitCode! int32
  finishedAt time
  message string
  reason string
  signal int32
  startedAt time
ContainerStateWaiting
  message string
  reason string
ContainerUser
  linux LinuxContainerUser
LinuxContainerUser
  gid! int64
  supplementalGroups [int64]
  uid! int64
VolumeMountStatus
  mountPath! string
  name! string
  readOnly boolean
  recursiveReadOnly string
ResourceStatus
  name! string
  resources [ResourceHealth]
ResourceHealth
  health string
  resourceID! string
HostIP
  ip! string
PodIP
  ip! string
PodResourceClaimStatus
  name! string
  resourceClaimName string

Service @v1
  spec ServiceSpec
  status ServiceStatus
ServiceSpec
  allocateLoadBalancerNodePorts boolean
  clusterIP string
  clusterIPs [string]
  externalIPs [string]
  externalName string
  externalTrafficPolicy string
  healthCheckNodePort int32
  internalTrafficPolicy string
  ipFamilies [string]
  ipFamilyPolicy string
  loadBalancerClass string
  loadBalancerIP string
  loadBalancerSourceRanges [string]
  ports [ServicePort]
  publishNotReadyAddresses boolean
  selector {string}
  sessionAffinity string
  sessionAffinityConfig SessionAffinityConfig
  trafficDistribution string
  type string
ServicePort
  appProtocol string
  name string
  nodePort int32
  port! int32
  protocol string
  targetPort intstr
SessionAffinityConfig
  clientIP ClientIPConfig
ClientIPConfig
  timeoutSeconds int32
ServiceStatus
  conditions [meta.Condition]
  loadBalancer LoadBalancerStatus
LoadBalancerStatus
  ingress [LoadBalancerIngress]
LoadBalancerIngress
  hostname string
  ip string
  ipMode string
  ports [PortStatus]
PortStatus
  error string
  port! int32
  protocol! string

ConfigMap @v1
  binaryData {byte}
  data {string}
  immutable boolean
Secret @v1
  data {byte}
  immutable boolean
  stringData {string}
  type string
ServiceAccount @v1
  automountServiceAccountToken boolean
  imagePullSecrets [LocalObjectReference]
  secrets [ObjectReference]
ObjectReference
  apiVersion string
  fieldPath string
  kind string
  name string
  namespace string
  resourceVersion string
  uid string

PersistentVolumeClaim @v1
  spec PersistentVolumeClaimSpec
  status PersistentVolumeClaimStatus
PersistentVolumeClaimSpec
  accessModes [string]
  dataSource TypedLocalObjectReference
  dataSourceRef TypedObjectReference
  resources VolumeResourceRequirements
  selector meta.LabelSelector
  storageClassName string
  volumeAttributesClassName string
  volumeMode string
  volumeName string
TypedLocalObjectReference
  apiGroup string
  kind! string
  name! string
TypedObjectReference
  apiGroup string
  kind! string
  name! string
  namespace string
VolumeResourceRequirements
  limits {quantity}
  requests {quantity}
PersistentVolumeClaimStatus
  accessModes [string]
  allocatedResourceStatuses {string}
  allocatedResources {quantity}
  capacity {quantity}
  conditions [PersistentVolumeClaimCondition]
  currentVolumeAttributesClassName string
  modifyVolumeStatus ModifyVolumeStatus
  phase string
PersistentVolumeClaimCondition
  lastProbeTime time
  lastTransitionTime time
  message string
  reason string
  status! string
  type! string
ModifyVolumeStatus
  status! string
  targetVolumeAttributesClassName string

Namespace @v1
  spec NamespaceSpec
  status NamespaceStatus
NamespaceSpec
  finalizers [string]
NamespaceStatus
  conditions [NamespaceCondition]
  phase string
NamespaceCondition
  lastTransitionTime time
  message string
  reason string
  status! string
  type! string

ResourceQuota @v1
  spec ResourceQuotaSpec
  status ResourceQuotaStatus
ResourceQuotaSpec
  hard {quantity}
  scopeSelector ScopeSelector
  scopes [string]
ScopeSelector
  matchExpressions [ScopedResourceSelectorRequirement]
ScopedResourceSelectorRequirement
  operator! string
  scopeName! string
  values [string]
ResourceQuotaStatus
  hard {quantity}
  used {quantity}

LimitRange @v1
  spec LimitRangeSpec
LimitRangeSpec
  limits! [LimitRangeItem]
LimitRangeItem
  default {quantity}
  defaultRequest {quantity}
  max {quantity}
  maxLimitRequestRatio {quantity}
  min {quantity}
  type! string
)";
}

} // namespace berth::check::schema::builtin_text
