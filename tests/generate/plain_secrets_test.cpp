// secrets.method plain: Secrets with the real values in the overlays (asked for), unknown values
// as REPLACE_ME, binary content as base64, and a warning on the report and in MIGRATION.md.
#include <gtest/gtest.h>

#include "fixture.h"
#include "generate/config.h"
#include "generate/convert.h"
#include "generate/runbook.h"
#include "support/test_support.h"
#include "yaml/emit.h"

namespace berth::generate {
namespace {

const char* kCompose = R"(name: shop
services:
  api:
    image: example/api
    environment:
      DB_PASSWORD: hunter2
    secrets: [blob, from_env]
secrets:
  blob:
    file: ./blob.bin
  from_env:
    environment: SOME_VAR
)";

profile::Profile plain_profile() {
  profile::Profile p = profile::default_profile();
  p.secrets.method = "plain";
  return p;
}

TEST(PlainSecrets, SecretWithValuesPerEnvironment) {
  auto f = test::load_fixture_with(kCompose, plain_profile());
  berth::test::write_file(f->dir + "/blob.bin", std::string("\x01\xff\x00z", 4));
  Output out = convert(f->app, f->profile, ConvertOptions{});
  const Manifest* prod = nullptr;
  for (const Manifest& m : out.overlay["production"])
    if (m.path == "overlays/production/secret-api.yaml") prod = &m;
  ASSERT_NE(prod, nullptr);
  EXPECT_EQ(yaml::emit(prod->object), "apiVersion: v1\n"
                                      "kind: Secret\n"
                                      "metadata:\n"
                                      "  name: api-secret\n"
                                      "  namespace: shop-prod\n"
                                      "  labels:\n"
                                      "    app.kubernetes.io/managed-by: berth\n"
                                      "    app.kubernetes.io/name: api\n"
                                      "    app.kubernetes.io/part-of: shop\n"
                                      "type: Opaque\n"
                                      "data:\n"
                                      "  blob: Af8Aeg==\n"
                                      "stringData:\n"
                                      "  DB_PASSWORD: hunter2\n"
                                      "  from_env: REPLACE_ME\n");
  EXPECT_NE(test::report_of(out, "api", "secrets[1]").find("manual: from_env: value unknown"),
            std::string::npos);
  EXPECT_EQ(out.report.warnings.size(), 1u);
  EXPECT_NE(report_summary(out.report).find("berth: warning: secrets.method is plain"),
            std::string::npos);
  bool md = false;
  for (const TextFile& t : out.files) {
    EXPECT_FALSE(t.path.find("api-secret.template") != std::string::npos) << t.path;
    if (t.path != "MIGRATION.md") continue;
    md = true;
    EXPECT_NE(t.content.find("**Plain Secrets are in Git**"), std::string::npos);
    EXPECT_NE(t.content.find("**Warning:** secrets.method is plain"), std::string::npos);
    EXPECT_EQ(t.content.find("No secret value is written"), std::string::npos);
    EXPECT_EQ(t.content.find("Sealed Secrets controller"), std::string::npos);
  }
  EXPECT_TRUE(md);
}

// Any Secret (import's exported ones): its own name, labels and type.
TEST(PlainSecrets, ObjectKeepsNameLabelsAndType) {
  auto f = test::load_fixture_with(kCompose, plain_profile());
  Context ctx{f->app, f->profile, f->plan};
  yaml::Node labels = yaml::Node::mapping();
  labels.set("app", yaml::Node::str("web"));
  std::vector<SecretKey> keys;
  keys.push_back({"password", seal::secret_bytes("s3cret"), "data.password", "", {}});
  keys.push_back({"username", seal::secret_bytes("admin"), "data.username", "", {}});
  EXPECT_EQ(yaml::emit(plain_secret_object(ctx, f->profile.environments[1], "web-auth", labels,
                                           "kubernetes.io/basic-auth", keys)),
            "apiVersion: v1\n"
            "kind: Secret\n"
            "metadata:\n"
            "  name: web-auth\n"
            "  namespace: shop-prod\n"
            "  labels:\n"
            "    app: web\n"
            "type: kubernetes.io/basic-auth\n"
            "stringData:\n"
            "  password: s3cret\n"
            "  username: admin\n");
}

TEST(PlainSecrets, NoWarningWithoutSecrets) {
  auto f =
      test::load_fixture_with("name: shop\nservices:\n  web:\n    image: nginx\n", plain_profile());
  Output out = convert(f->app, f->profile, ConvertOptions{});
  EXPECT_TRUE(out.report.warnings.empty());
}

} // namespace
} // namespace berth::generate
