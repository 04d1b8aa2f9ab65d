// Built-in schemas of the Flux GitRepository / Kustomization and the ExternalSecret: what convert
// emits checks clean, and a typo, a wrong enum and a missing required field are found.
#include <gtest/gtest.h>

#include "schema_test_util.h"

namespace berth::check::schema {
namespace {

using test::check_yaml;
using test::dump;
using test::has;

TEST(SchemaBuiltinGitopsCrds, GitRepository) {
  const std::string ok = R"(apiVersion: source.toolkit.fluxcd.io/v1
kind: GitRepository
metadata:
  name: shop
  namespace: flux-system
spec:
  interval: 1m
  url: ssh://git@github.com/acme/gitops.git
  ref:
    branch: main
  secretRef:
    name: shop-git-auth
)";
  auto f = check_yaml(ok);
  EXPECT_TRUE(f.empty()) << dump(f);
  f = check_yaml(ok + "  provider: gitlab\n  recurseSubmodule: true\n");
  EXPECT_TRUE(has(f, "schema-enum", 13, 13)) << dump(f);
  EXPECT_TRUE(has(f, "schema-unknown-field", 14, 3)) << dump(f);
  f = check_yaml("apiVersion: source.toolkit.fluxcd.io/v1\nkind: GitRepository\nmetadata:\n"
                 "  name: shop\nspec:\n  interval: 1m\n");
  EXPECT_FALSE(test::of_rule(f, "schema-required").empty()) << dump(f); // url
}

TEST(SchemaBuiltinGitopsCrds, Kustomization) {
  const std::string ok = R"(apiVersion: kustomize.toolkit.fluxcd.io/v1
kind: Kustomization
metadata:
  name: shop-production
  namespace: flux-system
spec:
  interval: 10m
  retryInterval: 2m
  timeout: 5m
  sourceRef:
    kind: GitRepository
    name: shop
  path: ./deploy/shop/overlays/production
  prune: true
  wait: true
  patches:
    - patch: |
        - op: remove
          path: /spec/replicas
      target:
        group: apps
        version: v1
        kind: Deployment
        name: api
)";
  auto f = check_yaml(ok);
  EXPECT_TRUE(f.empty()) << dump(f);
  f = check_yaml(ok + "  ignoreDifferences: []\n  deletionPolicy: Keep\n");
  EXPECT_TRUE(has(f, "schema-unknown-field", 25, 3)) << dump(f);
  EXPECT_TRUE(has(f, "schema-enum", 26, 19)) << dump(f);
  f = check_yaml("apiVersion: kustomize.toolkit.fluxcd.io/v1\nkind: Kustomization\nmetadata:\n"
                 "  name: x\nspec:\n  interval: 10m\n  sourceRef:\n    kind: GitRepository\n"
                 "    name: x\n");
  EXPECT_FALSE(test::of_rule(f, "schema-required").empty()) << dump(f); // prune
}

TEST(SchemaBuiltinGitopsCrds, ExternalSecret) {
  const std::string ok = R"(apiVersion: external-secrets.io/v1
kind: ExternalSecret
metadata:
  name: api-secret
  namespace: shop-prod
spec:
  refreshInterval: 1h
  secretStoreRef:
    kind: ClusterSecretStore
    name: berth-secrets
  target:
    name: api-secret
    creationPolicy: Owner
  data:
    - secretKey: DB_PASSWORD
      remoteRef:
        key: shop/production/api-secret
        property: DB_PASSWORD
)";
  auto f = check_yaml(ok);
  EXPECT_TRUE(f.empty()) << dump(f);
  f = check_yaml(ok + "    - secretKey: X\n      remoteRef:\n        property: X\n"
                      "        decodingStrategy: Hex\n");
  EXPECT_FALSE(test::of_rule(f, "schema-required").empty()) << dump(f); // remoteRef.key
  EXPECT_TRUE(has(f, "schema-enum", 22, 27)) << dump(f);
  f = check_yaml("apiVersion: external-secrets.io/v1\nkind: ExternalSecret\nmetadata:\n"
                 "  name: x\nspec:\n  secretStoreRef:\n    kind: Vault\n  refresh: 1h\n");
  EXPECT_TRUE(has(f, "schema-enum", 7, 11)) << dump(f);
  EXPECT_TRUE(has(f, "schema-unknown-field", 8, 3)) << dump(f);
}

} // namespace
} // namespace berth::check::schema
