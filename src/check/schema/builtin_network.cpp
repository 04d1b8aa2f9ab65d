// Built-in schema: networking/v1 (Ingress, NetworkPolicy), autoscaling/v2 (HPA), policy/v1
// (PodDisruptionBudget) and scheduling/v1 (PriorityClass).
#include "check/schema/builtin_texts.h"

namespace berth::check::schema::builtin_text {

std::string_view network() {
  return R"(
package io.k8s.api.networking.v1
Ingress @networking.k8s.io/v1
  spec IngressSpec
  status IngressStatus
IngressSpec
  defaultBackend IngressBackend
  ingressClassName string
  rules [IngressRule]
  tls [IngressTLS]
IngressBackend
  resource core.TypedLocalObjectReference
  service IngressServiceBackend
IngressServiceBackend
  name! string
  port ServiceBackendPort
ServiceBackendPort
  name string
  number int32
IngressRule
  host string
  http HTTPIngressRuleValue
HTTPIngressRuleValue
  paths! [HTTPIngressPath]
HTTPIngressPath
  backend! IngressBackend
  path string
  pathType! string
IngressTLS
  hosts [string]
  secretName string
IngressStatus
  loadBalancer IngressLoadBalancerStatus
IngressLoadBalancerStatus
  ingress [IngressLoadBalancerIngress]
IngressLoadBalancerIngress
  hostname string
  ip string
  ports [IngressPortStatus]
IngressPortStatus
  error string
  port! int32
  protocol! string

NetworkPolicy @networking.k8s.io/v1
  spec NetworkPolicySpec
NetworkPolicySpec
  egress [NetworkPolicyEgressRule]
  ingress [NetworkPolicyIngressRule]
  podSelector! meta.LabelSelector
  policyTypes [string]
NetworkPolicyEgressRule
  ports [NetworkPolicyPort]
  to [NetworkPolicyPeer]
NetworkPolicyIngressRule
  from [NetworkPolicyPeer]
  ports [NetworkPolicyPort]
NetworkPolicyPeer
  ipBlock IPBlock
  namespaceSelector meta.LabelSelector
  podSelector meta.LabelSelector
IPBlock
  cidr! string
  except [string]
NetworkPolicyPort
  endPort int32
  port intstr
  protocol string

package io.k8s.api.autoscaling.v2
HorizontalPodAutoscaler @autoscaling/v2
  spec HorizontalPodAutoscalerSpec
  status HorizontalPodAutoscalerStatus
HorizontalPodAutoscalerSpec
  behavior HorizontalPodAutoscalerBehavior
  maxReplicas! int32
  metrics [MetricSpec]
  minReplicas int32
  scaleTargetRef! CrossVersionObjectReference
HorizontalPodAutoscalerBehavior
  scaleDown HPAScalingRules
  scaleUp HPAScalingRules
HPAScalingRules
  policies [HPAScalingPolicy]
  selectPolicy string
  stabilizationWindowSeconds int32
  tolerance quantity
HPAScalingPolicy
  periodSeconds! int32
  type! string
  value! int32
CrossVersionObjectReference
  apiVersion string
  kind! string
  name! string
MetricSpec
  containerResource ContainerResourceMetricSource
  external ExternalMetricSource
  object ObjectMetricSource
  pods PodsMetricSource
  resource ResourceMetricSource
  type! string
ContainerResourceMetricSource
  container! string
  name! string
  target! MetricTarget
ExternalMetricSource
  metric! MetricIdentifier
  target! MetricTarget
ObjectMetricSource
  describedObject! CrossVersionObjectReference
  metric! MetricIdentifier
  target! MetricTarget
PodsMetricSource
  metric! MetricIdentifier
  target! MetricTarget
ResourceMetricSource
  name! string
  target! MetricTarget
MetricIdentifier
  name! string
  selector meta.LabelSelector
MetricTarget
  averageUtilization int32
  averageValue quantity
  type! string
  value quantity
HorizontalPodAutoscalerStatus
  conditions [HorizontalPodAutoscalerCondition]
  currentMetrics [MetricStatus]
  currentReplicas int32
  desiredReplicas! int32
  lastScaleTime time
  observedGeneration int64
HorizontalPodAutoscalerCondition
  lastTransitionTime time
  message string
  reason string
  status! string
  type! string
MetricStatus
  containerResource ContainerResourceMetricStatus
  external ExternalMetricStatus
  object ObjectMetricStatus
  pods PodsMetricStatus
  resource ResourceMetricStatus
  type! string
ContainerResourceMetricStatus
  container! string
  current! MetricValueStatus
  name! string
ExternalMetricStatus
  current! MetricValueStatus
  metric! MetricIdentifier
ObjectMetricStatus
  current! MetricValueStatus
  describedObject! CrossVersionObjectReference
  metric! MetricIdentifier
PodsMetricStatus
  current! MetricValueStatus
  metric! MetricIdentifier
ResourceMetricStatus
  current! MetricValueStatus
  name! string
MetricValueStatus
  averageUtilization int32
  averageValue quantity
  value quantity

package io.k8s.api.policy.v1
PodDisruptionBudget @policy/v1
  spec PodDisruptionBudgetSpec
  status PodDisruptionBudgetStatus
PodDisruptionBudgetSpec
  maxUnavailable intstr
  minAvailable intstr
  selector meta.LabelSelector
  unhealthyPodEvictionPolicy string
PodDisruptionBudgetStatus
  conditions [meta.Condition]
  currentHealthy! int32
  desiredHealthy! int32
  disruptedPods {time}
  disruptionsAllowed! int32
  expectedPods! int32
  observedGeneration int64

package io.k8s.api.scheduling.v1
PriorityClass @scheduling.k8s.io/v1
  description string
  globalDefault boolean
  preemptionPolicy string
  value! int32
)";
}

} // namespace berth::check::schema::builtin_text
