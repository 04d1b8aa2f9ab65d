// The Index extractors, one per topic; each reads one object's tree (kind already known) and
// appends its facts. Internal to the Index (index.cpp dispatches).
#pragma once

#include "check/index_data.h"

namespace berth::check::index_extract {

// Workloads and bare Pods: labels, replicas, containers (ports, resources), references.
void pods(const Object& o, IndexData& d);
// Container images and pull policies of any object with a pod spec.
void images(const Object& o, IndexData& d);
// Service, Ingress, Traefik IngressRoute(TCP/UDP), ServiceMonitor, NetworkPolicy.
void service(const Object& o, IndexData& d);
void ingress(const Object& o, IndexData& d);
void ingress_route(const Object& o, IndexData& d);
void service_monitor(const Object& o, IndexData& d);
void network_policy(const Object& o, IndexData& d);
// HPA, PDB, ResourceQuota, LimitRange, PVC.
void hpa(const Object& o, IndexData& d);
void pdb(const Object& o, IndexData& d);
void quota(const Object& o, IndexData& d);
void limit_range(const Object& o, IndexData& d);
void pvc(const Object& o, IndexData& d);
// Objects that make a Secret exist (SealedSecret, Certificate, ExternalSecret), kustomize
// Kustomizations (resources, namespace, generators).
void secret_provider(const Object& o, IndexData& d);
void kustomization(const Object& o, IndexData& d);
// A patch (ObjectInfo::patch) of a replicated workload that sets spec.replicas.
void replica_patch(const Object& o, IndexData& d);

} // namespace berth::check::index_extract
