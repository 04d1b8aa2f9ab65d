// TLS on Ingress and Traefik IngressRoute objects.
#include <gtest/gtest.h>

#include "check/policy/policy_fixture.h"

namespace berth::check::policy::test {
namespace {

const char* kIngress = R"(apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: web
  annotations:
    cert-manager.io/cluster-issuer: letsencrypt-prod
spec:
  ingressClassName: traefik
  tls:
    - hosts:
        - shop.example.org
        - "*.apps.example.org"
      secretName: shop-tls
  rules:
    - host: shop.example.org
      http: {}
    - host: api.apps.example.org
      http: {}
    - host: deep.api.apps.example.org
      http: {}
)";

TEST(IngressTls, MissingTlsPointsAtTheSpec) {
  std::string plain = replace(kIngress, R"(  tls:
    - hosts:
        - shop.example.org
        - "*.apps.example.org"
      secretName: shop-tls
)",
                              "");
  Finding f = only(run(plain), "ingress-tls-missing");
  EXPECT_EQ(at(f), "8:3");
  EXPECT_EQ(f.severity, Severity::Warning);
  EXPECT_NE(f.message.find("Ingress web has no spec.tls"), std::string::npos);
}

TEST(IngressTls, HostsNotCoveredByTls) {
  // The wildcard covers one label: api.apps yes, deep.api.apps no.
  Finding f = only(run(kIngress), "ingress-tls-missing");
  EXPECT_EQ(at(f), "19:13");
  EXPECT_NE(f.message.find("deep.api.apps.example.org"), std::string::npos);
  EXPECT_FALSE(run(replace(kIngress, "    - host: deep.api.apps.example.org\n      http: {}\n", ""))
                   .has("ingress-tls-missing"));
}

const char* kRoute = R"(apiVersion: traefik.io/v1alpha1
kind: IngressRoute
metadata:
  name: web
spec:
  entryPoints:
    - websecure
  routes:
    - match: Host(`shop.example.org`)
      kind: Rule
      services:
        - name: web
          port: http
  tls:
    secretName: shop-tls
)";

TEST(IngressTls, IngressRouteWithoutTls) {
  EXPECT_FALSE(run(kRoute).has("ingressroute-tls-missing"));
  Finding f = only(run(replace(kRoute, "  tls:\n    secretName: shop-tls\n", "")),
                   "ingressroute-tls-missing");
  EXPECT_EQ(at(f), "6:3");
  EXPECT_NE(f.message.find("no tls section"), std::string::npos);
}

TEST(IngressTls, IngressRouteOnWebOnly) {
  Finding f = only(run(replace(kRoute, "- websecure", "- web")), "ingressroute-tls-missing");
  EXPECT_EQ(at(f), "7:5"); // the entryPoints list
  EXPECT_NE(f.message.find("plain-HTTP entrypoint web"), std::string::npos);
}

TEST(IngressTls, TheRedirectRouteIsFine) {
  // berth's redirect-https IngressRoute: web only, no tls, Traefik's noop service.
  EXPECT_FALSE(run(R"(apiVersion: traefik.io/v1alpha1
kind: IngressRoute
metadata:
  name: redirect-https
spec:
  entryPoints:
    - web
  routes:
    - match: Host(`shop.example.org`)
      kind: Rule
      priority: 1
      middlewares:
        - name: redirect-https
      services:
        - name: noop@internal
          kind: TraefikService
)")
                   .has("ingressroute-tls-missing"));
  EXPECT_FALSE(
      run(replace(replace(kRoute, "- websecure", "- web"), "      kind: Rule\n",
                  "      kind: Rule\n      middlewares:\n        - name: to-https-redirect\n"))
          .has("ingressroute-tls-missing"));
}

} // namespace
} // namespace berth::check::policy::test
