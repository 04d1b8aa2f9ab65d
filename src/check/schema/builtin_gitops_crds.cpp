// Built-in schema of the GitOps and secret-store custom resources convert emits with
// gitops.tool flux (GitRepository, Kustomization) and secrets.method external-secrets
// (ExternalSecret); same DSL and depth rules as builtin_crds.cpp. Fields as served by Flux 2.x
// (source/kustomize v1) and the External Secrets Operator from 0.16.2 (external-secrets.io/v1).
#include "check/schema/builtin_texts.h"

namespace berth::check::schema::builtin_text {

std::string_view gitops_crds() {
  return R"(
package crd.source.toolkit.fluxcd.io
GitRepository @source.toolkit.fluxcd.io/v1
  spec GitRepositorySpec
  status object
GitRepositorySpec
  ignore string
  include [GitRepositoryInclude]
  interval! string
  provider string generic|azure|github
  proxySecretRef SourceLocalRef
  recurseSubmodules boolean
  ref GitRepositoryRef
  secretRef SourceLocalRef
  serviceAccountName string
  sparseCheckout [string]
  suspend boolean
  timeout string
  url! string
  verify GitRepositoryVerification
GitRepositoryInclude
  fromPath string
  repository! SourceLocalRef
  toPath string
GitRepositoryRef
  branch string
  commit string
  name string
  semver string
  tag string
GitRepositoryVerification
  mode string
  secretRef! SourceLocalRef
SourceLocalRef
  name! string

package crd.kustomize.toolkit.fluxcd.io
Kustomization @kustomize.toolkit.fluxcd.io/v1
  spec KustomizationSpec
  status object
KustomizationSpec
  commonMetadata CommonMetadata
  components [string]
  decryption Decryption
  deletionPolicy string MirrorPrune|Delete|WaitForTermination|Orphan
  dependsOn [DependencyReference]
  force boolean
  healthCheckExprs [object]
  healthChecks [NamespacedObjectKindReference]
  ignoreMissingComponents boolean
  images [KustomizeImage]
  interval! string
  kubeConfig object
  namePrefix string
  nameSuffix string
  patches [KustomizePatch]
  path string
  postBuild PostBuild
  prune! boolean
  retryInterval string
  serviceAccountName string
  sourceRef! CrossNamespaceSourceReference
  suspend boolean
  targetNamespace string
  timeout string
  wait boolean
CommonMetadata
  annotations {string}
  labels {string}
Decryption
  provider! string enum=sops
  secretRef KustomizeLocalRef
  serviceAccountName string
DependencyReference
  name! string
  namespace string
  readyExpr string
NamespacedObjectKindReference
  apiVersion string
  kind! string
  name! string
  namespace string
KustomizeImage
  digest string
  name! string
  newName string
  newTag string
KustomizePatch
  patch! string
  target KustomizeSelector
KustomizeSelector
  annotationSelector string
  group string
  kind string
  labelSelector string
  name string
  namespace string
  version string
PostBuild
  substitute {string}
  substituteFrom [SubstituteReference]
SubstituteReference
  kind! string Secret|ConfigMap
  name! string
  optional boolean
CrossNamespaceSourceReference
  apiVersion string
  kind! string OCIRepository|GitRepository|Bucket|ExternalArtifact
  name! string
  namespace string
KustomizeLocalRef
  name! string

package crd.external-secrets.io
ExternalSecret @external-secrets.io/v1
  spec ExternalSecretSpec
  status object
ExternalSecretSpec
  data [ExternalSecretData]
  dataFrom [object]
  refreshInterval string
  refreshPolicy string CreatedOnce|Periodic|OnChange
  secretStoreRef SecretStoreRef
  target ExternalSecretTarget
SecretStoreRef
  kind string SecretStore|ClusterSecretStore
  name string
ExternalSecretTarget
  creationPolicy string Owner|Orphan|Merge|None
  deletionPolicy string Delete|Merge|Retain
  immutable boolean
  name string
  template object
ExternalSecretData
  remoteRef! ExternalSecretDataRemoteRef
  secretKey! string
  sourceRef object
ExternalSecretDataRemoteRef
  conversionStrategy string Default|Unicode
  decodingStrategy string Auto|Base64|Base64URL|None
  key! string
  metadataPolicy string None|Fetch
  property string
  version string
)";
}

} // namespace berth::check::schema::builtin_text
