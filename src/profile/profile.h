// The cluster profile (berth.yaml): everything about the target cluster that does not depend on
// the application — environments, quotas, ingress, storage, secrets, GitOps, registry, monitoring.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace berth::profile {

// ResourceQuota `spec.hard` of an environment's namespace. Empty strings and unset counts are
// left out of the generated object (no limit), as seed 000 does for staging pods.
struct Quota {
  std::string requests_cpu;     // requests.cpu
  std::string limits_cpu;       // limits.cpu
  std::string requests_memory;  // requests.memory
  std::string limits_memory;    // limits.memory
  std::string requests_storage; // requests.storage
  std::optional<std::int64_t> persistentvolumeclaims;
  std::optional<std::int64_t> pods;
  std::optional<std::int64_t> services;
  friend bool operator==(const Quota&, const Quota&) = default;
};

struct CpuMemory {
  std::string cpu;
  std::string memory;
  friend bool operator==(const CpuMemory&, const CpuMemory&) = default;
};

// LimitRange of type Container. Kubernetes requires min <= defaultRequest <= default <= max.
struct LimitRange {
  CpuMemory min;
  CpuMemory max;
  CpuMemory default_limit;   // `default`
  CpuMemory default_request; // `defaultRequest`
  friend bool operator==(const LimitRange&, const LimitRange&) = default;
};

struct Environment {
  std::string name;              // overlay directory and ArgoCD Application suffix
  std::string namespace_pattern; // must contain "{app}"
  std::int64_t replicas = 1;     // default for stateless services
  std::string priority_class;    // priorityClassName of the pods; empty: none
  std::string image_tag_prefix;  // built images are tagged <prefix><git sha>
  // Inserted between a route's host label and the domain: "staging." makes
  // api.staging.example.org and (apex) staging.example.org, as seed 000's ingress table does.
  std::string host_prefix;
  Quota quota;
  LimitRange limit_range;
  friend bool operator==(const Environment&, const Environment&) = default;
};

struct Ingress {
  std::string mode;           // "ingress" | "ingressroute" (strip_prefix routes always use IngressRoute)
  std::string class_name;     // ingressClassName
  std::string entrypoint;     // Traefik entrypoint (router.entrypoints)
  std::string cluster_issuer; // cert-manager ClusterIssuer
  std::string domain;         // hosts are <label>.<host_prefix><domain>
  std::string traefik_namespace;                       // NetworkPolicy source of routed traffic
  std::map<std::string, std::string> traefik_pod_labels; // ... and its pod selector
  friend bool operator==(const Ingress&, const Ingress&) = default;
};

struct Storage {
  std::string class_name;    // storageClassName
  std::string volume_size;   // PVC size of a named volume of an ordinary service
  std::string database_size; // PVC size of a database / data store volume
  friend bool operator==(const Storage&, const Storage&) = default;
};

struct Secrets {
  // "sealed-secrets": SealedSecrets (with `cert`) or Secret templates to seal;
  // "external-secrets": ExternalSecrets reading `store`; "plain": Secrets with the real values
  // in the overlays (development clusters only).
  std::string method;
  // Sealing certificate (kubeseal --fetch-cert). Empty: Secret templates with REPLACE_ME values.
  // Only meaningful with sealed-secrets; the loader rejects it with the other methods.
  std::string cert;
  std::string controller_namespace;
  std::string controller_name;
  std::string scope; // "strict" | "namespace-wide" | "cluster-wide"
  // external-secrets: the ClusterSecretStore every ExternalSecret reads from.
  std::string store;
  friend bool operator==(const Secrets&, const Secrets&) = default;
};

struct GitOps {
  std::string tool; // "argocd" | "flux"
  std::string repo_url;
  std::string revision;
  std::string path; // of the tree in the repository; may use {app}
  std::string argocd_namespace;
  std::string project;        // ArgoCD project
  std::string flux_namespace; // where the Flux GitRepository and Kustomizations live
  friend bool operator==(const GitOps&, const GitOps&) = default;
};

struct Registry {
  std::string url;         // image prefix for built images: <url>/<service>
  std::string pull_secret; // imagePullSecrets entry; empty: none
  friend bool operator==(const Registry&, const Registry&) = default;
};

struct Observability {
  std::map<std::string, std::string> servicemonitor_labels; // Prometheus discovery labels
  std::string rules_namespace;                              // where PrometheusRules go
  std::map<std::string, std::string> rule_labels;
  std::string monitoring_namespace; // where Prometheus runs (NetworkPolicy source of scrapes)
  std::string otlp_endpoint;        // OTEL_EXPORTER_OTLP_ENDPOINT; empty: no OTEL_* env
  friend bool operator==(const Observability&, const Observability&) = default;
};

struct Database {
  std::string strategy; // "single" (StatefulSet + backup CronJob) | "cloudnative-pg"
  friend bool operator==(const Database&, const Database&) = default;
};

struct Backup {
  std::string schedule; // cron, 5 fields
  std::int64_t retention_days = 7;
  std::string destination;        // s3://bucket/prefix; may use {app} and {env}
  std::string endpoint;           // S3 endpoint URL (MinIO, Hetzner...); empty: AWS
  std::string credentials_secret; // Secret with AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY
  friend bool operator==(const Backup&, const Backup&) = default;
};

struct Capacity {
  std::string cpu;    // per node
  std::string memory; // per node
  std::int64_t nodes = 1;
  friend bool operator==(const Capacity&, const Capacity&) = default;
};

struct PriorityClass {
  std::string name;
  std::int64_t value = 0;
  friend bool operator==(const PriorityClass&, const PriorityClass&) = default;
};

struct Profile {
  std::int64_t version = 1;
  std::vector<Environment> environments; // in order; names unique
  Ingress ingress;
  Storage storage;
  Secrets secrets;
  GitOps gitops;
  Registry registry;
  Observability observability;
  Database database;
  Backup backup;
  Capacity capacity;
  std::vector<PriorityClass> priority_classes; // names unique
  friend bool operator==(const Profile&, const Profile&) = default;
};

// The conventions of seed 000's migration guide (K3s single node, Traefik, local-path,
// cert-manager, Sealed Secrets, ArgoCD, kube-prometheus-stack).
Profile default_profile();

// "{app}" (and "{env}") replaced; the patterns are validated when the profile is loaded.
std::string expand(std::string_view pattern, std::string_view app, std::string_view env = {});
// Namespace of `app` in `env`: its namespace pattern with {app} replaced.
std::string namespace_for(const Environment& env, std::string_view app);
// Host of a route: "<label>.<host_prefix><domain>", or "<host_prefix><domain>" for an empty
// label (apex). Production api → api.example.org; staging api → api.staging.example.org.
std::string host_for(const Profile& p, const Environment& env, std::string_view label);
// Environment by name; nullptr when absent.
const Environment* find_environment(const Profile& p, std::string_view name);

} // namespace berth::profile
