// plan_app over every awesome-compose application: no exceptions, and the plan's invariants.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <set>

#include "common/error.h"
#include "fixture.h"
#include "kube/names.h"
#include "support/test_support.h"

namespace berth::generate {
namespace {

namespace fs = std::filesystem;

// Properties every plan must have, whatever the input.
void check_invariants(const test::Fixture& f, const std::string& app) {
  EXPECT_TRUE(kube::is_dns1123_label(f.plan.app)) << app;
  EXPECT_EQ(f.plan.services.size(), f.app.services.size()) << app;
  std::set<std::string> names;
  for (const ServicePlan& sp : f.plan.services) {
    std::string where = app + "/" + sp.service->name;
    EXPECT_TRUE(kube::is_dns1123_label(sp.name)) << where;
    EXPECT_TRUE(names.insert(sp.name).second) << where;
    EXPECT_FALSE(sp.image.empty()) << where;
    std::set<std::string> port_names;
    std::set<std::pair<int, std::string>> port_keys;
    for (const PortPlan& p : sp.ports) {
      EXPECT_EQ(kube::port_name(p.name, p.port), p.name) << where << " port " << p.port;
      EXPECT_TRUE(port_names.insert(p.name).second) << where << " duplicate port name " << p.name;
      EXPECT_TRUE(port_keys.insert({p.port, p.protocol}).second) << where << " port " << p.port;
      EXPECT_TRUE(p.protocol == "TCP" || p.protocol == "UDP" || p.protocol == "SCTP") << where;
    }
    for (const RoutePlan& r : sp.routes) {
      ASSERT_NE(sp.port(r.port), nullptr) << where;
      EXPECT_EQ(sp.port(r.port)->name, r.port_name) << where;
      EXPECT_FALSE(r.host.empty()) << where;
      EXPECT_TRUE(sp.needs_service) << where;
    }
    if (sp.needs_service) {
      EXPECT_FALSE(sp.ports.empty()) << where;
    }
    EXPECT_TRUE(std::is_sorted(sp.connects_to.begin(), sp.connects_to.end())) << where;
    for (const std::string& to : sp.connects_to) {
      EXPECT_NE(to, sp.name) << where;
      const ServicePlan* target = nullptr;
      for (const ServicePlan& o : f.plan.services)
        if (o.name == to) target = &o;
      ASSERT_NE(target, nullptr) << where << " → " << to;
      EXPECT_TRUE(std::count(target->reached_by.begin(), target->reached_by.end(), sp.name))
          << where << " → " << to;
    }
    EXPECT_EQ(sp.replicas.size(), f.profile.environments.size()) << where;
    for (const EnvPlan& e : sp.env) {
      if (e.secret) EXPECT_FALSE(sp.secret_name.empty()) << where;
      else EXPECT_FALSE(sp.config_name.empty()) << where;
    }
  }
}

bool has_compose_file(const fs::path& dir) {
  for (const char* n : {"compose.yaml", "compose.yml", "docker-compose.yaml", "docker-compose.yml"})
    if (fs::exists(dir / n)) return true;
  return false;
}

TEST(PlanCorpus, EveryAwesomeComposeAppPlans) {
  fs::path corpus = berth::test::shared_dir() / "corpus" / "awesome-compose";
  if (berth::test::shared_dir().empty() || !fs::is_directory(corpus))
    GTEST_SKIP() << "SKIPPED: ../shared/corpus/awesome-compose absent";
  std::vector<fs::path> apps;
  for (const fs::directory_entry& e : fs::directory_iterator(corpus))
    if (e.is_directory() && has_compose_file(e.path())) apps.push_back(e.path());
  std::sort(apps.begin(), apps.end());
  ASSERT_GE(apps.size(), 30u);
  for (const fs::path& dir : apps) {
    std::string app = dir.filename().string();
    try {
      auto f = test::load_project_dir(dir.string());
      check_invariants(*f, app);
    } catch (const Error& e) {
      ADD_FAILURE() << app << ": " << e.what();
    }
  }
}

TEST(PlanCorpus, VaultDriveExampleHasThePlanInvariants) {
  fs::path dir = berth::test::source_dir() / "examples" / "vault-drive";
  if (!fs::exists(dir / "compose.yaml")) GTEST_SKIP() << "SKIPPED: examples/vault-drive absent";
  auto f = test::load_project_dir(dir.string(), {{"JWT_SECRET", "x"}});
  check_invariants(*f, "vault-drive");
}

} // namespace
} // namespace berth::generate
