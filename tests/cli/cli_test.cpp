// The CLI contract: --help/--version, exit codes, errors on stderr only, nothing partial on stdout.
#include <gtest/gtest.h>

#include "support/test_support.h"

namespace {

std::string berth() { return "'" + berth::test::berth_binary().string() + "'"; }

TEST(Cli, HelpListsCommandsAndExitCodes) {
  auto r = berth::test::run(berth() + " --help");
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_NE(r.out.find("config"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("Exit codes"), std::string::npos) << r.out;
  EXPECT_EQ(r.err, "");
}

TEST(Cli, EveryCommandHasHelp) {
  auto r = berth::test::run(berth() + " config --help");
  EXPECT_EQ(r.exit_code, 0);
  for (const char* flag : {"--file", "--env-file", "--profile", "--project-name",
                           "--project-directory", "--output", "--services", "--quiet"})
    EXPECT_NE(r.out.find(flag), std::string::npos) << flag;
}

TEST(Cli, Version) {
  auto r = berth::test::run(berth() + " --version");
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.out.rfind("berth ", 0), 0u) << r.out;
}

TEST(Cli, UnknownCommandIsUsageError) {
  auto r = berth::test::run(berth() + " frobnicate");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.out, "");
  EXPECT_NE(r.err.find("berth: error:"), std::string::npos) << r.err;
}

TEST(Cli, NoCommandIsUsageError) {
  auto r = berth::test::run(berth());
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.out, "");
}

TEST(Cli, BadOutputFormatIsUsageError) {
  auto r = berth::test::run(berth() + " config -o toml");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.out, "");
}

TEST(Cli, MissingFileNamesItOnStderr) {
  auto dir = berth::test::temp_dir();
  auto r = berth::test::run("cd '" + dir.string() + "' && " + berth() + " config -f nope.yaml");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.out, "");
  EXPECT_NE(r.err.find("nope.yaml"), std::string::npos) << r.err;
}

TEST(Cli, ErrorsCarryFileLineColumnAndNoPartialOutput) {
  auto dir = berth::test::temp_dir();
  berth::test::write_file(dir / "compose.yaml",
                          "services:\n  web:\n    image: nginx\n    ports:\n      - \"80:80:80:80\"\n");
  auto r = berth::test::run("cd '" + dir.string() + "' && " + berth() + " config");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.out, "");
  EXPECT_NE(r.err.find("compose.yaml:5:"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("80:80:80:80"), std::string::npos) << r.err;
}

TEST(Cli, ConfigYamlJsonAndServices) {
  auto dir = berth::test::temp_dir();
  berth::test::write_file(dir / "compose.yaml",
                          "services:\n  web:\n    image: nginx:1.25\n  db:\n    image: postgres:16\n");
  std::string cd = "cd '" + dir.string() + "' && ";
  auto y = berth::test::run(cd + berth() + " config");
  EXPECT_EQ(y.exit_code, 0) << y.err;
  EXPECT_NE(y.out.find("image: nginx:1.25"), std::string::npos) << y.out;
  auto j = berth::test::run(cd + berth() + " config -o json");
  EXPECT_EQ(j.exit_code, 0) << j.err;
  EXPECT_NE(j.out.find("\"image\": \"nginx:1.25\""), std::string::npos) << j.out;
  auto s = berth::test::run(cd + berth() + " config --services");
  EXPECT_EQ(s.exit_code, 0) << s.err;
  EXPECT_NE(s.out.find("web\n"), std::string::npos);
  EXPECT_NE(s.out.find("db\n"), std::string::npos);
  auto q = berth::test::run(cd + berth() + " config -q");
  EXPECT_EQ(q.exit_code, 0);
  EXPECT_EQ(q.out, "");
}

TEST(Cli, BundledExampleLoads) {
  auto example = berth::test::source_dir() / "examples/vault-drive/compose.yaml";
  auto r = berth::test::run(berth() + " config -f '" + example.string() + "'");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  // Secrets from .env are interpolated into the normalized Compose model (as docker compose
  // config does); that is fine for `config`, which is the user's own view of their project.
  EXPECT_NE(r.out.find("backend:"), std::string::npos);
  EXPECT_NE(r.out.find("x-berth:"), std::string::npos);
}

TEST(Cli, DeterministicOutput) {
  auto example = berth::test::source_dir() / "examples/vault-drive/compose.yaml";
  auto a = berth::test::run(berth() + " config -f '" + example.string() + "'");
  auto b = berth::test::run(berth() + " config -f '" + example.string() + "'");
  EXPECT_EQ(a.exit_code, 0);
  EXPECT_EQ(a.out, b.out);
}

} // namespace
