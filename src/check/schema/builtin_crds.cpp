// Built-in schema of the custom resources berth emits, for checks without --crds. Depth: the
// fields berth writes and their siblings are described (closed types: unknown fields are
// reported as pruned); deeper or rarely written subtrees are `object` (not checked) or `open`
// types (known fields checked, others allowed). --crds with the real CRD replaces these.
#include "check/schema/builtin_texts.h"

namespace berth::check::schema::builtin_text {

std::string_view crds() {
  return R"(
package crd.bitnami.com
SealedSecret @bitnami.com/v1alpha1
  spec! SealedSecretSpec
  status SealedSecretStatus
SealedSecretSpec
  data byte
  encryptedData! {string} preserve
  template SecretTemplate
SecretTemplate
  data {string} nullable
  immutable boolean
  metadata SecretTemplateMetadata nullable preserve
  type string
SecretTemplateMetadata open
  annotations {string}
  finalizers [string]
  labels {string}
  name string
  namespace string
SealedSecretStatus
  conditions [SealedSecretCondition]
  observedGeneration int64
SealedSecretCondition
  lastTransitionTime datetime
  lastUpdateTime datetime
  message string
  reason string
  status! string
  type! string

package crd.monitoring.coreos.com
ServiceMonitor @monitoring.coreos.com/v1
  spec! ServiceMonitorSpec
  status object
ServiceMonitorSpec
  attachMetadata AttachMetadata
  bodySizeLimit string
  convertClassicHistogramsToNHCB boolean
  endpoints! [Endpoint]
  fallbackScrapeProtocol string PrometheusProto|OpenMetricsText0.0.1|OpenMetricsText1.0.0|PrometheusText0.0.4|PrometheusText1.0.0
  jobLabel string
  keepDroppedTargets int64 min=0
  labelLimit int64 min=0
  labelNameLengthLimit int64 min=0
  labelValueLengthLimit int64 min=0
  namespaceSelector NamespaceSelector
  nativeHistogramBucketLimit int64 min=0
  nativeHistogramMinBucketFactor intstr
  podTargetLabels [string]
  sampleLimit int64 min=0
  scrapeClass string
  scrapeClassicHistograms boolean
  scrapeNativeHistograms boolean
  scrapeProtocols [string] PrometheusProto|OpenMetricsText0.0.1|OpenMetricsText1.0.0|PrometheusText0.0.4|PrometheusText1.0.0
  selector! LabelSelector
  selectorMechanism string RelabelConfig|RoleSelector
  serviceDiscoveryRole string Endpoints|EndpointSlice
  targetLabels [string]
  targetLimit int64 min=0
AttachMetadata
  node boolean
NamespaceSelector
  any boolean
  matchNames [string]
LabelSelector
  matchExpressions [LabelSelectorRequirement]
  matchLabels {string}
LabelSelectorRequirement
  key! string
  operator! string
  values [string]
Endpoint
  authorization object
  basicAuth object
  bearerTokenFile string
  bearerTokenSecret object
  enableHttp2 boolean
  filterRunning boolean
  followRedirects boolean
  honorLabels boolean
  honorTimestamps boolean
  interval string
  metricRelabelings [object]
  noProxy string
  oauth2 object
  params {[string]}
  path string
  port string
  proxyConnectHeader {[object]}
  proxyFromEnvironment boolean
  proxyUrl string
  relabelings [object]
  scheme string http|https|HTTP|HTTPS
  scrapeTimeout string
  targetPort intstr
  tlsConfig object
  trackTimestampsStaleness boolean

PrometheusRule @monitoring.coreos.com/v1
  spec! PrometheusRuleSpec
  status object
PrometheusRuleSpec
  groups [RuleGroup]
RuleGroup
  interval string
  labels {string}
  limit integer
  name! string
  partial_response_strategy string
  query_offset string
  rules [Rule]
Rule
  alert string
  annotations {string}
  expr! intstr
  for string
  keep_firing_for string
  labels {string}
  record string

package crd.traefik.io
IngressRoute @traefik.io/v1alpha1
  spec! IngressRouteSpec
IngressRouteSpec
  entryPoints [string]
  ingressClassName string
  parentRefs [ParentRef]
  routes! [Route]
  tls TLS
ParentRef
  name! string
  namespace string
Route
  kind string enum=Rule
  match! string
  middlewares [MiddlewareRef]
  observability object
  priority integer
  services [LoadBalancerSpec]
  syntax string
MiddlewareRef
  name! string
  namespace string
LoadBalancerSpec
  healthCheck object
  kind string Service|TraefikService
  middlewares [MiddlewareRef]
  name! string
  namespace string
  nativeLB boolean
  nodePortLB boolean
  passHostHeader boolean
  passiveHealthCheck object
  port intstr
  responseForwarding object
  scheme string
  serversTransport string
  sticky object
  strategy string wrr|p2c|hrw|leasttime|RoundRobin
  weight integer min=0
TLS
  certResolver string
  domains [Domain]
  options ObjectRef
  secretName string
  store ObjectRef
Domain
  main string
  sans [string]
ObjectRef
  name! string
  namespace string

Middleware @traefik.io/v1alpha1
  spec! MiddlewareSpec
MiddlewareSpec
  addPrefix object
  basicAuth object
  buffering object
  chain object
  circuitBreaker object
  compress Compress
  contentType object
  digestAuth object
  encodedCharacters object
  errors object
  forwardAuth object
  grpcWeb object
  headers Headers
  inFlightReq object
  ipAllowList object
  ipWhiteList object
  passTLSClientCert object
  plugin {any}
  rateLimit RateLimit
  redirectRegex object
  redirectScheme RedirectScheme
  replacePath object
  replacePathRegex object
  retry object
  stripPrefix StripPrefix
  stripPrefixRegex object
Compress
  defaultEncoding string
  encodings [string]
  excludedContentTypes [string]
  includedContentTypes [string]
  minResponseBodyBytes integer min=0
Headers
  accessControlAllowCredentials boolean
  accessControlAllowHeaders [string]
  accessControlAllowMethods [string]
  accessControlAllowOriginList [string]
  accessControlAllowOriginListRegex [string]
  accessControlExposeHeaders [string]
  accessControlMaxAge int64
  addVaryHeader boolean
  allowedHosts [string]
  browserXssFilter boolean
  contentSecurityPolicy string
  contentSecurityPolicyReportOnly string
  contentTypeNosniff boolean
  customBrowserXSSValue string
  customFrameOptionsValue string
  customRequestHeaders {string}
  customResponseHeaders {string}
  featurePolicy string
  forceSTSHeader boolean
  frameDeny boolean
  hostsProxyHeaders [string]
  isDevelopment boolean
  permissionsPolicy string
  publicKey string
  referrerPolicy string
  sslForceHost boolean
  sslHost string
  sslProxyHeaders {string}
  sslRedirect boolean
  sslTemporaryRedirect boolean
  stsIncludeSubdomains boolean
  stsPreload boolean
  stsSeconds int64 min=0
RateLimit
  average int64 min=0
  burst int64 min=0
  period intstr
  redis object
  sourceCriterion object
RedirectScheme
  permanent boolean
  port string
  scheme string
StripPrefix
  forceSlash boolean
  prefixes [string]

package crd.cert-manager.io
Certificate @cert-manager.io/v1
  spec CertificateSpec
  status object
CertificateSpec
  additionalOutputFormats [object]
  commonName string
  dnsNames [string]
  duration string
  emailAddresses [string]
  encodeUsagesInRequest boolean
  ipAddresses [string]
  isCA boolean
  issuerRef! IssuerRef
  keystores object
  literalSubject string
  nameConstraints object
  otherNames [object]
  privateKey PrivateKey
  renewBefore string
  renewBeforePercentage int32
  renewal object
  revisionHistoryLimit int32
  secretName! string
  secretTemplate SecretTemplate
  signatureAlgorithm string SHA256WithRSA|SHA384WithRSA|SHA512WithRSA|ECDSAWithSHA256|ECDSAWithSHA384|ECDSAWithSHA512|PureEd25519
  subject Subject
  uris [string]
  usages [string]
IssuerRef
  group string
  kind string
  name! string
PrivateKey
  algorithm string RSA|ECDSA|Ed25519
  encoding string PKCS1|PKCS8
  rotationPolicy string Never|Always
  size integer
SecretTemplate
  annotations {string}
  labels {string}
Subject
  countries [string]
  localities [string]
  organizationalUnits [string]
  organizations [string]
  postalCodes [string]
  provinces [string]
  serialNumber string
  streetAddresses [string]

package crd.argoproj.io
Application @argoproj.io/v1alpha1
  operation object
  spec! ApplicationSpec
  status object
ApplicationSpec
  destination! Destination
  ignoreDifferences [IgnoreDifference]
  info [Info]
  project! string
  revisionHistoryLimit int64
  source Source
  sourceHydrator object
  sources [Source]
  syncPolicy SyncPolicy
Destination
  name string
  namespace string
  server string
IgnoreDifference
  group string
  jqPathExpressions [string]
  jsonPointers [string]
  kind! string
  managedFieldsManagers [string]
  name string
  namespace string
Info
  name! string
  value! string
Source
  chart string
  directory object
  helm object
  kustomize object
  name string
  path string
  plugin object
  ref string
  repoURL! string
  tagPrefix string
  targetRevision string
SyncPolicy
  automated Automated
  managedNamespaceMetadata ManagedNamespaceMetadata
  retry Retry
  syncOptions [string]
Automated
  allowEmpty boolean
  enabled boolean
  prune boolean
  selfHeal boolean
ManagedNamespaceMetadata
  annotations {string}
  labels {string}
Retry
  backoff object
  limit int64
  refresh boolean

package crd.postgresql.cnpg.io
Cluster @postgresql.cnpg.io/v1
  spec! ClusterSpec
  status object
ClusterSpec
  affinity object
  backup BackupConfiguration
  bootstrap Bootstrap
  certificates object
  description string
  enablePDB boolean
  enableSuperuserAccess boolean
  env [object]
  envFrom [object]
  ephemeralVolumeSource object
  ephemeralVolumesSizeLimit object
  externalClusters [object]
  failoverDelay int32
  imageCatalogRef object
  imageName string
  imagePullPolicy string
  imagePullSecrets [object]
  inheritedMetadata InheritedMetadata
  instances! integer min=1
  livenessProbeTimeout int32
  logLevel string error|warning|info|debug|trace
  managed object
  maxSyncReplicas integer min=0
  minSyncReplicas integer min=0
  monitoring object
  nodeMaintenanceWindow object
  plugins [object]
  podSecurityContext object
  podSelectorRefs [object]
  postgresGID int64
  postgresUID int64
  postgresql PostgresConfiguration
  primaryLease object
  primaryUpdateMethod string switchover|restart
  primaryUpdateStrategy string unsupervised|supervised
  priorityClassName string
  probes object
  projectedVolumeTemplate object
  replica object
  replicationSlots object
  resources Resources
  schedulerName string
  seccompProfile object
  securityContext object
  serviceAccountName string
  serviceAccountTemplate object
  smartShutdownTimeout int32
  startDelay int32
  stopDelay int32
  storage StorageConfiguration
  superuserSecret LocalObjectReference
  switchoverDelay int32
  tablespaces [object]
  topologySpreadConstraints [object]
  walStorage StorageConfiguration
BackupConfiguration
  barmanObjectStore BarmanObjectStore
  retentionPolicy string
  target string primary|prefer-standby
  volumeSnapshot object
BarmanObjectStore
  azureCredentials object
  data object
  destinationPath! string
  endpointCA object
  endpointURL string
  googleCredentials object
  historyTags {string}
  s3Credentials object
  serverName string
  tags {string}
  wal object
Bootstrap
  initdb InitDB
  pg_basebackup object
  recovery object
InitDB open
  database string
  dataChecksums boolean
  encoding string
  locale string
  options [string]
  owner string
  postInitApplicationSQL [string]
  postInitSQL [string]
  postInitTemplateSQL [string]
  secret LocalObjectReference
InheritedMetadata
  annotations {string}
  labels {string}
PostgresConfiguration open
  parameters {string}
  pg_hba [string]
  pg_ident [string]
  shared_preload_libraries [string]
Resources
  claims [object]
  limits {intstr}
  requests {intstr}
StorageConfiguration
  pvcTemplate object
  resizeInUseVolumes boolean
  size string
  storageClass string
LocalObjectReference
  name! string

ScheduledBackup @postgresql.cnpg.io/v1
  spec! ScheduledBackupSpec
  status ScheduledBackupStatus
ScheduledBackupSpec
  backupOwnerReference string none|self|cluster
  cluster! LocalObjectReference
  immediate boolean
  method string barmanObjectStore|volumeSnapshot|plugin
  online boolean
  onlineConfiguration OnlineConfiguration
  pluginConfiguration PluginConfiguration
  schedule! string
  suspend boolean
  target string primary|prefer-standby
OnlineConfiguration
  immediateCheckpoint boolean
  waitForArchive boolean
PluginConfiguration
  name! string
  parameters {string}
ScheduledBackupStatus
  error string
  lastCheckTime datetime
  lastScheduleTime datetime
  nextScheduleTime datetime
)";
}

} // namespace berth::check::schema::builtin_text
