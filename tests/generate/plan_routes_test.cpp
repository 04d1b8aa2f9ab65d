// plan_app: routes (x-berth.ingress and published HTTP ports), env split, replicas, vault-drive.
#include <gtest/gtest.h>

#include "common/error.h"
#include "fixture.h"
#include "support/test_support.h"

namespace berth::generate {
namespace {

using test::load_fixture;

std::string routes_of(const ServicePlan& sp) {
  std::string out;
  for (const RoutePlan& r : sp.routes)
    out += r.host + r.path + " -> " + r.port_name + ":" + std::to_string(r.port) +
           (r.strip_prefix ? " strip" : "") + "\n";
  return out;
}

std::string env_of(const ServicePlan& sp) {
  std::string out;
  for (const EnvPlan& e : sp.env)
    out += e.name + (e.secret ? " secret (" + e.reason + ")" : "") + "\n";
  return out;
}

std::string replicas_of(const ServicePlan& sp) {
  std::string out;
  for (const auto& [env, n] : sp.replicas) out += env + "=" + std::to_string(n) + " ";
  return out;
}

TEST(PlanRoutes, XBerthRoutesDefaultToTheAppHost) {
  auto f = load_fixture(R"(name: shop
services:
  api:
    image: app
    expose: ["8080"]
    x-berth:
      ingress:
        - {port: 8080, path: /api, strip_prefix: true}
        - {port: 8080, host: api.shop.test}
)");
  EXPECT_EQ(routes_of(f->service("api")),
            "shop.example.org/api -> http:8080 strip\napi.shop.test/ -> http:8080\n");
  EXPECT_TRUE(f->service("api").needs_service);
  EXPECT_EQ(f->service("api").routes[0].at.line, 8u);
}

TEST(PlanRoutes, RouteToAnUndeclaredPortIsAnErrorAtTheRoute) {
  try {
    load_fixture(R"(name: shop
services:
  api:
    image: app
    ports: ["8080:8080", "9090"]
    x-berth:
      ingress:
        - {port: 8081}
)");
    ADD_FAILURE() << "expected an error";
  } catch (const Error& e) {
    EXPECT_EQ(e.where().line, 8u) << e.what();
    EXPECT_NE(std::string(e.what()).find("port 8081 is not a TCP port of the service (its ports: "
                                         "8080, 9090)"),
              std::string::npos)
        << e.what();
  }
}

TEST(PlanRoutes, XBerthPortsCompleteAServiceWithoutPorts) {
  auto f = load_fixture(R"(name: shop
services:
  minio:
    image: minio/minio
    x-berth:
      ingress: [{port: 9000, path: /s3}, {port: 9001, host: console.shop.test}]
)");
  EXPECT_EQ(routes_of(f->service("minio")),
            "shop.example.org/s3 -> http:9000\nconsole.shop.test/ -> console:9001\n");
}

TEST(PlanRoutes, PublishedPortsWithoutXBerth) {
  auto f = load_fixture(R"(name: shop
services:
  web: {image: app, ports: ["80:8080", "9229:9229"]}
  db: {image: postgres, ports: ["5432:5432"]}
  es: {image: elasticsearch, ports: ["9200:9200"]}
  internal: {image: app, ports: ["3000"]}
)");
  EXPECT_EQ(routes_of(f->service("web")), "web.example.org/ -> http:8080\n");
  EXPECT_EQ(f->report_of("web", "ports").find("dropped: published non-HTTP port 9229/TCP: reach "
                                              "it with kubectl port-forward"),
            f->report_of("web", "ports").find("dropped:"));
  EXPECT_NE(f->report_of("web", "ports").find("dropped: published non-HTTP port 9229/TCP"),
            std::string::npos);
  EXPECT_EQ(routes_of(f->service("db")), "");
  EXPECT_NE(f->report_of("db", "ports").find("dropped: published non-HTTP port 5432/TCP"),
            std::string::npos);
  EXPECT_EQ(routes_of(f->service("es")), ""); // data stores are never routed implicitly
  EXPECT_NE(f->report_of("es", "ports").find("manual: published port 9200/TCP of a elasticsearch"),
            std::string::npos);
  EXPECT_EQ(routes_of(f->service("internal")), ""); // not published
}

TEST(PlanEnv, SplitIntoConfigAndSecret) {
  auto f = load_fixture(R"(name: shop
services:
  api:
    image: app
    environment:
      LOG_LEVEL: info
      DB_PASSWORD: hunter22
      DATABASE_URL: postgres://app:hunter22@db/app
      CACHE_URL: "redis://:@cache:6379"
      PLAIN_URL: http://cache:6379
      LOGIN_VALUE: hunter22
      GONE:
  db: {image: postgres, secrets: [pw]}
  only_secret: {image: app, environment: {TOKEN: abc}}
secrets:
  pw: {file: ./pw.txt}
)");
  const ServicePlan& api = f->service("api");
  EXPECT_EQ(env_of(api), "LOG_LEVEL\n"
                         "DB_PASSWORD secret (name looks secret)\n"
                         "DATABASE_URL secret (URL with password)\n"
                         "CACHE_URL secret (URL with password)\n"
                         "PLAIN_URL\n"
                         "LOGIN_VALUE secret (same value as api's DB_PASSWORD)\n");
  EXPECT_EQ(api.config_name, "api-config");
  EXPECT_EQ(api.secret_name, "api-secret");
  EXPECT_EQ(f->report_of("api", "environment.GONE"),
            "dropped: no value at conversion time: set it in the overlay ConfigMap\n");
  EXPECT_EQ(api.env[1].value, "hunter22");
  EXPECT_EQ(f->service("db").config_name, "");
  EXPECT_EQ(f->service("db").secret_name, "db-secret"); // Compose secrets
  EXPECT_EQ(f->service("only_secret").config_name, "");
  EXPECT_EQ(f->service("only_secret").secret_name, "only-secret-secret");
}

TEST(PlanReplicas, Precedence) {
  auto f = load_fixture(R"(name: shop
services:
  plain: {image: app}
  scaled: {image: app, deploy: {replicas: 3}}
  explicit: {image: app, deploy: {replicas: 3}, x-berth: {replicas: {production: 5}}}
  auto: {image: app, x-berth: {hpa: {min: 3, max: 6, cpu: 60}}}
  single: {image: app, deploy: {replicas: 4}, x-berth: {singleton: true}}
  db: {image: postgres, volumes: ["d:/var/lib/postgresql/data"]}
  cache: {image: redis}
  job: {image: app, x-berth: {kind: job}}
volumes: {d: {}}
)");
  EXPECT_EQ(replicas_of(f->service("plain")), "production=2 staging=1 ");
  EXPECT_EQ(replicas_of(f->service("scaled")), "production=3 staging=3 ");
  EXPECT_EQ(replicas_of(f->service("explicit")), "production=5 staging=3 ");
  EXPECT_EQ(replicas_of(f->service("auto")), "production=3 staging=3 ");
  EXPECT_NE(f->report_of("auto", "x-berth.hpa").find("HPA minimum 3"), std::string::npos);
  EXPECT_EQ(replicas_of(f->service("single")), "production=1 staging=1 ");
  EXPECT_NE(f->report_of("single", "deploy.replicas").find("dropped"), std::string::npos);
  EXPECT_EQ(replicas_of(f->service("db")), "production=1 staging=1 ");
  EXPECT_EQ(replicas_of(f->service("cache")), "production=1 staging=1 ");
  EXPECT_EQ(replicas_of(f->service("job")), "production=1 staging=1 ");
}

TEST(PlanReplicas, UnknownEnvironmentIsAnError) {
  try {
    load_fixture("name: shop\nservices:\n  web:\n    image: app\n    x-berth:\n      replicas: "
                 "{prod: 2}\n");
    ADD_FAILURE() << "expected an error";
  } catch (const Error& e) {
    EXPECT_EQ(e.where().line, 6u) << e.what();
    EXPECT_NE(std::string(e.what()).find("unknown environment `prod` (the profile's environments: "
                                         "staging, production)"),
              std::string::npos)
        << e.what();
  }
}

TEST(PlanReport, ConsumedKeysAreTranslated) {
  auto f = load_fixture(R"(name: shop
services:
  web:
    image: app
    ports: ["8080:8080"]
    expose: ["9000"]
    environment: {A: b}
    depends_on: [db]
  db: {image: postgres}
)");
  for (const char* key : {"image", "ports", "expose", "environment", "depends_on"})
    EXPECT_NE(f->report_of("web", key).find("translated: "), std::string::npos) << key;
}

TEST(PlanExample, VaultDrive) {
  std::filesystem::path dir = berth::test::source_dir() / "examples" / "vault-drive";
  if (!std::filesystem::exists(dir / "compose.yaml"))
    GTEST_SKIP() << "SKIPPED: examples/vault-drive absent";
  auto f = test::load_project_dir(dir.string(), {{"POSTGRES_USER", "vault"},
                                                 {"POSTGRES_PASSWORD", "pg-pass-1"},
                                                 {"POSTGRES_DB", "vault"},
                                                 {"MINIO_ROOT_USER", "minio-user"},
                                                 {"MINIO_ROOT_PASSWORD", "minio-pass-2"},
                                                 {"JWT_SECRET", "jwt-3"}});
  EXPECT_EQ(f->plan.app, "vault-drive");
  EXPECT_EQ(f->plan.host, "vault-drive.example.org");
  using K = model::WorkloadKind;
  const ServicePlan& backend = f->service("backend");
  EXPECT_EQ(backend.kind, K::Deployment);
  EXPECT_EQ(backend.image, "ghcr.io/example/backend");
  EXPECT_EQ(routes_of(backend), "vault-drive.example.org/api -> http:8080 strip\n");
  EXPECT_EQ(backend.connects_to, (std::vector<std::string>{"minio", "postgres", "redis"}));
  EXPECT_EQ(backend.reached_by, std::vector<std::string>{"frontend"});
  EXPECT_EQ(env_of(backend), "RUST_LOG\n"
                             "DATABASE_URL secret (URL with password)\n"
                             "REDIS_URL\n"
                             "S3_ENDPOINT\n"
                             "S3_REGION\n"
                             "S3_BUCKET\n"
                             "S3_ACCESS_KEY secret (name looks secret)\n"
                             "S3_SECRET_KEY secret (name looks secret)\n"
                             "JWT_SECRET secret (name looks secret)\n");
  EXPECT_EQ(replicas_of(backend), "production=2 staging=1 ");
  const ServicePlan& frontend = f->service("frontend");
  EXPECT_EQ(routes_of(frontend), "vault-drive.example.org/ -> http:3000\n");
  EXPECT_EQ(frontend.secret_name, "");
  EXPECT_EQ(replicas_of(frontend), "production=2 staging=1 ");
  const ServicePlan& pg = f->service("postgres");
  EXPECT_EQ(pg.kind, K::StatefulSet);
  EXPECT_EQ(pg.family, DataFamily::Postgres);
  ASSERT_EQ(pg.ports.size(), 1u);
  EXPECT_EQ(pg.ports[0].name, "postgres");
  EXPECT_EQ(pg.ports[0].reason, "from backend's DATABASE_URL");
  EXPECT_EQ(env_of(pg), "POSTGRES_USER\nPOSTGRES_PASSWORD secret (name looks secret)\nPOSTGRES_DB\n");
  EXPECT_EQ(replicas_of(pg), "production=1 staging=1 ");
  const ServicePlan& redis = f->service("redis");
  EXPECT_EQ(redis.kind, K::StatefulSet);
  EXPECT_EQ(redis.ports.size(), 1u);
  EXPECT_EQ(redis.ports[0].port, 6379);
  EXPECT_TRUE(redis.needs_service);
  const ServicePlan& minio = f->service("minio");
  EXPECT_EQ(minio.kind, K::StatefulSet);
  EXPECT_EQ(routes_of(minio), "vault-drive.example.org/s3 -> http:9000 strip\n"
                              "console.vault-drive.example.org/ -> console:9001\n");
  // MINIO_ROOT_USER holds the same value as the backend's S3_ACCESS_KEY.
  EXPECT_EQ(env_of(minio), "MINIO_ROOT_USER secret (same value as backend's S3_ACCESS_KEY)\n"
                           "MINIO_ROOT_PASSWORD secret (name looks secret)\n");
  EXPECT_EQ(minio.config_name, "");
  EXPECT_EQ(minio.secret_name, "minio-secret");
}

} // namespace
} // namespace berth::generate
