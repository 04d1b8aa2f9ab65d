// HPA maxReplicas capped to the environment's ResourceQuota (hpa_quota.cpp): the binding entry,
// shared room, minimums that do not fit, and the report entries.
#include <gtest/gtest.h>

#include "generate/convert.h"
#include "generate/fixture.h"
#include "yaml/emit.h"

namespace berth::generate {
namespace {

using test::load_fixture_with;

// Two environments whose quotas leave cpu/memory/pods unlimited unless a test says otherwise.
profile::Profile roomy() {
  profile::Profile p = profile::default_profile();
  for (profile::Environment& e : p.environments) {
    e.quota.requests_cpu = "100";
    e.quota.limits_cpu = "100";
    e.quota.requests_memory = "100Gi";
    e.quota.limits_memory = "100Gi";
    e.quota.pods = 1000;
  }
  return p;
}

profile::Environment& production(profile::Profile& p) {
  return *std::find_if(p.environments.begin(), p.environments.end(),
                       [](const profile::Environment& e) { return e.name == "production"; });
}

// api: 250m/1 cpu per pod, HPA 2..10; worker: one fixed pod of 250m/1 cpu.
const char* kApp = R"(name: shop
services:
  api:
    image: example/api:1.0
    deploy:
      resources:
        limits: {cpus: "1", memory: 256M}
        reservations: {cpus: "0.25", memory: 128M}
    x-berth:
      hpa: {min: 2, max: 10}
  worker:
    image: example/worker:1.0
    deploy:
      replicas: 1
      resources:
        limits: {cpus: "1", memory: 256M}
        reservations: {cpus: "0.25", memory: 128M}
)";

// maxReplicas of the HPA of `name` in `env`, or -1.
std::int64_t hpa_max(const Output& out, const std::string& env, const std::string& name) {
  auto it = out.overlay.find(env);
  if (it == out.overlay.end()) return -1;
  for (const Manifest& m : it->second)
    if (m.path.ends_with("/hpa-" + name + ".yaml"))
      return m.object.find("spec")->find("maxReplicas")->as_int().value_or(-1);
  return -1;
}

// The emitted strategic-merge patch of workload `name` in `env`, or "".
std::string patch_of(const Output& out, const std::string& env, const std::string& name) {
  for (const Patch& p : out.patches.at(env))
    if (p.path.ends_with("/patches/" + name + ".yaml")) return yaml::emit(p.patch);
  return "";
}

TEST(HpaQuota, LimitsBind) {
  profile::Profile p = roomy();
  production(p).quota.limits_cpu = "4"; // worker 1 + api 3 x 1
  auto f = load_fixture_with(kApp, p);
  Output out = convert(f->app, f->profile, {});
  EXPECT_EQ(hpa_max(out, "production", "api"), 3);
  EXPECT_EQ(hpa_max(out, "staging", "api"), 10);
  std::string r = test::report_of(out, "api", "x-berth.hpa");
  EXPECT_NE(r.find("manual: hpa max for api capped from 10 to 3 by the production quota "
                   "(limits.cpu 4): at more pods quota admission would reject them; raise the "
                   "quota in the cluster profile to scale further\n"),
            std::string::npos)
      << r;
  EXPECT_EQ(r.find("staging"), std::string::npos) << r;
}

TEST(HpaQuota, RequestsBindWhenTighter) {
  profile::Profile p = roomy();
  production(p).quota.requests_cpu = "1500m"; // worker 250m + api 5 x 250m
  production(p).quota.limits_cpu = "8";       // would allow 7
  auto f = load_fixture_with(kApp, p);
  Output out = convert(f->app, f->profile, {});
  EXPECT_EQ(hpa_max(out, "production", "api"), 5);
  EXPECT_NE(test::report_of(out, "api", "x-berth.hpa").find("(requests.cpu 1500m)"),
            std::string::npos);
}

TEST(HpaQuota, PodsCount) {
  profile::Profile p = roomy();
  production(p).quota.pods = 4;
  auto f = load_fixture_with(kApp, p);
  Output out = convert(f->app, f->profile, {});
  EXPECT_EQ(hpa_max(out, "production", "api"), 3);
}

TEST(HpaQuota, FittingQuotaChangesNothing) {
  auto f = load_fixture_with(kApp, roomy());
  Output out = convert(f->app, f->profile, {});
  EXPECT_EQ(hpa_max(out, "production", "api"), 10);
  EXPECT_EQ(test::report_of(out, "api", "x-berth.hpa").find("manual"), std::string::npos);
}

TEST(HpaQuota, MinimumThatDoesNotFitIsKeptAndReported) {
  profile::Profile p = roomy();
  production(p).quota.limits_cpu = "2"; // worker 1 + api 2 x 1 = 3
  auto f = load_fixture_with(kApp, p);
  Output out = convert(f->app, f->profile, {});
  EXPECT_EQ(hpa_max(out, "production", "api"), -1); // an HPA pinned at its minimum is dropped
  EXPECT_EQ(hpa_max(out, "staging", "api"), 10);
  EXPECT_NE(patch_of(out, "production", "api").find("replicas: 2"), std::string::npos);
  std::string r = test::report_of(out, "api", "x-berth.hpa");
  EXPECT_NE(r.find("manual: hpa min 2 for api does not fit the production quota (limits.cpu 2) "
                   "even before scaling: kept at 2 replicas without an HPA"),
            std::string::npos)
      << r;
}

TEST(HpaQuota, NoRoomAboveTheMinimumDropsTheHpa) {
  profile::Profile p = roomy();
  production(p).quota.limits_cpu = "3500m"; // worker 1 + api 2 x 1, not a third
  auto f = load_fixture_with(kApp, p);
  Output out = convert(f->app, f->profile, {});
  EXPECT_EQ(hpa_max(out, "production", "api"), -1);
  std::string r = test::report_of(out, "api", "x-berth.hpa");
  EXPECT_NE(r.find("manual: no HPA for api in production: the production quota (limits.cpu "
                   "3500m) leaves no room for a pod above minReplicas 2, so it runs 2 replicas"),
            std::string::npos)
      << r;
}

TEST(HpaQuota, HpasShareTheRoomInExtraPods) {
  profile::Profile p = roomy();
  production(p).quota.limits_cpu = "9"; // 3 x 2 at the minimums, 3 cpu left
  auto f = load_fixture_with(R"(name: shop
services:
  api:
    image: example/api:1.0
    deploy: {resources: {limits: {cpus: "1", memory: 256M}}}
    x-berth: {hpa: {min: 2, max: 10}}
  web:
    image: example/web:1.0
    deploy: {resources: {limits: {cpus: "1", memory: 256M}}}
    x-berth: {hpa: {min: 2, max: 3}}
  pay:
    image: example/pay:1.0
    deploy: {resources: {limits: {cpus: "1", memory: 256M}}}
    x-berth: {hpa: {min: 2, max: 10}}
)",
                             p);
  Output out = convert(f->app, f->profile, {});
  // One extra pod each (6 + 3 = 9); two each would need 6 + 1 + 2 x 2 = 11.
  EXPECT_EQ(hpa_max(out, "production", "web"), 3);
  EXPECT_EQ(hpa_max(out, "production", "api"), 3);
  EXPECT_EQ(hpa_max(out, "production", "pay"), 3);
  EXPECT_EQ(test::report_of(out, "web", "x-berth.hpa").find("manual"), std::string::npos);
}

} // namespace
} // namespace berth::generate
