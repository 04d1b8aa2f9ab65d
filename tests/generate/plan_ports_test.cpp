// plan_app: ports (declared, deduplicated, named, inferred), edges and Service needs.
#include <gtest/gtest.h>

#include "fixture.h"

namespace berth::generate {
namespace {

using test::load_fixture;

std::string ports_of(const ServicePlan& sp) {
  std::string out;
  for (const PortPlan& p : sp.ports)
    out += p.name + "=" + std::to_string(p.port) + "/" + p.protocol + (p.http ? " http" : "") +
           (p.inferred ? " (" + p.reason + ")" : "") + "\n";
  return out;
}

TEST(PlanPorts, DeclaredPortsAreDeduplicatedAndNamed) {
  auto f = load_fixture(R"(name: app
services:
  web:
    image: nginx
    ports: ["80:80", "8080:80", "443:443", "53:53/udp", "53:53"]
    expose: ["9100", "5432"]
    x-berth: {metrics: {port: 9100}}
  named:
    image: app
    ports:
      - {target: 7000, name: Web_UI, app_protocol: http}
      - {target: 7001, app_protocol: grpc}
)");
  EXPECT_EQ(ports_of(f->service("web")), "http=80/TCP http\n"
                                          "https=443/TCP\n"
                                          "dns-udp=53/UDP\n"
                                          "dns=53/TCP\n"
                                          "metrics=9100/TCP http\n"
                                          "postgres=5432/TCP\n");
  EXPECT_EQ(ports_of(f->service("named")), "web-ui=7000/TCP http\ngrpc=7001/TCP\n");
  EXPECT_TRUE(f->service("web").needs_service); // published
}

TEST(PlanPorts, DuplicateNamesGetThePortNumber) {
  auto f = load_fixture(R"(name: app
services:
  web:
    image: app
    ports: ["3000:3000", "8000:8000", "5000:5000/udp", "5000:5000"]
)");
  EXPECT_EQ(ports_of(f->service("web")),
            "http=3000/TCP http\nhttp-8000=8000/TCP http\nudp-5000=5000/UDP\nhttp-5000=5000/TCP http\n");
}

TEST(PlanPorts, InferredFromCallerUrlBeforeImageDefault) {
  auto f = load_fixture(R"(name: app
services:
  api:
    image: app
    environment:
      DATABASE_URL: postgres://u:p@db:6543/app
      CACHE: cache:6380
      MQ_HOST: mq
  db: {image: postgres}
  cache: {image: redis}
  mq: {image: "rabbitmq:3"}
  lonely: {image: postgres}
)");
  EXPECT_EQ(ports_of(f->service("db")), "p6543=6543/TCP (from api's DATABASE_URL)\n");
  EXPECT_EQ(ports_of(f->service("cache")), "p6380=6380/TCP (from api's CACHE)\n");
  EXPECT_EQ(ports_of(f->service("mq")), "amqp=5672/TCP (rabbitmq image default)\n");
  EXPECT_EQ(ports_of(f->service("lonely")), ""); // nobody reaches it: no port, no Service
  EXPECT_FALSE(f->service("lonely").needs_service);
  EXPECT_EQ(f->report_of("db", "ports"),
            "inferred: port 6543 (p6543): from api's DATABASE_URL\n");
  EXPECT_EQ(f->service("api").connects_to, (std::vector<std::string>{"cache", "db", "mq"}));
}

TEST(PlanPorts, InferredFromOwnHealthcheckEnvAndCallerConfigFiles) {
  auto f = load_fixture(R"(name: app
services:
  proxy:
    image: nginx
    ports: ["80:80"]
    volumes: ["./nginx.conf:/etc/nginx/nginx.conf:ro"]
    depends_on: [backend, hc, env, listen]
  backend: {build: ./backend}
  hc:
    image: app
    healthcheck: {test: ["CMD-SHELL", "curl -f localhost:7070/health"]}
  env: {image: app, environment: {PORT: "4567", DB_PORT: "5432"}}
  listen: {image: app, environment: {ASPNETCORE_URLS: "http://+:5005"}}
)");
  // The fixture dir is known only after loading; write the file, then reload.
  std::string dir = f->dir;
  {
    std::FILE* out = std::fopen((dir + "/nginx.conf").c_str(), "w");
    ASSERT_NE(out, nullptr);
    std::fputs("upstream b { server backend:8000; }\nlocation / { proxy_pass http://b; }\n", out);
    std::fclose(out);
  }
  auto g = test::load_project_dir(dir);
  EXPECT_EQ(ports_of(g->service("backend")), "http=8000/TCP http (from proxy's mounted nginx.conf)\n");
  EXPECT_EQ(ports_of(g->service("hc")), "p7070=7070/TCP (from its healthcheck)\n");
  EXPECT_EQ(ports_of(g->service("env")), "p4567=4567/TCP (from its PORT)\n");
  EXPECT_EQ(ports_of(g->service("listen")), "p5005=5005/TCP (from its ASPNETCORE_URLS)\n");
}

TEST(PlanPorts, UnknownPortIsAManualStep) {
  auto f = load_fixture(R"(name: app
services:
  web: {image: nginx, depends_on: [worker]}
  worker: {image: app}
)");
  EXPECT_TRUE(f->service("worker").ports.empty());
  EXPECT_FALSE(f->service("worker").needs_service);
  EXPECT_EQ(f->report_of("worker", "ports"),
            "manual: no port known but reached by web: add `expose:` with the port it listens on\n");
}

TEST(PlanEdges, DependsOnLinksAndEnvironment) {
  auto f = load_fixture(R"(name: app
services:
  web:
    image: app
    depends_on: [api]
    links: ["auth:login"]
    environment:
      SEARCH_URL: http://search:9200/
      REDIS_HOST: cache
      KAFKA: "broker:9092,broker2:9092"
      NOT_A_HOST: cache
      SELF: http://web:80
      OTHER: http://example.org:80
  api: {image: app, expose: ["8080"], hostname: backend}
  auth: {image: app, expose: ["9000"]}
  search: {image: elasticsearch}
  cache: {image: redis}
  broker: {image: bitnami/kafka}
  broker2: {image: bitnami/kafka}
  client: {image: app, environment: {API: "http://backend:8080"}}
)");
  EXPECT_EQ(f->service("web").connects_to,
            (std::vector<std::string>{"api", "auth", "broker", "broker2", "cache", "search"}));
  EXPECT_EQ(f->service("api").reached_by, (std::vector<std::string>{"client", "web"}));
  EXPECT_EQ(f->service("cache").reached_by, std::vector<std::string>{"web"});
  EXPECT_TRUE(f->service("web").reached_by.empty());
  EXPECT_EQ(ports_of(f->service("search")), "http=9200/TCP http (from web's SEARCH_URL)\n");
  EXPECT_EQ(ports_of(f->service("cache")), "redis=6379/TCP (redis image default)\n");
  EXPECT_EQ(ports_of(f->service("broker")), "kafka=9092/TCP (from web's KAFKA)\n");
  EXPECT_NE(f->report_of("web", "links").find("translated"), std::string::npos);
}

TEST(PlanService, NeedsServiceRules) {
  auto f = load_fixture(R"(name: app
services:
  published: {image: app, ports: ["8080:8080"]}
  internal: {image: app, expose: ["8080"]}
  store: {image: redis, expose: ["6379"]}
)");
  EXPECT_TRUE(f->service("published").needs_service);
  EXPECT_NE(f->report_of("published", "ports").find("no other service calls it"), std::string::npos);
  EXPECT_FALSE(f->service("internal").needs_service);
  EXPECT_TRUE(f->service("store").needs_service);
}

} // namespace
} // namespace berth::generate
