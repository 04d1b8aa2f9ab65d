// Service `extends`: same file, other file, chains, paths, exclusions, cycles, errors.
#include "compose/load_fixture.h"

namespace berth::compose {
namespace {

using namespace test_load;
using berth::test::write_file;

TEST(Extends, SameFileLocalValuesWin) {
  fs::path dir = project();
  write_file(dir / "compose.yaml", R"(services:
  base:
    image: app:1
    environment:
      A: base
      B: base
  web:
    extends: base
    environment:
      B: web
  worker:
    extends:
      service: base
    command: ["work"]
)");
  LoadedProject p = load_project(options_in(dir));
  EXPECT_TREE(service(p, "web"), "image: app:1\nenvironment:\n  A: base\n  B: web\n");
  EXPECT_TREE(service(p, "worker"),
              "image: app:1\nenvironment:\n  A: base\n  B: base\ncommand: [work]\n");
}

TEST(Extends, OtherFilePathsRelativeToThatFile) {
  fs::path dir = project();
  write_file(dir / "common/base.yaml", R"(services:
  app:
    build: ./src
    env_file: app.env
    volumes:
      - ./conf:/conf
)");
  write_file(dir / "common/app.env", "FROM_FILE=yes\n");
  write_file(dir / "compose.yaml", R"(services:
  web:
    extends:
      file: common/base.yaml
      service: app
    volumes:
      - ./local:/local
)");
  LoadedProject p = load_project(options_in(dir));
  const yaml::Node& web = service(p, "web");
  EXPECT_EQ(web.find("build")->find("context")->value(), (dir / "common/src").string());
  const auto& vols = web.find("volumes")->items();
  ASSERT_EQ(vols.size(), 2u);
  EXPECT_EQ(vols[0].find("source")->value(), (dir / "common/conf").string());
  EXPECT_EQ(vols[1].find("source")->value(), (dir / "local").string());
  EXPECT_EQ(web.find("environment")->find("FROM_FILE")->value(), "yes");
  EXPECT_FALSE(web.has("extends"));
}

TEST(Extends, ChainsAcrossFilesResolveRecursively) {
  fs::path dir = project();
  write_file(dir / "a.yaml", "services:\n  root:\n    image: root\n    user: nobody\n");
  write_file(dir / "b.yaml", "services:\n  mid:\n    extends:\n      file: a.yaml\n"
                             "      service: root\n    image: mid\n");
  write_file(dir / "compose.yaml", "services:\n  top:\n    extends:\n      file: b.yaml\n"
                                   "      service: mid\n    hostname: top\n");
  LoadedProject p = load_project(options_in(dir));
  EXPECT_TREE(service(p, "top"), "image: mid\nuser: nobody\nhostname: top\n");
}

TEST(Extends, DependenciesAreNotInherited) {
  fs::path dir = project();
  write_file(dir / "compose.yaml", R"(services:
  db:
    image: pg
  base:
    image: app
    depends_on: [db]
    volumes_from: [db]
  web:
    extends: base
  api:
    extends: base
    depends_on: [db]
)");
  LoadedProject p = load_project(options_in(dir));
  EXPECT_FALSE(service(p, "web").has("depends_on"));
  EXPECT_FALSE(service(p, "web").has("volumes_from"));
  EXPECT_TRUE(service(p, "api").find("depends_on")->find("db") != nullptr);
}

TEST(Extends, OverrideFileServiceExtendsAServiceOfTheMainFile) {
  fs::path dir = project();
  write_file(dir / "compose.yaml", "services:\n  base:\n    image: app\n    user: app\n");
  write_file(dir / "compose.override.yaml",
             "services:\n  extra:\n    extends: base\n    user: root\n");
  LoadedProject p = load_project(options_in(dir));
  EXPECT_TREE(service(p, "extra"), "image: app\nuser: root\n");
}

TEST(Extends, CycleIsAnErrorNamingTheChain) {
  fs::path dir = project();
  write_file(dir / "compose.yaml", "services:\n  a:\n    extends: b\n  b:\n    extends: c\n"
                                   "  c:\n    extends: a\n");
  std::string e = error_of([&] { load_project(options_in(dir)); }, "circular extends");
  EXPECT_NE(e.find(":a -> :b -> :c -> :a"), std::string::npos) << e;
  EXPECT_NE(e.find("compose.yaml:"), std::string::npos) << e;
}

TEST(Extends, CycleAcrossFiles) {
  fs::path dir = project();
  write_file(dir / "other.yaml", "services:\n  o:\n    extends:\n      file: other.yaml\n"
                                 "      service: p\n  p:\n    extends: o\n");
  write_file(dir / "compose.yaml",
             "services:\n  s:\n    extends:\n      file: other.yaml\n      service: o\n");
  error_of([&] { load_project(options_in(dir)); }, "circular extends");
}

TEST(Extends, VeryLongChainsAreRefusedNotOverflowed) {
  fs::path dir = project();
  // Declared top-down, so resolving s300 first needs the whole chain at once.
  std::string text = "services:\n";
  for (int i = 300; i >= 1; --i)
    text += "  s" + std::to_string(i) + ":\n    extends: s" + std::to_string(i - 1) + "\n";
  text += "  s0:\n    image: x\n";
  write_file(dir / "compose.yaml", text);
  error_of([&] { load_project(options_in(dir)); }, "chain deeper than 256");
}

TEST(Extends, UnknownServiceOrFileIsAnError) {
  fs::path dir = project();
  write_file(dir / "compose.yaml", "services:\n  s:\n    extends: nope\n");
  error_of([&] { load_project(options_in(dir)); }, "compose.yaml:3:14: extends: service \"nope\"");

  fs::path dir2 = project();
  write_file(dir2 / "compose.yaml",
             "services:\n  s:\n    extends:\n      file: gone.yaml\n      service: x\n");
  error_of([&] { load_project(options_in(dir2)); }, "gone.yaml");
}

} // namespace
} // namespace berth::compose
