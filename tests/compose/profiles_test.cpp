// Profiles: activation sources, removal of inactive services, reference checks.
#include "compose/profiles.h"

#include "compose/load_fixture.h"

namespace berth::compose {
namespace {

using namespace test_load;
using berth::test::write_file;

const char* kApp = R"(services:
  web:
    image: web
  debug:
    image: debug
    profiles: [debug]
  tools:
    image: tools
    profiles: [tools, ops]
volumes:
  only-debug: {}
)";

std::vector<std::string> names(const LoadedProject& p) {
  std::vector<std::string> out;
  for (const auto& e : p.tree.find("services")->entries()) out.push_back(e.key.value());
  return out;
}

TEST(Profiles, InactiveServicesAreRemovedVolumesStay) {
  fs::path dir = project();
  write_file(dir / "compose.yaml", kApp);
  LoadedProject p = load_project(options_in(dir));
  EXPECT_EQ(names(p), std::vector<std::string>{"web"});
  EXPECT_TRUE(p.tree.find("volumes")->has("only-debug"));
  EXPECT_TRUE(p.active_profiles.empty());
}

TEST(Profiles, FlagActivates) {
  fs::path dir = project();
  write_file(dir / "compose.yaml", kApp);
  LoadOptions o = options_in(dir);
  o.profiles = {"ops"};
  EXPECT_EQ(names(load_project(o)), (std::vector<std::string>{"web", "tools"}));
}

TEST(Profiles, ComposeProfilesFromDotEnvAndStar) {
  fs::path dir = project();
  write_file(dir / "compose.yaml", kApp);
  write_file(dir / ".env", "COMPOSE_PROFILES=debug, tools\n");
  LoadedProject p = load_project(options_in(dir));
  EXPECT_EQ(names(p), (std::vector<std::string>{"web", "debug", "tools"}));
  EXPECT_EQ(p.active_profiles, (std::vector<std::string>{"debug", "tools"}));

  fs::path dir2 = project();
  write_file(dir2 / "compose.yaml", kApp);
  LoadOptions o = options_in(dir2);
  o.profiles = {"*"};
  EXPECT_EQ(names(load_project(o)).size(), 3u);
}

TEST(Profiles, DependingOnADisabledServiceIsAnError) {
  fs::path dir = project();
  write_file(dir / "compose.yaml", "services:\n  web:\n    image: w\n    depends_on: [debug]\n"
                                   "  debug:\n    image: d\n    profiles: [debug]\n");
  std::string e = error_of([&] { load_project(options_in(dir)); }, "is disabled");
  EXPECT_NE(e.find("compose.yaml:4:"), std::string::npos) << e;
  EXPECT_NE(e.find("[debug]"), std::string::npos) << e;
}

TEST(Profiles, DependingOnAnUndefinedServiceIsAnError) {
  fs::path dir = project();
  write_file(dir / "compose.yaml", "services:\n  web:\n    image: w\n    depends_on:\n"
                                   "      ghost:\n        condition: service_started\n");
  error_of([&] { load_project(options_in(dir)); },
           "compose.yaml:5:7: service \"web\" depends on \"ghost\", but service \"ghost\" is not "
           "defined");
}

TEST(Profiles, OptionalDependencyOnADisabledServiceIsDropped) {
  fs::path dir = project();
  write_file(dir / "compose.yaml", R"(services:
  web:
    image: w
    depends_on:
      debug:
        condition: service_started
        required: false
  debug:
    image: d
    profiles: [debug]
)");
  LoadedProject p = load_project(options_in(dir));
  const yaml::Node* deps = service(p, "web").find("depends_on");
  EXPECT_TRUE(!deps || deps->size() == 0);
  ASSERT_FALSE(p.warnings.empty());
}

TEST(Profiles, NetworkModeServiceReferenceIsChecked) {
  fs::path dir = project();
  write_file(dir / "compose.yaml", "services:\n  web:\n    image: w\n"
                                   "    network_mode: service:vpn\n");
  error_of([&] { load_project(options_in(dir)); }, "uses network_mode of \"vpn\"");
}

TEST(Profiles, ActivationRule) {
  yaml::Node none = yaml_of("image: x");
  yaml::Node some = yaml_of("profiles: [a, b]");
  EXPECT_TRUE(service_is_active(none, {}));
  EXPECT_FALSE(service_is_active(some, {}));
  EXPECT_TRUE(service_is_active(some, {"b"}));
  EXPECT_TRUE(service_is_active(some, {"*"}));
  EXPECT_EQ(active_profiles({}, {{"COMPOSE_PROFILES", " a,,b ,a"}}),
            (std::vector<std::string>{"a", "b"}));
}

} // namespace
} // namespace berth::compose
