// Services: ClusterIP per reachable workload, headless for StatefulSets, session affinity,
// what published ports become.
#include <gtest/gtest.h>

#include "fixture.h"
#include "generate/network.h"
#include "yaml/emit.h"

namespace berth::generate {
namespace {

using test::load_fixture;
using test::emitted;

const ReportEntry* entry(const Output& out, const std::string& service, const std::string& key) {
  for (const ReportEntry& e : out.report.entries)
    if (e.service == service && e.key == key) return &e;
  return nullptr;
}

Output run(const test::Fixture& f) {
  Context ctx{f.app, f.profile, f.plan};
  Output out;
  net::generate_services(ctx, out);
  return out;
}

TEST(Services, DatabaseGetsClusterIpAndHeadlessService) {
  auto f = load_fixture(R"(name: shop
services:
  web:
    image: example/web:1
    environment:
      DATABASE_URL: postgres://app:pw@db:5432/shop
  db:
    image: postgres:16
    volumes: [pgdata:/var/lib/postgresql/data]
volumes:
  pgdata:
)");
  Output out = run(*f);
  EXPECT_EQ(emitted(out, "base/db/service.yaml"), R"(apiVersion: v1
kind: Service
metadata:
  name: db
  labels:
    app.kubernetes.io/managed-by: berth
    app.kubernetes.io/name: db
    app.kubernetes.io/part-of: shop
spec:
  type: ClusterIP
  selector:
    app.kubernetes.io/name: db
    app.kubernetes.io/part-of: shop
  ports:
    - name: postgres
      port: 5432
      targetPort: postgres
      protocol: TCP
)");
  EXPECT_EQ(emitted(out, "base/db/service-headless.yaml"), R"(apiVersion: v1
kind: Service
metadata:
  name: db-headless
  labels:
    app.kubernetes.io/managed-by: berth
    app.kubernetes.io/name: db
    app.kubernetes.io/part-of: shop
spec:
  clusterIP: None
  selector:
    app.kubernetes.io/name: db
    app.kubernetes.io/part-of: shop
  ports:
    - name: postgres
      port: 5432
      targetPort: postgres
      protocol: TCP
  publishNotReadyAddresses: true
)");
  // Nothing reaches web: no Service.
  EXPECT_EQ(emitted(out, "base/web/service.yaml"), "<no base/web/service.yaml>");
  EXPECT_EQ(out.base.size(), 2u);
}

TEST(Services, RoutedWebWithSessionAffinity) {
  auto f = load_fixture(R"(name: chat
services:
  web:
    image: example/chat:1
    ports: ["8080:3000"]
    x-berth:
      session_affinity: true
)");
  Output out = run(*f);
  EXPECT_EQ(emitted(out, "base/web/service.yaml"), R"(apiVersion: v1
kind: Service
metadata:
  name: web
  labels:
    app.kubernetes.io/managed-by: berth
    app.kubernetes.io/name: web
    app.kubernetes.io/part-of: chat
  annotations:
    traefik.ingress.kubernetes.io/service.sticky.cookie: "true"
    traefik.ingress.kubernetes.io/service.sticky.cookie.name: web-affinity
    traefik.ingress.kubernetes.io/service.sticky.cookie.secure: "true"
    traefik.ingress.kubernetes.io/service.sticky.cookie.httponly: "true"
spec:
  type: ClusterIP
  selector:
    app.kubernetes.io/name: web
    app.kubernetes.io/part-of: chat
  ports:
    - name: http
      port: 3000
      targetPort: http
      protocol: TCP
  sessionAffinity: ClientIP
  sessionAffinityConfig:
    clientIP:
      timeoutSeconds: 10800
)");
  const ReportEntry* port = entry(out, "web", "ports[0]");
  ASSERT_NE(port, nullptr);
  EXPECT_EQ(port->disposition, Disposition::Translated);
  EXPECT_EQ(port->detail, "Service web port 3000: reachable in-cluster at web:3000; from outside "
                          "via https://web.example.org/ (host port 8080 dropped)");
  ASSERT_NE(entry(out, "web", "x-berth.session_affinity"), nullptr);
}

TEST(Services, PublishedNonHttpPortNeedsAManualStep) {
  auto f = load_fixture(R"(name: mq
services:
  broker:
    image: eclipse-mosquitto:2
    ports: ["1883:1883"]
)");
  Output out = run(*f);
  const ReportEntry* port = entry(out, "broker", "ports[0]");
  ASSERT_NE(port, nullptr);
  EXPECT_EQ(port->disposition, Disposition::Manual) << port->detail;
  EXPECT_NE(port->detail.find("reachable in-cluster at broker:1883"), std::string::npos);
  EXPECT_NE(port->detail.find("IngressRouteTCP"), std::string::npos) << port->detail;
  EXPECT_NE(emitted(out, "base/broker/service.yaml").find("port: 1883"), std::string::npos);
}

} // namespace
} // namespace berth::generate
