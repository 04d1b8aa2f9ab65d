// Compose file discovery: names, preference, parents, override files, COMPOSE_FILE.
#include "compose/discovery.h"

#include "compose/load_fixture.h"

namespace berth::compose {
namespace {

using namespace test_load;
using berth::test::write_file;

const char* kMinimal = "services:\n  s:\n    image: x\n";

TEST(Discovery, FindsEachDefaultName) {
  for (const char* name : kDefaultComposeFiles) {
    fs::path dir = project();
    write_file(dir / name, kMinimal);
    Discovered d = discover_compose_files(dir.string());
    ASSERT_EQ(d.files.size(), 1u) << name;
    EXPECT_EQ(d.files[0], (dir / name).string());
    EXPECT_TRUE(d.warnings.empty());
  }
}

TEST(Discovery, PrefersComposeYamlAndWarnsAboutOthers) {
  fs::path dir = project();
  write_file(dir / "docker-compose.yml", kMinimal);
  write_file(dir / "compose.yaml", kMinimal);
  Discovered d = discover_compose_files(dir.string());
  ASSERT_EQ(d.files.size(), 1u);
  EXPECT_EQ(d.files[0], (dir / "compose.yaml").string());
  ASSERT_EQ(d.warnings.size(), 1u);
  EXPECT_NE(d.warnings[0].find("compose.yaml, docker-compose.yml"), std::string::npos);
}

TEST(Discovery, WalksUpToParents) {
  fs::path dir = project();
  write_file(dir / "compose.yml", kMinimal);
  fs::create_directories(dir / "a/b/c");
  Discovered d = discover_compose_files((dir / "a/b/c").string());
  ASSERT_EQ(d.files.size(), 1u);
  EXPECT_EQ(d.files[0], (dir / "compose.yml").string());
}

TEST(Discovery, OverrideFileFollowsTheMainFile) {
  fs::path dir = project();
  write_file(dir / "compose.yaml", kMinimal);
  write_file(dir / "compose.override.yaml", "services:\n  s:\n    image: y\n");
  Discovered d = discover_compose_files(dir.string());
  ASSERT_EQ(d.files.size(), 2u);
  EXPECT_EQ(d.files[1], (dir / "compose.override.yaml").string());

  LoadedProject p = load_project(options_in(dir));
  EXPECT_EQ(service(p, "s").find("image")->value(), "y");
}

TEST(Discovery, NothingFoundNamesTheDirectoryAndTheNames) {
  fs::path dir = project();
  std::string e = error_of([&] { discover_compose_files(dir.string()); }, "no compose file found");
  EXPECT_NE(e.find(dir.string()), std::string::npos);
  EXPECT_NE(e.find("compose.yaml, compose.yml, docker-compose.yml, docker-compose.yaml"),
            std::string::npos);
}

TEST(Discovery, DirectoryGivenAsFileIsAClearError) {
  fs::path dir = project();
  fs::create_directories(dir / "sub");
  LoadOptions o = options_in(dir);
  o.files = {"sub"};
  error_of([&] { load_project(o); }, "is a directory");
}

TEST(Discovery, MissingFileIsAClearError) {
  fs::path dir = project();
  LoadOptions o = options_in(dir);
  o.files = {"nope.yaml"};
  error_of([&] { load_project(o); }, "nope.yaml: compose file not found");
}

TEST(Discovery, ComposeFileVariableListsFiles) {
  fs::path dir = project();
  write_file(dir / "base.yml", kMinimal);
  write_file(dir / "prod.yml", "services:\n  s:\n    image: prod\n");
  write_file(dir / ".env", "COMPOSE_FILE=base.yml:prod.yml\n");
  LoadedProject p = load_project(options_in(dir));
  ASSERT_EQ(p.files.size(), 2u);
  EXPECT_EQ(service(p, "s").find("image")->value(), "prod");

  auto split = split_compose_file_var("a.yml;;/abs/b.yml", ";", "/w");
  EXPECT_EQ(split, (std::vector<std::string>{"/w/a.yml", "/abs/b.yml"}));
}

} // namespace
} // namespace berth::compose
