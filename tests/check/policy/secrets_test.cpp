// Plaintext secrets: env values, ConfigMap values, Secret objects and templates.
#include <gtest/gtest.h>

#include "check/policy/policy_fixture.h"

namespace berth::check::policy::test {
namespace {

std::string with_env(std::string_view name, std::string_view value) {
  return replace(kCleanDeployment, "            - name: LOG_LEVEL\n              value: info\n",
                 "            - name: " + std::string(name) +
                     "\n              value: " + std::string(value) + "\n");
}

TEST(Secrets, EnvValueByNameNeverPrintsTheValue) {
  Finding f = only(run(with_env("DB_PASSWORD", "hunter2")), "env-secret-value");
  EXPECT_EQ(at(f), "41:22");
  EXPECT_EQ(f.severity, Severity::Error);
  EXPECT_NE(f.message.find("DB_PASSWORD"), std::string::npos);
  EXPECT_NE(f.message.find("name contains PASSWORD"), std::string::npos);
  EXPECT_EQ(f.message.find("hunter2"), std::string::npos);
  EXPECT_NE(f.fix.find("key: DB_PASSWORD"), std::string::npos);
  EXPECT_EQ(f.fix.find("hunter2"), std::string::npos);
  EXPECT_FALSE(run(kCleanDeployment).has("env-secret-value"));
}

TEST(Secrets, EnvValueWithUrlPassword) {
  Finding f =
      only(run(with_env("DATABASE_URL", "postgres://app:s3cr3t@db/app")), "env-secret-value");
  EXPECT_NE(f.message.find("URL with a password"), std::string::npos);
  EXPECT_EQ(f.message.find("s3cr3t"), std::string::npos);
  EXPECT_FALSE(run(with_env("DATABASE_URL", "postgres://app:$(DB_PASSWORD)@db/app"))
                   .has("env-secret-value"));
}

TEST(Secrets, EnvReferencesAndDescriptionsAreFine) {
  EXPECT_FALSE(run(with_env("DB_PASSWORD", "$(POSTGRES_PASSWORD)")).has("env-secret-value"));
  EXPECT_FALSE(run(with_env("DB_PASSWORD_FILE", "/run/secrets/db")).has("env-secret-value"));
  EXPECT_FALSE(run(with_env("TOKEN_TTL", "\"3600\"")).has("env-secret-value"));
  std::string from_secret = replace(kCleanDeployment, "              value: info\n",
                                    "              valueFrom:\n"
                                    "                secretKeyRef: {name: s, key: k}\n");
  EXPECT_FALSE(run(replace(from_secret, "LOG_LEVEL", "API_TOKEN")).has("env-secret-value"));
}

const char* kConfigMap = R"(apiVersion: v1
kind: ConfigMap
metadata:
  name: app-config
data:
  LOG_LEVEL: info
  SMTP_PASSWORD: hunter2
  CACHE_URL: redis://:pw@redis:6379/0
  secret.properties: |
    mode=plain
  app.conf: "upstream = http://user:pw@backend/"
)";

TEST(Secrets, ConfigMapValues) {
  PolicyRun r = run(kConfigMap);
  std::vector<Finding> f = r.of("configmap-secret-value");
  ASSERT_EQ(f.size(), 3u) << r.dump();
  EXPECT_EQ(at(f[0]), "7:18");
  EXPECT_NE(f[0].message.find("SMTP_PASSWORD"), std::string::npos);
  EXPECT_EQ(f[0].message.find("hunter2"), std::string::npos);
  EXPECT_EQ(at(f[1]), "8:14");
  EXPECT_EQ(at(f[2]), "11:13"); // file-like key, judged by content
  EXPECT_EQ(f[0].object, "ConfigMap/app-config");
}

TEST(Secrets, PlaintextSecretIsAnErrorNamingKeysNotValues) {
  PolicyRun r = run(R"(apiVersion: v1
kind: Secret
metadata:
  name: db
type: Opaque
stringData:
  USER: REPLACE_ME
  PASSWORD: hunter2
data:
  TOKEN: aHVudGVyMw==
)");
  Finding f = only(r, "secret-plaintext");
  EXPECT_EQ(at(f), "8:13");
  EXPECT_EQ(f.severity, Severity::Error);
  EXPECT_NE(f.message.find("PASSWORD, TOKEN"), std::string::npos) << f.message;
  EXPECT_EQ(f.message.find("hunter"), std::string::npos);
  EXPECT_FALSE(r.has("secret-template"));
}

TEST(Secrets, BerthTemplatesAreInfo) {
  // What berth writes without a sealing certificate (overlays/ENV/secrets/*.template.yaml).
  PolicyRun r =
      run(R"(# Secret backend-secret of backend in production. berth writes no secret values.
apiVersion: v1
kind: Secret
metadata:
  name: backend-secret
  namespace: vault-drive-prod
type: Opaque
stringData:
  DATABASE_URL: REPLACE_ME
  JWT_SECRET: REPLACE_ME
---
apiVersion: v1
kind: Secret
metadata:
  name: pull
type: kubernetes.io/dockerconfigjson
data:
  .dockerconfigjson: UkVQTEFDRV9NRQ==
---
apiVersion: v1
kind: Secret
metadata:
  name: token
type: kubernetes.io/service-account-token
)");
  std::vector<Finding> t = r.of("secret-template");
  ASSERT_EQ(t.size(), 2u) << r.dump();
  EXPECT_EQ(at(t[0]), "9:3");
  EXPECT_EQ(t[0].severity, Severity::Info);
  EXPECT_EQ(at(t[1]), "18:3");
  EXPECT_FALSE(r.has("secret-plaintext"));
}

TEST(Secrets, HandWrittenTemplatesWithSettingsAreTemplates) {
  // Seed 004's gauzian-secrets: placeholders, one inside a URL, beside plain settings.
  PolicyRun r = run(R"(apiVersion: v1
kind: Secret
metadata:
  name: gauzian-secrets
stringData:
  DB_USER: "gauzian_user"
  DB_PASSWORD: "<GENERATE_STRONG_PASSWORD>"
  DATABASE_URL: "postgres://gauzian_user:<PASSWORD>@postgres:5432/gauzian_db"
  S3_BUCKET: "gauzian-chunks"
)");
  Finding f = only(r, "secret-template");
  EXPECT_EQ(at(f), "6:3");
  EXPECT_NE(f.message.find("plain settings (DB_USER, S3_BUCKET"), std::string::npos) << f.message;
  EXPECT_FALSE(r.has("secret-plaintext"));
}

TEST(Secrets, KeyMaterialAndAllRealValuesArePlaintext) {
  // A real key beside placeholders is still a leak.
  Finding key = only(run(R"(apiVersion: v1
kind: Secret
metadata:
  name: tls
type: kubernetes.io/tls
stringData:
  tls.crt: REPLACE_ME
  tls.key: "-----BEGIN PRIVATE KEY-----"
)"),
                     "secret-plaintext");
  EXPECT_EQ(at(key), "8:12");
  EXPECT_NE(key.message.find("(tls.key)"), std::string::npos);
  // Nothing marks this one as a template: harmless-looking names do not make it safe.
  Finding real = only(run(R"(apiVersion: v1
kind: Secret
metadata:
  name: db
data:
  user: YXBw
  host: ZGI=
)"),
                      "secret-plaintext");
  EXPECT_EQ(at(real), "6:9");
  EXPECT_NE(real.message.find("(user, host)"), std::string::npos);
}

TEST(Secrets, NotCoreSecretsAreNotJudged) {
  EXPECT_TRUE(run(R"(apiVersion: example.com/v1
kind: Secret
metadata:
  name: x
stringData:
  a: b
)")
                  .findings.empty());
}

} // namespace
} // namespace berth::check::policy::test
