// Built-in schema: core/v1 PodSpec and everything under it (containers, probes, security
// contexts, affinity, volumes and their sources).
#include "check/schema/builtin_texts.h"

namespace berth::check::schema::builtin_text {

std::string_view pod() {
  return R"(
package io.k8s.api.core.v1
PodTemplateSpec
  metadata meta.ObjectMeta
  spec PodSpec
PodSpec
  activeDeadlineSeconds int64
  affinity Affinity
  automountServiceAccountToken boolean
  containers! [Container]
  dnsConfig PodDNSConfig
  dnsPolicy string
  enableServiceLinks boolean
  ephemeralContainers [EphemeralContainer]
  hostAliases [HostAlias]
  hostIPC boolean
  hostNetwork boolean
  hostPID boolean
  hostUsers boolean
  hostname string
  imagePullSecrets [LocalObjectReference]
  initContainers [Container]
  nodeName string
  nodeSelector {string}
  os PodOS
  overhead {quantity}
  preemptionPolicy string
  priority int32
  priorityClassName string
  readinessGates [PodReadinessGate]
  resourceClaims [PodResourceClaim]
  resources ResourceRequirements
  restartPolicy string
  runtimeClassName string
  schedulerName string
  schedulingGates [PodSchedulingGate]
  securityContext PodSecurityContext
  serviceAccount string
  serviceAccountName string
  setHostnameAsFQDN boolean
  shareProcessNamespace boolean
  subdomain string
  terminationGracePeriodSeconds int64
  tolerations [Toleration]
  topologySpreadConstraints [TopologySpreadConstraint]
  volumes [Volume]
Container
  args [string]
  command [string]
  env [EnvVar]
  envFrom [EnvFromSource]
  image string
  imagePullPolicy string
  lifecycle Lifecycle
  livenessProbe Probe
  name! string
  ports [ContainerPort]
  readinessProbe Probe
  resizePolicy [ContainerResizePolicy]
  resources ResourceRequirements
  restartPolicy string
  securityContext SecurityContext
  startupProbe Probe
  stdin boolean
  stdinOnce boolean
  terminationMessagePath string
  terminationMessagePolicy string
  tty boolean
  volumeDevices [VolumeDevice]
  volumeMounts [VolumeMount]
  workingDir string
EphemeralContainer
  args [string]
  command [string]
  env [EnvVar]
  envFrom [EnvFromSource]
  image string
  imagePullPolicy string
  lifecycle Lifecycle
  livenessProbe Probe
  name! string
  ports [ContainerPort]
  readinessProbe Probe
  resizePolicy [ContainerResizePolicy]
  resources ResourceRequirements
  restartPolicy string
  securityContext SecurityContext
  startupProbe Probe
  stdin boolean
  stdinOnce boolean
  targetContainerName string
  terminationMessagePath string
  terminationMessagePolicy string
  tty boolean
  volumeDevices [VolumeDevice]
  volumeMounts [VolumeMount]
  workingDir string
ContainerPort
  containerPort! int32
  hostIP string
  hostPort int32
  name string
  protocol string
ContainerResizePolicy
  resourceName! string
  restartPolicy! string
EnvVar
  name! string
  value string
  valueFrom EnvVarSource
EnvVarSource
  configMapKeyRef ConfigMapKeySelector
  fieldRef ObjectFieldSelector
  resourceFieldRef ResourceFieldSelector
  secretKeyRef SecretKeySelector
ConfigMapKeySelector
  key! string
  name string
  optional boolean
SecretKeySelector
  key! string
  name string
  optional boolean
ObjectFieldSelector
  apiVersion string
  fieldPath! string
ResourceFieldSelector
  containerName string
  divisor quantity
  resource! string
EnvFromSource
  configMapRef ConfigMapEnvSource
  prefix string
  secretRef SecretEnvSource
ConfigMapEnvSource
  name string
  optional boolean
SecretEnvSource
  name string
  optional boolean
Lifecycle
  postStart LifecycleHandler
  preStop LifecycleHandler
  stopSignal string
LifecycleHandler
  exec ExecAction
  httpGet HTTPGetAction
  sleep SleepAction
  tcpSocket TCPSocketAction
ExecAction
  command [string]
HTTPGetAction
  host string
  httpHeaders [HTTPHeader]
  path string
  port! intstr
  scheme string
HTTPHeader
  name! string
  value! string
TCPSocketAction
  host string
  port! intstr
GRPCAction
  port! int32
  service string
SleepAction
  seconds! int64
Probe
  exec ExecAction
  failureThreshold int32
  grpc GRPCAction
  httpGet HTTPGetAction
  initialDelaySeconds int32
  periodSeconds int32
  successThreshold int32
  tcpSocket TCPSocketAction
  terminationGracePeriodSeconds int64
  timeoutSeconds int32
ResourceRequirements
  claims [ResourceClaim]
  limits {quantity}
  requests {quantity}
ResourceClaim
  name! string
  request string
SecurityContext
  allowPrivilegeEscalation boolean
  appArmorProfile AppArmorProfile
  capabilities Capabilities
  privileged boolean
  procMount string
  readOnlyRootFilesystem boolean
  runAsGroup int64
  runAsNonRoot boolean
  runAsUser int64
  seLinuxOptions SELinuxOptions
  seccompProfile SeccompProfile
  windowsOptions WindowsSecurityContextOptions
Capabilities
  add [string]
  drop [string]
AppArmorProfile
  localhostProfile string
  type! string
SeccompProfile
  localhostProfile string
  type! string
SELinuxOptions
  level string
  role string
  type string
  user string
WindowsSecurityContextOptions
  gmsaCredentialSpec string
  gmsaCredentialSpecName string
  hostProcess boolean
  runAsUserName string
PodSecurityContext
  appArmorProfile AppArmorProfile
  fsGroup int64
  fsGroupChangePolicy string
  runAsGroup int64
  runAsNonRoot boolean
  runAsUser int64
  seLinuxChangePolicy string
  seLinuxOptions SELinuxOptions
  seccompProfile SeccompProfile
  supplementalGroups [int64]
  supplementalGroupsPolicy string
  sysctls [Sysctl]
  windowsOptions WindowsSecurityContextOptions
Sysctl
  name! string
  value! string
VolumeDevice
  devicePath! string
  name! string
VolumeMount
  mountPath! string
  mountPropagation string
  name! string
  readOnly boolean
  recursiveReadOnly string
  subPath string
  subPathExpr string
Affinity
  nodeAffinity NodeAffinity
  podAffinity PodAffinity
  podAntiAffinity PodAntiAffinity
NodeAffinity
  preferredDuringSchedulingIgnoredDuringExecution [PreferredSchedulingTerm]
  requiredDuringSchedulingIgnoredDuringExecution NodeSelector
NodeSelector
  nodeSelectorTerms! [NodeSelectorTerm]
NodeSelectorTerm
  matchExpressions [NodeSelectorRequirement]
  matchFields [NodeSelectorRequirement]
NodeSelectorRequirement
  key! string
  operator! string
  values [string]
PreferredSchedulingTerm
  preference! NodeSelectorTerm
  weight! int32
PodAffinity
  preferredDuringSchedulingIgnoredDuringExecution [WeightedPodAffinityTerm]
  requiredDuringSchedulingIgnoredDuringExecution [PodAffinityTerm]
PodAntiAffinity
  preferredDuringSchedulingIgnoredDuringExecution [WeightedPodAffinityTerm]
  requiredDuringSchedulingIgnoredDuringExecution [PodAffinityTerm]
PodAffinityTerm
  labelSelector meta.LabelSelector
  matchLabelKeys [string]
  mismatchLabelKeys [string]
  namespaceSelector meta.LabelSelector
  namespaces [string]
  topologyKey! string
WeightedPodAffinityTerm
  podAffinityTerm! PodAffinityTerm
  weight! int32
PodDNSConfig
  nameservers [string]
  options [PodDNSConfigOption]
  searches [string]
PodDNSConfigOption
  name string
  value string
HostAlias
  hostnames [string]
  ip! string
LocalObjectReference
  name string
PodOS
  name! string
PodReadinessGate
  conditionType! string
PodResourceClaim
  name! string
  resourceClaimName string
  resourceClaimTemplateName string
PodSchedulingGate
  name! string
Toleration
  effect string
  key string
  operator string
  tolerationSeconds int64
  value string
TopologySpreadConstraint
  labelSelector meta.LabelSelector
  matchLabelKeys [string]
  maxSkew! int32
  minDomains int32
  nodeAffinityPolicy string
  nodeTaintsPolicy string
  topologyKey! string
  whenUnsatisfiable! string
Volume
  awsElasticBlockStore AWSElasticBlockStoreVolumeSource
  azureDisk AzureDiskVolumeSource
  azureFile AzureFileVolumeSource
  cephfs CephFSVolumeSource
  cinder CinderVolumeSource
  configMap ConfigMapVolumeSource
  csi CSIVolumeSource
  downwardAPI DownwardAPIVolumeSource
  emptyDir EmptyDirVolumeSource
  ephemeral EphemeralVolumeSource
  fc FCVolumeSource
  flexVolume FlexVolumeSource
  flocker FlockerVolumeSource
  gcePersistentDisk GCEPersistentDiskVolumeSource
  gitRepo GitRepoVolumeSource
  glusterfs GlusterfsVolumeSource
  hostPath HostPathVolumeSource
  image ImageVolumeSource
  iscsi ISCSIVolumeSource
  name! string
  nfs NFSVolumeSource
  persistentVolumeClaim PersistentVolumeClaimVolumeSource
  photonPersistentDisk PhotonPersistentDiskVolumeSource
  portworxVolume PortworxVolumeSource
  projected ProjectedVolumeSource
  quobyte QuobyteVolumeSource
  rbd RBDVolumeSource
  scaleIO ScaleIOVolumeSource
  secret SecretVolumeSource
  storageos StorageOSVolumeSource
  vsphereVolume VsphereVirtualDiskVolumeSource
AWSElasticBlockStoreVolumeSource
  fsType string
  partition int32
  readOnly boolean
  volumeID! string
AzureDiskVolumeSource
  cachingMode string
  diskName! string
  diskURI! string
  fsType string
  kind string
  readOnly boolean
AzureFileVolumeSource
  readOnly boolean
  secretName! string
  shareName! string
CephFSVolumeSource
  monitors! [string]
  path string
  readOnly boolean
  secretFile string
  secretRef LocalObjectReference
  user string
CinderVolumeSource
  fsType string
  readOnly boolean
  secretRef LocalObjectReference
  volumeID! string
ConfigMapVolumeSource
  defaultMode int32
  items [KeyToPath]
  name string
  optional boolean
KeyToPath
  key! string
  mode int32
  path! string
CSIVolumeSource
  driver! string
  fsType string
  nodePublishSecretRef LocalObjectReference
  readOnly boolean
  volumeAttributes {string}
DownwardAPIVolumeSource
  defaultMode int32
  items [DownwardAPIVolumeFile]
DownwardAPIVolumeFile
  fieldRef ObjectFieldSelector
  mode int32
  path! string
  resourceFieldRef ResourceFieldSelector
EmptyDirVolumeSource
  medium string
  sizeLimit quantity
EphemeralVolumeSource
  volumeClaimTemplate PersistentVolumeClaimTemplate
PersistentVolumeClaimTemplate
  metadata meta.ObjectMeta
  spec! PersistentVolumeClaimSpec
FCVolumeSource
  fsType string
  lun int32
  readOnly boolean
  targetWWNs [string]
  wwids [string]
FlexVolumeSource
  driver! string
  fsType string
  options {string}
  readOnly boolean
  secretRef LocalObjectReference
FlockerVolumeSource
  datasetName string
  datasetUUID string
GCEPersistentDiskVolumeSource
  fsType string
  partition int32
  pdName! string
  readOnly boolean
GitRepoVolumeSource
  directory string
  repository! string
  revision string
GlusterfsVolumeSource
  endpoints! string
  path! string
  readOnly boolean
HostPathVolumeSource
  path! string
  type string
ImageVolumeSource
  pullPolicy string
  reference string
ISCSIVolumeSource
  chapAuthDiscovery boolean
  chapAuthSession boolean
  fsType string
  initiatorName string
  iqn! string
  iscsiInterface string
  lun! int32
  portals [string]
  readOnly boolean
  secretRef LocalObjectReference
  targetPortal! string
NFSVolumeSource
  path! string
  readOnly boolean
  server! string
PersistentVolumeClaimVolumeSource
  claimName! string
  readOnly boolean
PhotonPersistentDiskVolumeSource
  fsType string
  pdID! string
PortworxVolumeSource
  fsType string
  readOnly boolean
  volumeID! string
ProjectedVolumeSource
  defaultMode int32
  sources [VolumeProjection]
VolumeProjection
  clusterTrustBundle ClusterTrustBundleProjection
  configMap ConfigMapProjection
  downwardAPI DownwardAPIProjection
  secret SecretProjection
  serviceAccountToken ServiceAccountTokenProjection
ClusterTrustBundleProjection
  labelSelector meta.LabelSelector
  name string
  optional boolean
  path! string
  signerName string
ConfigMapProjection
  items [KeyToPath]
  name string
  optional boolean
DownwardAPIProjection
  items [DownwardAPIVolumeFile]
SecretProjection
  items [KeyToPath]
  name string
  optional boolean
ServiceAccountTokenProjection
  audience string
  expirationSeconds int64
  path! string
QuobyteVolumeSource
  group string
  readOnly boolean
  registry! string
  tenant string
  user string
  volume! string
RBDVolumeSource
  fsType string
  image! string
  keyring string
  monitors! [string]
  pool string
  readOnly boolean
  secretRef LocalObjectReference
  user string
ScaleIOVolumeSource
  fsType string
  gateway! string
  protectionDomain string
  readOnly boolean
  secretRef! LocalObjectReference
  sslEnabled boolean
  storageMode string
  storagePool string
  system! string
  volumeName string
SecretVolumeSource
  defaultMode int32
  items [KeyToPath]
  optional boolean
  secretName string
StorageOSVolumeSource
  fsType string
  readOnly boolean
  secretRef LocalObjectReference
  volumeName string
  volumeNamespace string
VsphereVirtualDiskVolumeSource
  fsType string
  storagePolicyID string
  storagePolicyName string
  volumePath! string
)";
}

} // namespace berth::check::schema::builtin_text
