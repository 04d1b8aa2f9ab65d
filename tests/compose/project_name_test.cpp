// Project name precedence and validation.
#include "compose/project_name.h"

#include "compose/load_fixture.h"

namespace berth::compose {
namespace {

using namespace test_load;
using berth::test::write_file;

TEST(ProjectName, Normalization) {
  EXPECT_EQ(normalize_project_name("My App.v2"), "myappv2");
  EXPECT_EQ(normalize_project_name("__-x_y-"), "x_y-");
  EXPECT_EQ(normalize_project_name("..."), "");
  EXPECT_TRUE(is_valid_project_name("web-1_a"));
  EXPECT_FALSE(is_valid_project_name("Web"));
  EXPECT_FALSE(is_valid_project_name("-web"));
  EXPECT_FALSE(is_valid_project_name(""));
}

fs::path app_with_name(const std::string& name_line) {
  fs::path dir = project() / "Dir_Name";
  write_file(dir / "compose.yaml", name_line + "services:\n  s:\n    image: x\n");
  return dir;
}

TEST(ProjectName, DirectoryBasenameNormalized) {
  LoadedProject p = load_project(options_in(app_with_name("")));
  EXPECT_EQ(p.name, "dir_name");
  EXPECT_EQ(p.tree.find("name")->value(), "dir_name");
}

TEST(ProjectName, TopLevelNameBeatsDirectory) {
  LoadedProject p = load_project(options_in(app_with_name("name: from-file\n")));
  EXPECT_EQ(p.name, "from-file");
}

TEST(ProjectName, TopLevelNameIsInterpolated) {
  LoadOptions o = options_in(app_with_name("name: app-${STAGE}\n"));
  o.process_env["STAGE"] = "prod";
  EXPECT_EQ(load_project(o).name, "app-prod");
}

TEST(ProjectName, EnvironmentBeatsTopLevelName) {
  fs::path dir = app_with_name("name: from-file\n");
  write_file(dir / ".env", "COMPOSE_PROJECT_NAME=from-dotenv\n");
  EXPECT_EQ(load_project(options_in(dir)).name, "from-dotenv");
}

TEST(ProjectName, FlagBeatsEverything) {
  fs::path dir = app_with_name("name: from-file\n");
  LoadOptions o = options_in(dir);
  o.process_env["COMPOSE_PROJECT_NAME"] = "from-env";
  o.project_name = "from-flag";
  LoadedProject p = load_project(o);
  EXPECT_EQ(p.name, "from-flag");
  EXPECT_EQ(p.tree.entries().front().value.value(), "from-flag");
}

TEST(ProjectName, InvalidExplicitNamesAreErrors) {
  fs::path dir = app_with_name("");
  LoadOptions o = options_in(dir);
  o.project_name = "My Project";
  error_of([&] { load_project(o); }, "\"My Project\" (from -p) is not a valid project name");

  LoadOptions e = options_in(dir);
  e.process_env["COMPOSE_PROJECT_NAME"] = "_bad";
  error_of([&] { load_project(e); }, "COMPOSE_PROJECT_NAME");

  fs::path named = app_with_name("name: Bad.Name\n");
  error_of([&] { load_project(options_in(named)); }, "compose.yaml:1:7");
}

} // namespace
} // namespace berth::compose
