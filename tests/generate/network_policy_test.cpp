// NetworkPolicies: default deny, DNS, the 3-tier edges, Traefik and monitoring sources,
// shared Compose networks, egress reports.
#include <gtest/gtest.h>

#include "fixture.h"
#include "generate/network.h"
#include "yaml/emit.h"

namespace berth::generate {
namespace {

using test::load_fixture;
using test::emitted;

std::string report_of(const Output& out, const std::string& service, const std::string& key) {
  std::string text;
  for (const ReportEntry& e : out.report.entries)
    if (e.service == service && e.key == key) text += e.detail + "\n";
  return text;
}

Output run(const test::Fixture& f) {
  Context ctx{f.app, f.profile, f.plan};
  Output out;
  generate_network(ctx, out);
  return out;
}

constexpr const char* kThreeTier = R"(name: shop
services:
  frontend:
    image: nginx:1.27
    ports: ["80:80"]
    depends_on: [backend]
  backend:
    build: ./backend
    expose: ["8080"]
    environment:
      DATABASE_URL: postgres://app:pw@db:5432/shop
      STRIPE_URL: https://api.stripe.com/v1
    x-berth:
      metrics: {port: 9100}
  db:
    image: postgres:16
    volumes: [pgdata:/var/lib/postgresql/data]
volumes:
  pgdata:
)";

TEST(NetworkPolicy, DefaultDenyAndDns) {
  auto f = load_fixture(kThreeTier);
  Output out = run(*f);
  EXPECT_EQ(emitted(out, "base/_app/networkpolicy-default-deny.yaml"), R"(apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: default-deny
  labels:
    app.kubernetes.io/managed-by: berth
    app.kubernetes.io/name: shop
    app.kubernetes.io/part-of: shop
spec:
  podSelector: {}
  policyTypes:
    - Ingress
    - Egress
)");
  EXPECT_EQ(emitted(out, "base/_app/networkpolicy-allow-dns.yaml"), R"(apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: allow-dns
  labels:
    app.kubernetes.io/managed-by: berth
    app.kubernetes.io/name: shop
    app.kubernetes.io/part-of: shop
spec:
  podSelector: {}
  policyTypes:
    - Egress
  egress:
    - to:
        - namespaceSelector:
            matchLabels:
              kubernetes.io/metadata.name: kube-system
          podSelector:
            matchLabels:
              k8s-app: kube-dns
      ports:
        - protocol: UDP
          port: 53
        - protocol: TCP
          port: 53
)");
}

TEST(NetworkPolicy, ThreeTierEdgesTraefikAndMonitoring) {
  auto f = load_fixture(kThreeTier);
  Output out = run(*f);
  // The routed frontend: Traefik in, backend out.
  EXPECT_EQ(emitted(out, "base/frontend/networkpolicy.yaml"), R"(apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: frontend
  labels:
    app.kubernetes.io/managed-by: berth
    app.kubernetes.io/name: frontend
    app.kubernetes.io/part-of: shop
spec:
  podSelector:
    matchLabels:
      app.kubernetes.io/name: frontend
      app.kubernetes.io/part-of: shop
  policyTypes:
    - Ingress
    - Egress
  ingress:
    - from:
        - namespaceSelector:
            matchLabels:
              kubernetes.io/metadata.name: kube-system
          podSelector:
            matchLabels:
              app.kubernetes.io/name: traefik
      ports:
        - protocol: TCP
          port: 80
  egress:
    - to:
        - podSelector:
            matchLabels:
              app.kubernetes.io/name: backend
              app.kubernetes.io/part-of: shop
      ports:
        - protocol: TCP
          port: 8080
)");
  // The middle tier: from frontend, scraped from the monitoring namespace, out to db only.
  EXPECT_EQ(emitted(out, "base/backend/networkpolicy.yaml"), R"(apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: backend
  labels:
    app.kubernetes.io/managed-by: berth
    app.kubernetes.io/name: backend
    app.kubernetes.io/part-of: shop
spec:
  podSelector:
    matchLabels:
      app.kubernetes.io/name: backend
      app.kubernetes.io/part-of: shop
  policyTypes:
    - Ingress
    - Egress
  ingress:
    - from:
        - podSelector:
            matchLabels:
              app.kubernetes.io/name: frontend
              app.kubernetes.io/part-of: shop
      ports:
        - protocol: TCP
          port: 8080
    - from:
        - namespaceSelector:
            matchLabels:
              kubernetes.io/metadata.name: observability
      ports:
        - protocol: TCP
          port: 9100
  egress:
    - to:
        - podSelector:
            matchLabels:
              app.kubernetes.io/name: db
              app.kubernetes.io/part-of: shop
      ports:
        - protocol: TCP
          port: 5432
)");
  // The database only receives.
  EXPECT_EQ(emitted(out, "base/db/networkpolicy.yaml"), R"(apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: db
  labels:
    app.kubernetes.io/managed-by: berth
    app.kubernetes.io/name: db
    app.kubernetes.io/part-of: shop
spec:
  podSelector:
    matchLabels:
      app.kubernetes.io/name: db
      app.kubernetes.io/part-of: shop
  policyTypes:
    - Ingress
  ingress:
    - from:
        - podSelector:
            matchLabels:
              app.kubernetes.io/name: backend
              app.kubernetes.io/part-of: shop
      ports:
        - protocol: TCP
          port: 5432
)");
}

TEST(NetworkPolicy, ExternalUrlsAndBuiltImagesAreReportedForEgress) {
  auto f = load_fixture(kThreeTier);
  Output out = run(*f);
  std::string backend = report_of(out, "backend", "egress");
  EXPECT_NE(backend.find("STRIPE_URL (api.stripe.com)"), std::string::npos) << backend;
  EXPECT_EQ(backend.find("DATABASE_URL"), std::string::npos) << backend; // db is in the app
  EXPECT_EQ(report_of(out, "db", "egress"), "");
}

TEST(NetworkPolicy, SharedNetworksAreEdges) {
  auto f = load_fixture(R"(name: net
services:
  api:
    image: example/api:1
    expose: ["8080"]
    networks: [back]
  worker:
    image: example/worker:1
    networks: [back, default]
  lonely:
    image: example/lonely:1
    expose: ["9000"]
networks:
  back:
)");
  Context ctx{f->app, f->profile, f->plan};
  EXPECT_EQ(net::network_peers(ctx, f->service("worker")), std::vector<std::string>{"api"});
  EXPECT_EQ(net::network_peers(ctx, f->service("lonely")), std::vector<std::string>{});
  Output out = run(*f);
  std::string api = emitted(out, "base/api/networkpolicy.yaml");
  EXPECT_NE(api.find("app.kubernetes.io/name: worker"), std::string::npos) << api;
  // worker has no port: nothing to reach there, but it may call api.
  std::string worker = emitted(out, "base/worker/networkpolicy.yaml");
  EXPECT_EQ(worker.find("ingress:"), std::string::npos) << worker;
  EXPECT_NE(worker.find("port: 8080"), std::string::npos) << worker;
  // No edge at all: no per-service policy, default deny applies.
  EXPECT_EQ(emitted(out, "base/lonely/networkpolicy.yaml"), "<no base/lonely/networkpolicy.yaml>");
  EXPECT_NE(report_of(out, "worker", "networks").find("api"), std::string::npos);
}

TEST(NetworkPolicy, LinksAreEdgesAndAliasesAreReported) {
  auto f = load_fixture(R"(name: old
services:
  web:
    image: example/web:1
    links: ["db:database", cache]
  db:
    image: postgres:16
  cache:
    image: redis:7
)");
  Output out = run(*f);
  std::string links = report_of(out, "web", "links");
  EXPECT_NE(links.find("alias database does not exist"), std::string::npos) << links;
  EXPECT_NE(links.find("edge to cache"), std::string::npos) << links;
  std::string web = emitted(out, "base/web/networkpolicy.yaml");
  EXPECT_NE(web.find("port: 5432"), std::string::npos) << web;
  EXPECT_NE(web.find("port: 6379"), std::string::npos) << web;
}

} // namespace
} // namespace berth::generate
