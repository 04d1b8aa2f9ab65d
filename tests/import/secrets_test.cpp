// Secrets: values decoded in memory only; the tree holds templates with REPLACE_ME (or sealed
// values, see the CLI tests), never a value — including literal secret-looking env values,
// which move into a Secret of their workload.
#include <gtest/gtest.h>

#include "fixture.h"

namespace berth::import {
namespace {

using generate::Disposition;

const char* kExport = R"(
apiVersion: v1
kind: List
items:
- apiVersion: v1
  kind: Secret
  metadata:
    name: db
    namespace: shop
    annotations:
      kubectl.kubernetes.io/last-applied-configuration: '{"data":{"password":"c3VwZXItc2VjcmV0LXB3LTk5"}}'
  type: Opaque
  data: {password: c3VwZXItc2VjcmV0LXB3LTk5}
  stringData: {url: "postgres://app:other-Secret-77@db:5432/app"}
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
          - {name: CACHE_URL, value: "redis://:cache-Pass-42@redis:6379"}
          - {name: LOG_LEVEL, value: info}
          - {name: DB_PASSWORD, valueFrom: {secretKeyRef: {name: db, key: password}}}
- apiVersion: v1
  kind: Secret
  metadata: {name: broken, namespace: shop}
  data: {k: "not base64!"}
)";

TEST(ImportSecrets, NoValueAnywhereInTheTree) {
  generate::Output out = test::run(kExport);
  std::string all = test::all_text(out);
  for (const char* value : {"super-secret-pw-99", "c3VwZXItc2VjcmV0LXB3LTk5", "other-Secret-77",
                            "sk_live_abcdef123456", "cache-Pass-42"})
    EXPECT_EQ(all.find(value), std::string::npos) << value;
  std::string tpl = test::file(out, "overlays/staging/secrets/db.template.yaml");
  EXPECT_NE(tpl.find("password: REPLACE_ME"), std::string::npos) << tpl;
  EXPECT_NE(tpl.find("url: REPLACE_ME"), std::string::npos) << tpl;
  EXPECT_NE(tpl.find("namespace: shop-staging"), std::string::npos) << tpl;
  // Templates are files, never overlay resources.
  EXPECT_EQ(test::file(out, "overlays/staging/kustomization.yaml").find("template"),
            std::string::npos);
  EXPECT_TRUE(
      test::reported(out, "Secret/broken", "object", Disposition::Manual, "unreadable Secret"));
}

TEST(ImportSecrets, LiteralSecretEnvMovesToASecretOfTheWorkload) {
  generate::Output out = test::run(kExport);
  const yaml::Node* d = test::object(out, "Deployment", "api");
  const yaml::Node& env =
      *d->find("spec")->find("template")->find("spec")->find("containers")->items()[0].find("env");
  EXPECT_EQ(env.items()[0].find("valueFrom")->find("secretKeyRef")->text("name"), "api-secret");
  EXPECT_EQ(env.items()[0].find("valueFrom")->find("secretKeyRef")->text("key"),
            "STRIPE_SECRET_KEY");
  EXPECT_EQ(env.items()[1].find("valueFrom")->find("secretKeyRef")->text("key"), "CACHE_URL");
  EXPECT_EQ(env.items()[2].text("value"), "info");
  std::string tpl = test::file(out, "overlays/production/secrets/api-secret.template.yaml");
  EXPECT_NE(tpl.find("CACHE_URL: REPLACE_ME"), std::string::npos) << tpl;
  EXPECT_NE(tpl.find("app: api"), std::string::npos) << tpl; // the workload's labels
  EXPECT_TRUE(test::reported(out, "Deployment/api", "env.CACHE_URL", Disposition::Translated,
                             "URL with a password"));
}

} // namespace
} // namespace berth::import
