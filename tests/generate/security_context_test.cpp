// Security context rules: hardened defaults, user, capabilities, privileged, read_only.
#include <gtest/gtest.h>

#include "fixture.h"
#include "generate/workloads.h"
#include "yaml/emit.h"

namespace berth::generate {
namespace {

TEST(SecurityContext, ParseUser) {
  auto u = workloads::parse_user("1000:2000");
  EXPECT_EQ(u.uid, 1000);
  EXPECT_EQ(u.gid, 2000);
  EXPECT_FALSE(u.named);
  u = workloads::parse_user("node");
  EXPECT_FALSE(u.uid);
  EXPECT_TRUE(u.named);
  u = workloads::parse_user("1000:staff");
  EXPECT_EQ(u.uid, 1000);
  EXPECT_TRUE(u.named);
  u = workloads::parse_user("");
  EXPECT_FALSE(u.uid || u.gid || u.named);
}

TEST(SecurityContext, KnownNonRootImages) {
  EXPECT_TRUE(workloads::image_runs_non_root("bitnami/redis:7"));
  EXPECT_TRUE(workloads::image_runs_non_root("nginxinc/nginx-unprivileged:1.27"));
  EXPECT_TRUE(workloads::image_runs_non_root("gcr.io/distroless/static:nonroot"));
  EXPECT_FALSE(workloads::image_runs_non_root("nginx:1.27"));
}

TEST(SecurityContext, NumericUserIsNonRoot) {
  auto f = test::load_fixture(R"(
services:
  app:
    image: example/app:1
    user: "1000:1000"
    read_only: true
    volumes: [data:/data]
volumes:
  data:
)");
  Report r;
  const ServicePlan& sp = f->service("app");
  EXPECT_EQ(yaml::emit(workloads::pod_security_context(sp, r)), R"(runAsNonRoot: true
fsGroup: 1000
fsGroupChangePolicy: OnRootMismatch
seccompProfile:
  type: RuntimeDefault
)");
  EXPECT_EQ(yaml::emit(workloads::container_security_context(sp, r)),
            R"(allowPrivilegeEscalation: false
capabilities:
  drop:
    - ALL
readOnlyRootFilesystem: true
runAsUser: 1000
runAsGroup: 1000
)");
}

TEST(SecurityContext, UnknownImageIsManualAndKeepsLowPortCap) {
  auto f = test::load_fixture(R"(
services:
  web:
    image: nginx:1.27
    ports: ["80:80"]
)");
  Report r;
  const ServicePlan& sp = f->service("web");
  auto pod = workloads::pod_security_context(sp, r);
  EXPECT_FALSE(pod.has("runAsNonRoot"));
  auto c = workloads::container_security_context(sp, r);
  EXPECT_EQ(yaml::emit(*c.find("capabilities")), "drop:\n  - ALL\nadd:\n  - NET_BIND_SERVICE\n");
  EXPECT_EQ(c.find("readOnlyRootFilesystem")->value(), "false");
  bool manual = false;
  for (const auto& e : r.entries) manual |= e.disposition == Disposition::Manual;
  EXPECT_TRUE(manual);
}

TEST(SecurityContext, DatabaseEntrypointCapabilities) {
  auto f = test::load_fixture(R"(
services:
  db:
    image: postgres:16
    cap_add: [CAP_SYS_NICE]
)");
  Report r;
  auto c = workloads::container_security_context(f->service("db"), r);
  EXPECT_EQ(yaml::emit(*c.find("capabilities")->find("add")),
            "- CHOWN\n- DAC_OVERRIDE\n- FOWNER\n- SETGID\n- SETUID\n- SYS_NICE\n");
}

TEST(SecurityContext, PrivilegedIsLoudAndDropsEscalationFlag) {
  auto f = test::load_fixture(R"(
services:
  tool:
    image: example/tool:1
    user: "1000"
    privileged: true
)");
  Report r;
  auto c = workloads::container_security_context(f->service("tool"), r);
  EXPECT_FALSE(c.has("allowPrivilegeEscalation"));
  EXPECT_EQ(c.find("privileged")->value(), "true");
  bool loud = false;
  for (const auto& e : r.entries)
    loud |= e.key == "privileged" && e.detail.find("PRIVILEGED") != std::string::npos;
  EXPECT_TRUE(loud);
}

TEST(SecurityContext, NamedUserIsManual) {
  auto f = test::load_fixture(R"(
services:
  app:
    image: node:22
    user: node
)");
  Report r;
  auto c = workloads::container_security_context(f->service("app"), r);
  EXPECT_FALSE(c.has("runAsUser"));
  bool manual = false;
  for (const auto& e : r.entries)
    manual |= e.key == "user" && e.disposition == Disposition::Manual;
  EXPECT_TRUE(manual);
}

TEST(SecurityContext, BuiltImageAssumesNonRoot) {
  auto f = test::load_fixture(R"(
services:
  api:
    build: .
)");
  Report r;
  auto pod = workloads::pod_security_context(f->service("api"), r);
  EXPECT_EQ(pod.find("runAsNonRoot")->value(), "true");
  ASSERT_FALSE(r.entries.empty());
  EXPECT_NE(r.entries[0].detail.find("Dockerfile"), std::string::npos);
}

} // namespace
} // namespace berth::generate
