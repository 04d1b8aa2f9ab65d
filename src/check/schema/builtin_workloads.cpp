// Built-in schema: apps/v1 (Deployment, StatefulSet, DaemonSet) and batch/v1 (Job, CronJob).
#include "check/schema/builtin_texts.h"

namespace berth::check::schema::builtin_text {

std::string_view workloads() {
  return R"(
package io.k8s.api.apps.v1
Deployment @apps/v1
  spec DeploymentSpec
  status DeploymentStatus
DeploymentSpec
  minReadySeconds int32
  paused boolean
  progressDeadlineSeconds int32
  replicas int32
  revisionHistoryLimit int32
  selector! meta.LabelSelector
  strategy DeploymentStrategy
  template! PodTemplateSpec
DeploymentStrategy
  rollingUpdate RollingUpdateDeployment
  type string
RollingUpdateDeployment
  maxSurge intstr
  maxUnavailable intstr
DeploymentStatus
  availableReplicas int32
  collisionCount int32
  conditions [DeploymentCondition]
  observedGeneration int64
  readyReplicas int32
  replicas int32
  terminatingReplicas int32
  unavailableReplicas int32
  updatedReplicas int32
DeploymentCondition
  lastTransitionTime time
  lastUpdateTime time
  message string
  reason string
  status! string
  type! string

StatefulSet @apps/v1
  spec StatefulSetSpec
  status StatefulSetStatus
StatefulSetSpec
  minReadySeconds int32
  ordinals StatefulSetOrdinals
  persistentVolumeClaimRetentionPolicy StatefulSetPersistentVolumeClaimRetentionPolicy
  podManagementPolicy string
  replicas int32
  revisionHistoryLimit int32
  selector! meta.LabelSelector
  serviceName string
  template! PodTemplateSpec
  updateStrategy StatefulSetUpdateStrategy
  volumeClaimTemplates [PersistentVolumeClaim]
StatefulSetOrdinals
  start int32
StatefulSetPersistentVolumeClaimRetentionPolicy
  whenDeleted string
  whenScaled string
StatefulSetUpdateStrategy
  rollingUpdate RollingUpdateStatefulSetStrategy
  type string
RollingUpdateStatefulSetStrategy
  maxUnavailable intstr
  partition int32
StatefulSetStatus
  availableReplicas int32
  collisionCount int32
  conditions [StatefulSetCondition]
  currentReplicas int32
  currentRevision string
  observedGeneration int64
  readyReplicas int32
  replicas! int32
  updateRevision string
  updatedReplicas int32
StatefulSetCondition
  lastTransitionTime time
  message string
  reason string
  status! string
  type! string

DaemonSet @apps/v1
  spec DaemonSetSpec
  status DaemonSetStatus
DaemonSetSpec
  minReadySeconds int32
  revisionHistoryLimit int32
  selector! meta.LabelSelector
  template! PodTemplateSpec
  updateStrategy DaemonSetUpdateStrategy
DaemonSetUpdateStrategy
  rollingUpdate RollingUpdateDaemonSet
  type string
RollingUpdateDaemonSet
  maxSurge intstr
  maxUnavailable intstr
DaemonSetStatus
  collisionCount int32
  conditions [DaemonSetCondition]
  currentNumberScheduled! int32
  desiredNumberScheduled! int32
  numberAvailable int32
  numberMisscheduled! int32
  numberReady! int32
  numberUnavailable int32
  observedGeneration int64
  updatedNumberScheduled int32
DaemonSetCondition
  lastTransitionTime time
  message string
  reason string
  status! string
  type! string

package io.k8s.api.batch.v1
Job @batch/v1
  spec JobSpec
  status JobStatus
JobSpec
  activeDeadlineSeconds int64
  backoffLimit int32
  backoffLimitPerIndex int32
  completionMode string
  completions int32
  managedBy string
  manualSelector boolean
  maxFailedIndexes int32
  parallelism int32
  podFailurePolicy PodFailurePolicy
  podReplacementPolicy string
  selector meta.LabelSelector
  successPolicy SuccessPolicy
  suspend boolean
  template! core.PodTemplateSpec
  ttlSecondsAfterFinished int32
PodFailurePolicy
  rules! [PodFailurePolicyRule]
PodFailurePolicyRule
  action! string
  onExitCodes PodFailurePolicyOnExitCodesRequirement
  onPodConditions [PodFailurePolicyOnPodConditionsPattern]
PodFailurePolicyOnExitCodesRequirement
  containerName string
  operator! string
  values! [int32]
PodFailurePolicyOnPodConditionsPattern
  status! string
  type! string
SuccessPolicy
  rules! [SuccessPolicyRule]
SuccessPolicyRule
  succeededCount int32
  succeededIndexes string
JobStatus
  active int32
  completedIndexes string
  completionTime time
  conditions [JobCondition]
  failed int32
  failedIndexes string
  ready int32
  startTime time
  succeeded int32
  terminating int32
  uncountedTerminatedPods UncountedTerminatedPods
JobCondition
  lastProbeTime time
  lastTransitionTime time
  message string
  reason string
  status! string
  type! string
UncountedTerminatedPods
  failed [string]
  succeeded [string]

CronJob @batch/v1
  spec CronJobSpec
  status CronJobStatus
CronJobSpec
  concurrencyPolicy string
  failedJobsHistoryLimit int32
  jobTemplate! JobTemplateSpec
  schedule! string
  startingDeadlineSeconds int64
  successfulJobsHistoryLimit int32
  suspend boolean
  timeZone string
JobTemplateSpec
  metadata meta.ObjectMeta
  spec JobSpec
CronJobStatus
  active [core.ObjectReference]
  lastScheduleTime time
  lastSuccessfulTime time
)";
}

} // namespace berth::check::schema::builtin_text
