// load_profile: partial overrides over the defaults, and every validation error at its location.
#include <gtest/gtest.h>

#include "common/error.h"
#include "profile/load.h"
#include "support/test_support.h"

using namespace berth::profile;

namespace {

Profile load(const std::string& text) { return load_profile_text(text, "berth.yaml"); }

// The error's "file:line:col: message", or "" when loading succeeds.
std::string error_of(const std::string& text) {
  try {
    load(text);
  } catch (const berth::Error& e) {
    return e.what();
  }
  return "";
}

#define EXPECT_ERROR(text, where, words)                                                           \
  do {                                                                                             \
    std::string err_ = error_of(text);                                                             \
    EXPECT_EQ(err_.rfind(where, 0), 0u) << err_;                                                   \
    EXPECT_NE(err_.find(words), std::string::npos) << err_;                                        \
  } while (0)

} // namespace

TEST(ProfileLoad, EmptyIsDefaults) {
  EXPECT_EQ(load(""), default_profile());
  EXPECT_EQ(load("version: 1\n"), default_profile());
}

TEST(ProfileLoad, PartialOverrideKeepsTheRest) {
  Profile p = load("ingress:\n  domain: shop.example.com\nstorage:\n  class: longhorn\n"
                   "capacity:\n  nodes: 3\n");
  Profile d = default_profile();
  EXPECT_EQ(p.ingress.domain, "shop.example.com");
  EXPECT_EQ(p.ingress.class_name, d.ingress.class_name);
  EXPECT_EQ(p.storage.class_name, "longhorn");
  EXPECT_EQ(p.storage.database_size, d.storage.database_size);
  EXPECT_EQ(p.capacity.nodes, 3);
  EXPECT_EQ(p.capacity.cpu, "16");
  EXPECT_EQ(p.environments, d.environments);
}

TEST(ProfileLoad, EnvironmentOverrideStartsFromItsDefault) {
  Profile p = load("environments:\n  staging:\n  production:\n    replicas: 3\n"
                   "    quota:\n      pods: null\n      services: 10\n");
  ASSERT_EQ(p.environments.size(), 2u);
  const Environment& prod = p.environments[1];
  EXPECT_EQ(prod.replicas, 3);
  EXPECT_FALSE(prod.quota.pods);
  EXPECT_EQ(prod.quota.services, 10);
  EXPECT_EQ(prod.quota.requests_cpu, "8");
  EXPECT_EQ(p.environments[0], default_profile().environments[0]);
}

TEST(ProfileLoad, EnvironmentsAreExactlyTheListedOnes) {
  Profile p = load("environments:\n  production: {}\n  qa:\n    replicas: 1\n");
  ASSERT_EQ(p.environments.size(), 2u);
  EXPECT_EQ(p.environments[0].name, "production");
  EXPECT_EQ(p.environments[1].name, "qa");
  EXPECT_EQ(namespace_for(p.environments[1], "shop"), "shop-qa");
  EXPECT_EQ(p.environments[1].image_tag_prefix, "qa-");
  EXPECT_EQ(p.environments[1].host_prefix, "qa.");
}

TEST(ProfileLoad, LabelsAndPriorityClassesReplaced) {
  Profile p = load("observability:\n  servicemonitor_labels:\n    release: prom\n"
                   "priority_classes:\n  production: 10\n  staging: 1\n");
  EXPECT_EQ(p.observability.servicemonitor_labels,
            (std::map<std::string, std::string>{{"release", "prom"}}));
  EXPECT_EQ(p.priority_classes, (std::vector<PriorityClass>{{"production", 10}, {"staging", 1}}));
}

TEST(ProfileLoad, NumbersAsQuantities) {
  Profile p = load("capacity:\n  cpu: 32\n  memory: 256Gi\nenvironments:\n  production:\n"
                   "    limit_range:\n      max:\n        cpu: 4.5\n");
  EXPECT_EQ(p.capacity.cpu, "32");
  EXPECT_EQ(p.environments[0].limit_range.max.cpu, "4.5");
}

TEST(ProfileLoad, UnknownKeysListAllowed) {
  EXPECT_ERROR("ingres: {}\n", "berth.yaml:1:1", "unknown key \"ingres\" (allowed: version, environments");
  EXPECT_ERROR("ingress:\n  domian: x.org\n", "berth.yaml:2:3", "ingress: unknown key \"domian\"");
  EXPECT_ERROR("environments:\n  staging:\n    quota:\n      cpu: 4\n", "berth.yaml:4:7",
               "environments.staging.quota: unknown key \"cpu\" (allowed: requests.cpu");
  EXPECT_ERROR("environments:\n  staging:\n    limit_range:\n      max:\n        gpu: 1\n",
               "berth.yaml:5:9", "allowed: cpu, memory");
}

TEST(ProfileLoad, WrongTypes) {
  EXPECT_ERROR("ingress: traefik\n", "berth.yaml:1:10", "ingress: expected a mapping, got string");
  EXPECT_ERROR("- a\n", "berth.yaml:1:1", "expected a mapping, got a sequence");
  EXPECT_ERROR("capacity:\n  nodes: many\n", "berth.yaml:2:10", "capacity.nodes: expected an integer");
  EXPECT_ERROR("capacity:\n  nodes: 1.5\n", "berth.yaml:2:10", "expected an integer");
  EXPECT_ERROR("environments:\n  staging:\n    replicas: 0\n", "berth.yaml:3:15",
               "expected an integer in 1..1000");
  EXPECT_ERROR("environments: [staging]\n", "berth.yaml:1:15", "environments: expected a mapping");
  EXPECT_ERROR("storage:\n  class: [a]\n", "berth.yaml:2:10", "storage.class: expected a string");
  EXPECT_ERROR("version: 2\n", "berth.yaml:1:10", "version: expected an integer in 1..1");
}

TEST(ProfileLoad, InvalidValues) {
  EXPECT_ERROR("storage:\n  database_size: ten\n", "berth.yaml:2:18", "Kubernetes quantity");
  EXPECT_ERROR("environments:\n  production:\n    quota:\n      limits.memory: 48GB\n",
               "berth.yaml:4:22", "environments.production.quota.limits.memory: expected a Kubernetes quantity");
  EXPECT_ERROR("ingress:\n  domain: Example.ORG\n", "berth.yaml:2:11", "a DNS domain");
  EXPECT_ERROR("ingress:\n  mode: gateway\n", "berth.yaml:2:9", "one of ingress, ingressroute");
  EXPECT_ERROR("secrets:\n  method: vault\n", "berth.yaml:2:11",
               "one of sealed-secrets, external-secrets, plain");
  EXPECT_ERROR("gitops:\n  repo_url: github.com/x\n", "berth.yaml:2:13", "Git repository URL");
  EXPECT_ERROR("gitops:\n  path: /abs/{app}\n", "berth.yaml:2:9", "relative path");
  EXPECT_ERROR("gitops:\n  path: deploy/{name}\n", "berth.yaml:2:9", "found \"{name}\"");
  EXPECT_ERROR("registry:\n  url: https://ghcr.io/x\n", "berth.yaml:2:8", "no scheme");
  EXPECT_ERROR("observability:\n  rule_labels:\n    release: \"a b\"\n", "berth.yaml:3:14", "label value");
  EXPECT_ERROR("observability:\n  otlp_endpoint: tempo:4318\n", "berth.yaml:2:18", "http://");
  EXPECT_ERROR("backup:\n  destination: /backups\n", "berth.yaml:2:16", "S3 URL");
  EXPECT_ERROR("backup:\n  retention_days: 0\n", "berth.yaml:2:19", "1..3650");
  EXPECT_ERROR("environments:\n  Prod: {}\n", "berth.yaml:2:3", "DNS-1123 label");
  EXPECT_ERROR("priority_classes:\n  system-x: 1\n", "berth.yaml:2:3", "reserved");
  EXPECT_ERROR("priority_classes:\n  big: 2000000000\n", "berth.yaml:2:8", "1000000000");
}

TEST(ProfileLoad, CronScheduleValidated) {
  EXPECT_ERROR("backup:\n  schedule: 0 25 * * *\n", "berth.yaml:2:13", "backup.schedule");
  EXPECT_EQ(load("backup:\n  schedule: \"@daily\"\n").backup.schedule, "@daily");
}

TEST(ProfileLoad, NamespacePatternNeedsApp) {
  EXPECT_ERROR("environments:\n  staging:\n    namespace: staging\n", "berth.yaml:3:16",
               "the placeholder {app}");
  EXPECT_ERROR("environments:\n  staging:\n    namespace: \"{app}_stg\"\n", "berth.yaml:3:16",
               "DNS-1123 label");
  EXPECT_ERROR("environments:\n  staging:\n    namespace: {app}\n", "berth.yaml:3:16",
               "must be quoted");
  EXPECT_EQ(namespace_for(load("environments:\n  staging:\n    namespace: \"team-{app}\"\n")
                              .environments[0], "shop"),
            "team-shop");
}

TEST(ProfileLoad, CrossFieldRules) {
  EXPECT_ERROR("environments: {}\n", "berth.yaml:1:15", "at least one environment");
  EXPECT_ERROR("environments:\n  staging:\n  production:\n    namespace: \"{app}-staging\"\n",
               "berth.yaml:4:16", "same namespace as environment staging");
  EXPECT_ERROR("environments:\n  staging:\n    host_prefix: \"\"\n  production:\n",
               "berth.yaml:3:18", "same hosts as environment staging");
  EXPECT_ERROR("environments:\n  staging:\n    priority_class: low\n", "berth.yaml:3:21",
               "\"low\" is not defined under priority_classes");
  EXPECT_ERROR("priority_classes:\n  production: 1\n", "berth.yaml", "\"staging\" is not defined");
  EXPECT_ERROR("environments:\n  staging:\n    limit_range:\n      default:\n        cpu: 10\n",
               "berth.yaml:5:14", "default.cpu 10 is above max.cpu 2");
  EXPECT_ERROR("environments:\n  staging:\n    limit_range:\n      defaultRequest:\n        cpu: 1m\n",
               "berth.yaml:5:14", "min.cpu 10m is above defaultRequest.cpu 1m");
  EXPECT_ERROR("environments:\n  staging:\n    limit_range:\n      max:\n        memory: 100Mi\n",
               "berth.yaml:5:17", "default.memory 256Mi is above max.memory 100Mi");
}

TEST(ProfileLoad, FluxAndExternalSecretsFields) {
  Profile p = load("gitops:\n  tool: flux\n  flux_namespace: gitops\n"
                   "secrets:\n  method: external-secrets\n  store: vault-backend\n");
  EXPECT_EQ(p.gitops.tool, "flux");
  EXPECT_EQ(p.gitops.flux_namespace, "gitops");
  EXPECT_EQ(p.secrets.method, "external-secrets");
  EXPECT_EQ(p.secrets.store, "vault-backend");
  EXPECT_ERROR("gitops:\n  flux_namespace: Flux_System\n", "berth.yaml:2:19", "DNS-1123");
  EXPECT_ERROR("secrets:\n  store: \"my store\"\n", "berth.yaml:2:10", "secrets.store");
  EXPECT_ERROR("gitops:\n  flux: 1\n", "berth.yaml:2:3", "flux_namespace");
}

TEST(ProfileLoad, CertOnlyWithSealedSecrets) {
  // A certificate the chosen method would never use is a contradiction, not a silent no-op.
  EXPECT_ERROR("secrets:\n  method: external-secrets\n  cert: cert.pem\n", "berth.yaml:3:9",
               "only used with method sealed-secrets, but secrets.method is external-secrets");
  EXPECT_ERROR("secrets:\n  method: plain\n  cert: cert.pem\n", "berth.yaml:3:9",
               "secrets.method is plain");
  EXPECT_EQ(load("secrets:\n  method: plain\n  cert: \"\"\n").secrets.method, "plain");
}

TEST(ProfileLoad, FluxNeedsAUrlFluxCanFetch) {
  EXPECT_ERROR("gitops:\n  tool: flux\n  repo_url: file:///srv/git/ops\n", "berth.yaml:3:13",
               "Flux's GitRepository needs an https://");
  EXPECT_EQ(
      load("gitops:\n  tool: flux\n  repo_url: git@github.com:acme/ops.git\n").gitops.repo_url,
      "git@github.com:acme/ops.git");
  EXPECT_EQ(load("gitops:\n  repo_url: file:///srv/git/ops\n").gitops.tool, "argocd");
}

TEST(ProfileLoad, FileErrors) {
  auto dir = berth::test::temp_dir("berth-profile");
  EXPECT_THROW(load_profile((dir / "missing.yaml").string()), berth::Error);
  berth::test::write_file(dir / "two.yaml", "version: 1\n---\nversion: 1\n");
  EXPECT_THROW(load_profile((dir / "two.yaml").string()), berth::Error);
  berth::test::write_file(dir / "bad.yaml", "secrets:\n  cert: nope.pem\n");
  try {
    load_profile((dir / "bad.yaml").string());
    FAIL() << "missing cert accepted";
  } catch (const berth::Error& e) {
    EXPECT_NE(std::string(e.what()).find("bad.yaml:2:9: secrets.cert: no such file"),
              std::string::npos) << e.what();
  }
}

TEST(ProfileLoad, CertResolvedAgainstProfileDir) {
  auto dir = berth::test::temp_dir("berth-profile");
  berth::test::write_file(dir / "keys" / "cert.pem", "-----BEGIN CERTIFICATE-----\n");
  berth::test::write_file(dir / "berth.yaml", "secrets:\n  cert: keys/cert.pem\n");
  Profile p = load_profile((dir / "berth.yaml").string());
  EXPECT_EQ(p.secrets.cert, (dir / "keys" / "cert.pem").string());
}
