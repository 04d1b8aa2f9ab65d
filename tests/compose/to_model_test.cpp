// Compose canonical tree → App model: typed fields, units, command splitting, environment
// sources, dropped keys with reasons, and located errors for wrong shapes.
#include <gtest/gtest.h>

#include "compose/to_model.h"
#include "support/test_support.h"
#include "yaml/parse.h"

namespace berth::compose {
namespace {

// A LoadedProject from a canonical tree written by hand (what load_project produces).
LoadedProject project_of(const std::string& text, Environment env = {}) {
  LoadedProject p;
  p.name = "shop";
  p.project_directory = "/srv/shop";
  p.environment = std::move(env);
  p.tree = yaml::parse_document(text, "compose.yaml");
  return p;
}

model::App convert(const std::string& text, Environment env = {}) {
  return to_model(project_of(text, std::move(env)));
}

std::string error_of(const std::string& text) {
  try {
    convert(text);
  } catch (const Error& e) {
    return e.what();
  }
  return "";
}

const char* kWebApp = R"(name: shop
services:
  web:
    image: ghcr.io/acme/web:1.2
    command: npm run start -- --port "8080"
    entrypoint: ["/tini", "--"]
    working_dir: /app
    user: "1000:1000"
    environment:
      NODE_ENV: production
      DATABASE_URL: postgres://app:secret@db:5432/app
      FROM_HOST: null
      NOWHERE: null
    ports:
      - {mode: ingress, target: 8080, published: "80", protocol: tcp}
      - {mode: ingress, host_ip: 127.0.0.1, target: 9090, protocol: udp, name: metrics, app_protocol: http}
    expose: ["3000", "4000-4002/udp"]
    depends_on:
      db: {condition: service_healthy, required: true}
      cache: {condition: service_started, required: false, restart: true}
    healthcheck:
      test: ["CMD-SHELL", "curl -f http://localhost:8080/health || exit 1"]
      interval: 30s
      timeout: 5s
      retries: 3
      start_period: 1m30s
    deploy:
      replicas: 2
      endpoint_mode: dnsrr
      resources:
        limits: {cpus: "0.5", memory: 512M}
        reservations: {cpus: "0.25", memory: 256m}
      restart_policy: {condition: on-failure, max_attempts: 3}
      update_config: {parallelism: 1, delay: 10s, order: start-first}
    volumes:
      - {type: volume, source: uploads, target: /app/uploads, volume: {subpath: u}}
      - {type: bind, source: /srv/shop/nginx.conf, target: /etc/nginx.conf, read_only: true, bind: {create_host_path: true, selinux: z}}
      - {type: tmpfs, target: /tmp, tmpfs: {size: 64m}}
    secrets:
      - {source: db_password, target: /run/secrets/db, mode: 0440}
      - api_key
    networks:
      front: {aliases: [www], mac_address: "02:42:ac:11:00:02"}
      back: null
    container_name: shop-web
    ulimits: {nofile: {soft: 1024, hard: 2048}}
    cap_drop: [ALL]
    read_only: true
    stop_grace_period: 1m
    labels: {team: web}
    x-berth:
      ingress: [{port: 8080, host: shop.example.org}]
      storage: {uploads: 5Gi}
    x-note: hello
  db:
    image: postgres:16
    mem_limit: 1g
    cpus: 2
    volumes:
      - {type: volume, source: pgdata, target: /var/lib/postgresql/data}
  cache:
    image: redis:7
    network_mode: "service:web"
volumes:
  pgdata: null
  uploads: {driver: local, labels: {a: b}}
networks:
  front: null
  back: {internal: true}
secrets:
  db_password: {file: /srv/shop/db_password.txt}
  api_key: {environment: API_KEY}
x-common: {a: 1}
)";

TEST(ToModel, ReadsServicesInFileOrder) {
  model::App app = convert(kWebApp, {{"FROM_HOST", "h"}});
  EXPECT_EQ(app.name, "shop");
  ASSERT_EQ(app.services.size(), 3u);
  EXPECT_EQ(app.services[0].name, "web");
  EXPECT_EQ(app.services[1].name, "db");
  EXPECT_EQ(app.services[2].name, "cache");
  EXPECT_EQ(app.services[0].at.loc.line, 3u);
  EXPECT_EQ(*app.services[0].at.loc.file, "compose.yaml");
}

TEST(ToModel, CommandsSplitLikeAShell) {
  model::App app = convert(kWebApp);
  const model::Service& web = app.services[0];
  ASSERT_TRUE(web.command);
  EXPECT_EQ(web.command->argv, (std::vector<std::string>{"npm", "run", "start", "--", "--port", "8080"}));
  EXPECT_TRUE(web.command->from_string());
  ASSERT_TRUE(web.entrypoint);
  EXPECT_EQ(web.entrypoint->argv, (std::vector<std::string>{"/tini", "--"}));
  EXPECT_FALSE(web.entrypoint->from_string());
  EXPECT_EQ(web.user, "1000:1000");
  EXPECT_EQ(web.working_dir, "/app");
}

TEST(ToModel, EnvironmentKeepsOrderAndSource) {
  model::App app = convert(kWebApp, {{"FROM_HOST", "h"}});
  const model::Service& web = app.services[0];
  ASSERT_EQ(web.environment.size(), 4u);
  EXPECT_EQ(web.environment[0].name, "NODE_ENV");
  EXPECT_EQ(web.environment[1].value, "postgres://app:secret@db:5432/app");
  EXPECT_EQ(web.environment[2].source, model::EnvSource::Host);
  EXPECT_EQ(web.environment[2].value, "h");
  EXPECT_EQ(web.environment[3].source, model::EnvSource::Unset);
  EXPECT_FALSE(web.environment[3].value);
}

TEST(ToModel, PortsExposeAndDependencies) {
  model::App app = convert(kWebApp);
  const model::Service& web = app.services[0];
  ASSERT_EQ(web.ports.size(), 2u);
  EXPECT_EQ(web.ports[0].target, 8080);
  EXPECT_EQ(web.ports[0].published_port(), 80);
  EXPECT_EQ(web.ports[1].protocol, "udp");
  EXPECT_EQ(web.ports[1].host_ip, "127.0.0.1");
  EXPECT_EQ(web.ports[1].name, "metrics");
  EXPECT_EQ(web.ports[1].app_protocol, "http");
  EXPECT_FALSE(web.ports[1].is_published());
  ASSERT_EQ(web.expose.size(), 2u);
  EXPECT_EQ(web.expose[1].first, 4000);
  EXPECT_EQ(web.expose[1].last, 4002);
  EXPECT_EQ(web.expose[1].protocol, "udp");
  ASSERT_EQ(web.depends_on.size(), 2u);
  EXPECT_EQ(web.depends_on[0].condition, model::DependencyCondition::Healthy);
  EXPECT_FALSE(web.depends_on[1].required);
  EXPECT_TRUE(web.depends_on[1].restart);
}

TEST(ToModel, HealthcheckDurations) {
  model::App app = convert(kWebApp);
  const model::Service& web = app.services[0];
  ASSERT_TRUE(web.healthcheck);
  EXPECT_EQ(web.healthcheck->kind, model::HealthKind::CmdShell);
  EXPECT_EQ(web.healthcheck->test,
            std::vector<std::string>{"curl -f http://localhost:8080/health || exit 1"});
  EXPECT_EQ(web.healthcheck->interval_ns, 30'000'000'000LL);
  EXPECT_EQ(web.healthcheck->timeout_ns, 5'000'000'000LL);
  EXPECT_EQ(web.healthcheck->start_period_ns, 90'000'000'000LL);
  EXPECT_EQ(web.healthcheck->retries, 3);
  EXPECT_FALSE(web.healthcheck->disabled());
  EXPECT_EQ(web.stop_grace_period_ns, 60'000'000'000LL);
}

TEST(ToModel, DeployResourcesAndLegacyKeys) {
  model::App app = convert(kWebApp);
  const model::Service& web = app.services[0];
  EXPECT_EQ(web.deploy.replicas, 2);
  EXPECT_EQ(web.deploy.resources.limits.cpu_milli, 500);
  EXPECT_EQ(web.deploy.resources.limits.memory_bytes, 512LL << 20);
  EXPECT_EQ(web.deploy.resources.reservations.cpu_milli, 250);
  EXPECT_EQ(web.deploy.resources.reservations.memory_bytes, 256LL << 20);
  ASSERT_TRUE(web.deploy.restart_policy);
  EXPECT_EQ(web.deploy.restart_policy->max_attempts, 3);
  ASSERT_TRUE(web.deploy.update_config);
  EXPECT_EQ(web.deploy.update_config->order, "start-first");
  EXPECT_EQ(web.deploy.update_config->delay_ns, 10'000'000'000LL);
  const model::Service& db = app.services[1];
  EXPECT_EQ(db.deploy.resources.limits.memory_bytes, 1LL << 30);
  EXPECT_EQ(db.deploy.resources.limits.cpu_milli, 2000);
}

TEST(ToModel, VolumesSecretsNetworks) {
  model::App app = convert(kWebApp);
  const model::Service& web = app.services[0];
  ASSERT_EQ(web.volumes.size(), 3u);
  EXPECT_TRUE(web.volumes[0].is_named_volume());
  EXPECT_EQ(web.volumes[0].subpath, "u");
  EXPECT_EQ(web.volumes[1].type, model::MountType::Bind);
  EXPECT_TRUE(web.volumes[1].read_only);
  EXPECT_EQ(web.volumes[1].selinux, "z");
  EXPECT_EQ(web.volumes[1].create_host_path, true);
  EXPECT_EQ(web.volumes[2].tmpfs_size, 64LL << 20);
  ASSERT_EQ(web.secrets.size(), 2u);
  EXPECT_EQ(web.secrets[0].mode, 0440);
  EXPECT_EQ(web.secrets[0].target, "/run/secrets/db");
  EXPECT_EQ(web.secrets[1].source, "api_key");
  ASSERT_EQ(web.networks.size(), 2u);
  EXPECT_EQ(web.networks[0].aliases, std::vector<std::string>{"www"});
  EXPECT_EQ(web.networks[1].name, "back");
  ASSERT_EQ(app.volumes.size(), 2u);
  EXPECT_EQ(app.volumes[1].driver, "local");
  ASSERT_EQ(app.networks.size(), 2u);
  EXPECT_TRUE(app.networks[1].internal);
  ASSERT_EQ(app.secrets.size(), 2u);
  EXPECT_EQ(app.secrets[1].environment, "API_KEY");
  EXPECT_TRUE(app.extensions.has("x-common"));
}

TEST(ToModel, NotRepresentableKeysAreRecordedWithReasons) {
  model::App app = convert(kWebApp);
  const model::Service& web = app.services[0];
  std::vector<std::string> keys;
  for (const model::Dropped& d : web.not_representable) {
    keys.push_back(d.key());
    EXPECT_FALSE(d.reason.empty()) << d.key();
    EXPECT_GT(d.at.loc.line, 0u) << d.key();
  }
  for (const char* expected : {"services.web.container_name", "services.web.ulimits",
                               "services.web.deploy.endpoint_mode",
                               "services.web.networks.front.mac_address"})
    EXPECT_NE(std::find(keys.begin(), keys.end(), expected), keys.end()) << expected;
  // network_mode: service:web cannot be expressed; recorded, not typed
  const model::Service& cache = app.services[2];
  EXPECT_EQ(cache.network_mode, "");
  ASSERT_EQ(cache.not_representable.size(), 1u);
  EXPECT_EQ(cache.not_representable[0].key(), "services.cache.network_mode");
  EXPECT_NE(cache.not_representable[0].reason.find("one pod"), std::string::npos);
}

TEST(ToModel, XBerthAndExtensions) {
  model::App app = convert(kWebApp);
  const model::Service& web = app.services[0];
  ASSERT_TRUE(web.x_berth);
  ASSERT_EQ(web.x_berth->ingress.size(), 1u);
  EXPECT_EQ(web.x_berth->ingress[0].host, "shop.example.org");
  EXPECT_EQ(web.x_berth->storage.at("uploads"), "5Gi");
  EXPECT_TRUE(web.extensions.has("x-note"));
  EXPECT_FALSE(web.extensions.has("x-berth"));
}

TEST(ToModel, NetworkModeHostIsKept) {
  model::App app = convert("services:\n  a:\n    image: x\n    network_mode: host\n    pid: host\n");
  EXPECT_EQ(app.services[0].network_mode, "host");
  EXPECT_EQ(app.services[0].pid, "host");
  EXPECT_TRUE(app.services[0].not_representable.empty());
}

TEST(ToModel, ErrorsNameLocationAndExpectedShape) {
  std::string e = error_of("services:\n  a:\n    image: x\n    ports:\n      - {target: http}\n");
  EXPECT_NE(e.find("compose.yaml:5:18"), std::string::npos) << e;
  EXPECT_NE(e.find("services.a.ports[0].target: expected an integer"), std::string::npos) << e;
  e = error_of("services:\n  a:\n    image: x\n    stop_grace_period: soon\n");
  EXPECT_NE(e.find("compose.yaml:4:24: services.a.stop_grace_period: expected a duration"),
            std::string::npos)
      << e;
  e = error_of("services:\n  a:\n    image: x\n    mem_limit: lots\n");
  EXPECT_NE(e.find("expected a byte size"), std::string::npos) << e;
  e = error_of("services:\n  a:\n    image: x\n    imagee: y\n");
  EXPECT_NE(e.find("compose.yaml:4:5: services.a: unknown service key \"imagee\""), std::string::npos) << e;
  e = error_of("services:\n  a:\n    image: [x]\n");
  EXPECT_NE(e.find("services.a.image: expected a string, got a sequence"), std::string::npos) << e;
  e = error_of("services:\n  a:\n    image: x\n    command: echo 'unterminated\n");
  EXPECT_NE(e.find("compose.yaml:4"), std::string::npos) << e;
  e = error_of("services:\n  a:\n    image: x\n    x-berth: {storage: {data: 1Gi}}\n");
  EXPECT_NE(e.find("mounts no named volume \"data\""), std::string::npos) << e;
  e = error_of("services:\n  a:\n    image: x\n    x-berth: {kind: cronjob}\n");
  EXPECT_NE(e.find("services.a.x-berth.kind: cronjob needs a `schedule`"), std::string::npos) << e;
  e = error_of("services:\n  a:\n    image: x\n    depends_on: {b: {condition: service_started}}\n");
  EXPECT_NE(e.find("service \"b\" is not defined"), std::string::npos) << e;
  e = error_of("services:\n  a:\n    image: x\n    mem_limit: 1g\n    deploy: {resources: {limits: {memory: 2g}}}\n");
  EXPECT_NE(e.find("conflicts with deploy.resources.limits.memory"), std::string::npos) << e;
  e = error_of("services:\n  a:\n    image: x\n    healthcheck: {test: [PING]}\n");
  EXPECT_NE(e.find("starting with \"CMD\""), std::string::npos) << e;
}

TEST(ToModel, EnvFilesKeepTheirSource) {
  auto dir = test::temp_dir("berth-to-model");
  test::write_file(dir / "app.env", "A=1\nB=from-file\n");
  LoadedProject p = project_of("services:\n  a:\n    image: x\n    env_file: [{path: app.env, required: true}]\n"
                               "    environment: {B: inline, C: '3'}\n");
  p.project_directory = dir.string();
  model::App app = to_model(p);
  const auto& env = app.services[0].environment;
  ASSERT_EQ(env.size(), 3u);
  EXPECT_EQ(env[0].source, model::EnvSource::EnvFile);
  EXPECT_EQ(env[0].file, "app.env");
  EXPECT_EQ(env[1].name, "B");
  EXPECT_EQ(env[1].value, "inline");
  EXPECT_EQ(env[1].source, model::EnvSource::Inline);
  EXPECT_EQ(env[2].value, "3");
  ASSERT_EQ(app.services[0].env_files.size(), 1u);
}

TEST(ToModel, LoadsEveryCorpusApplication) {
  auto corpus = test::shared_dir() / "corpus" / "awesome-compose";
  if (test::shared_dir().empty() || !std::filesystem::exists(corpus))
    GTEST_SKIP() << "SKIPPED: shared/corpus/awesome-compose absent";
  int converted = 0;
  for (const auto& entry : std::filesystem::directory_iterator(corpus)) {
    if (!entry.is_directory()) continue;
    LoadOptions o;
    o.working_dir = entry.path().string();
    LoadedProject p;
    try {
      p = load_project(o);
    } catch (const Error&) {
      continue; // the loader's own tests judge loading; here only conversion matters
    }
    try {
      model::App app = to_model(p);
      EXPECT_FALSE(app.services.empty()) << entry.path();
      ++converted;
    } catch (const Error& e) {
      ADD_FAILURE() << entry.path() << ": " << e.what();
    }
  }
  EXPECT_GT(converted, 0);
}

} // namespace
} // namespace berth::compose
