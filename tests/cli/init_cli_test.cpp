// `berth init`: the binary (--defaults, -o, no-clobber, non-terminal stdin) and the
// questionnaire run in-process with scripted answers.
#include <gtest/gtest.h>

#include <sstream>

#include "cli/init.h"
#include "profile/load.h"
#include "profile/serialize.h"
#include "support/test_support.h"
#include "yaml/emit.h"

namespace fs = std::filesystem;

namespace {

std::string bin() {
  return "'" + berth::test::berth_binary().string() + "'";
}
std::string q(const fs::path& p) {
  return "'" + p.string() + "'";
}

std::string default_text() {
  return berth::yaml::emit(berth::profile::profile_to_yaml(berth::profile::default_profile()));
}

struct InitRun {
  int code;
  std::string out, err;
};

InitRun interactive(const std::string& answers, berth::cli::InitOptions o = {}) {
  o.interactive = true;
  std::istringstream in(answers);
  std::ostringstream out, err;
  int code = berth::cli::run_init(o, in, out, err);
  return {code, out.str(), err.str()};
}

} // namespace

TEST(InitCli, DefaultsToStdout) {
  auto r = berth::test::run(bin() + " init --defaults");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, default_text());
  EXPECT_EQ(r.err, "");
  EXPECT_EQ(berth::profile::load_profile_text(r.out, "out"), berth::profile::default_profile());
}

TEST(InitCli, HelpListsFlags) {
  auto r = berth::test::run(bin() + " init --help");
  EXPECT_EQ(r.exit_code, 0);
  for (const char* flag : {"--defaults", "--output", "--force"})
    EXPECT_NE(r.out.find(flag), std::string::npos) << flag;
}

TEST(InitCli, WritesFileAndRefusesToClobber) {
  fs::path dir = berth::test::temp_dir("berth-init");
  fs::path file = dir / "berth.yaml";
  auto r = berth::test::run(bin() + " init --defaults -o " + q(file));
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(berth::test::read_file(file), default_text());
  EXPECT_EQ(berth::profile::load_profile(file.string()), berth::profile::default_profile());

  berth::test::write_file(file, "# mine\n");
  auto again = berth::test::run(bin() + " init --defaults -o " + q(file));
  EXPECT_EQ(again.exit_code, 2);
  EXPECT_NE(again.err.find("--force"), std::string::npos) << again.err;
  EXPECT_EQ(berth::test::read_file(file), "# mine\n");

  auto forced = berth::test::run(bin() + " init --defaults --force -o " + q(file));
  EXPECT_EQ(forced.exit_code, 0) << forced.err;
  EXPECT_EQ(berth::test::read_file(file), default_text());
  for (const auto& entry : fs::directory_iterator(dir))
    EXPECT_EQ(entry.path().filename(), "berth.yaml") << "left behind: " << entry.path();
}

TEST(InitCli, MissingDirectoryIsAnError) {
  fs::path dir = berth::test::temp_dir("berth-init");
  auto r = berth::test::run(bin() + " init --defaults -o " + q(dir / "no" / "berth.yaml"));
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("cannot write"), std::string::npos) << r.err;
}

TEST(InitCli, NonTerminalWithoutDefaultsExits2) {
  // stdin is a pipe here: berth must not wait for answers.
  auto r = berth::test::run(bin() + " init", "example.com\n");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.out, "");
  EXPECT_NE(r.err.find("--defaults"), std::string::npos) << r.err;
}

TEST(InitQuestions, EmptyAnswersKeepDefaults) {
  InitRun r = interactive(std::string(20, '\n'));
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(r.out, default_text());
  EXPECT_NE(r.err.find("[example.org]"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("[ghcr.io/example]"), std::string::npos) << r.err;
}

TEST(InitQuestions, AnswersApplyAndInvalidOnesAreAskedAgain) {
  std::string answers = "Shop.Example\n"     // invalid domain: asked again
                        "shop.example.com\n" // domain
                        "ghcr.io/acme\n"     // registry
                        "longhorn\n"         // storage class
                        "\n"                 // issuer: default
                        "vault\n"            // invalid method
                        "plain\n"            // method (no cert or store question then)
                        "\n"                 // GitOps tool: argocd (no Flux namespace question)
                        "git@github.com:acme/deploy.git\n"
                        "8\n"    // cpu
                        "64Gi\n" // memory
                        "0\n3\n" // nodes: 0 invalid, then 3
                        "cloudnative-pg\n"
                        "s3://acme-backups/{app}\n"
                        "https://s3.example.com\n";
  InitRun r = interactive(answers);
  ASSERT_EQ(r.code, 0) << r.err;
  auto p = berth::profile::load_profile_text(r.out, "out");
  EXPECT_EQ(p.ingress.domain, "shop.example.com");
  EXPECT_EQ(p.registry.url, "ghcr.io/acme");
  EXPECT_EQ(p.storage.class_name, "longhorn");
  EXPECT_EQ(p.ingress.cluster_issuer, "letsencrypt-prod");
  EXPECT_EQ(p.secrets.method, "plain");
  EXPECT_EQ(p.gitops.repo_url, "git@github.com:acme/deploy.git");
  EXPECT_EQ(p.capacity.cpu, "8");
  EXPECT_EQ(p.capacity.memory, "64Gi");
  EXPECT_EQ(p.capacity.nodes, 3);
  EXPECT_EQ(p.database.strategy, "cloudnative-pg");
  EXPECT_EQ(p.backup.destination, "s3://acme-backups/{app}");
  EXPECT_EQ(p.backup.endpoint, "https://s3.example.com");
  EXPECT_NE(r.err.find("expected a DNS domain"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("got \"vault\""), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("got \"0\""), std::string::npos) << r.err;
  EXPECT_EQ(r.err.find("Sealed Secrets certificate"), std::string::npos) << r.err;
  EXPECT_EQ(r.err.find("ClusterSecretStore"), std::string::npos) << r.err;
  EXPECT_EQ(r.err.find("Namespace Flux runs in"), std::string::npos) << r.err;
  EXPECT_EQ(p.gitops.tool, "argocd");
}

TEST(InitQuestions, ExternalSecretsAsksForTheStoreAndFluxForItsNamespace) {
  std::string answers = "\n\n\n\n"           // domain, registry, storage class, issuer
                        "external-secrets\n" // method: the store is asked next
                        "Vault Store\n"      // invalid store name: asked again
                        "vault-backend\n"
                        "flux\n"                   // GitOps tool
                        "file:///srv/git/deploy\n" // a URL Flux cannot read: asked again
                        "ssh://git@git.example.com/acme/deploy.git\n"
                        "\n" // Flux namespace: the default (flux-system)
                        + std::string(10, '\n');
  InitRun r = interactive(answers);
  ASSERT_EQ(r.code, 0) << r.err;
  auto p = berth::profile::load_profile_text(r.out, "out");
  EXPECT_EQ(p.secrets.method, "external-secrets");
  EXPECT_EQ(p.secrets.store, "vault-backend");
  EXPECT_EQ(p.gitops.tool, "flux");
  EXPECT_EQ(p.gitops.repo_url, "ssh://git@git.example.com/acme/deploy.git");
  EXPECT_EQ(p.gitops.flux_namespace, "flux-system");
  EXPECT_NE(r.err.find("ClusterSecretStore the External Secrets Operator reads the values from "
                       "[berth-secrets]"),
            std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find("got \"Vault Store\""), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("for Flux, got \"file:///srv/git/deploy\""), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("Namespace Flux runs in (where `flux bootstrap` installed it) "
                       "[flux-system]"),
            std::string::npos)
      << r.err;
  EXPECT_EQ(r.err.find("Sealed Secrets certificate"), std::string::npos) << r.err;

  // A Flux namespace other than the default is written.
  std::string custom = "\n\n\n\n\n\n" // ..., method sealed-secrets, no cert
                       "flux\n\n"     // tool, repository URL (https default)
                       "gitops\n" +
                       std::string(10, '\n');
  InitRun c = interactive(custom);
  ASSERT_EQ(c.code, 0) << c.err;
  auto q = berth::profile::load_profile_text(c.out, "out");
  EXPECT_EQ(q.gitops.tool, "flux");
  EXPECT_EQ(q.gitops.flux_namespace, "gitops");
  EXPECT_EQ(c.err.find("ClusterSecretStore"), std::string::npos) << c.err;
}

TEST(InitQuestions, CertPathRelativeToTheProfile) {
  fs::path dir = berth::test::temp_dir("berth-init");
  berth::test::write_file(dir / "keys" / "cert.pem", "-----BEGIN CERTIFICATE-----\n");
  berth::cli::InitOptions o;
  o.output = (dir / "conf" / "berth.yaml").string();
  fs::create_directories(dir / "conf");
  std::string answers = "\n\n\n\n\n" + (dir / "nope.pem").string() + "\n" +
                        (dir / "keys" / "cert.pem").string() + "\n" + std::string(10, '\n');
  InitRun r = interactive(answers, o);
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.err.find("an existing file"), std::string::npos) << r.err;
  EXPECT_NE(berth::test::read_file(o.output).find("cert: ../keys/cert.pem"), std::string::npos);
  auto p = berth::profile::load_profile(o.output);
  EXPECT_EQ(fs::path(p.secrets.cert), (dir / "keys" / "cert.pem").lexically_normal());
}

TEST(InitQuestions, InputEndingEarlyWritesNothing) {
  fs::path dir = berth::test::temp_dir("berth-init");
  berth::cli::InitOptions o;
  o.output = (dir / "berth.yaml").string();
  InitRun r = interactive("shop.example.com\n", o);
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find("input ended"), std::string::npos) << r.err;
  EXPECT_FALSE(fs::exists(o.output));
  EXPECT_EQ(r.out, "");
}
