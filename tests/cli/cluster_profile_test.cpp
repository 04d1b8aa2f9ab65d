// --cluster and --seal-cert (cli/cluster_profile): the defaults, a certificate replacing the
// profile's, and the two errors — for convert and import alike.
#include <gtest/gtest.h>

#include <filesystem>

#include "cli/cluster_profile.h"
#include "common/error.h"
#include "support/test_support.h"

namespace fs = std::filesystem;
using berth::cli::cluster_profile;

namespace {

const fs::path fixtures = berth::test::source_dir() / "tests/cli/fixtures";

std::string error_of(const std::string& cluster, const std::string& cert) {
  try {
    cluster_profile(cluster, cert);
  } catch (const berth::Error& e) {
    return e.what();
  }
  return "";
}

std::string quote(const fs::path& p) {
  return "'" + p.string() + "'";
}

} // namespace

TEST(ClusterProfile, DefaultsAndACertificateThatReplacesTheProfiles) {
  EXPECT_EQ(cluster_profile("", ""), berth::profile::default_profile());
  fs::path dir = berth::test::temp_dir("berth-cluster-profile");
  berth::test::write_file(dir / "cert.pem", "-----BEGIN CERTIFICATE-----\n");
  berth::profile::Profile p = cluster_profile("", (dir / "cert.pem").string());
  EXPECT_EQ(p.secrets.cert, (dir / "cert.pem").string());
  EXPECT_EQ(p.secrets.method, "sealed-secrets");
}

TEST(ClusterProfile, MissingCertificateIsAnError) {
  EXPECT_NE(error_of("", "no-such-cert.pem").find("--seal-cert no-such-cert.pem: no such file"),
            std::string::npos);
}

TEST(ClusterProfile, CertificateWithAMethodThatDoesNotSealIsAnError) {
  fs::path dir = berth::test::temp_dir("berth-cluster-profile");
  berth::test::write_file(dir / "cert.pem", "-----BEGIN CERTIFICATE-----\n");
  for (const char* profile : {"plain-secrets.yaml", "flux-external-secrets.yaml"}) {
    std::string why = error_of((fixtures / profile).string(), (dir / "cert.pem").string());
    EXPECT_NE(why.find("which does not seal; drop --seal-cert"), std::string::npos)
        << profile << ": " << why;
  }
}

TEST(ClusterProfile, ImportRefusesACertificateItWouldIgnore) {
  // import took --seal-cert and then wrote ExternalSecrets or plain Secrets without a word.
  fs::path dir = berth::test::temp_dir("berth-cluster-profile");
  berth::test::write_file(dir / "cert.pem", "-----BEGIN CERTIFICATE-----\n");
  auto r = berth::test::run(
      quote(berth::test::berth_binary()) + " import " +
      quote(berth::test::source_dir() / "examples/import/vaultwarden/export.yaml") + " --cluster " +
      quote(fixtures / "plain-secrets.yaml") + " --seal-cert " + quote(dir / "cert.pem") + " -o " +
      quote(dir / "out"));
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_NE(r.err.find("which does not seal"), std::string::npos) << r.err;
  EXPECT_FALSE(fs::exists(dir / "out"));
}
