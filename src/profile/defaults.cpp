// The default profile: the conventions of seed 000's "Migration Guide for New Applications".
#include "profile/profile.h"

namespace berth::profile {

namespace {

// Seed 000 §2 (ResourceQuota table, row vauban-prod) and §3 (LimitRange table, row vauban-prod).
Environment production() {
  Environment e;
  e.name = "production";
  e.namespace_pattern = "{app}-prod"; // §1: vauban-prod
  e.replicas = 2;                     // ≥ 2 so the PDB of §4 (minAvailable: 1) allows drains
  e.priority_class = "production";    // §14
  e.image_tag_prefix = "prod-";       // §12: prod-<sha>
  e.host_prefix = "";                 // §6: api.vauban.tech
  e.quota.requests_cpu = "8";
  e.quota.limits_cpu = "16";
  e.quota.requests_memory = "32Gi";
  e.quota.limits_memory = "48Gi";
  e.quota.requests_storage = "500Gi";
  e.quota.persistentvolumeclaims = 20;
  e.quota.pods = 50;
  e.limit_range.min = {"10m", "16Mi"};
  e.limit_range.max = {"4", "8Gi"};
  e.limit_range.default_limit = {"500m", "512Mi"};
  e.limit_range.default_request = {"100m", "128Mi"};
  return e;
}

// Seed 000 §2 and §3, row vauban-staging (no pod limit: "-" in the table).
Environment staging() {
  Environment e;
  e.name = "staging";
  e.namespace_pattern = "{app}-staging"; // §1: vauban-staging
  e.replicas = 1;
  e.priority_class = "staging";     // §14
  e.image_tag_prefix = "staging-";  // §12: staging-<sha>
  e.host_prefix = "staging.";       // §6: staging.vauban.tech, api.staging.vauban.tech
  e.quota.requests_cpu = "4";
  e.quota.limits_cpu = "8";
  e.quota.requests_memory = "16Gi";
  e.quota.limits_memory = "24Gi";
  e.quota.requests_storage = "300Gi";
  e.quota.persistentvolumeclaims = 25;
  e.limit_range.min = {"10m", "16Mi"};
  e.limit_range.max = {"2", "4Gi"};
  e.limit_range.default_limit = {"250m", "256Mi"};
  e.limit_range.default_request = {"50m", "64Mi"};
  return e;
}

} // namespace

Profile default_profile() {
  Profile p;
  p.version = 1;
  p.environments = {staging(), production()};

  // §6: Traefik (K3s default), websecure entrypoint, cert-manager ClusterIssuer letsencrypt-prod;
  // §7: Traefik pods in kube-system labelled app.kubernetes.io/name=traefik.
  p.ingress.mode = "ingress";
  p.ingress.class_name = "traefik";
  p.ingress.entrypoint = "websecure";
  p.ingress.cluster_issuer = "letsencrypt-prod";
  p.ingress.domain = "example.org"; // a placeholder to replace (RFC 2606)
  p.ingress.traefik_namespace = "kube-system";
  p.ingress.traefik_pod_labels = {{"app.kubernetes.io/name", "traefik"}};

  // §5: local-path is the only class; its PVC example asks for 10Gi, used for databases.
  p.storage.class_name = "local-path";
  p.storage.volume_size = "1Gi";
  p.storage.database_size = "10Gi";

  // §11 and §1: Sealed Secrets controller in namespace sealed-secrets; kubeseal's default
  // controller name. No certificate by default: Secret templates with REPLACE_ME values.
  p.secrets.method = "sealed-secrets";
  p.secrets.cert = "";
  p.secrets.controller_namespace = "sealed-secrets";
  p.secrets.controller_name = "sealed-secrets-controller";
  p.secrets.scope = "strict";
  // Used only with method external-secrets: one ClusterSecretStore the platform team configures
  // (Vault, AWS Secrets Manager, ...); a neutral name that says who reads it.
  p.secrets.store = "berth-secrets";

  // §10: ArgoCD Application in namespace argocd, project default, revision main.
  p.gitops.tool = "argocd";
  p.gitops.repo_url = "https://github.com/example/gitops.git";
  p.gitops.revision = "main";
  p.gitops.path = "deploy/{app}";
  p.gitops.argocd_namespace = "argocd";
  p.gitops.project = "default";
  p.gitops.flux_namespace = "flux-system"; // where `flux bootstrap` installs Flux

  // §12: ghcr.io/<org>, pull secret ghcr-secret.
  p.registry.url = "ghcr.io/example";
  p.registry.pull_secret = "ghcr-secret";

  // §8: ServiceMonitor discovery label; §9: PrometheusRules in observability with three labels;
  // §7: Prometheus scrapes from namespace observability. §13's Tempo endpoint is opt-in.
  p.observability.servicemonitor_labels = {{"release", "kube-prometheus-stack"}};
  p.observability.rules_namespace = "observability";
  p.observability.rule_labels = {{"prometheus", "kube-prometheus-stack"},
                                 {"release", "kube-prometheus-stack"},
                                 {"role", "alert-rules"}};
  p.observability.monitoring_namespace = "observability";
  p.observability.otlp_endpoint = "";

  // Questionnaire §4: single instance with a daily backup CronJob, 7 days retention, S3.
  p.database.strategy = "single";
  p.backup.schedule = "0 2 * * *";
  p.backup.retention_days = 7;
  p.backup.destination = "s3://example-backups/{app}/{env}";
  p.backup.endpoint = "";
  p.backup.credentials_secret = "backup-s3-credentials";

  // Questionnaire §1: one node, 16 cores, 128 GB.
  p.capacity.cpu = "16";
  p.capacity.memory = "128Gi";
  p.capacity.nodes = 1;

  // §14, in the seed's order.
  p.priority_classes = {{"critical-infrastructure", 1000000},
                        {"production", 100000},
                        {"tools", 5000},
                        {"staging", 1000}};
  return p;
}

} // namespace berth::profile
