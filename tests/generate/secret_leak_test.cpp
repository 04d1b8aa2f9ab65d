// No secret value of the input may appear in plain text anywhere in what generation produces:
// objects, overlay resources, patches, text files, the report.
#include <gtest/gtest.h>

#include <filesystem>
#include <map>

#include "fixture.h"
#include "generate/convert.h"
#include "support/test_support.h"
#include "yaml/emit.h"

namespace berth::generate {
namespace {

// Every secret value of the input: secret env of the plan and the content of secret files.
std::vector<std::string> secret_values(const test::Fixture& f) {
  std::vector<std::string> values;
  for (const auto& sp : f.plan.services)
    for (const auto& e : sp.env)
      if (e.secret && !e.value.empty()) values.push_back(e.value);
  for (const auto& s : f.app.secrets) {
    if (s.file.empty() || !std::filesystem::is_regular_file(s.file)) continue;
    std::string content = berth::test::read_file(s.file);
    while (!content.empty() && (content.back() == '\n' || content.back() == '\r')) content.pop_back();
    if (!content.empty()) values.push_back(content);
  }
  return values;
}

// Everything generation wrote, as text, labelled by where it goes.
std::vector<std::pair<std::string, std::string>> texts(const Output& out) {
  std::vector<std::pair<std::string, std::string>> all;
  for (const auto& m : out.base) all.emplace_back(m.path, yaml::emit(m.object));
  for (const auto& [env, manifests] : out.overlay)
    for (const auto& m : manifests) all.emplace_back(m.path, yaml::emit(m.object));
  for (const auto& [env, patches] : out.patches)
    for (const auto& p : patches) all.emplace_back(p.path, yaml::emit(p.patch));
  for (const auto& f : out.files) all.emplace_back(f.path, f.content);
  for (const auto& e : out.report.entries)
    all.emplace_back("report " + e.service + " " + e.key, e.detail);
  return all;
}

// The whole conversion, every generator (the runbook's MIGRATION.md and report included).
Output generate(const test::Fixture& f) { return convert(f.app, f.profile, ConvertOptions{}); }

// Where any of `values` appears in the output ("<place>: <value>").
std::vector<std::string> leaks(const Output& out, const std::vector<std::string>& values) {
  std::vector<std::string> found;
  for (const auto& [where, text] : texts(out))
    for (const auto& value : values)
      if (text.find(value) != std::string::npos) found.push_back(where + ": " + value);
  return found;
}

void expect_no_leak(const test::Fixture& f, std::size_t min_values) {
  std::vector<std::string> values = secret_values(f);
  ASSERT_GE(values.size(), min_values) << "the fixture lost its secrets";
  Output out = generate(f);
  EXPECT_GT(out.report.entries.size(), 0u);
  for (const auto& leak : leaks(out, values)) ADD_FAILURE() << "secret value leaked into " << leak;
}

TEST(SecretLeak, VaultDriveExample) {
  std::filesystem::path dir = berth::test::source_dir() / "examples" / "vault-drive";
  if (!std::filesystem::exists(dir / ".env")) GTEST_SKIP() << "SKIPPED: examples/vault-drive absent";
  auto f = test::load_project_dir(dir.string());
  // POSTGRES_PASSWORD, MINIO_ROOT_PASSWORD, JWT_SECRET, the DATABASE_URL with its password...
  expect_no_leak(*f, 5);
}

const char* kLeaky = R"(name: leaky
services:
  api:
    image: example/api
    environment:
      DATABASE_URL: postgres://app:${DB_PASS}@db:5432/app
      CACHE: redis://:cache-pass-123@cache:6379/0
      SMTP_PASSWORD: ${SMTP}
      STRIPE_API_KEY: sk_live_abcdef123456
      PLAIN: not-a-secret
    secrets: [db_pass, tls_key]
    configs: [app_conf]
  db:
    image: postgres:16
    environment:
      POSTGRES_PASSWORD: ${DB_PASS}
    secrets:
      - source: db_pass
        target: /run/secrets/pg
secrets:
  db_pass:
    file: ./db_pass.txt
  tls_key:
    file: ./tls.key
configs:
  app_conf:
    content: "log=info"
)";
const std::map<std::string, std::string> kLeakyEnv = {{"DB_PASS", "s3cret-db-pass"},
                                                      {"SMTP", "smtp-pass-xyz"}};

void write_leaky_files(const test::Fixture& f) {
  berth::test::write_file(f.dir + "/db_pass.txt", "s3cret-db-pass\n");
  berth::test::write_file(f.dir + "/tls.key", "-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkq\n");
}

TEST(SecretLeak, SealedWithAControllerCertificate) {
  if (!berth::test::have_program("openssl")) GTEST_SKIP() << "SKIPPED: openssl CLI absent";
  auto dir = berth::test::temp_dir("berth-leak-cert");
  auto r = berth::test::run("cd '" + dir.string() +
                            "' && openssl req -x509 -newkey rsa:2048 -nodes -keyout key.pem "
                            "-out cert.pem -days 2 -subj /CN=sealed-secrets 2>&1");
  ASSERT_EQ(r.exit_code, 0) << r.out;
  profile::Profile p = profile::default_profile();
  p.secrets.cert = (dir / "cert.pem").string();
  auto f = test::load_fixture_with(kLeaky, p, kLeakyEnv);
  write_leaky_files(*f);
  expect_no_leak(*f, 6);
}

TEST(SecretLeak, UrlPasswordsAndComposeSecrets) {
  auto f = test::load_fixture(kLeaky, kLeakyEnv);
  write_leaky_files(*f);
  expect_no_leak(*f, 6);
}

TEST(SecretLeak, ExternalSecretsAndFluxWriteNoValue) {
  profile::Profile p = profile::default_profile();
  p.secrets.method = "external-secrets";
  p.gitops.tool = "flux";
  auto f = test::load_fixture_with(kLeaky, p, kLeakyEnv);
  write_leaky_files(*f);
  expect_no_leak(*f, 6);
}

// The one mode where values are written, because the user asked for it: they appear in the
// overlays' plain Secrets and nowhere else (not in base, MIGRATION.md, the report or templates).
TEST(SecretLeak, PlainModeWritesValuesOnlyIntoOverlaySecrets) {
  profile::Profile p = profile::default_profile();
  p.secrets.method = "plain";
  auto f = test::load_fixture_with(kLeaky, p, kLeakyEnv);
  write_leaky_files(*f);
  std::vector<std::string> values = secret_values(*f);
  ASSERT_GE(values.size(), 6u);
  Output out = generate(*f);
  std::vector<std::string> found = leaks(out, values);
  std::size_t in_secrets = 0;
  for (const std::string& where : found) {
    bool plain_secret =
        where.starts_with("overlays/") && where.find("/secret-") != std::string::npos;
    if (plain_secret)
      ++in_secrets;
    else
      ADD_FAILURE() << "secret value outside the plain Secrets: " << where;
  }
  // Every value, in both environments.
  EXPECT_GE(in_secrets, 2 * values.size());
  // A multi-line value is emitted as an indented block, so look for it line by line.
  std::string secrets_text;
  for (const auto& [where, text] : texts(out))
    if (where.starts_with("overlays/") && where.find("/secret-") != std::string::npos)
      secrets_text += text;
  for (const auto& value : values) {
    std::size_t start = 0;
    while (start <= value.size()) {
      std::size_t end = value.find('\n', start);
      std::string line = value.substr(start, end == std::string::npos ? end : end - start);
      EXPECT_NE(secrets_text.find(line), std::string::npos) << "plain mode did not write " << line;
      if (end == std::string::npos) break;
      start = end + 1;
    }
  }
}

TEST(SecretLeak, DetectsALeak) {
  // The scanner itself: a value in an object, a patch, a file or the report is caught.
  Output out;
  yaml::Node cm = yaml::Node::mapping();
  cm.set("data", yaml::Node::mapping()).set("X", yaml::Node::str("hunter2"));
  out.add_base("base/x/configmap.yaml", cm);
  out.add_patch("prod", "overlays/prod/patches/x.yaml", cm);
  out.add_file("MIGRATION.md", "password is hunter2\n");
  out.report.add("x", "environment.X", Disposition::Translated, "value hunter2");
  EXPECT_EQ(leaks(out, {"hunter2"}),
            (std::vector<std::string>{"base/x/configmap.yaml: hunter2",
                                      "overlays/prod/patches/x.yaml: hunter2",
                                      "MIGRATION.md: hunter2", "report x environment.X: hunter2"}));
  EXPECT_TRUE(leaks(out, {"other"}).empty());
}

} // namespace
} // namespace berth::generate
