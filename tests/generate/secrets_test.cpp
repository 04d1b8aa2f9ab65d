// The service Secret: keys, templates without values, SealedSecrets that open to the values.
#include <gtest/gtest.h>

#include "fixture.h"
#include "generate/config.h"
#include "generate/secret_refs.h"
#include "seal/base64.h"
#include "seal/keys.h"
#include "seal/unseal.h"
#include "support/test_support.h"
#include "yaml/emit.h"

namespace berth::generate {
namespace {

using test::load_fixture;
using test::report_of;
using test::load_fixture_with;

const char* kCompose = R"(name: shop
services:
  api:
    image: example/api
    environment:
      LOG_LEVEL: info
      DB_PASSWORD: hunter2
      DATABASE_URL: postgres://app:pw0rd@db:5432/app
    secrets:
      - db_root
      - source: api_key
        target: keys/api
        mode: 0400
      - from_env
      - outside
secrets:
  db_root:
    file: ./db_root.txt
  api_key:
    file: ./missing.txt
  from_env:
    environment: SOME_VAR
  outside:
    external: true
)";

std::unique_ptr<test::Fixture> fixture(const profile::Profile& p = profile::default_profile()) {
  auto f = load_fixture_with(kCompose, p, {{"SOME_VAR", "env-secret-value"}});
  berth::test::write_file(f->dir + "/db_root.txt", "root-pw\n");
  return f;
}

TEST(SecretKeys, EnvThenComposeSecretsWithKnownAndUnknownValues) {
  auto f = fixture();
  Context ctx{f->app, f->profile, f->plan};
  Report report;
  auto keys = secret_keys(ctx, f->service("api"), report);
  ASSERT_EQ(keys.size(), 5u);
  EXPECT_EQ(keys[0].key, "DB_PASSWORD");
  EXPECT_EQ(seal::as_view(*keys[0].value), "hunter2");
  EXPECT_EQ(keys[1].key, "DATABASE_URL");
  EXPECT_EQ(keys[2].key, "db_root");
  EXPECT_EQ(seal::as_view(*keys[2].value), "root-pw\n");
  EXPECT_EQ(keys[3].key, "api_key");
  EXPECT_FALSE(keys[3].value);
  EXPECT_EQ(keys[4].key, "from_env");
  EXPECT_FALSE(keys[4].value);
  ASSERT_EQ(report.entries.size(), 1u);
  EXPECT_EQ(report.entries[0].key, "secrets[3]");
  EXPECT_EQ(report.entries[0].disposition, Disposition::Manual);
}

TEST(SecretTemplate, PlaceholdersOnlyWithSealInstructions) {
  auto f = fixture();
  Context ctx{f->app, f->profile, f->plan};
  Output out;
  add_secrets(ctx, f->service("api"), out);
  EXPECT_TRUE(out.overlay.empty());
  ASSERT_EQ(out.files.size(), f->profile.environments.size());
  const TextFile& t = out.files[0];
  const std::string env = f->profile.environments[0].name;
  const std::string ns = profile::namespace_for(f->profile.environments[0], "shop");
  EXPECT_EQ(t.path, "overlays/" + env + "/secrets/api-secret.template.yaml");
  std::string body = t.content.substr(t.content.find("apiVersion"));
  EXPECT_EQ(body, "apiVersion: v1\nkind: Secret\nmetadata:\n  name: api-secret\n  namespace: " + ns +
                      R"(
  labels:
    app.kubernetes.io/managed-by: berth
    app.kubernetes.io/name: api
    app.kubernetes.io/part-of: shop
type: Opaque
stringData:
  DB_PASSWORD: REPLACE_ME
  DATABASE_URL: REPLACE_ME
  db_root: REPLACE_ME
  api_key: REPLACE_ME
  from_env: REPLACE_ME
)");
  EXPECT_NE(t.content.find("# Copy this file OUTSIDE the repository"), std::string::npos);
  EXPECT_NE(t.content.find("berth seal --cert CERT.pem < FILLED.yaml > overlays/" + env +
                           "/sealedsecret-api.yaml"),
            std::string::npos);
  for (const char* value : {"hunter2", "pw0rd", "root-pw", "env-secret-value"})
    EXPECT_EQ(t.content.find(value), std::string::npos) << value;
  EXPECT_EQ(report_of(out, "api", "environment.DB_PASSWORD"),
            "translated: Secret api-secret key DB_PASSWORD\n"
            "manual: DB_PASSWORD: value not written; fill the template "
            "overlays/<env>/secrets/api-secret.template.yaml and seal it\n");
}

TEST(SecretFileMounts, PathsKeysAndModes) {
  auto f = fixture();
  auto mounts = secret_file_mounts(f->app, f->service("api"));
  ASSERT_EQ(mounts.size(), 4u);
  EXPECT_EQ(mounts[0].object, "api-secret");
  EXPECT_EQ(mounts[0].volume, "secret-files");
  EXPECT_EQ(mounts[0].key, "db_root");
  EXPECT_EQ(mounts[0].mount_path, "/run/secrets/db_root");
  EXPECT_EQ(mounts[1].mount_path, "/run/secrets/keys/api");
  EXPECT_EQ(mounts[1].mode, 0400);
  EXPECT_TRUE(mounts[3].external);
  EXPECT_EQ(mounts[3].object, "outside");
}

TEST(SecretFileKey, AvoidsEnvCollision) {
  ServicePlan plan;
  plan.env.push_back({"token", "x", true, ""});
  EXPECT_EQ(secret_file_key(plan, "token"), "file.token");
  EXPECT_EQ(secret_file_key(plan, "other"), "other");
}

// A throwaway controller key made with the openssl CLI (no key files in the repository).
struct Controller {
  std::string cert_path;
  std::string key_pem;
};
std::optional<Controller> make_controller() {
  if (!berth::test::have_program("openssl")) return std::nullopt;
  auto dir = berth::test::temp_dir("berth-cert");
  auto r = berth::test::run("cd '" + dir.string() +
                            "' && openssl req -x509 -newkey rsa:2048 -nodes -keyout key.pem "
                            "-out cert.pem -days 2 -subj /CN=sealed-secrets 2>&1");
  if (r.exit_code != 0) return std::nullopt;
  return Controller{(dir / "cert.pem").string(), berth::test::read_file(dir / "key.pem")};
}

TEST(SealedSecret, OpensToTheValuesPerEnvironment) {
  auto controller = make_controller();
  if (!controller) GTEST_SKIP() << "SKIPPED: openssl CLI absent";
  profile::Profile p = profile::default_profile();
  p.secrets.cert = controller->cert_path;
  auto f = fixture(p);
  Context ctx{f->app, f->profile, f->plan};
  Output out;
  add_secrets(ctx, f->service("api"), out);
  EXPECT_TRUE(out.files.empty());
  ASSERT_EQ(out.overlay.size(), p.environments.size());
  auto keys = seal::load_private_keys(controller->key_pem, "key.pem");
  for (const auto& env : p.environments) {
    ASSERT_EQ(out.overlay[env.name].size(), 1u);
    const Manifest& m = out.overlay[env.name][0];
    EXPECT_EQ(m.path, "overlays/" + env.name + "/sealedsecret-api.yaml");
    std::string text = yaml::emit(m.object);
    for (const char* value : {"hunter2", "pw0rd", "root-pw"})
      EXPECT_EQ(text.find(value), std::string::npos) << value;
    EXPECT_NE(text.find("namespace: " + profile::namespace_for(env, "shop")), std::string::npos);
    yaml::Node secret = seal::unseal(m.object, keys);
    const yaml::Node* data = secret.find("data");
    ASSERT_NE(data, nullptr);
    EXPECT_EQ(data->find("DB_PASSWORD")->value(), seal::base64_encode("hunter2"));
    EXPECT_EQ(data->find("db_root")->value(), seal::base64_encode("root-pw\n"));
    EXPECT_EQ(data->find("api_key"), nullptr); // unknown values are never sealed
  }
  EXPECT_NE(report_of(out, "api", "secrets[1]").find("manual: api_key: value unknown"),
            std::string::npos);
  EXPECT_NE(report_of(out, "api", "environment.DB_PASSWORD").find("translated: Secret api-secret"),
            std::string::npos);
}

} // namespace
} // namespace berth::generate
