// Bind mounts → ConfigMaps: files and directories inlined; secrets, binaries, system paths refused.
#include <gtest/gtest.h>

#include "fixture.h"
#include "generate/config.h"
#include "generate/naming.h"
#include "generate/secret_refs.h"
#include "support/test_support.h"
#include "yaml/emit.h"

namespace berth::generate {
namespace {

using test::report_of;

const char* kCompose = R"(name: shop
services:
  web:
    image: nginx
    volumes:
      - ./nginx.conf:/etc/nginx/nginx.conf:ro
      - ./conf.d:/etc/nginx/conf.d
      - /var/run/docker.sock:/var/run/docker.sock
      - ./certs/server.key:/etc/ssl/server.key
      - ./logo.bin:/srv/logo.bin
      - ./not-there:/data
      - cache:/cache
volumes:
  cache:
)";

struct Result {
  std::unique_ptr<test::Fixture> f;
  Output out;
};

Result convert_files() {
  Result r{test::load_fixture(kCompose), {}};
  const std::string d = r.f->dir;
  berth::test::write_file(d + "/nginx.conf", "events {}\n");
  berth::test::write_file(d + "/conf.d/b.conf", "server { listen 80; }\n");
  berth::test::write_file(d + "/conf.d/a.conf", "# a\n");
  berth::test::write_file(d + "/certs/server.key", "-----BEGIN PRIVATE KEY-----\nx\n");
  berth::test::write_file(d + "/logo.bin", std::string("\x89PNG\xff\xfe", 6));
  Context ctx{r.f->app, r.f->profile, r.f->plan};
  add_file_configmaps(ctx, r.f->service("web"), r.out);
  return r;
}

TEST(FileConfigMaps, SingleFileAndDirectory) {
  Result r = convert_files();
  ASSERT_EQ(r.out.base.size(), 2u);
  EXPECT_EQ(r.out.base[0].path, "base/web/configmap-files-0.yaml");
  EXPECT_EQ(yaml::emit(r.out.base[0].object), R"(apiVersion: v1
kind: ConfigMap
metadata:
  name: web-files-0
  labels:
    app.kubernetes.io/managed-by: berth
    app.kubernetes.io/name: web
    app.kubernetes.io/part-of: shop
data:
  nginx.conf: |
    events {}
)");
  EXPECT_EQ(r.out.base[1].path, "base/web/configmap-files-1.yaml");
  EXPECT_EQ(yaml::emit(*r.out.base[1].object.find("data")),
            "a.conf: |\n  # a\nb.conf: |\n  server { listen 80; }\n");
  EXPECT_NE(report_of(r.out, "web", "volumes[0]").find("translated: ConfigMap web-files-0 (1 file)"),
            std::string::npos);
  EXPECT_NE(report_of(r.out, "web", "volumes[1]").find("(2 files)"), std::string::npos);
}

TEST(FileConfigMaps, RefusedMountsAreReported) {
  Result r = convert_files();
  EXPECT_TRUE(report_of(r.out, "web", "volumes[2]").starts_with("dropped: host system path"));
  std::string key = report_of(r.out, "web", "volumes[3]");
  EXPECT_TRUE(key.starts_with("manual: ")) << key;
  EXPECT_NE(key.find("looks like a secret"), std::string::npos) << key;
  EXPECT_TRUE(report_of(r.out, "web", "volumes[4]").starts_with("manual: ")) ;
  EXPECT_NE(report_of(r.out, "web", "volumes[5]").find("does not exist"), std::string::npos);
  EXPECT_EQ(report_of(r.out, "web", "volumes[6]"), ""); // named volume: workload generator
  for (const auto& m : r.out.base)
    EXPECT_EQ(yaml::emit(m.object).find("PRIVATE KEY"), std::string::npos);
}

TEST(BindMountUse, RefusesInvalidUtf8AndSecretNames) {
  auto dir = berth::test::temp_dir("berth-bind");
  berth::test::write_file(dir / "latin1.txt", "caf\xe9\n");
  berth::test::write_file(dir / "ok.txt", "caf\xc3\xa9\n");
  model::Mount m;
  m.type = model::MountType::Bind;
  m.source = (dir / "latin1.txt").string();
  EXPECT_FALSE(bind_mount_use(m).configmap);
  EXPECT_NE(bind_mount_use(m).reason.find("UTF-8"), std::string::npos);
  m.source = (dir / "ok.txt").string();
  EXPECT_TRUE(bind_mount_use(m).configmap);
  m.source = dir.string(); // the directory holds latin1.txt
  EXPECT_FALSE(bind_mount_use(m).configmap);
}

TEST(LooksSecretFile, Names) {
  for (const char* n : {".env", ".env.production", "prod.env", "tls.pem", "server.KEY", "id_rsa",
                        "id_ed25519.pub", "db_password.txt", "client-secret.json", "token"})
    EXPECT_TRUE(looks_secret_file(n)) << n;
  for (const char* n : {"nginx.conf", "env.js", "keys.txt.d", "settings.py", "environment.yml"})
    EXPECT_FALSE(looks_secret_file(n)) << n;
}

TEST(IsSystemPath, Paths) {
  for (const char* p : {"/proc", "/sys/fs/cgroup", "/dev/null", "/var/run/docker.sock",
                        "/etc/localtime", "/run/user/1000", "/home/me/app.sock", "/"})
    EXPECT_TRUE(is_system_path(p)) << p;
  for (const char* p : {"/home/me/app/nginx.conf", "/devices", "/etc/nginx", "/srv/run"})
    EXPECT_FALSE(is_system_path(p)) << p;
}

} // namespace
} // namespace berth::generate
