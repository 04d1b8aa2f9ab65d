// The facts an Index keeps for the reference and capacity families: compact copies of labels,
// selectors, ports, references and resources, each with the Location a finding will point at.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "check/object.h"

namespace berth::check {

// Every fact points at its object's ObjectInfo. The engine keeps all ObjectInfo alive, at stable
// addresses, for the whole run (tests keep them in a std::deque), so a pointer is enough.
using ObjectRef = const ObjectInfo*;

// Labels of a pod template (sorted by key, keys unique).
using Labels = std::vector<std::pair<std::string, std::string>>;

// A label selector: matchLabels plus matchExpressions (a Service's selector is a plain map:
// matchLabels only).
struct Selector {
  enum class Op : unsigned char { In, NotIn, Exists, DoesNotExist };
  struct Requirement {
    std::string key;
    Op op = Op::Exists;
    std::vector<std::string> values;
  };
  Labels match_labels; // sorted by key
  std::vector<Requirement> expressions;
  Location loc;         // the selector mapping (else the field that should hold it)
  bool present = false; // the field exists
  bool readable = true; // false: a part had the wrong type or an unknown operator (rules skip)

  bool empty() const { return match_labels.empty() && expressions.empty(); }
  bool matches(const Labels& labels) const; // label-selector semantics; empty matches all
};

// Compute resources the capacity family sums.
enum Resource : unsigned char { kCpu, kMemory, kEphemeral };
inline constexpr std::size_t kResourceCount = 3;

// One quantity as written: cpu in millicores, the others in bytes (rounded up).
struct Amount {
  std::int64_t value = 0;
  bool set = false;
  Location loc; // the quantity scalar
};
using Amounts = std::array<Amount, kResourceCount>;

// An int-or-percent field (maxSurge, minAvailable, maxUnavailable).
struct IntOrPercent {
  std::int64_t value = 0;
  bool percent = false;
  bool set = false;
  Location loc;
};

struct PortFact {
  std::string name; // "" when unnamed
  std::int64_t number = 0;
  std::string protocol; // "TCP" when omitted
  Location loc;         // the port entry
};

struct ContainerFacts {
  std::string name;
  bool init = false;    // under initContainers
  bool sidecar = false; // an init container with restartPolicy: Always (runs with the pod)
  Location loc;         // the container mapping
  std::vector<PortFact> ports;
  Amounts requests, limits;
};

// A container's image and pull policy, for the policy rules that need the whole set: in a raw
// kustomize tree an overlay's `images:` entry can pin a base's untagged image. Kept for every
// object policy::check_object sees as a pod (any kind with a pod spec, PodTemplate included).
struct ImageFacts {
  ObjectRef object = nullptr;
  std::string container; // its name; "" when missing
  std::size_t index = 0; // position in its list (names an unnamed container)
  bool init = false;     // under initContainers
  std::string image;     // as written; "" when absent or not a string
  std::string pull_policy;
  Location image_loc, pull_policy_loc; // the scalars (pull_policy_loc empty when absent)
};

enum class RefKind : unsigned char { ConfigMap, Secret, PersistentVolumeClaim, ServiceAccount };

// A reference from a pod spec to an object that must exist (optional references are not kept).
struct RefFact {
  RefKind kind = RefKind::ConfigMap;
  std::string name;
  std::string via; // where: "envFrom", "env DB_URL", "volume data", "imagePullSecrets"...
  Location loc;    // the name scalar
};

// How many pods a workload runs.
enum class Scale : unsigned char { Single, Replicas, PerNode, Parallelism };

struct ClaimTemplate {
  std::string name;
  Amount storage; // spec.resources.requests.storage (bytes)
  Location loc;
};

// A workload (or a bare Pod): what its pods look like.
struct PodsFacts {
  ObjectRef object = nullptr;
  Labels labels; // pod template labels
  Scale scale = Scale::Single;
  std::int64_t replicas = 1; // spec.replicas (default 1) or Job parallelism (default 1)
  Location replicas_loc;     // the replicas field, else the object
  bool replicas_set = false;
  // Deployment rolling updates: maxSurge (default 25%); StatefulSets and Recreate do not surge.
  bool surges = false;
  IntOrPercent max_surge;
  std::vector<ContainerFacts> containers;
  std::vector<RefFact> refs;
  std::vector<ClaimTemplate> claim_templates; // StatefulSet volumeClaimTemplates
  Location spec_loc;                          // the pod spec mapping
};

struct ServicePortFact {
  std::string name;
  std::int64_t port = 0;
  std::string target_name;        // named targetPort
  std::int64_t target_number = 0; // numeric targetPort (defaults to port when absent)
  bool target_set = false;
  Location loc;        // the port entry
  Location target_loc; // the targetPort scalar (else the entry)
};

struct ServiceFacts {
  ObjectRef object = nullptr;
  Labels labels;    // metadata.labels (what ServiceMonitors select)
  std::string type; // spec.type as written ("" = ClusterIP)
  Selector selector;
  std::vector<ServicePortFact> ports;
};

// A backend of an Ingress or Traefik IngressRoute: a Service (or TraefikService) and its port.
struct BackendFacts {
  ObjectRef object = nullptr;
  std::string kind = "Service"; // or "TraefikService"
  std::string name;
  std::string ns; // explicit namespace (IngressRoute services[].namespace); "" = the route's
  std::int64_t port_number = 0;
  std::string port_name;
  Location loc;      // the name scalar
  Location port_loc; // the port scalar ("" → the backend)
};

// A Traefik middleware referenced by an IngressRoute route.
struct MiddlewareRefFacts {
  ObjectRef object = nullptr;
  std::string kind = "Middleware"; // MiddlewareTCP for IngressRouteTCP
  std::string name;
  std::string ns; // "" = the route's
  Location loc;
};

struct ServiceMonitorFacts {
  ObjectRef object = nullptr;
  Selector selector;
  bool any_namespace = false;          // namespaceSelector.any
  std::vector<std::string> namespaces; // namespaceSelector.matchNames; empty = its own
  struct Endpoint {
    std::string port; // endpoints[].port (a Service port name)
    Location loc;
  };
  std::vector<Endpoint> endpoints;
};

struct HpaFacts {
  ObjectRef object = nullptr;
  std::string target_kind, target_name;
  Location target_loc;
  std::int64_t min = 1, max = 0;
  Location min_loc, max_loc;
  struct Metric {
    Resource resource = kCpu;
    std::string container; // ContainerResource metrics: that container only
    Location loc;
  };
  std::vector<Metric> utilization; // cpu/memory Utilization targets (need requests)
};

struct PdbFacts {
  ObjectRef object = nullptr;
  Selector selector;
  IntOrPercent min_available, max_unavailable;
};

struct NetworkPolicyFacts {
  ObjectRef object = nullptr;
  Selector pod_selector;
  bool ingress = false;          // applies to ingress (policyTypes, or implied)
  bool deny_all_ingress = false; // empty selector, Ingress type, no ingress rules
};

struct QuotaFacts {
  ObjectRef object = nullptr;
  struct Hard {
    std::string resource;   // "requests.cpu", "pods", "count/deployments.apps"...
    std::int64_t value = 0; // cpu resources in millicores, others in bytes/units
    Location loc;
  };
  std::vector<Hard> hard;
  bool scoped = false; // spec.scopes / scopeSelector: counts only some pods (not modelled)
};

struct LimitItem {
  std::string type; // "Container", "Pod", "PersistentVolumeClaim"
  Amounts min, max, default_limit, default_request;
  Amounts ratio; // maxLimitRequestRatio ×1000
  Amount storage_min, storage_max;
  Location loc;
};

struct LimitRangeFacts {
  ObjectRef object = nullptr;
  std::vector<LimitItem> items;
};

struct PvcFacts {
  ObjectRef object = nullptr;
  Amount storage; // spec.resources.requests.storage
};

// Something that makes a ConfigMap/Secret/PVC exist without being one: a SealedSecret, a
// cert-manager Certificate, an ExternalSecret, a kustomize generator, a volumeClaimTemplate.
struct ProvidedFact {
  RefKind kind = RefKind::Secret;
  std::string name;
  std::string ns; // explicit namespace; "" = the providing object's
  ObjectRef object = nullptr;
};

// A kustomize Kustomization document (kustomize.config.k8s.io): what it includes and sets.
struct KustomizationFacts {
  ObjectRef object = nullptr;
  std::string dir; // its directory, normalized ("." for a file in the working directory)
  std::string ns;  // `namespace:`; "" when absent
  Location ns_loc;
  std::vector<std::string> resources; // normalized paths of its resources (files or directories)
  std::vector<std::string> patches;   // normalized paths of its strategic-merge patch files
  // `images:` entries that set newTag or digest: image names (no tag) the build pins.
  std::vector<std::string> pinned_images;
};

// A kustomize patch setting a workload's spec.replicas: in a raw tree the overlay's replica
// count lives there, not in the base workload.
struct ReplicaPatchFacts {
  ObjectRef object = nullptr; // the patch (ObjectInfo::patch)
  std::int64_t replicas = 0;
};

// Every checked object (patches and Kustomizations excepted): identity and where its
// metadata.namespace is written.
struct ObjectFacts {
  ObjectRef object = nullptr;
  Location ns_loc; // metadata.namespace scalar (else the object)
};

struct IndexData {
  std::vector<ObjectFacts> objects;
  std::vector<PodsFacts> pods;
  std::vector<ImageFacts> images;
  std::vector<ServiceFacts> services;
  std::vector<BackendFacts> backends;
  std::vector<MiddlewareRefFacts> middleware_refs;
  std::vector<ServiceMonitorFacts> service_monitors;
  std::vector<HpaFacts> hpas;
  std::vector<PdbFacts> pdbs;
  std::vector<NetworkPolicyFacts> network_policies;
  std::vector<QuotaFacts> quotas;
  std::vector<LimitRangeFacts> limit_ranges;
  std::vector<PvcFacts> pvcs;
  std::vector<ProvidedFact> provided;
  std::vector<KustomizationFacts> kustomizations;
  std::vector<ReplicaPatchFacts> replica_patches;
};

} // namespace berth::check
