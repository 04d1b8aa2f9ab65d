// Built-in schema: apimachinery meta/v1 types every object uses.
#include "check/schema/builtin_texts.h"

namespace berth::check::schema::builtin_text {

std::string_view meta() {
  return R"(
package io.k8s.apimachinery.pkg.apis.meta.v1
ObjectMeta
  annotations {string}
  creationTimestamp time
  deletionGracePeriodSeconds int64
  deletionTimestamp time
  finalizers [string]
  generateName string
  generation int64
  labels {string}
  managedFields [ManagedFieldsEntry]
  name string
  namespace string
  ownerReferences [OwnerReference]
  resourceVersion string
  selfLink string
  uid string
OwnerReference
  apiVersion! string
  blockOwnerDeletion boolean
  controller boolean
  kind! string
  name! string
  uid! string
ManagedFieldsEntry
  apiVersion string
  fieldsType string
  fieldsV1 FieldsV1
  manager string
  operation string
  subresource string
  time time
LabelSelector
  matchExpressions [LabelSelectorRequirement]
  matchLabels {string}
LabelSelectorRequirement
  key! string
  operator! string
  values [string]
Condition
  lastTransitionTime! time
  message! string
  observedGeneration int64
  reason! string
  status! string
  type! string
)";
}

} // namespace berth::check::schema::builtin_text
