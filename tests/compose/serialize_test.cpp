// Model → Compose YAML: key order, long syntax, dropped keys printed back, and the round trip
// to_model(load(emit(to_compose_yaml(m)))) == m on hand-written apps and the whole corpus.
#include <gtest/gtest.h>

#include <algorithm>

#include "compose/serialize.h"
#include "compose/to_model.h"
#include "support/test_support.h"
#include "yaml/emit.h"
#include "yaml/parse.h"

namespace berth::compose {
namespace {

namespace fs = std::filesystem;

model::App load_model(const fs::path& dir) {
  LoadOptions o;
  o.working_dir = dir.string();
  o.process_env = {{"HOME", "/home/tester"}};
  return to_model(load_project(o));
}

// Serialization sorts services and top-level objects by name, as docker compose config does.
model::App sorted(model::App m) {
  auto by = [](auto key) { return [key](const auto& a, const auto& b) { return a.*key < b.*key; }; };
  std::stable_sort(m.services.begin(), m.services.end(), by(&model::Service::name));
  std::stable_sort(m.volumes.begin(), m.volumes.end(), by(&model::Volume::key));
  std::stable_sort(m.networks.begin(), m.networks.end(), by(&model::Network::key));
  std::stable_sort(m.secrets.begin(), m.secrets.end(), by(&model::FileObject::key));
  std::stable_sort(m.configs.begin(), m.configs.end(), by(&model::FileObject::key));
  return m;
}

// Emits `m`, loads the text from a fresh directory and converts it again.
model::App round_trip(const model::App& m, std::string* text_out = nullptr) {
  std::string text = yaml::emit(to_compose_yaml(m));
  if (text_out) *text_out = text;
  fs::path dir = fs::weakly_canonical(test::temp_dir("berth-serialize"));
  test::write_file(dir / "compose.yaml", text);
  model::App back = load_model(dir);
  back.project_directory = m.project_directory; // the only thing that depends on where it lives
  return back;
}

// A field-by-field hint of the first difference, so a failing round trip is easy to read.
std::string first_difference(const model::App& a, const model::App& b) {
  if (a.services.size() != b.services.size()) return "service count";
  for (std::size_t i = 0; i < a.services.size(); ++i) {
    const model::Service &x = a.services[i], &y = b.services[i];
    if (x == y) continue;
    std::string s = x.name + ": ";
    if (x.environment != y.environment) return s + "environment";
    if (x.ports != y.ports) return s + "ports";
    if (x.volumes != y.volumes) return s + "volumes";
    if (!(x.deploy == y.deploy)) return s + "deploy";
    if (x.healthcheck != y.healthcheck) return s + "healthcheck";
    if (x.not_representable != y.not_representable) {
      std::string keys;
      for (const auto& d : x.not_representable) keys += d.key() + " ";
      keys += "| ";
      for (const auto& d : y.not_representable) keys += d.key() + " ";
      return s + "not_representable " + keys;
    }
    if (x.build != y.build) return s + "build";
    if (x.networks != y.networks) return s + "networks";
    if (x.command != y.command || x.entrypoint != y.entrypoint) return s + "command";
    if (x.x_berth != y.x_berth) return s + "x-berth";
    return s + "other field";
  }
  if (a.volumes != b.volumes) return "volumes";
  if (a.networks != b.networks) return "networks";
  if (a.secrets != b.secrets || a.configs != b.configs) return "secrets/configs";
  if (a.not_representable != b.not_representable) return "top-level not_representable";
  return "name/extensions";
}

const char* kApp = R"(name: shop
services:
  web:
    image: ghcr.io/acme/web:1.2
    build: {context: ., args: {A: "1", B: null}, cache_from: [x]}
    command: npm run start -- --port "8080"
    entrypoint: ["/tini", "--"]
    environment: {NODE_ENV: production, EMPTY: ""}
    ports: ["80:8080", "127.0.0.1:9090:9090/udp"]
    expose: [3000, "4000-4002/udp"]
    depends_on: {db: {condition: service_healthy}}
    healthcheck: {test: curl -f http://localhost:8080/ || exit 1, interval: 90s, retries: 3, start_period: 1500ms}
    deploy:
      replicas: 2
      endpoint_mode: dnsrr
      resources: {limits: {cpus: "0.5", memory: 512M}}
      placement: {constraints: ["node.role==worker"], preferences: [{spread: node.labels.zone}]}
    volumes: ["uploads:/app/uploads", "./nginx.conf:/etc/nginx.conf:ro", {type: tmpfs, target: /tmp, tmpfs: {size: 64m}}]
    secrets: [{source: db_password, mode: 0440}, api_key]
    networks: {front: {aliases: [www]}, back: null}
    container_name: shop-web
    ulimits: {nofile: {soft: 1024, hard: 2048}}
    logging: {driver: syslog}
    stop_grace_period: 1m30s
    labels: [team=web]
    extra_hosts: ["somehost:162.242.195.82"]
    x-berth:
      ingress: [{port: 8080, path: /shop, strip_prefix: true}]
      storage: {uploads: 5Gi}
      hpa: {min: 2, max: 6}
    x-note: {keep: me}
  db:
    image: postgres:16
    mem_limit: 1g
    cpus: 2
    volumes: ["pgdata:/var/lib/postgresql/data"]
    x-berth: {backup: {schedule: "0 2 * * *"}}
  cache:
    image: redis:7
    network_mode: "service:web"
    command: [redis-server, --save, ""]
volumes:
  pgdata: {}
  uploads: {driver: local}
networks:
  front: {}
  back: {internal: true}
secrets:
  db_password: {file: ./db_password.txt}
  api_key: {environment: API_KEY}
x-common: {a: 1}
)";

TEST(Serialize, StableKeyOrderAndLongSyntax) {
  fs::path dir = fs::weakly_canonical(test::temp_dir("berth-serialize-src"));
  test::write_file(dir / "compose.yaml", kApp);
  test::write_file(dir / "db_password.txt", "x");
  model::App m = load_model(dir);
  yaml::Node out = to_compose_yaml(m);
  std::vector<std::string> top;
  for (const yaml::Entry& e : out.entries()) top.push_back(e.key.value());
  EXPECT_EQ(top, (std::vector<std::string>{"name", "services", "networks", "volumes", "secrets",
                                           "x-common"}));
  std::vector<std::string> services;
  for (const yaml::Entry& e : out.find("services")->entries()) services.push_back(e.key.value());
  EXPECT_EQ(services, (std::vector<std::string>{"cache", "db", "web"}));
  const yaml::Node& web = *out.find("services")->find("web");
  std::vector<std::string> keys;
  for (const yaml::Entry& e : web.entries()) keys.push_back(e.key.value());
  EXPECT_TRUE(std::is_sorted(keys.begin(), keys.end()));
  // dropped keys come back verbatim
  EXPECT_EQ(web.find("container_name")->value(), "shop-web");
  EXPECT_TRUE(web.find("deploy")->has("endpoint_mode"));
  EXPECT_TRUE(web.find("ulimits")->is_mapping());
  // units in compose config form
  EXPECT_EQ(web.find("stop_grace_period")->value(), "1m30s");
  EXPECT_EQ(web.find("deploy")->find("resources")->find("limits")->find("memory")->value(),
            std::to_string(512 << 20));
  EXPECT_EQ(web.find("x-berth")->find("hpa")->find("cpu")->value(), "80");
  // legacy keys are folded into deploy
  const yaml::Node& db = *out.find("services")->find("db");
  EXPECT_FALSE(db.has("mem_limit"));
  EXPECT_EQ(db.find("deploy")->find("resources")->find("limits")->find("cpus")->value(), "2");
  // deterministic
  EXPECT_EQ(yaml::emit(out), yaml::emit(to_compose_yaml(m)));
}

TEST(Serialize, RoundTripsThroughTheLoader) {
  fs::path dir = fs::weakly_canonical(test::temp_dir("berth-serialize-src"));
  test::write_file(dir / "compose.yaml", kApp);
  test::write_file(dir / "db_password.txt", "x");
  model::App m = load_model(dir);
  std::string text;
  model::App back = round_trip(m, &text);
  EXPECT_TRUE(sorted(m) == back) << first_difference(sorted(m), back) << "\n" << text;
  // and the output is a fixed point
  EXPECT_EQ(yaml::emit(to_compose_yaml(back)), text);
}

TEST(Serialize, RoundTripsEveryCorpusApplication) {
  fs::path corpus = test::shared_dir() / "corpus" / "awesome-compose";
  if (test::shared_dir().empty() || !fs::exists(corpus))
    GTEST_SKIP() << "SKIPPED: shared/corpus/awesome-compose absent";
  int checked = 0;
  for (const auto& entry : fs::directory_iterator(corpus)) {
    if (!entry.is_directory()) continue;
    model::App m;
    try {
      m = load_model(entry.path());
    } catch (const Error&) {
      continue; // not loadable as is (judged by the loader's tests)
    }
    std::string text;
    model::App back;
    try {
      back = round_trip(m, &text);
    } catch (const Error& e) {
      ADD_FAILURE() << entry.path() << ": reloading the output failed: " << e.what() << "\n" << text;
      continue;
    }
    EXPECT_TRUE(sorted(m) == back) << entry.path() << ": " << first_difference(sorted(m), back)
                                   << "\n" << text;
    ++checked;
  }
  EXPECT_GT(checked, 20);
}

} // namespace
} // namespace berth::compose
