// `berth convert --seal-cert`: secrets become SealedSecrets that the controller's key opens,
// and no secret value of the input appears anywhere in the tree.
#include <gtest/gtest.h>

#include <filesystem>

#include "support/test_support.h"

namespace fs = std::filesystem;

namespace {

std::string berth() { return "'" + berth::test::berth_binary().string() + "'"; }

std::string all_files(const fs::path& dir) {
  std::string text;
  for (const auto& e : fs::recursive_directory_iterator(dir))
    if (e.is_regular_file()) text += berth::test::read_file(e.path());
  return text;
}

TEST(ConvertSeal, SecretsAreSealedForEachEnvironmentAndOpenWithTheKey) {
  if (!berth::test::have_program("openssl")) GTEST_SKIP() << "SKIPPED: openssl CLI not installed";
  fs::path dir = berth::test::temp_dir("berth-convert-seal");
  auto key = berth::test::run("cd '" + dir.string() +
                              "' && openssl req -x509 -newkey rsa:2048 -nodes -keyout key.pem "
                              "-out cert.pem -days 30 -subj /CN=sealed-secret 2>&1");
  ASSERT_EQ(key.exit_code, 0) << key.out;
  berth::test::write_file(dir / "app/compose.yaml", R"(name: shop
services:
  api:
    image: ghcr.io/acme/api:1.0
    ports: ["8080:8080"]
    environment:
      DB_PASSWORD: ${DB_PASSWORD}
      DATABASE_URL: postgres://shop:${DB_PASSWORD}@db:5432/shop
      LOG_LEVEL: info
    depends_on: [db]
  db:
    image: postgres:16
    environment:
      POSTGRES_PASSWORD: ${DB_PASSWORD}
    volumes: [pgdata:/var/lib/postgresql/data]
volumes:
  pgdata:
)");
  berth::test::write_file(dir / "app/.env", "DB_PASSWORD=s3cr3t-Value-42\n");
  fs::path out = dir / "tree";
  auto r = berth::test::run(berth() + " convert -f '" + (dir / "app/compose.yaml").string() +
                            "' --seal-cert '" + (dir / "cert.pem").string() + "' -o '" +
                            out.string() + "'");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(all_files(out).find("s3cr3t-Value-42"), std::string::npos) << "plaintext leaked";
  for (const char* env : {"staging", "production"}) {
    fs::path sealed = out / "overlays" / env / "sealedsecret-api.yaml";
    ASSERT_TRUE(fs::exists(sealed)) << sealed;
    EXPECT_NE(berth::test::read_file(out / "overlays" / env / "kustomization.yaml")
                  .find("sealedsecret-api.yaml"),
              std::string::npos);
    auto opened = berth::test::run(berth() + " unseal --key '" + (dir / "key.pem").string() +
                                   "' < '" + sealed.string() + "'");
    ASSERT_EQ(opened.exit_code, 0) << opened.err;
    // base64("s3cr3t-Value-42") — unseal prints data base64-encoded.
    EXPECT_NE(opened.out.find("czNjcjN0LVZhbHVlLTQy"), std::string::npos) << opened.out;
  }
}

TEST(ConvertSeal, MissingCertificateIsAClearError) {
  fs::path dir = berth::test::temp_dir("berth-convert-seal");
  berth::test::write_file(dir / "compose.yaml", "services:\n  web:\n    image: nginx:1.27\n");
  auto r = berth::test::run(berth() + " convert -f '" + (dir / "compose.yaml").string() +
                            "' --seal-cert nope.pem -o '" + (dir / "out").string() + "'");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("nope.pem"), std::string::npos) << r.err;
  EXPECT_FALSE(fs::exists(dir / "out"));
}

} // namespace
