// generate_config: the env ConfigMap, Compose configs ConfigMap and the report of every variable.
#include <gtest/gtest.h>

#include "fixture.h"
#include "support/test_support.h"
#include "generate/config.h"
#include "generate/secret_refs.h"
#include "yaml/emit.h"

namespace berth::generate {
namespace {

using test::load_fixture;
using test::report_of;

const Manifest* find_base(const Output& out, const std::string& path) {
  for (const auto& m : out.base)
    if (m.path == path) return &m;
  return nullptr;
}

TEST(EnvConfigMap, NonSecretEnvInOrderAsStrings) {
  auto f = load_fixture(R"(name: shop
services:
  web:
    image: nginx
    environment:
      LOG_LEVEL: info
      PORT: 8080
      DB_PASSWORD: hunter2
      EMPTY: ""
      ENABLED: "true"
)");
  Context ctx{f->app, f->profile, f->plan};
  Output out;
  add_env_configmap(ctx, f->service("web"), out);
  const Manifest* cm = find_base(out, "base/web/configmap.yaml");
  ASSERT_NE(cm, nullptr);
  EXPECT_EQ(yaml::emit(cm->object), R"(apiVersion: v1
kind: ConfigMap
metadata:
  name: web-config
  labels:
    app.kubernetes.io/managed-by: berth
    app.kubernetes.io/name: web
    app.kubernetes.io/part-of: shop
data:
  LOG_LEVEL: info
  PORT: "8080"
  EMPTY: ""
  ENABLED: "true"
)");
  EXPECT_EQ(report_of(out, "web", "environment.LOG_LEVEL"),
            "translated: ConfigMap web-config key LOG_LEVEL\n");
  // Secrets are secrets.cpp's: not here, not reported here.
  EXPECT_EQ(report_of(out, "web", "environment.DB_PASSWORD"), "");
}

TEST(EnvConfigMap, NoneWhenEverythingIsSecret) {
  auto f = load_fixture(R"(name: shop
services:
  web:
    image: nginx
    environment:
      API_TOKEN: abc
)");
  Context ctx{f->app, f->profile, f->plan};
  Output out;
  add_env_configmap(ctx, f->service("web"), out);
  EXPECT_TRUE(out.base.empty());
}

TEST(ConfigsConfigMap, FileAndInlineContentExternalIsManual) {
  auto f = load_fixture(R"(name: shop
services:
  web:
    image: nginx
    configs:
      - source: nginx_conf
        target: /etc/nginx/nginx.conf
      - motd
      - shared
configs:
  nginx_conf:
    file: ./nginx.conf
  motd:
    content: "hello"
  shared:
    external: true
)");
  Context ctx{f->app, f->profile, f->plan};
  Output out;
  add_configs_configmap(ctx, f->service("web"), out);
  // nginx.conf was not written: the file is missing → manual.
  EXPECT_NE(report_of(out, "web", "configs[0]").find("manual: config file "), std::string::npos);
  EXPECT_EQ(report_of(out, "web", "configs[1]"), "translated: ConfigMap web-configs key motd\n");
  EXPECT_NE(report_of(out, "web", "configs[2]").find("manual: external config shared"),
            std::string::npos);
  const Manifest* cm = find_base(out, "base/web/configmap-configs.yaml");
  ASSERT_NE(cm, nullptr);
  EXPECT_EQ(yaml::emit(*cm->object.find("data")), "motd: hello\n");

  auto mounts = config_file_mounts(f->app, f->service("web"));
  ASSERT_EQ(mounts.size(), 3u);
  EXPECT_EQ(mounts[0].object, "web-configs");
  EXPECT_EQ(mounts[0].key, "nginx_conf");
  EXPECT_EQ(mounts[0].mount_path, "/etc/nginx/nginx.conf");
  EXPECT_EQ(mounts[1].mount_path, "/motd");
  EXPECT_TRUE(mounts[2].external);
  EXPECT_EQ(mounts[2].object, "shared");
  EXPECT_EQ(mounts[2].volume, "ext-shared");
}

TEST(ConfigsConfigMap, ReadsTheFile) {
  auto f = load_fixture(R"(name: shop
services:
  web:
    image: nginx
    configs: [app_conf]
configs:
  app_conf:
    file: ./app.conf
)");
  berth::test::write_file(f->dir + "/app.conf", "a = 1\nb = 2\n");
  Context ctx{f->app, f->profile, f->plan};
  Output out;
  add_configs_configmap(ctx, f->service("web"), out);
  const Manifest* cm = find_base(out, "base/web/configmap-configs.yaml");
  ASSERT_NE(cm, nullptr);
  EXPECT_EQ(yaml::emit(*cm->object.find("data")), "app_conf: |\n  a = 1\n  b = 2\n");
}

TEST(GenerateConfig, DeterministicWithoutSealing) {
  const char* compose = R"(name: shop
services:
  web:
    image: nginx
    environment: {A: "1", SECRET_KEY: s3cr3t}
  worker:
    image: busybox
    environment: {B: "2"}
)";
  auto f = load_fixture(compose);
  Context ctx{f->app, f->profile, f->plan};
  Output a, b;
  generate_config(ctx, a);
  generate_config(ctx, b);
  ASSERT_EQ(a.base.size(), b.base.size());
  for (std::size_t i = 0; i < a.base.size(); ++i) {
    EXPECT_EQ(a.base[i].path, b.base[i].path);
    EXPECT_EQ(yaml::emit(a.base[i].object), yaml::emit(b.base[i].object));
  }
  ASSERT_EQ(a.files.size(), b.files.size());
  for (std::size_t i = 0; i < a.files.size(); ++i) EXPECT_EQ(a.files[i].content, b.files[i].content);
  EXPECT_EQ(a.base[0].path, "base/web/configmap.yaml");
  EXPECT_EQ(a.base[1].path, "base/worker/configmap.yaml");
}

} // namespace
} // namespace berth::generate
