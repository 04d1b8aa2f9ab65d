// `berth import` and secrets: every value of every exported Secret (and every literal
// secret-looking environment value) is decoded from the export and searched for in the tree,
// plain and base64-encoded; with --seal-cert the values are sealed, and the controller's key
// opens them again.
#include <gtest/gtest.h>

#include <filesystem>
#include <set>

#include "cli/export_secrets.h"
#include "seal/base64.h"
#include "support/test_support.h"

namespace fs = std::filesystem;

namespace {

std::string berth_cmd() {
  return "'" + berth::test::berth_binary().string() + "'";
}
std::string quote(const fs::path& p) {
  return "'" + p.string() + "'";
}

const fs::path examples = berth::test::source_dir() / "examples/import";

std::string all_files(const fs::path& dir) {
  std::string text;
  for (const auto& e : fs::recursive_directory_iterator(dir))
    if (e.is_regular_file()) text += berth::test::read_file(e.path());
  return text;
}

void expect_no_leak(const fs::path& input, const fs::path& tree) {
  std::set<std::string> values = berth::test::export_secret_values(input);
  ASSERT_FALSE(values.empty());
  std::string text = all_files(tree);
  for (const std::string& v : values) {
    EXPECT_EQ(text.find(v), std::string::npos) << "plaintext leaked: " << v;
    EXPECT_EQ(text.find(berth::seal::base64_encode(v)), std::string::npos)
        << "base64 leaked: " << v;
  }
}

} // namespace

TEST(ImportSecrets, NoExportedValueInTheTreeWithTemplates) {
  for (const char* input : {"vaultwarden/export.yaml", "storefront"}) {
    SCOPED_TRACE(input);
    fs::path out = berth::test::temp_dir("import-leak") / "t";
    auto r =
        berth::test::run(berth_cmd() + " import " + quote(examples / input) + " -o " + quote(out));
    ASSERT_EQ(r.exit_code, 0) << r.err;
    expect_no_leak(examples / input, out);
    EXPECT_EQ(r.err.find("vw-admin"), std::string::npos); // nor on stderr
  }
}

TEST(ImportSecrets, SealedForEachEnvironmentAndOpenWithTheKey) {
  if (!berth::test::have_program("openssl")) GTEST_SKIP() << "SKIPPED: openssl CLI not installed";
  fs::path dir = berth::test::temp_dir("import-seal");
  auto key = berth::test::run("cd " + quote(dir) +
                              " && openssl req -x509 -newkey rsa:2048 -nodes -keyout key.pem "
                              "-out cert.pem -days 30 -subj /CN=sealed-secret 2>&1");
  ASSERT_EQ(key.exit_code, 0) << key.out;
  for (const char* input : {"vaultwarden/export.yaml", "storefront"}) {
    SCOPED_TRACE(input);
    fs::path out = dir / fs::path(input).begin()->string();
    auto r = berth::test::run(berth_cmd() + " import " + quote(examples / input) + " --seal-cert " +
                              quote(dir / "cert.pem") + " -o " + quote(out));
    ASSERT_EQ(r.exit_code, 0) << r.err;
    expect_no_leak(examples / input, out);
    EXPECT_FALSE(fs::exists(out / "overlays/production/secrets")); // no templates when sealing
  }
  struct Sealed {
    const char* file;
    const char* value; // must come back from the sealed file
  };
  for (const Sealed& s :
       {Sealed{"vaultwarden/overlays/production/sealedsecret-vaultwarden-secret.yaml",
               "vw-admin-Tok3n-5e1f0c9a"},
        Sealed{"vaultwarden/overlays/staging/sealedsecret-vaultwarden-secret.yaml",
               "smtp-Pa55-word-77x"},
        Sealed{"storefront/overlays/production/sealedsecret-web-secret.yaml",
               "7f1c0e9b2a8d4c6e5f3a1b0c9d8e7f6a"},
        Sealed{"storefront/overlays/production/sealedsecret-postgres-credentials.yaml",
               "pg-Sup3r-s3cret-2024"}}) {
    SCOPED_TRACE(s.file);
    ASSERT_TRUE(fs::exists(dir / s.file));
    std::string kustomization =
        berth::test::read_file((dir / s.file).parent_path() / "kustomization.yaml");
    EXPECT_NE(kustomization.find(fs::path(s.file).filename().string()), std::string::npos);
    auto opened = berth::test::run(berth_cmd() + " unseal --key " + quote(dir / "key.pem") + " < " +
                                   quote(dir / s.file));
    ASSERT_EQ(opened.exit_code, 0) << opened.err;
    EXPECT_NE(opened.out.find(berth::seal::base64_encode(s.value)), std::string::npos)
        << opened.out;
  }
  // Traefik's basicAuth reads `users`: the sealed Secret carries it next to nginx's `auth`.
  auto auth = berth::test::run(
      berth_cmd() + " unseal --key " + quote(dir / "key.pem") + " < " +
      quote(dir / "storefront/overlays/production/sealedsecret-storefront-basic-auth.yaml"));
  ASSERT_EQ(auth.exit_code, 0) << auth.err;
  EXPECT_NE(auth.out.find("users: "), std::string::npos) << auth.out;
  EXPECT_NE(auth.out.find("auth: "), std::string::npos) << auth.out;
}
