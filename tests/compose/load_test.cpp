// load_project end to end: environment, per-file checks, -f merge, paths, env_file, stdin.
#include <algorithm>

#include "compose/load_fixture.h"

namespace berth::compose {
namespace {

using namespace test_load;
using berth::test::write_file;

bool has_warning(const LoadedProject& p, const std::string& needle) {
  return std::any_of(p.warnings.begin(), p.warnings.end(),
                     [&](const std::string& w) { return w.find(needle) != std::string::npos; });
}

TEST(Load, MinimalProjectHasNameFirstAndServices) {
  fs::path dir = project() / "My App";
  write_file(dir / "compose.yaml", "services:\n  web:\n    image: nginx\n");
  LoadedProject p = load_project(options_in(dir));
  EXPECT_EQ(p.name, "myapp");
  EXPECT_EQ(p.project_directory, dir.string());
  ASSERT_EQ(p.files.size(), 1u);
  EXPECT_EQ(p.files[0], (dir / "compose.yaml").string());
  ASSERT_FALSE(p.tree.entries().empty());
  EXPECT_EQ(p.tree.entries().front().key.value(), "name");
  EXPECT_TREE(service(p, "web"), "image: nginx");
}

TEST(Load, DotEnvInterpolatesAndProcessEnvWins) {
  fs::path dir = project();
  write_file(dir / ".env", "TAG=1.0\nREPO=from-dotenv\nexport PORT=8080\n");
  write_file(dir / "compose.yaml",
             "services:\n  web:\n    image: ${REPO}/web:${TAG}\n    x-port: ${PORT}\n"
             "x-common: ${TAG}\n");
  LoadOptions o = options_in(dir);
  o.process_env["REPO"] = "from-process";
  LoadedProject p = load_project(o);
  EXPECT_EQ(service(p, "web").find("image")->value(), "from-process/web:1.0");
  EXPECT_EQ(p.tree.find("x-common")->value(), "1.0"); // x-* fields are interpolated too
  EXPECT_EQ(p.environment.at("TAG"), "1.0");
  EXPECT_EQ(p.environment.at("REPO"), "from-process");
}

TEST(Load, EnvFilesInOrderLaterWinsAndReplaceDotEnv) {
  fs::path dir = project();
  write_file(dir / ".env", "A=dotenv\nONLY_DOTENV=1\n");
  write_file(dir / "one.env", "A=one\nB=one\n");
  write_file(dir / "two.env", "B=two\n");
  write_file(dir / "compose.yaml", "services:\n  s:\n    image: x:${A}-${B}\n");
  LoadOptions o = options_in(dir);
  o.env_files = {"one.env", "two.env"};
  LoadedProject p = load_project(o);
  EXPECT_EQ(service(p, "s").find("image")->value(), "x:one-two");
  EXPECT_FALSE(p.environment.count("ONLY_DOTENV")); // --env-file replaces the default .env
}

TEST(Load, MissingExplicitEnvFileIsAnError) {
  fs::path dir = project();
  write_file(dir / "compose.yaml", "services:\n  s:\n    image: x\n");
  LoadOptions o = options_in(dir);
  o.env_files = {"nope.env"};
  error_of([&] { load_project(o); }, "nope.env");
}

TEST(Load, VersionIsRemovedWithAWarning) {
  fs::path dir = project();
  write_file(dir / "compose.yaml", "version: '3.8'\nservices:\n  s:\n    image: x\n");
  LoadedProject p = load_project(options_in(dir));
  EXPECT_FALSE(p.tree.has("version"));
  EXPECT_TRUE(has_warning(p, "`version` is obsolete"));
  EXPECT_TRUE(has_warning(p, "compose.yaml:1:1:"));
}

TEST(Load, EmptyFileIsAnError) {
  fs::path dir = project();
  write_file(dir / "compose.yaml", "# nothing here\n");
  error_of([&] { load_project(options_in(dir)); }, "empty compose file");
}

TEST(Load, NonMappingFileIsAnErrorWithLocation) {
  fs::path dir = project();
  write_file(dir / "compose.yaml", "- a\n- b\n");
  std::string e = error_of([&] { load_project(options_in(dir)); }, "got a sequence");
  EXPECT_NE(e.find("compose.yaml:1:1"), std::string::npos) << e;
}

TEST(Load, LegacyV1LayoutIsRefusedWithAHint) {
  fs::path dir = project();
  write_file(dir / "docker-compose.yml",
             "web:\n  image: nginx\n  links: [db]\ndb:\n  image: postgres\n");
  std::string e = error_of([&] { load_project(options_in(dir)); }, "nest them under");
  EXPECT_NE(e.find("docker-compose.yml:1:1"), std::string::npos) << e;
  EXPECT_NE(e.find("`web`, `db`"), std::string::npos) << e;
}

TEST(Load, UnknownTopLevelKeyIsAnError) {
  fs::path dir = project();
  write_file(dir / "compose.yaml", "services: {}\nservice:\n  web:\n    x: 1\n");
  error_of([&] { load_project(options_in(dir)); }, "compose.yaml:2:1: unknown top-level key");
}

TEST(Load, SeveralFilesMergeInOrder) {
  fs::path dir = project();
  write_file(dir / "a.yaml",
             "services:\n  web:\n    image: web:1\n    environment:\n      A: '1'\n      B: '1'\n");
  write_file(dir / "b.yaml", "services:\n  web:\n    image: web:2\n    environment:\n      B: '2'\n"
                             "  db:\n    image: pg\n");
  LoadOptions o = options_in(dir);
  o.files = {"a.yaml", "b.yaml"};
  LoadedProject p = load_project(o);
  EXPECT_EQ(p.files.size(), 2u);
  EXPECT_TREE(service(p, "web"), "image: web:2\nenvironment:\n  A: '1'\n  B: '2'\n");
  EXPECT_TREE(service(p, "db"), "image: pg");
}

TEST(Load, RelativeHostPathsBecomeAbsolute) {
  fs::path dir = project();
  write_file(dir / "compose.yaml", R"(services:
  app:
    build:
      context: ./app
    volumes:
      - type: bind
        source: ./data
        target: /data
      - type: bind
        source: ~/cache
        target: /cache
      - type: volume
        source: named
        target: /named
  remote:
    build:
      context: https://github.com/acme/app.git#main
secrets:
  token:
    file: ./secrets/token.txt
volumes:
  named: {}
)");
  LoadedProject p = load_project(options_in(dir));
  const yaml::Node& app = service(p, "app");
  EXPECT_EQ(app.find("build")->find("context")->value(), (dir / "app").string());
  const auto& vols = app.find("volumes")->items();
  ASSERT_EQ(vols.size(), 3u);
  EXPECT_EQ(vols[0].find("source")->value(), (dir / "data").string());
  EXPECT_EQ(vols[1].find("source")->value(), "/home/tester/cache");
  EXPECT_EQ(vols[2].find("source")->value(), "named");
  EXPECT_EQ(service(p, "remote").find("build")->find("context")->value(),
            "https://github.com/acme/app.git#main");
  EXPECT_EQ(p.tree.find("secrets")->find("token")->find("file")->value(),
            (dir / "secrets/token.txt").string());
}

TEST(Load, ShortBindSyntaxIsResolvedToo) {
  fs::path dir = project();
  write_file(dir / "compose.yaml", "services:\n  app:\n    image: x\n    volumes:\n"
                                   "      - ./conf:/etc/conf:ro\n      - ../up:/up\n");
  LoadedProject p = load_project(options_in(dir));
  const auto& vols = service(p, "app").find("volumes")->items();
  ASSERT_EQ(vols.size(), 2u);
  EXPECT_EQ(vols[0].find("type")->value(), "bind");
  EXPECT_EQ(vols[0].find("source")->value(), (dir / "conf").string());
  EXPECT_EQ(vols[1].find("source")->value(), dir.parent_path().string() + "/up");
}

TEST(Load, OverrideFilePathsAreRelativeToTheProjectDirectory) {
  fs::path dir = project();
  write_file(dir / "compose.yaml", "services:\n  app:\n    image: x\n");
  write_file(dir / "ops/extra.yaml", "services:\n  app:\n    volumes:\n      - ./logs:/logs\n");
  LoadOptions o = options_in(dir);
  o.files = {"compose.yaml", "ops/extra.yaml"};
  LoadedProject p = load_project(o);
  EXPECT_EQ(service(p, "app").find("volumes")->items().at(0).find("source")->value(),
            (dir / "logs").string());
}

TEST(Load, ProjectDirectoryOptionDrivesPathsAndDotEnv) {
  fs::path dir = project();
  write_file(dir / "files/compose.yaml", "services:\n  app:\n    image: x:${T}\n    volumes:\n"
                                         "      - ./d:/d\n");
  write_file(dir / "root/.env", "T=root\n");
  LoadOptions o = options_in(dir);
  o.files = {"files/compose.yaml"};
  o.project_directory = "root";
  LoadedProject p = load_project(o);
  EXPECT_EQ(p.project_directory, (dir / "root").string());
  EXPECT_EQ(service(p, "app").find("image")->value(), "x:root");
  EXPECT_EQ(service(p, "app").find("volumes")->items().at(0).find("source")->value(),
            (dir / "root/d").string());
  EXPECT_EQ(p.name, "root");
}

TEST(Load, EnvFileIsResolvedIntoEnvironmentExplicitWins) {
  fs::path dir = project();
  write_file(dir / "app.env", "A=file\nB=file\nC=${FROM_PROJECT}\n");
  write_file(dir / "more.env", "B=more\n");
  write_file(dir / "compose.yaml", R"(services:
  app:
    image: x
    env_file:
      - app.env
      - more.env
      - path: missing.env
        required: false
    environment:
      A: explicit
      PASSED:
      UNSET:
)");
  LoadOptions o = options_in(dir);
  o.process_env["FROM_PROJECT"] = "proj";
  o.process_env["PASSED"] = "through";
  LoadedProject p = load_project(o);
  const yaml::Node& app = service(p, "app");
  EXPECT_FALSE(app.has("env_file"));
  EXPECT_TREE(*app.find("environment"),
              "A: explicit\nPASSED: through\nUNSET: null\nB: more\nC: proj\n");
}

TEST(Load, MissingRequiredEnvFileIsAnError) {
  fs::path dir = project();
  write_file(dir / "compose.yaml", "services:\n  app:\n    image: x\n    env_file: nope.env\n");
  error_of([&] { load_project(options_in(dir)); }, "nope.env");
}

TEST(Load, StdinFile) {
  fs::path dir = project();
  LoadOptions o = options_in(dir);
  o.files = {"-"};
  o.stdin_text = "name: fromstdin\nservices:\n  s:\n    image: x\n    volumes: ['./v:/v']\n";
  LoadedProject p = load_project(o);
  EXPECT_EQ(p.name, "fromstdin");
  EXPECT_EQ(p.project_directory, dir.string());
  EXPECT_EQ(service(p, "s").find("volumes")->items().at(0).find("source")->value(),
            (dir / "v").string());
}

TEST(Load, ErrorsInFilesCarryFileLineColumn) {
  fs::path dir = project();
  write_file(dir / "compose.yaml", "services:\n  s:\n    image: ${NEEDED:?set NEEDED}\n");
  std::string e = error_of([&] { load_project(options_in(dir)); }, "compose.yaml:3:");
  EXPECT_NE(e.find("set NEEDED"), std::string::npos) << e;
}

TEST(Load, MultipleDocumentsInOneFileMerge) {
  fs::path dir = project();
  write_file(dir / "compose.yaml",
             "services:\n  s:\n    image: a\n---\nservices:\n  s:\n    image: b\n");
  LoadedProject p = load_project(options_in(dir));
  EXPECT_EQ(service(p, "s").find("image")->value(), "b");
}

// Every application of the awesome-compose corpus loads.
TEST(Load, AwesomeComposeCorpus) {
  fs::path corpus = berth::test::shared_dir() / "corpus/awesome-compose";
  if (berth::test::shared_dir().empty() || !fs::is_directory(corpus))
    GTEST_SKIP() << "SKIPPED: shared/corpus/awesome-compose absent";
  int loaded = 0;
  for (const auto& entry : fs::directory_iterator(corpus)) {
    if (!entry.is_directory()) continue;
    fs::path file;
    for (const char* name : kDefaultComposeFiles)
      if (fs::exists(entry.path() / name)) {
        file = entry.path() / name;
        break;
      }
    if (file.empty()) continue;
    SCOPED_TRACE(file.string());
    LoadOptions o;
    o.files = {file.string()};
    o.working_dir = entry.path().string();
    // No variables set: unset ones are empty or take the files' own defaults, as in compose.
    o.process_env = {{"HOME", "/home/tester"}};
    try {
      LoadedProject p = load_project(o);
      EXPECT_TRUE(p.tree.find("services") && p.tree.find("services")->size() > 0);
      ++loaded;
    } catch (const Error& e) {
      ADD_FAILURE() << e.what();
    }
  }
  EXPECT_GE(loaded, 39);
}

} // namespace
} // namespace berth::compose
