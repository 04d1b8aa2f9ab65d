// Top-level `include`: short and long forms, own .env, precedence, conflicts, cycles.
#include "compose/load_fixture.h"

namespace berth::compose {
namespace {

using namespace test_load;
using berth::test::write_file;

TEST(Include, ShortFormImportsResourcesWithTheirOwnPaths) {
  fs::path dir = project();
  write_file(dir / "db/compose.yaml", R"(services:
  db:
    image: postgres:${PG_TAG}
    volumes:
      - ./init:/docker-entrypoint-initdb.d
      - data:/var/lib/postgresql/data
volumes:
  data: {}
)");
  write_file(dir / "db/.env", "PG_TAG=16\n");
  write_file(dir / "compose.yaml",
             "include:\n  - db/compose.yaml\nservices:\n  web:\n    image: web\n"
             "    depends_on: [db]\n");
  LoadedProject p = load_project(options_in(dir));
  EXPECT_FALSE(p.tree.has("include"));
  const yaml::Node& db = service(p, "db");
  EXPECT_EQ(db.find("image")->value(), "postgres:16");
  EXPECT_EQ(db.find("volumes")->items().at(0).find("source")->value(),
            (dir / "db/init").string());
  EXPECT_TRUE(p.tree.find("volumes")->has("data"));
  EXPECT_TRUE(service(p, "web").has("depends_on"));
}

TEST(Include, LongFormProjectDirectoryAndEnvFileIncluderWins) {
  fs::path dir = project();
  write_file(dir / "parts/app.yaml",
             "services:\n  app:\n    image: app:${TAG}\n    environment:\n      WHO: ${WHO}\n"
             "    volumes: ['./x:/x']\n");
  write_file(dir / "parts/app.env", "TAG=from-included\nWHO=included\n");
  write_file(dir / "compose.yaml", R"(include:
  - path: parts/app.yaml
    project_directory: base
    env_file: parts/app.env
)");
  write_file(dir / ".env", "WHO=includer\n");
  LoadedProject p = load_project(options_in(dir));
  const yaml::Node& app = service(p, "app");
  EXPECT_EQ(app.find("image")->value(), "app:from-included");
  EXPECT_EQ(app.find("environment")->find("WHO")->value(), "includer");
  EXPECT_EQ(app.find("volumes")->items().at(0).find("source")->value(),
            (dir / "base/x").string());
}

TEST(Include, ConflictingServiceIsAnError) {
  fs::path dir = project();
  write_file(dir / "other.yaml", "services:\n  web:\n    image: theirs\n");
  write_file(dir / "compose.yaml",
             "include: [other.yaml]\nservices:\n  web:\n    image: mine\n");
  std::string e = error_of([&] { load_project(options_in(dir)); },
                           "services.web conflicts with the imported resource");
  EXPECT_NE(e.find("compose.yaml:3:3"), std::string::npos) << e;
  EXPECT_NE(e.find("other.yaml:2:3"), std::string::npos) << e;
}

TEST(Include, IdenticalDefinitionsDoNotConflict) {
  fs::path dir = project();
  write_file(dir / "other.yaml", "networks:\n  shared: {}\nservices:\n  a:\n    image: a\n");
  write_file(dir / "compose.yaml", "include: [other.yaml]\nnetworks:\n  shared: {}\n"
                                   "services:\n  b:\n    image: b\n");
  LoadedProject p = load_project(options_in(dir));
  EXPECT_EQ(p.tree.find("services")->size(), 2u);
  EXPECT_EQ(p.tree.find("networks")->size(), 1u);
}

TEST(Include, CycleIsAnError) {
  fs::path dir = project();
  write_file(dir / "a.yaml", "include: [b.yaml]\nservices:\n  a:\n    image: a\n");
  write_file(dir / "b.yaml", "include: [a.yaml]\nservices:\n  b:\n    image: b\n");
  LoadOptions o = options_in(dir);
  o.files = {"a.yaml"};
  std::string e = error_of([&] { load_project(o); }, "include cycle");
  EXPECT_NE(e.find("a.yaml -> "), std::string::npos) << e;
}

TEST(Include, MissingIncludedFileIsAnError) {
  fs::path dir = project();
  write_file(dir / "compose.yaml", "include: [nope.yaml]\nservices: {}\n");
  error_of([&] { load_project(options_in(dir)); }, "nope.yaml");
}

} // namespace
} // namespace berth::compose
