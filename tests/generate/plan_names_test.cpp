// plan_app: application host, Kubernetes names and their collisions, kinds, images.
#include <gtest/gtest.h>

#include "common/error.h"
#include "fixture.h"

namespace berth::generate {
namespace {

using test::load_fixture;

// Runs `f`, expecting a berth::Error containing every needle; returns its text.
template <class F> std::string error_of(F&& f, std::initializer_list<std::string> needles) {
  try {
    f();
  } catch (const Error& e) {
    for (const std::string& n : needles)
      EXPECT_NE(std::string(e.what()).find(n), std::string::npos) << e.what() << "\nmissing: " << n;
    return e.what();
  }
  ADD_FAILURE() << "expected an Error";
  return {};
}

TEST(PlanNames, HostFromOptionsOrDomain) {
  const char* yaml = "name: my_shop\nservices:\n  web: {image: nginx}\n";
  auto f = load_fixture(yaml);
  EXPECT_EQ(f->plan.app, "my-shop");
  EXPECT_EQ(f->plan.host, "my-shop.example.org");
  ConvertOptions o;
  o.host = "shop.acme.test";
  auto g = load_fixture(yaml, {}, o);
  EXPECT_EQ(g->plan.host, "shop.acme.test");
}

TEST(PlanNames, RewrittenNamesAreReported) {
  auto f = load_fixture(R"(name: app
services:
  Web_Front: {image: nginx}
  api.v2: {image: nginx}
  1worker: {image: busybox}
  ok: {image: busybox}
)");
  EXPECT_EQ(f->service("Web_Front").name, "web-front");
  EXPECT_EQ(f->service("api.v2").name, "api-v2");
  EXPECT_EQ(f->service("1worker").name, "s-1worker"); // Service names must start with a letter
  EXPECT_EQ(f->service("ok").name, "ok");
  EXPECT_EQ(f->report_of("Web_Front", "name"),
            "inferred: Kubernetes name `web-front` (names must be DNS-1123 labels)\n");
  EXPECT_EQ(f->report_of("ok", "name"), "");
}

TEST(PlanNames, LongNamesAreShortenedDistinctly) {
  std::string a(70, 'a'), b = std::string(69, 'a') + "b";
  auto f = load_fixture("name: app\nservices:\n  " + a + ": {image: nginx}\n  " + b +
                        ": {image: nginx}\n");
  EXPECT_LE(f->service(a).name.size(), 63u);
  EXPECT_LE(f->service(b).name.size(), 63u);
  EXPECT_NE(f->service(a).name, f->service(b).name);
}

TEST(PlanNames, CollisionNamesBothServices) {
  std::string text = error_of(
      [] {
        load_fixture("name: app\nservices:\n  my_db: {image: postgres}\n  my-db: {image: postgres}\n");
      },
      {"`my_db`", "`my-db`", "`my-db`: rename one"});
  EXPECT_NE(text.find("compose.yaml:4:"), std::string::npos) << text;
}

TEST(PlanKinds, StatefulOnlyForDataStoresWithNamedVolumes) {
  auto f = load_fixture(R"(name: app
services:
  db: {image: "postgres:16", volumes: ["pgdata:/var/lib/postgresql/data"]}
  cache: {image: redis}
  web: {image: nginx, volumes: ["static:/srv"]}
  bound: {image: mysql, volumes: ["./data:/var/lib/mysql"]}
volumes: {pgdata: {}, static: {}}
)");
  EXPECT_EQ(f->service("db").kind, model::WorkloadKind::StatefulSet);
  EXPECT_EQ(f->service("cache").kind, model::WorkloadKind::Deployment);
  EXPECT_EQ(f->service("cache").family, DataFamily::Redis);
  EXPECT_EQ(f->service("web").kind, model::WorkloadKind::Deployment);
  EXPECT_EQ(f->service("bound").kind, model::WorkloadKind::Deployment);
  EXPECT_EQ(f->report_of("db", "kind"),
            "inferred: StatefulSet: postgres data store with named volume pgdata\n");
}

TEST(PlanKinds, XBerthKindWinsAndOneShotsBecomeJobs) {
  auto f = load_fixture(R"(name: app
services:
  db:
    image: postgres
    volumes: ["pgdata:/data"]
    x-berth: {kind: deployment}
  migrate:
    image: app
  web:
    image: app
    depends_on:
      migrate: {condition: service_completed_successfully}
  nightly:
    image: app
    x-berth: {kind: cronjob, schedule: "0 3 * * *", singleton: true}
volumes: {pgdata: {}}
)");
  EXPECT_EQ(f->service("db").kind, model::WorkloadKind::Deployment);
  EXPECT_EQ(f->service("migrate").kind, model::WorkloadKind::Job);
  EXPECT_EQ(f->report_of("migrate", "kind"),
            "inferred: Job: other services wait for it with service_completed_successfully\n");
  EXPECT_EQ(f->service("web").kind, model::WorkloadKind::Deployment);
  EXPECT_EQ(f->service("nightly").kind, model::WorkloadKind::CronJob);
  EXPECT_TRUE(f->service("nightly").singleton);
  EXPECT_FALSE(f->service("web").singleton);
}

TEST(PlanImages, BuiltImagesGoToTheRegistry) {
  auto f = load_fixture(R"(name: app
services:
  Api_Server: {build: ./api}
  both: {build: ./b, image: "acme/both:1.2"}
  pulled: {image: "nginx:1.27"}
)");
  EXPECT_EQ(f->service("Api_Server").image, "ghcr.io/example/api-server");
  EXPECT_TRUE(f->service("Api_Server").built);
  EXPECT_EQ(f->service("both").image, "acme/both:1.2");
  EXPECT_TRUE(f->service("both").built);
  EXPECT_EQ(f->service("pulled").image, "nginx:1.27");
  EXPECT_FALSE(f->service("pulled").built);
  EXPECT_EQ(f->report_of("pulled", "image"), "translated: container image nginx:1.27\n");
  EXPECT_EQ(f->report_of("both", "build"),
            "translated: image acme/both:1.2, built and pushed by the CI workflow\n");
}

TEST(PlanFind, ByComposeName) {
  auto f = load_fixture("name: app\nservices:\n  Web_1: {image: nginx}\n");
  ASSERT_NE(f->plan.find("Web_1"), nullptr);
  EXPECT_EQ(f->plan.find("web-1"), nullptr);
  EXPECT_EQ(f->plan.find("Web_1")->service->name, "Web_1");
}

} // namespace
} // namespace berth::generate
