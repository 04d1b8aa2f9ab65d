// Resource rules: Compose limits/reservations, LimitRange defaults, consistency.
#include <gtest/gtest.h>

#include "fixture.h"
#include "generate/workloads.h"
#include "yaml/emit.h"

namespace berth::generate {
namespace {

TEST(Resources, CpuMillis) {
  EXPECT_EQ(workloads::cpu_millis("250m"), 250);
  EXPECT_EQ(workloads::cpu_millis("2"), 2000);
  EXPECT_EQ(workloads::cpu_millis("0.5"), 500);
  EXPECT_FALSE(workloads::cpu_millis("x"));
  EXPECT_FALSE(workloads::cpu_millis(""));
}

TEST(Resources, DefaultLimitRangeIsTheSmallestEnvironment) {
  profile::Profile p = profile::default_profile();
  const profile::LimitRange* lr = workloads::default_limit_range(p);
  ASSERT_TRUE(lr);
  EXPECT_EQ(lr->default_limit.memory, "256Mi"); // staging
  profile::Profile none;
  EXPECT_EQ(workloads::default_limit_range(none), nullptr);
}

TEST(Resources, FromCompose) {
  auto f = test::load_fixture(R"(
services:
  web:
    image: example/web:1
    deploy:
      resources:
        limits: {cpus: "2", memory: 1g}
        reservations: {cpus: "0.5", memory: 512M}
)");
  Report r;
  auto res = workloads::container_resources(*f->service("web").service, f->profile, r);
  EXPECT_EQ(yaml::emit(res), R"(requests:
  cpu: 500m
  memory: 512Mi
limits:
  cpu: "2"
  memory: 1Gi
)");
  ASSERT_EQ(r.entries.size(), 2u);
  EXPECT_EQ(r.entries[0].disposition, Disposition::Translated);
}

TEST(Resources, DefaultsWhenMissing) {
  auto f = test::load_fixture(R"(
services:
  web:
    image: example/web:1
)");
  Report r;
  auto res = workloads::container_resources(*f->service("web").service, f->profile, r);
  EXPECT_EQ(yaml::emit(res), R"(requests:
  cpu: 50m
  memory: 64Mi
limits:
  cpu: 250m
  memory: 256Mi
)");
  ASSERT_EQ(r.entries.size(), 1u);
  EXPECT_EQ(r.entries[0].disposition, Disposition::Inferred);
}

TEST(Resources, DefaultsStayConsistentWithGivenValues) {
  auto f = test::load_fixture(R"(
services:
  small:
    image: example/a:1
    mem_limit: 32m
    cpus: 0.02
  big:
    image: example/b:1
    deploy:
      resources:
        reservations: {memory: 2g}
)");
  Report r;
  auto small = workloads::container_resources(*f->service("small").service, f->profile, r);
  // request never above the given limit
  EXPECT_EQ(small.find("requests")->find("memory")->value(), "32Mi");
  EXPECT_EQ(small.find("requests")->find("cpu")->value(), "20m");
  auto big = workloads::container_resources(*f->service("big").service, f->profile, r);
  // limit never below the given request
  EXPECT_EQ(big.find("limits")->find("memory")->value(), "2Gi");
  EXPECT_EQ(big.find("requests")->find("memory")->value(), "2Gi");
}

TEST(Resources, PidsAreDropped) {
  auto f = test::load_fixture(R"(
services:
  web:
    image: example/web:1
    pids_limit: 100
)");
  Report r;
  workloads::container_resources(*f->service("web").service, f->profile, r);
  bool dropped = false;
  for (const auto& e : r.entries) dropped |= e.disposition == Disposition::Dropped;
  EXPECT_TRUE(dropped);
}

} // namespace
} // namespace berth::generate
