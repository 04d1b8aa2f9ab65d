// secrets.method external-secrets: one ExternalSecret per service and environment, reading every
// key from the profile's ClusterSecretStore at "<app>/<env>/<secret>"; no value anywhere.
#include <gtest/gtest.h>

#include "fixture.h"
#include "generate/config.h"
#include "generate/convert.h"
#include "support/test_support.h"
#include "yaml/emit.h"

namespace berth::generate {
namespace {

const char* kCompose = R"(name: shop
services:
  api:
    image: example/api
    environment:
      LOG_LEVEL: info
      DB_PASSWORD: hunter2
    secrets: [api_key]
secrets:
  api_key:
    file: ./api_key.txt
)";

profile::Profile eso_profile() {
  profile::Profile p = profile::default_profile();
  p.secrets.method = "external-secrets";
  p.secrets.store = "vault";
  return p;
}

const Manifest* overlay(const Output& out, const std::string& env, const std::string& path) {
  auto it = out.overlay.find(env);
  if (it == out.overlay.end()) return nullptr;
  for (const Manifest& m : it->second)
    if (m.path == path) return &m;
  return nullptr;
}

TEST(ExternalSecrets, OnePerEnvironmentWithRemoteKeysAndNoValues) {
  auto f = test::load_fixture_with(kCompose, eso_profile());
  berth::test::write_file(f->dir + "/api_key.txt", "key-material-42\n");
  Output out = convert(f->app, f->profile, ConvertOptions{});
  const Manifest* prod = overlay(out, "production", "overlays/production/externalsecret-api.yaml");
  ASSERT_NE(prod, nullptr);
  EXPECT_EQ(yaml::emit(prod->object), "apiVersion: external-secrets.io/v1\n"
                                      "kind: ExternalSecret\n"
                                      "metadata:\n"
                                      "  name: api-secret\n"
                                      "  namespace: shop-prod\n"
                                      "  labels:\n"
                                      "    app.kubernetes.io/managed-by: berth\n"
                                      "    app.kubernetes.io/name: api\n"
                                      "    app.kubernetes.io/part-of: shop\n"
                                      "spec:\n"
                                      "  refreshInterval: 1h\n"
                                      "  secretStoreRef:\n"
                                      "    kind: ClusterSecretStore\n"
                                      "    name: vault\n"
                                      "  target:\n"
                                      "    name: api-secret\n"
                                      "    creationPolicy: Owner\n"
                                      "  data:\n"
                                      "    - secretKey: DB_PASSWORD\n"
                                      "      remoteRef:\n"
                                      "        key: shop/production/api-secret\n"
                                      "        property: DB_PASSWORD\n"
                                      "    - secretKey: api_key\n"
                                      "      remoteRef:\n"
                                      "        key: shop/production/api-secret\n"
                                      "        property: api_key\n");
  const Manifest* staging = overlay(out, "staging", "overlays/staging/externalsecret-api.yaml");
  ASSERT_NE(staging, nullptr);
  EXPECT_NE(yaml::emit(staging->object).find("key: shop/staging/api-secret"), std::string::npos);
  for (const TextFile& t : out.files) {
    EXPECT_FALSE(t.path.ends_with(".template.yaml") &&
                 t.path.find("api-secret") != std::string::npos)
        << t.path;
    if (t.path != "MIGRATION.md") continue;
    EXPECT_NE(
        t.content.find("| production | `shop/production/api-secret` | `DB_PASSWORD`, `api_key` |"),
        std::string::npos);
    EXPECT_NE(t.content.find("External Secrets Operator"), std::string::npos);
    EXPECT_EQ(t.content.find("Sealed Secrets controller"), std::string::npos);
  }
  EXPECT_NE(test::report_of(out, "api", "environment.DB_PASSWORD")
                .find("manual: DB_PASSWORD: store its value in ClusterSecretStore vault at key "
                      "shop/<env>/api-secret, property DB_PASSWORD"),
            std::string::npos);
}

TEST(ExternalSecrets, RemoteKeyConvention) {
  auto f = test::load_fixture_with(kCompose, eso_profile());
  Context ctx{f->app, f->profile, f->plan};
  EXPECT_EQ(external_secret_remote_key(ctx, f->profile.environments[0], "api-secret"),
            "shop/staging/api-secret");
}

// A typed Secret (import: TLS, basic auth) keeps its type; Merge keeps the fetched keys.
TEST(ExternalSecrets, TypedTargetKeepsItsTypeAndKeys) {
  auto f = test::load_fixture_with(kCompose, eso_profile());
  Context ctx{f->app, f->profile, f->plan};
  ExternalSecretTarget t;
  t.name = "web-tls";
  t.type = "kubernetes.io/tls";
  t.keys = {{"tls.crt", "tls.crt"}, {"tls.key", "tls.key"}};
  EXPECT_EQ(yaml::emit(external_secret_object(ctx, f->profile.environments[0], t)),
            "apiVersion: external-secrets.io/v1\n"
            "kind: ExternalSecret\n"
            "metadata:\n"
            "  name: web-tls\n"
            "  namespace: shop-staging\n"
            "spec:\n"
            "  refreshInterval: 1h\n"
            "  secretStoreRef:\n"
            "    kind: ClusterSecretStore\n"
            "    name: vault\n"
            "  target:\n"
            "    name: web-tls\n"
            "    creationPolicy: Owner\n"
            "    template:\n"
            "      type: kubernetes.io/tls\n"
            "      mergePolicy: Merge\n"
            "  data:\n"
            "    - secretKey: tls.crt\n"
            "      remoteRef:\n"
            "        key: shop/staging/web-tls\n"
            "        property: tls.crt\n"
            "    - secretKey: tls.key\n"
            "      remoteRef:\n"
            "        key: shop/staging/web-tls\n"
            "        property: tls.key\n");
  t.type = "Opaque";
  EXPECT_FALSE(external_secret_object(ctx, f->profile.environments[0], t)
                   .find("spec")
                   ->find("target")
                   ->has("template"));
}

TEST(ExternalSecrets, SealingCertificateWithAnotherMethodIsAnError) {
  // Only --seal-cert can set a certificate here; the profile loader rejects the combination.
  profile::Profile p = eso_profile();
  p.secrets.cert = "/nonexistent/cert.pem";
  auto f = test::load_fixture_with(kCompose, p);
  try {
    convert(f->app, f->profile, ConvertOptions{});
    FAIL() << "certificate silently ignored";
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("secrets.method is external-secrets"), std::string::npos)
        << e.what();
  }
}

} // namespace
} // namespace berth::generate
