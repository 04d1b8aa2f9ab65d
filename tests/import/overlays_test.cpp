// Overlays of an import under each secrets.method: ExternalSecrets whose properties are the
// exported keys (values only in MIGRATION.md's copy commands' output, never in the tree), plain
// Secrets with the decoded values and the warning; and gitops.tool flux in the runbook.
#include <gtest/gtest.h>

#include <algorithm>

#include "fixture.h"
#include "import/runbook.h"
#include "yaml/emit.h"

namespace berth::import {
namespace {

using generate::Disposition;

const char* kExport = R"(
apiVersion: v1
kind: List
items:
- apiVersion: v1
  kind: Secret
  metadata: {name: db, namespace: shop, labels: {app: db}}
  type: Opaque
  data: {password: c3VwZXItc2VjcmV0LXB3LTk5}
  stringData: {url: "postgres://app:other-Secret-77@db:5432/app"}
- apiVersion: v1
  kind: Secret
  metadata: {name: web-tls, namespace: shop}
  type: kubernetes.io/tls
  stringData: {tls.crt: CERT-PEM-TEXT-1, tls.key: KEY-PEM-TEXT-2}
- apiVersion: apps/v1
  kind: Deployment
  metadata: {name: api, namespace: shop, labels: {app: api}}
  spec:
    selector: {matchLabels: {app: api}}
    template:
      metadata: {labels: {app: api}}
      spec:
        containers:
        - name: api
          image: api:1
          env:
          - {name: STRIPE_SECRET_KEY, value: sk_live_abcdef123456}
          - {name: DB_PASSWORD, valueFrom: {secretKeyRef: {name: db, key: password}}}
)";

const char* kValues[] = {"super-secret-pw-99",   "c3VwZXItc2VjcmV0LXB3LTk5", "other-Secret-77",
                         "sk_live_abcdef123456", "CERT-PEM-TEXT-1",          "KEY-PEM-TEXT-2"};

profile::Profile with(const std::string& method, const std::string& tool = "argocd") {
  profile::Profile p = profile::default_profile();
  p.secrets.method = method;
  p.secrets.store = "vault";
  p.gitops.tool = tool;
  return p;
}

const yaml::Node* overlay(const generate::Output& out, const std::string& env,
                          const std::string& path) {
  auto it = out.overlay.find(env);
  if (it == out.overlay.end()) return nullptr;
  for (const generate::Manifest& m : it->second)
    if (m.path == path) return &m.object;
  return nullptr;
}

TEST(ImportOverlays, ExternalSecretsReadTheExportedKeysFromTheStore) {
  generate::Output out = test::run(kExport, {}, with("external-secrets"));
  std::string all = test::all_text(out);
  for (const char* v : kValues)
    EXPECT_EQ(all.find(v), std::string::npos) << v;
  EXPECT_EQ(all.find("REPLACE_ME"), std::string::npos); // no templates either
  EXPECT_EQ(all.find("SealedSecret"), std::string::npos);

  const yaml::Node* db = overlay(out, "production", "overlays/production/externalsecret-db.yaml");
  ASSERT_TRUE(db);
  EXPECT_EQ(yaml::emit(*db), "apiVersion: external-secrets.io/v1\n"
                             "kind: ExternalSecret\n"
                             "metadata:\n"
                             "  name: db\n"
                             "  namespace: shop-prod\n"
                             "  labels:\n"
                             "    app: db\n"
                             "spec:\n"
                             "  refreshInterval: 1h\n"
                             "  secretStoreRef:\n"
                             "    kind: ClusterSecretStore\n"
                             "    name: vault\n"
                             "  target:\n"
                             "    name: db\n"
                             "    creationPolicy: Owner\n"
                             "  data:\n"
                             "    - secretKey: password\n"
                             "      remoteRef:\n"
                             "        key: shop/production/db\n"
                             "        property: password\n"
                             "    - secretKey: url\n"
                             "      remoteRef:\n"
                             "        key: shop/production/db\n"
                             "        property: url\n");
  const yaml::Node* tls = overlay(out, "staging", "overlays/staging/externalsecret-web-tls.yaml");
  ASSERT_TRUE(tls);
  EXPECT_EQ(tls->find("spec")->find("target")->find("template")->text("type"), "kubernetes.io/tls");
  // The Secret berth made from the workload's literal env value is one too.
  EXPECT_TRUE(overlay(out, "staging", "overlays/staging/externalsecret-api-secret.yaml"));
  EXPECT_TRUE(test::reported(out, "Secret/db", "data", Disposition::Manual,
                             "at key shop/<env>/db, properties password, url"));

  std::string md = test::file(out, "MIGRATION.md");
  EXPECT_NE(md.find("External Secrets Operator (0.16.2 or later"), std::string::npos) << md;
  EXPECT_EQ(md.find("Sealed Secrets controller"), std::string::npos) << md;
  EXPECT_NE(md.find("| production | `shop/production/db` | `password`, `url` |"), std::string::npos)
      << md;
  EXPECT_NE(md.find("| staging | `shop/staging/web-tls` | `tls.crt`, `tls.key` |"),
            std::string::npos)
      << md;
  EXPECT_NE(md.find("kubectl --context \"$SRC\" -n shop get secret db -o json | jq '.data | "
                    "map_values(@base64d)'"),
            std::string::npos)
      << md;
  // berth's own Secret has no counterpart in the source: its values come from the workload.
  EXPECT_NE(md.find("kubectl --context \"$SRC\" -n shop get deployment/api -o json | jq '[.. | "
                    "objects | select(has(\"value\") and (.name == \"STRIPE_SECRET_KEY\")) | "
                    "{(.name): .value}] | add'"),
            std::string::npos)
      << md;
}

TEST(ImportOverlays, PlainSecretsHoldTheDecodedValuesAndWarn) {
  generate::Output out = test::run(kExport, {}, with("plain"));
  const yaml::Node* db = overlay(out, "staging", "overlays/staging/secret-db.yaml");
  ASSERT_TRUE(db);
  EXPECT_EQ(yaml::emit(*db), "apiVersion: v1\n"
                             "kind: Secret\n"
                             "metadata:\n"
                             "  name: db\n"
                             "  namespace: shop-staging\n"
                             "  labels:\n"
                             "    app: db\n"
                             "type: Opaque\n"
                             "stringData:\n"
                             "  password: super-secret-pw-99\n"
                             "  url: postgres://app:other-Secret-77@db:5432/app\n");
  const yaml::Node* tls = overlay(out, "production", "overlays/production/secret-web-tls.yaml");
  ASSERT_TRUE(tls);
  EXPECT_EQ(tls->text("type"), "kubernetes.io/tls");
  ASSERT_EQ(out.report.warnings.size(), 1u);
  EXPECT_NE(out.report.warnings[0].find("for development clusters only"), std::string::npos);
  EXPECT_NE(import_summary(out.report).find("berth: warning: secrets.method is plain"),
            std::string::npos);
  // The values are in the overlay Secrets and nowhere else.
  std::string md = test::file(out, "MIGRATION.md");
  EXPECT_NE(md.find("**Plain Secrets are in Git**"), std::string::npos) << md;
  EXPECT_NE(md.find("**Warning:** secrets.method is plain"), std::string::npos) << md;
  for (const char* v : kValues)
    EXPECT_EQ(md.find(v), std::string::npos) << v;
  EXPECT_EQ(test::all_text(out).find("REPLACE_ME"), std::string::npos);
}

TEST(ImportOverlays, SealedSecretsModeUnchanged) {
  generate::Output out = test::run(kExport, {}, with("sealed-secrets"));
  EXPECT_NE(test::file(out, "overlays/staging/secrets/db.template.yaml").find("REPLACE_ME"),
            std::string::npos);
  EXPECT_TRUE(out.report.warnings.empty());
  std::string md = test::file(out, "MIGRATION.md");
  EXPECT_NE(md.find("the Sealed Secrets controller"), std::string::npos);
  EXPECT_NE(md.find("ArgoCD Application `shop-production`"), std::string::npos);
  EXPECT_NE(md.find("argocd app set shop-production --sync-policy none"), std::string::npos);
  std::vector<std::string> paths = test::paths(out);
  EXPECT_NE(std::find(paths.begin(), paths.end(), "argocd/shop-production.yaml"), paths.end());
}

TEST(ImportOverlays, FluxRunbookNamesFluxOnly) {
  generate::Output out = test::run(kExport, {}, with("sealed-secrets", "flux"));
  std::vector<std::string> paths = test::paths(out);
  bool flux = false;
  for (const std::string& p : paths) {
    EXPECT_FALSE(p.starts_with("argocd/")) << p;
    flux = flux || p == "flux/shop-production.yaml";
  }
  EXPECT_TRUE(flux);
  std::string md = test::file(out, "MIGRATION.md");
  EXPECT_EQ(md.find("ArgoCD"), std::string::npos) << md;
  EXPECT_EQ(md.find("argocd"), std::string::npos) << md;
  EXPECT_NE(md.find("Flux Kustomization `shop-production`"), std::string::npos) << md;
  EXPECT_NE(md.find("- Flux (`flux bootstrap ...`) in `flux-system`"), std::string::npos) << md;
  EXPECT_NE(md.find("flux --context \"$DST\" suspend kustomization shop-production -n "
                    "flux-system"),
            std::string::npos)
      << md;
  EXPECT_NE(md.find("flux --context \"$DST\" resume kustomization shop-production -n "
                    "flux-system"),
            std::string::npos)
      << md;
}

} // namespace
} // namespace berth::import
