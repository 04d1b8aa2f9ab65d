// plan_app over small Compose apps: names, kinds, images, edges, env split, replicas, report.
#include <gtest/gtest.h>

#include "common/error.h"
#include "fixture.h"

namespace berth::generate {
namespace {

using test::load_fixture;

TEST(Plan, SmokeWebAndDatabase) {
  auto f = load_fixture(R"(name: shop
services:
  web:
    build: ./web
    ports: ["8080:8080"]
    environment:
      DATABASE_URL: postgres://app:hunter2@db:5432/shop
      LOG_LEVEL: info
    depends_on: [db]
  db:
    image: postgres:16
    environment:
      POSTGRES_PASSWORD: hunter2
    volumes: [pgdata:/var/lib/postgresql/data]
volumes:
  pgdata:
)");
  EXPECT_EQ(f->plan.app, "shop");
  EXPECT_EQ(f->plan.host, "shop.example.org");
  const ServicePlan& web = f->service("web");
  EXPECT_EQ(web.image, "ghcr.io/example/web");
  EXPECT_TRUE(web.built);
  EXPECT_EQ(web.kind, model::WorkloadKind::Deployment);
  const ServicePlan& db = f->service("db");
  EXPECT_EQ(db.kind, model::WorkloadKind::StatefulSet);
  EXPECT_EQ(db.family, DataFamily::Postgres);
  ASSERT_EQ(db.ports.size(), 1u);
  EXPECT_EQ(db.ports[0].port, 5432);
  EXPECT_EQ(db.ports[0].name, "postgres");
  EXPECT_TRUE(db.ports[0].inferred);
  EXPECT_EQ(db.ports[0].reason, "from web's DATABASE_URL");
  EXPECT_EQ(web.connects_to, std::vector<std::string>{"db"});
  EXPECT_EQ(db.reached_by, std::vector<std::string>{"web"});
}

} // namespace
} // namespace berth::generate
