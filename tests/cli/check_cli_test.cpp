// `berth check`, `berth explain` and `berth schemas pull` through the binary: exit codes,
// formats, the rule list, config file errors, colour rules, stdin, kubectl invocation.
#include <gtest/gtest.h>

#include <filesystem>

#include <nlohmann/json.hpp>

#include "support/test_support.h"

namespace fs = std::filesystem;
using berth::test::run;
using berth::test::write_file;

namespace {

std::string berth_bin() {
  return "'" + berth::test::berth_binary().string() + "'";
}
std::string quote(const fs::path& p) {
  return "'" + p.string() + "'";
}

// A directory with one file of each kind the tests need; commands run inside it.
struct Fixture {
  fs::path dir = berth::test::temp_dir("berth-check-cli");
  Fixture() {
    write_file(dir / "ns.yaml", "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n");
    write_file(dir / "nokind.yaml", "metadata:\n  name: stray\n"); // object-kind-missing (error)
    write_file(dir / "broken.yaml", "apiVersion: v1\nkind: [\n");  // yaml-syntax
  }
  berth::test::RunResult check(const std::string& args, const std::string& input = "") const {
    return run("cd " + quote(dir) + " && " + berth_bin() + " check " + args, input);
  }
};

} // namespace

TEST(CheckCli, HelpDocumentsInputsAndExitCodes) {
  auto r = run(berth_bin() + " check --help");
  EXPECT_EQ(r.exit_code, 0);
  for (const char* s : {"--cluster", "--openapi", "--crds", "--k8s-version", "--output",
                        "--fail-on", "--config", "--complete", "--jobs", "--list-rules",
                        "--no-color", "hidden", ".git", "berth.dev/ignore", "Exit codes"})
    EXPECT_NE(r.out.find(s), std::string::npos) << s;
  EXPECT_EQ(run(berth_bin() + " explain --help").exit_code, 0);
  EXPECT_EQ(run(berth_bin() + " schemas pull --help").exit_code, 0);
}

TEST(CheckCli, CleanInputExitsZero) {
  Fixture f;
  auto r = f.check("ns.yaml");
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_EQ(r.err, "");
}

TEST(CheckCli, FailOnThreshold) {
  Fixture f;
  EXPECT_EQ(f.check("nokind.yaml").exit_code, 1);
  EXPECT_EQ(f.check("nokind.yaml --fail-on none").exit_code, 0);
  write_file(f.dir / "low.yaml", "rules:\n  severity: {object-kind-missing: warning}\n");
  EXPECT_EQ(f.check("nokind.yaml --config low.yaml").exit_code, 0);
  EXPECT_EQ(f.check("nokind.yaml --config low.yaml --fail-on warning").exit_code, 1);
  EXPECT_EQ(f.check("nokind.yaml --config low.yaml --fail-on info").exit_code, 1);
  auto bad = f.check("nokind.yaml --fail-on fatal");
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_EQ(bad.out, "");
}

TEST(CheckCli, MalformedInputExitsTwoButStillReports) {
  Fixture f;
  auto r = f.check("broken.yaml nokind.yaml -o json --fail-on none");
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_NE(r.out.find("yaml-syntax"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("object-kind-missing"), std::string::npos) << r.out;
  EXPECT_TRUE(nlohmann::json::accept(r.out)) << r.out;
}

TEST(CheckCli, FormatsAreSelectable) {
  Fixture f;
  auto text = f.check("nokind.yaml --no-color");
  EXPECT_NE(text.out.find("object-kind-missing"), std::string::npos) << text.out;
  EXPECT_NE(text.out.find("nokind.yaml:1:1"), std::string::npos) << text.out;

  auto json = f.check("nokind.yaml -o json");
  ASSERT_TRUE(nlohmann::json::accept(json.out)) << json.out;
  EXPECT_NE(json.out.find("object-kind-missing"), std::string::npos);

  auto sarif = f.check("nokind.yaml -o sarif");
  ASSERT_TRUE(nlohmann::json::accept(sarif.out)) << sarif.out;
  auto doc = nlohmann::json::parse(sarif.out);
  EXPECT_EQ(doc.value("version", ""), "2.1.0");
  EXPECT_NE(sarif.out.find("object-kind-missing"), std::string::npos);

  auto junit = f.check("nokind.yaml -o junit");
  EXPECT_NE(junit.out.find("<testsuite"), std::string::npos) << junit.out;
  EXPECT_NE(junit.out.find("object-kind-missing"), std::string::npos);

  for (const auto* r : {&text, &json, &sarif, &junit}) {
    EXPECT_EQ(r->exit_code, 1);
    EXPECT_EQ(r->err, "") << r->err; // stdout carries the report, stderr nothing
  }
  auto bad = f.check("nokind.yaml -o yaml");
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_EQ(bad.out, "");
}

TEST(CheckCli, StdinDash) {
  Fixture f;
  auto r = f.check("- -o json", "metadata:\n  name: piped\n");
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_NE(r.out.find("object-kind-missing"), std::string::npos) << r.out;
  EXPECT_EQ(f.check("-", "apiVersion: v1\nkind: Namespace\nmetadata: {name: a}\n").exit_code, 0);
}

TEST(CheckCli, ListRules) {
  auto r = run(berth_bin() + " check --list-rules");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  for (const char* id : {"yaml-syntax", "input-unreadable", "object-not-mapping",
                         "object-kind-missing", "list-item-invalid"})
    EXPECT_NE(r.out.find(id), std::string::npos) << id;
  auto json = run(berth_bin() + " check --list-rules -o json");
  ASSERT_TRUE(nlohmann::json::accept(json.out)) << json.out;
  auto rules = nlohmann::json::parse(json.out);
  ASSERT_TRUE(rules.is_array());
  bool found = false;
  for (const auto& rule : rules)
    if (rule["id"] == "yaml-syntax") {
      found = true;
      EXPECT_EQ(rule["family"], "input");
      EXPECT_EQ(rule["severity"], "error");
      EXPECT_EQ(rule["enabled"], true);
    }
  EXPECT_TRUE(found);
  // The config file's switches show in the list.
  Fixture f;
  write_file(f.dir / ".berth-check.yaml", "rules: {disable: [list-item-invalid]}\n");
  auto listed = f.check("--list-rules -o json");
  bool listed_off = false;
  for (const auto& rule : nlohmann::json::parse(listed.out)) {
    if (rule["id"] == "list-item-invalid") {
      EXPECT_EQ(rule["enabled"], false);
      listed_off = true;
    }
  }
  EXPECT_TRUE(listed_off);
}

TEST(CheckCli, Explain) {
  auto r = run(berth_bin() + " explain yaml-syntax");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  for (const char* s : {"yaml-syntax", "family:", "input", "area:", "severity:", "error",
                        "default:", "summary:", "fix:"})
    EXPECT_NE(r.out.find(s), std::string::npos) << s << "\n" << r.out;
  auto unknown = run(berth_bin() + " explain yaml-sintax");
  EXPECT_EQ(unknown.exit_code, 2);
  EXPECT_EQ(unknown.out, "");
  EXPECT_NE(unknown.err.find("did you mean \"yaml-syntax\""), std::string::npos) << unknown.err;
}

TEST(CheckCli, ConfigFileErrorsAreUsageErrorsWithPositions) {
  Fixture f;
  write_file(f.dir / ".berth-check.yaml", "rules:\n  disable: [object-kind-mising]\n");
  auto r = f.check("ns.yaml");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.out, "");
  EXPECT_NE(r.err.find(".berth-check.yaml:2:13: error: unknown rule \"object-kind-mising\""),
            std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find("did you mean \"object-kind-missing\""), std::string::npos) << r.err;
  fs::remove(f.dir / ".berth-check.yaml");
  auto missing = f.check("ns.yaml --config nope.yaml");
  EXPECT_EQ(missing.exit_code, 2);
  EXPECT_NE(missing.err.find("nope.yaml"), std::string::npos);
}

TEST(CheckCli, ConfigFileInCurrentDirectoryApplies) {
  Fixture f;
  write_file(f.dir / ".berth-check.yaml",
             "rules:\n  disable: [object-kind-missing]\nexclude: [broken.yaml]\n");
  auto r = f.check(". -o json");
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_EQ(r.out.find("object-kind-missing"), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("yaml-syntax"), std::string::npos) << r.out;
}

TEST(CheckCli, UsageErrors) {
  Fixture f;
  auto missing = f.check("does-not-exist.yaml");
  EXPECT_EQ(missing.exit_code, 2);
  EXPECT_EQ(missing.out, "");
  EXPECT_NE(missing.err.find("does-not-exist.yaml"), std::string::npos) << missing.err;
  auto none = f.check("");
  EXPECT_EQ(none.exit_code, 2);
  EXPECT_EQ(none.out, "");
  auto version = f.check("ns.yaml --k8s-version banana");
  EXPECT_EQ(version.exit_code, 2);
  EXPECT_NE(version.err.find("banana"), std::string::npos);
  auto openapi = f.check("ns.yaml --openapi nope.json");
  EXPECT_EQ(openapi.exit_code, 2);
  EXPECT_EQ(openapi.out, "");
  EXPECT_NE(openapi.err.find("nope.json"), std::string::npos) << openapi.err;
  auto crds = f.check("ns.yaml --crds no-crds-here");
  EXPECT_EQ(crds.exit_code, 2);
  EXPECT_NE(crds.err.find("no-crds-here"), std::string::npos) << crds.err;
  auto jobs = f.check("ns.yaml -j -1");
  EXPECT_EQ(jobs.exit_code, 2);
  EXPECT_EQ(jobs.out, "");
  auto cluster = f.check("ns.yaml --cluster nope.yaml");
  EXPECT_EQ(cluster.exit_code, 2);
  EXPECT_NE(cluster.err.find("nope.yaml"), std::string::npos);
}

TEST(CheckCli, ParallelOutputIsIdentical) {
  Fixture f;
  for (int i = 0; i < 24; ++i)
    write_file(f.dir / "many" / ("f" + std::to_string(i) + ".yaml"),
               i % 3 ? "metadata: {name: m" + std::to_string(i) + "}\n"
                     : "apiVersion: v1\nkind: Namespace\nmetadata: {name: n" + std::to_string(i) +
                           "}\n");
  auto one = f.check("many -o json -j 1");
  auto four = f.check("many -o json -j 4");
  EXPECT_EQ(one.exit_code, 1);
  EXPECT_EQ(one.out, four.out);
}

// Colour needs a terminal: `script` gives the command one.
TEST(CheckCli, ColourOnlyOnATerminalWithoutNoColor) {
  if (!berth::test::have_program("script")) GTEST_SKIP() << "no script(1) for a pseudo-terminal";
  Fixture f;
  auto on_tty = [&](const std::string& env, const std::string& args) {
    std::string inner = "cd " + quote(f.dir) + " && " + env + " " + berth_bin() + " check " + args;
    return run("script -qec \"" + inner + "\" /dev/null");
  };
  const std::string esc = "\x1b[";
  auto plain_pipe = f.check("nokind.yaml");
  EXPECT_EQ(plain_pipe.out.find(esc), std::string::npos) << "colour on a pipe";
  auto tty = on_tty("env -u NO_COLOR", "nokind.yaml");
  EXPECT_NE(tty.out.find(esc), std::string::npos) << tty.out;
  auto no_color = on_tty("NO_COLOR=1", "nokind.yaml");
  EXPECT_NE(no_color.out.find("object-kind-missing"), std::string::npos) << no_color.out;
  EXPECT_EQ(no_color.out.find(esc), std::string::npos) << no_color.out;
  auto flag = on_tty("env -u NO_COLOR", "nokind.yaml --no-color");
  EXPECT_EQ(flag.out.find(esc), std::string::npos) << flag.out;
  auto empty = on_tty("NO_COLOR=", "nokind.yaml"); // an empty NO_COLOR does not count
  EXPECT_NE(empty.out.find(esc), std::string::npos) << empty.out;
}

// `berth schemas pull` runs exactly `kubectl get --raw /openapi/v2`: a stand-in kubectl on PATH
// records its arguments.
TEST(SchemasPull, RunsKubectlAndWritesTheDocument) {
  fs::path dir = berth::test::temp_dir("berth-schemas");
  write_file(dir / "bin/kubectl", "#!/bin/sh\necho \"$@\" > '" + (dir / "args").string() +
                                      "'\necho '{\"swagger\":\"2.0\",\"definitions\":{}}'\n");
  fs::permissions(dir / "bin/kubectl", fs::perms::owner_all);
  std::string path = "PATH=" + quote(dir / "bin") + ":/usr/bin:/bin ";
  auto r = run("cd " + quote(dir) + " && " + path + berth_bin() + " schemas pull -o openapi.json");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(berth::test::read_file(dir / "args"), "get --raw /openapi/v2\n");
  EXPECT_EQ(berth::test::read_file(dir / "openapi.json"),
            "{\"swagger\":\"2.0\",\"definitions\":{}}\n");
  auto to_stdout = run(path + berth_bin() + " schemas pull");
  EXPECT_EQ(to_stdout.exit_code, 0);
  EXPECT_EQ(to_stdout.out, "{\"swagger\":\"2.0\",\"definitions\":{}}\n");
}

TEST(SchemasPull, ClearErrors) {
  fs::path dir = berth::test::temp_dir("berth-schemas");
  fs::create_directories(dir / "empty");
  auto missing = run("PATH=" + quote(dir / "empty") + " " + berth_bin() + " schemas pull");
  EXPECT_EQ(missing.exit_code, 2);
  EXPECT_EQ(missing.out, "");
  EXPECT_NE(missing.err.find("kubectl was not found"), std::string::npos) << missing.err;

  write_file(dir / "fail/kubectl", "#!/bin/sh\necho 'error: no context' >&2\nexit 1\n");
  fs::permissions(dir / "fail/kubectl", fs::perms::owner_all);
  auto failed = run("PATH=" + quote(dir / "fail") + ":/usr/bin:/bin " + berth_bin() +
                    " schemas pull -o " + quote(dir / "out.json"));
  EXPECT_EQ(failed.exit_code, 2);
  EXPECT_NE(failed.err.find("error: no context"), std::string::npos) << failed.err;
  EXPECT_NE(failed.err.find("failed (exit 1)"), std::string::npos) << failed.err;
  EXPECT_FALSE(fs::exists(dir / "out.json"));

  write_file(dir / "html/kubectl", "#!/bin/sh\necho '<html>'\n");
  fs::permissions(dir / "html/kubectl", fs::perms::owner_all);
  auto garbage =
      run("PATH=" + quote(dir / "html") + ":/usr/bin:/bin " + berth_bin() + " schemas pull");
  EXPECT_EQ(garbage.exit_code, 2);
  EXPECT_EQ(garbage.out, "");
  EXPECT_NE(garbage.err.find("did not print a JSON object"), std::string::npos) << garbage.err;
}
