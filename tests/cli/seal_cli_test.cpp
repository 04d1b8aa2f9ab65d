// `berth seal` / `berth unseal` as users run them: flags, exit codes, stdout-only output.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "support/test_support.h"

namespace fs = std::filesystem;

namespace {

std::string bin() { return "'" + berth::test::berth_binary().string() + "'"; }
std::string q(const fs::path& p) { return "'" + p.string() + "'"; }

// A controller-like key pair made by the openssl CLI once per test process.
struct Keys {
  fs::path dir, cert, key, ec_cert;
};
const Keys* keys() {
  static Keys k;
  static bool ready = [] {
    if (!berth::test::have_program("openssl")) return false;
    k.dir = berth::test::temp_dir("berth-seal-cli");
    k.cert = k.dir / "cert.pem";
    k.key = k.dir / "key.pem";
    k.ec_cert = k.dir / "ec.pem";
    auto r = berth::test::run("openssl req -x509 -newkey rsa:2048 -nodes -days 3650 -subj /CN=sealed-secret"
                              " -keyout " + q(k.key) + " -out " + q(k.cert));
    auto e = berth::test::run("openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -days 30"
                              " -subj /CN=ec -keyout " + q(k.dir / "ec.key") + " -out " + q(k.ec_cert));
    return r.exit_code == 0 && e.exit_code == 0;
  }();
  return ready ? &k : nullptr;
}

#define NEED_KEYS()                                                                                \
  const Keys* k = keys();                                                                          \
  if (!k) GTEST_SKIP() << "SKIPPED: openssl CLI absent"

std::size_t count(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (std::size_t p = text.find(what); p != std::string::npos; p = text.find(what, p + 1)) ++n;
  return n;
}

const char* kSecret = "apiVersion: v1\nkind: Secret\nmetadata:\n  name: db\n  namespace: prod\n"
                      "stringData:\n  user: dummy-user\n";

} // namespace

TEST(SealCli, HelpListsEveryFlag) {
  auto r = berth::test::run(bin() + " seal --help");
  EXPECT_EQ(r.exit_code, 0);
  for (const char* flag : {"--cert", "--scope", "--namespace", "--name", "--output", "--from-env-file",
                           "--from-literal", "--type", "--merge-into", "Exit codes"})
    EXPECT_NE(r.out.find(flag), std::string::npos) << flag;
  auto u = berth::test::run(bin() + " unseal --help");
  EXPECT_EQ(u.exit_code, 0);
  EXPECT_NE(u.out.find("--key"), std::string::npos);
  auto top = berth::test::run(bin() + " --help");
  EXPECT_NE(top.out.find("seal"), std::string::npos);
  EXPECT_NE(top.out.find("unseal"), std::string::npos);
}

TEST(SealCli, UsageErrors) {
  auto r = berth::test::run(bin() + " seal", kSecret);
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.out, "");
  EXPECT_NE(r.err.find("--cert"), std::string::npos) << r.err;
  auto s = berth::test::run(bin() + " seal --cert x.pem --scope global", kSecret);
  EXPECT_EQ(s.exit_code, 2);
  EXPECT_EQ(s.out, "");
}

TEST(SealCli, BadCertificatesExitTwo) {
  NEED_KEYS();
  berth::test::write_file(k->dir / "junk.pem", "not a certificate\n");
  auto r = berth::test::run(bin() + " seal --cert " + q(k->dir / "junk.pem"), kSecret);
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.out, "");
  EXPECT_NE(r.err.find("junk.pem"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("certificate"), std::string::npos) << r.err;

  auto ec = berth::test::run(bin() + " seal --cert " + q(k->ec_cert), kSecret);
  EXPECT_EQ(ec.exit_code, 2);
  EXPECT_EQ(ec.out, "");
  EXPECT_NE(ec.err.find("expected an RSA"), std::string::npos) << ec.err;

  auto missing = berth::test::run(bin() + " seal --cert " + q(k->dir / "nope.pem"), kSecret);
  EXPECT_EQ(missing.exit_code, 2);
  EXPECT_NE(missing.err.find("nope.pem"), std::string::npos) << missing.err;
}

TEST(SealCli, SealsStdinToStdoutOnly) {
  NEED_KEYS();
  auto a = berth::test::run(bin() + " seal --cert " + q(k->cert), kSecret);
  ASSERT_EQ(a.exit_code, 0) << a.err;
  EXPECT_EQ(a.err, "");
  EXPECT_EQ(a.out.rfind("apiVersion: bitnami.com/v1alpha1\nkind: SealedSecret\n", 0), 0u) << a.out;
  EXPECT_NE(a.out.find("encryptedData:\n    user: "), std::string::npos) << a.out;
  EXPECT_EQ(a.out.find("dummy-user"), std::string::npos) << "plaintext on stdout";
  // With a seal key (isolated_config.cpp gives every test one) resealing is byte-identical;
  // reproducible_seal_test.cpp covers the keyless, randomized case.
  auto b = berth::test::run(bin() + " seal --cert " + q(k->cert) + " -", kSecret);
  ASSERT_EQ(b.exit_code, 0) << b.err;
  EXPECT_EQ(a.out, b.out);
}

TEST(SealCli, RoundTripThroughUnseal) {
  NEED_KEYS();
  for (const char* scope : {"strict", "namespace-wide", "cluster-wide"}) {
    auto r = berth::test::run(bin() + " seal --cert " + q(k->cert) + " --scope " + scope +
                              " -n prod --name api --from-literal token=dummy-token --from-literal b=2 | " +
                              bin() + " unseal --key " + q(k->key));
    ASSERT_EQ(r.exit_code, 0) << scope << ": " << r.err;
    EXPECT_NE(r.out.find("kind: Secret"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("  token: ZHVtbXktdG9rZW4=\n"), std::string::npos) << r.out; // dummy-token
    EXPECT_NE(r.out.find("  b: Mg==\n"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("type: Opaque"), std::string::npos) << r.out;
  }
}

TEST(SealCli, WrongNamespaceIsRefusedOnUnseal) {
  NEED_KEYS();
  auto r = berth::test::run(bin() + " seal --cert " + q(k->cert) +
                            " -n prod --name api --from-literal t=x | sed 's/namespace: prod/namespace: dev/' | " +
                            bin() + " unseal --key " + q(k->key));
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.out, "");
  EXPECT_NE(r.err.find("label mismatch"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("-:"), std::string::npos) << r.err; // located in the input
}

TEST(SealCli, MultiDocumentAndNonSecret) {
  NEED_KEYS();
  std::string two = std::string(kSecret) + "---\n" +
                    "apiVersion: v1\nkind: Secret\nmetadata:\n  name: web\n  namespace: prod\n"
                    "data:\n  k: eA==\n";
  auto r = berth::test::run(bin() + " seal --cert " + q(k->cert), two);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(count(r.out, "kind: SealedSecret"), 2u) << r.out;
  EXPECT_EQ(count(r.out, "\n---\n"), 1u) << r.out;

  auto j = berth::test::run(bin() + " seal --cert " + q(k->cert) + " -o json", two);
  ASSERT_EQ(j.exit_code, 0) << j.err;
  auto list = nlohmann::json::parse(j.out);
  EXPECT_EQ(list["kind"], "List");
  ASSERT_EQ(list["items"].size(), 2u);
  EXPECT_EQ(list["items"][1]["metadata"]["name"], "web");

  std::string mixed = std::string(kSecret) + "---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n";
  auto bad = berth::test::run(bin() + " seal --cert " + q(k->cert), mixed);
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_EQ(bad.out, "");
  EXPECT_NE(bad.err.find("-:10:7: error: expected kind Secret, found kind ConfigMap"), std::string::npos) << bad.err;
}

TEST(SealCli, MissingNamespaceForStrictScope) {
  NEED_KEYS();
  auto r = berth::test::run(bin() + " seal --cert " + q(k->cert),
                            "apiVersion: v1\nkind: Secret\nmetadata:\n  name: db\nstringData:\n  a: b\n");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.out, "");
  EXPECT_NE(r.err.find("-:4:3"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("-n NAMESPACE"), std::string::npos) << r.err;
  auto lit = berth::test::run(bin() + " seal --cert " + q(k->cert) + " --from-literal a=b -n x");
  EXPECT_EQ(lit.exit_code, 2);
  EXPECT_NE(lit.err.find("--name"), std::string::npos) << lit.err;
}

TEST(SealCli, EnvFileTypeAndMergeInto) {
  NEED_KEYS();
  berth::test::write_file(k->dir / "app.env", "# dummy values\nA=dummy-a\nB=dummy=b\n");
  std::string seal = bin() + " seal --cert " + q(k->cert);
  auto r = berth::test::run(seal + " --from-env-file " + q(k->dir / "app.env") +
                            " --name app -n prod --type kubernetes.io/basic-auth");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("type: kubernetes.io/basic-auth"), std::string::npos) << r.out;
  berth::test::write_file(k->dir / "sealed.yaml", r.out);

  auto merged = berth::test::run(seal + " --merge-into " + q(k->dir / "sealed.yaml") +
                                 " --from-literal C=dummy-c --from-literal A=dummy-a2 | " + bin() +
                                 " unseal --key " + q(k->key));
  ASSERT_EQ(merged.exit_code, 0) << merged.err;
  EXPECT_NE(merged.out.find("  A: ZHVtbXktYTI=\n"), std::string::npos) << merged.out; // dummy-a2
  EXPECT_NE(merged.out.find("  B: ZHVtbXk9Yg==\n"), std::string::npos) << merged.out; // dummy=b
  EXPECT_NE(merged.out.find("  C: ZHVtbXktYw==\n"), std::string::npos) << merged.out; // dummy-c
  EXPECT_EQ(berth::test::read_file(k->dir / "sealed.yaml"), r.out) << "--merge-into prints, never rewrites";

  auto clash = berth::test::run(seal + " --merge-into " + q(k->dir / "sealed.yaml") +
                                " --from-literal C=x -n staging");
  EXPECT_EQ(clash.exit_code, 2);
  EXPECT_EQ(clash.out, "");
  EXPECT_NE(clash.err.find("namespace \"prod\""), std::string::npos) << clash.err;

  auto bad_env = berth::test::run(seal + " --name a -n b --from-env-file " + q(k->dir / "app.env") +
                                  " --from-literal A=dup");
  EXPECT_EQ(bad_env.exit_code, 2);
  EXPECT_NE(bad_env.err.find("given twice"), std::string::npos) << bad_env.err;
}

TEST(SealCli, UnsealNeedsAPrivateKey) {
  NEED_KEYS();
  auto r = berth::test::run(bin() + " unseal --key " + q(k->cert), "kind: SealedSecret\n");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.out, "");
  EXPECT_NE(r.err.find("private key"), std::string::npos) << r.err;
}
