// ingress-nginx annotations, one by one: each becomes a Traefik Middleware (or a Service
// annotation, or a path rewrite) with the exact spec, or a report entry saying why not.
#include <gtest/gtest.h>

#include "fixture.h"
#include "import/nginx.h"
#include "support/yaml_assert.h"

namespace berth::import {
namespace {

using generate::Disposition;
using test::reported;

// An nginx Ingress in namespace shop with `annotations` (YAML lines, 6 spaces deep) and `paths`.
std::string ingress(const std::string& annotations, const std::string& path = "/",
                    const std::string& extra = "") {
  return R"(
apiVersion: v1
kind: List
items:
- apiVersion: v1
  kind: Service
  metadata: {name: api, namespace: shop}
  spec: {selector: {app: api}, ports: [{name: http, port: 8080}]}
- apiVersion: networking.k8s.io/v1
  kind: Ingress
  metadata:
    name: api
    namespace: shop
    annotations:
)" + annotations +
         R"(
  spec:
    ingressClassName: nginx
    tls: [{hosts: [shop.example.com], secretName: shop-tls}]
    rules:
    - host: shop.example.com
      http:
        paths:
        - path: ")" +
         path + R"("
          pathType: ImplementationSpecific
          backend: {service: {name: api, port: {name: http}}}
)" + extra;
}

const yaml::Node& spec_of(const generate::Output& out, const std::string& middleware) {
  const yaml::Node* m = test::object(out, "Middleware", middleware);
  EXPECT_NE(m, nullptr) << middleware;
  static const yaml::Node empty = yaml::Node::mapping();
  return m ? *m->find("spec") : empty;
}

TEST(ImportNginx, Sizes) {
  EXPECT_EQ(nginx_size("8m"), 8 * 1024 * 1024);
  EXPECT_EQ(nginx_size("512K"), 512 * 1024);
  EXPECT_EQ(nginx_size("1g"), 1024LL * 1024 * 1024);
  EXPECT_EQ(nginx_size("100"), 100);
  EXPECT_EQ(nginx_size("0"), 0);
  EXPECT_EQ(nginx_size("lots"), std::nullopt);
  EXPECT_EQ(nginx_size(""), std::nullopt);
}

TEST(ImportNginx, RegexPaths) {
  EXPECT_EQ(strip_prefix_of("/api(/|$)(.*)", "/$2"), "/api");
  EXPECT_EQ(strip_prefix_of("^/v1/api(/|$)(.*)", "/$2"), "/v1/api");
  EXPECT_EQ(strip_prefix_of("/api(/|$)(.*)", "/$1"), "");
  EXPECT_EQ(strip_prefix_of("/a.b(/|$)(.*)", "/$2"), "");
  EXPECT_EQ(literal_prefix("/api/v[0-9]+/items"), "/api/v");
  EXPECT_EQ(literal_prefix("^/static/.*"), "/static/");
  EXPECT_EQ(literal_prefix("/files?"), "/file");
  EXPECT_EQ(literal_prefix("(.*)"), "/");
}

TEST(ImportNginx, AllowListRateLimitsBodySizeAndCors) {
  generate::Output out = test::run(ingress(
      R"(      nginx.ingress.kubernetes.io/whitelist-source-range: "10.0.0.0/8, 192.168.1.0/24"
      nginx.ingress.kubernetes.io/limit-rps: "10"
      nginx.ingress.kubernetes.io/limit-burst-multiplier: "3"
      nginx.ingress.kubernetes.io/limit-connections: "20"
      nginx.ingress.kubernetes.io/proxy-body-size: 8m
      nginx.ingress.kubernetes.io/enable-cors: "true"
      nginx.ingress.kubernetes.io/cors-allow-origin: "https://a.example.com, https://b.example.com"
      nginx.ingress.kubernetes.io/x-forwarded-prefix: /api)"));
  EXPECT_YAML_EQ(spec_of(out, "api-allowlist"),
                 "{ipAllowList: {sourceRange: [10.0.0.0/8, 192.168.1.0/24]}}");
  EXPECT_YAML_EQ(spec_of(out, "api-ratelimit"), "{rateLimit: {average: 10, burst: 30}}");
  EXPECT_YAML_EQ(spec_of(out, "api-inflight"), "{inFlightReq: {amount: 20}}");
  EXPECT_YAML_EQ(spec_of(out, "api-body-size"), "{buffering: {maxRequestBodyBytes: 8388608}}");
  EXPECT_YAML_EQ(spec_of(out, "api-headers"), R"(
headers:
  accessControlAllowOriginList: [https://a.example.com, https://b.example.com]
  accessControlAllowMethods: [GET, PUT, POST, DELETE, PATCH, OPTIONS]
  accessControlAllowHeaders: [DNT, Keep-Alive, User-Agent, X-Requested-With, If-Modified-Since,
                              Cache-Control, Content-Type, Range, Authorization]
  accessControlAllowCredentials: true
  accessControlMaxAge: 1728000
  addVaryHeader: true
  customRequestHeaders: {X-Forwarded-Prefix: /api}
)");
  // Applied in Traefik's order, spelled with each environment's namespace.
  const yaml::Node* p =
      test::patch(out, "production", "overlays/production/patches/ingress-api.yaml");
  ASSERT_NE(p, nullptr);
  EXPECT_EQ(p->find("metadata")
                ->find("annotations")
                ->text("traefik.ingress.kubernetes.io/router.middlewares"),
            "shop-prod-api-allowlist@kubernetescrd,shop-prod-api-ratelimit@kubernetescrd,"
            "shop-prod-api-inflight@kubernetescrd,shop-prod-api-body-size@kubernetescrd,"
            "shop-prod-api-headers@kubernetescrd");
  // nginx redirected HTTP to HTTPS for TLS hosts: a router on entrypoint web does it here.
  const yaml::Node* r =
      test::patch(out, "staging", "overlays/staging/patches/ingress-api-redirect.yaml");
  ASSERT_NE(r, nullptr);
  EXPECT_EQ(r->find("metadata")
                ->find("annotations")
                ->text("traefik.ingress.kubernetes.io/router.middlewares"),
            "shop-staging-redirect-https@kubernetescrd");
  EXPECT_YAML_EQ(spec_of(out, "redirect-https"),
                 "{redirectScheme: {scheme: https, permanent: true}}");
  // No nginx annotation survives.
  const yaml::Node* ing = test::object(out, "Ingress", "api");
  for (const auto& e : ing->find("metadata")->find("annotations")->entries())
    EXPECT_FALSE(e.key.value().starts_with("nginx.")) << e.key.value();
}

TEST(ImportNginx, RewriteTargetBecomesStripPrefixOrReplacePathRegex) {
  generate::Output strip =
      test::run(ingress("      nginx.ingress.kubernetes.io/rewrite-target: /$2\n"
                        "      nginx.ingress.kubernetes.io/use-regex: \"true\"",
                        "/api(/|$)(.*)"));
  EXPECT_YAML_EQ(spec_of(strip, "api-strip-prefix"), "{stripPrefix: {prefixes: [/api]}}");
  const yaml::Node& path = test::object(strip, "Ingress", "api")
                               ->find("spec")
                               ->find("rules")
                               ->items()[0]
                               .find("http")
                               ->find("paths")
                               ->items()[0];
  EXPECT_EQ(path.text("path"), "/api");
  EXPECT_EQ(path.text("pathType"), "Prefix");

  generate::Output rewrite =
      test::run(ingress("      nginx.ingress.kubernetes.io/rewrite-target: /v2/$1", "/old/(.*)"));
  EXPECT_YAML_EQ(spec_of(rewrite, "api-rewrite"),
                 "{replacePathRegex: {regex: ^/old/(.*), replacement: /v2/$1}}");
  EXPECT_TRUE(reported(rewrite, "Ingress/api", "nginx.ingress.kubernetes.io/rewrite-target",
                       Disposition::Translated, "the Ingress path became the prefix /old/"));
}

TEST(ImportNginx, BasicAuthRekeysTheSecretForTraefik) {
  const std::string secret = R"(- apiVersion: v1
  kind: Secret
  metadata: {name: api-auth, namespace: shop}
  data: {auth: YWRtaW46JGFwcjEkUThsVTNzZGYkeTNONnJKN3hTNmRjYVhrUTVFMXMwLwo=}
)";
  generate::Output out = test::run(ingress(R"(      nginx.ingress.kubernetes.io/auth-type: basic
      nginx.ingress.kubernetes.io/auth-secret: shop/api-auth
      nginx.ingress.kubernetes.io/auth-realm: Admins only)",
                                           "/", secret));
  EXPECT_YAML_EQ(spec_of(out, "api-basic-auth"),
                 "{basicAuth: {secret: api-auth, realm: Admins only}}");
  std::string tpl = test::file(out, "overlays/production/secrets/api-auth.template.yaml");
  EXPECT_NE(tpl.find("auth: REPLACE_ME"), std::string::npos) << tpl;
  EXPECT_NE(tpl.find("users: REPLACE_ME"), std::string::npos) << tpl;
}

TEST(ImportNginx, ForwardAuthRedirectsAndBackendAnnotations) {
  generate::Output out = test::run(
      ingress(R"(      nginx.ingress.kubernetes.io/auth-url: http://oauth2.auth.svc/oauth2/auth
      nginx.ingress.kubernetes.io/auth-response-headers: X-User, X-Email
      nginx.ingress.kubernetes.io/app-root: /app
      nginx.ingress.kubernetes.io/backend-protocol: HTTPS
      nginx.ingress.kubernetes.io/affinity: cookie
      nginx.ingress.kubernetes.io/session-cookie-name: ROUTE)"));
  EXPECT_YAML_EQ(spec_of(out, "api-forward-auth"),
                 "{forwardAuth: {address: 'http://oauth2.auth.svc/oauth2/auth', "
                 "authResponseHeaders: [X-User, X-Email]}}");
  EXPECT_YAML_EQ(spec_of(out, "api-app-root"),
                 "{redirectRegex: {regex: '^(https?://[^/]+)/$', replacement: '${1}/app'}}");
  const yaml::Node* a = test::object(out, "Service", "api")->find("metadata")->find("annotations");
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(a->text("traefik.ingress.kubernetes.io/service.serversscheme"), "https");
  EXPECT_EQ(a->text("traefik.ingress.kubernetes.io/service.sticky.cookie"), "true");
  EXPECT_EQ(a->text("traefik.ingress.kubernetes.io/service.sticky.cookie.name"), "ROUTE");
}

TEST(ImportNginx, WhatHasNoEquivalentIsReportedOneByOne) {
  generate::Output out = test::run(
      ingress(R"(      nginx.ingress.kubernetes.io/configuration-snippet: "more_set_headers X: y;"
      nginx.ingress.kubernetes.io/proxy-read-timeout: "600"
      nginx.ingress.kubernetes.io/ssl-passthrough: "true"
      nginx.ingress.kubernetes.io/denylist-source-range: 10.1.0.0/16
      nginx.ingress.kubernetes.io/some-future-thing: "on")"));
  for (const char* key : {"configuration-snippet", "proxy-read-timeout", "ssl-passthrough",
                          "denylist-source-range", "some-future-thing"})
    EXPECT_TRUE(reported(out, "Ingress/api", std::string(kNginxPrefix) + key, Disposition::Dropped))
        << key;
  EXPECT_TRUE(reported(out, "Ingress/api", std::string(kNginxPrefix) + "proxy-read-timeout",
                       Disposition::Dropped, "ServersTransport"));
}

} // namespace
} // namespace berth::import
