// Routes: plain Ingress (seed 000 template), Traefik IngressRoutes + Middlewares (seed 004),
// Certificates, per-environment host patches.
#include <gtest/gtest.h>

#include "fixture.h"
#include "generate/network.h"
#include "yaml/emit.h"

namespace berth::generate {
namespace {

using test::load_fixture;
using test::emitted;

std::string patch_of(const Output& out, const std::string& env, const std::string& path) {
  auto it = out.patches.find(env);
  if (it != out.patches.end())
    for (const Patch& p : it->second)
      if (p.path == path) return yaml::emit(p.patch);
  return "<no " + path + ">";
}

Output run(const test::Fixture& f) {
  Context ctx{f.app, f.profile, f.plan};
  Output out;
  generate_network(ctx, out);
  return out;
}

TEST(Ingress, PlainIngressWithTlsAndIssuer) {
  auto f = load_fixture(R"(name: blog
services:
  web:
    image: nginx:1.27
    ports: ["8080:80"]
)");
  Output out = run(*f);
  EXPECT_EQ(emitted(out, "base/web/ingress.yaml"), R"(apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: web
  labels:
    app.kubernetes.io/managed-by: berth
    app.kubernetes.io/name: web
    app.kubernetes.io/part-of: blog
  annotations:
    cert-manager.io/cluster-issuer: letsencrypt-prod
    traefik.ingress.kubernetes.io/router.entrypoints: websecure
    traefik.ingress.kubernetes.io/router.tls: "true"
spec:
  ingressClassName: traefik
  tls:
    - hosts:
        - web.example.org
      secretName: web-example-org-tls
  rules:
    - host: web.example.org
      http:
        paths:
          - path: /
            pathType: Prefix
            backend:
              service:
                name: web
                port:
                  name: http
)");
  // Production keeps the host and only gains the namespaced middleware reference.
  EXPECT_EQ(patch_of(out, "production", "overlays/production/patches/web-ingress.yaml"),
            R"(apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: web
  annotations:
    traefik.ingress.kubernetes.io/router.middlewares: blog-prod-security-headers@kubernetescrd,blog-prod-compress@kubernetescrd
)");
  std::string staging = patch_of(out, "staging", "overlays/staging/patches/web-ingress.yaml");
  EXPECT_NE(staging.find("blog-staging-security-headers@kubernetescrd"), std::string::npos);
  EXPECT_NE(staging.find("- host: web.staging.example.org"), std::string::npos) << staging;
  EXPECT_EQ(staging.find("host: web.example.org"), std::string::npos) << staging;
  // Only shared middlewares: no IngressRoute objects, no explicit Certificate.
  EXPECT_NE(emitted(out, "base/_app/middleware-security-headers.yaml").find("frameDeny: true"),
            std::string::npos);
  EXPECT_EQ(emitted(out, "base/_app/middleware-redirect-https.yaml"),
            "<no base/_app/middleware-redirect-https.yaml>");
  EXPECT_EQ(emitted(out, "base/_app/certificate-web-example-org.yaml"),
            "<no base/_app/certificate-web-example-org.yaml>");
}

TEST(Ingress, SharedHostGetsOneExplicitCertificate) {
  auto f = load_fixture(R"(name: app
services:
  frontend:
    image: example/front:1
    expose: ["3000"]
    x-berth:
      ingress: [{port: 3000}]
  backend:
    image: example/back:1
    expose: ["8080"]
    x-berth:
      ingress: [{port: 8080, path: /api}]
)");
  Output out = run(*f);
  for (const char* svc : {"frontend", "backend"}) {
    std::string ing = emitted(out, std::string("base/") + svc + "/ingress.yaml");
    EXPECT_EQ(ing.find("cert-manager.io/cluster-issuer"), std::string::npos) << ing;
    EXPECT_NE(ing.find("secretName: app-example-org-tls"), std::string::npos) << ing;
  }
  EXPECT_EQ(emitted(out, "base/_app/certificate-app-example-org.yaml"), R"(apiVersion: cert-manager.io/v1
kind: Certificate
metadata:
  name: app-example-org
  labels:
    app.kubernetes.io/managed-by: berth
    app.kubernetes.io/name: app
    app.kubernetes.io/part-of: app
spec:
  secretName: app-example-org-tls
  issuerRef:
    name: letsencrypt-prod
    kind: ClusterIssuer
    group: cert-manager.io
  dnsNames:
    - app.example.org
)");
  EXPECT_EQ(patch_of(out, "staging", "overlays/staging/patches/certificate-app-example-org.yaml"),
            R"(apiVersion: cert-manager.io/v1
kind: Certificate
metadata:
  name: app-example-org
spec:
  dnsNames:
    - app.staging.example.org
)");
}

// Seed 004: /api → backend with the prefix stripped, / → frontend, both on the app host.
constexpr const char* kSeed004 = R"(name: gauzian
services:
  front:
    image: example/front:1
    expose: ["8080"]
    x-berth:
      ingress: [{port: 8080}]
  backend:
    image: example/backend:1
    expose: ["8080"]
    x-berth:
      ingress: [{port: 8080, path: /api, strip_prefix: true}]
      session_affinity: true
)";

TEST(IngressRoute, StripPrefixRouteAndMiddlewares) {
  auto f = load_fixture(kSeed004);
  Output out = run(*f);
  EXPECT_EQ(emitted(out, "base/backend/ingressroute.yaml"), R"(apiVersion: traefik.io/v1alpha1
kind: IngressRoute
metadata:
  name: backend
  labels:
    app.kubernetes.io/managed-by: berth
    app.kubernetes.io/name: backend
    app.kubernetes.io/part-of: gauzian
spec:
  entryPoints:
    - websecure
  routes:
    - match: Host(`gauzian.example.org`) && PathPrefix(`/api`)
      kind: Rule
      middlewares:
        - name: rate-limit
        - name: security-headers
        - name: strip-backend-0
        - name: compress
      services:
        - name: backend
          port: http
          sticky:
            cookie:
              name: backend-affinity
              secure: true
              httpOnly: true
  tls:
    secretName: gauzian-example-org-tls
)");
  EXPECT_EQ(emitted(out, "base/backend/middleware-strip-0.yaml"), R"(apiVersion: traefik.io/v1alpha1
kind: Middleware
metadata:
  name: strip-backend-0
  labels:
    app.kubernetes.io/managed-by: berth
    app.kubernetes.io/name: backend
    app.kubernetes.io/part-of: gauzian
spec:
  stripPrefix:
    prefixes:
      - /api
)");
  // The catch-all: host only, so Traefik's rule-length priority sends /api to the backend.
  std::string front = emitted(out, "base/front/ingressroute.yaml");
  EXPECT_NE(front.find("- match: Host(`gauzian.example.org`)\n      kind: Rule"),
            std::string::npos)
      << front;
  EXPECT_EQ(front.find("rate-limit"), std::string::npos) << front;
  // No plain Ingress once any route strips a prefix; one Certificate for the shared host.
  EXPECT_EQ(emitted(out, "base/front/ingress.yaml"), "<no base/front/ingress.yaml>");
  EXPECT_NE(emitted(out, "base/_app/certificate-gauzian-example-org.yaml").find("ClusterIssuer"),
            std::string::npos);
  // The affinity cookie is on the route, not as Service annotations.
  EXPECT_EQ(emitted(out, "base/backend/service.yaml").find("sticky"), std::string::npos);
}

TEST(IngressRoute, SharedMiddlewaresAndRedirect) {
  auto f = load_fixture(kSeed004);
  Output out = run(*f);
  EXPECT_EQ(emitted(out, "base/_app/middleware-security-headers.yaml"), R"(apiVersion: traefik.io/v1alpha1
kind: Middleware
metadata:
  name: security-headers
  labels:
    app.kubernetes.io/managed-by: berth
    app.kubernetes.io/name: gauzian
    app.kubernetes.io/part-of: gauzian
spec:
  headers:
    stsSeconds: 31536000
    stsIncludeSubdomains: true
    contentTypeNosniff: true
    browserXssFilter: true
    frameDeny: true
    referrerPolicy: strict-origin-when-cross-origin
)");
  EXPECT_NE(emitted(out, "base/_app/middleware-redirect-https.yaml")
                .find("redirectScheme:\n    scheme: https\n    permanent: true"),
            std::string::npos);
  EXPECT_NE(emitted(out, "base/_app/middleware-compress.yaml").find("compress: {}"),
            std::string::npos);
  EXPECT_NE(emitted(out, "base/_app/middleware-rate-limit.yaml")
                .find("rateLimit:\n    average: 100\n    burst: 200"),
            std::string::npos);
  EXPECT_EQ(emitted(out, "base/_app/ingressroute-redirect-https.yaml"), R"(apiVersion: traefik.io/v1alpha1
kind: IngressRoute
metadata:
  name: redirect-https
  labels:
    app.kubernetes.io/managed-by: berth
    app.kubernetes.io/name: gauzian
    app.kubernetes.io/part-of: gauzian
spec:
  entryPoints:
    - web
  routes:
    - match: Host(`gauzian.example.org`)
      kind: Rule
      priority: 1
      middlewares:
        - name: redirect-https
      services:
        - name: noop@internal
          kind: TraefikService
)");
  std::string staging =
      patch_of(out, "staging", "overlays/staging/patches/backend-ingressroute.yaml");
  EXPECT_NE(staging.find("Host(`gauzian.staging.example.org`) && PathPrefix(`/api`)"),
            std::string::npos)
      << staging;
  EXPECT_EQ(patch_of(out, "production", "overlays/production/patches/backend-ingressroute.yaml"),
            "<no overlays/production/patches/backend-ingressroute.yaml>");
}

TEST(IngressRoute, EnvHost) {
  profile::Profile p = profile::default_profile();
  const profile::Environment* staging = profile::find_environment(p, "staging");
  ASSERT_NE(staging, nullptr);
  EXPECT_EQ(net::env_host(p, *staging, "api.example.org"), "api.staging.example.org");
  EXPECT_EQ(net::env_host(p, *staging, "example.org"), "staging.example.org");
  EXPECT_EQ(net::env_host(p, *staging, "shop.test"), "staging.shop.test");
  EXPECT_EQ(net::env_host(p, *staging, "notexample.org"), "staging.notexample.org");
  EXPECT_EQ(net::env_host(p, *profile::find_environment(p, "production"), "api.example.org"),
            "api.example.org");
}

} // namespace
} // namespace berth::generate
