// The built-in schema texts, one per API area, in berth's schema DSL (see builtin.cpp):
//
//   package io.k8s.api.core.v1          definitions below are named <package>.<Type>
//   Type [@apiVersion] [open]           a type; @ makes it a kind's root (apiVersion, kind and
//                                       metadata implied); open = unknown fields allowed
//                                       (packages named crd.* are custom resources)
//     field[!] TYPE [A|B|C] [flags]     ! = required; A|B|C or enum=A = enum; flags: nullable
//                                       preserve min=N max=N minItems=N maxItems=N
//
//   TYPE: string int32 int64 integer number double boolean byte datetime object (free-form)
//         any quantity intstr time microtime, a type name (same package, then core/v1, then
//         meta/v1; or alias.Type with alias core meta apps batch networking autoscaling
//         policy scheduling), [TYPE] (array), {TYPE} (map of string to TYPE).
#pragma once

#include <string_view>

namespace berth::check::schema::builtin_text {

std::string_view meta();      // meta/v1: ObjectMeta, LabelSelector, Condition…
std::string_view pod();       // core/v1 pod spec: containers, probes, volumes, affinity…
std::string_view core();      // core/v1 kinds: Pod, Service, ConfigMap, Secret, PVC, quotas…
std::string_view workloads(); // apps/v1 and batch/v1
std::string_view network();   // networking/v1, autoscaling/v2, policy/v1, scheduling/v1
std::string_view crds();      // the custom resources berth emits (Crd dialect)
std::string_view gitops_crds(); // Flux GitRepository/Kustomization, ExternalSecret (Crd dialect)

} // namespace berth::check::schema::builtin_text
