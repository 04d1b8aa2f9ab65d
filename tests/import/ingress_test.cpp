// Ingresses on K3s: Traefik class and entrypoint, the profile's cert-manager issuer, redirects,
// middleware references per environment and hosts moved by each environment's prefix.
#include <gtest/gtest.h>

#include "fixture.h"
#include "support/yaml_assert.h"

namespace berth::import {
namespace {

using generate::Disposition;
using test::reported;

TEST(ImportIngress, ClassIssuerAndEntrypoints) {
  generate::Output out = test::run(R"(
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: web
  namespace: shop
  annotations:
    kubernetes.io/ingress.class: nginx
    cert-manager.io/cluster-issuer: letsencrypt
spec:
  tls: [{hosts: [shop.example.org], secretName: shop-tls}]
  rules:
  - host: shop.example.org
    http: {paths: [{path: /, pathType: Prefix, backend: {service: {name: web, port: {number: 80}}}}]}
)");
  const yaml::Node* ing = test::object(out, "Ingress", "web");
  ASSERT_NE(ing, nullptr);
  EXPECT_YAML_EQ(*ing->find("metadata")->find("annotations"), R"(
cert-manager.io/cluster-issuer: letsencrypt-prod
traefik.ingress.kubernetes.io/router.entrypoints: websecure
traefik.ingress.kubernetes.io/router.tls: "true"
)");
  EXPECT_EQ(ing->find("spec")->text("ingressClassName"), "traefik");
  EXPECT_TRUE(reported(out, "Ingress/web", "annotations.cert-manager.io/cluster-issuer",
                       Disposition::Translated, "letsencrypt → letsencrypt-prod"));
  // The redirect Ingress answers on entrypoint web.
  const yaml::Node* redirect = test::object(out, "Ingress", "web-redirect");
  ASSERT_NE(redirect, nullptr);
  EXPECT_EQ(redirect->find("metadata")
                ->find("annotations")
                ->text("traefik.ingress.kubernetes.io/router.entrypoints"),
            "web");
  EXPECT_EQ(redirect->find("spec")->find("tls"), nullptr);
  // Staging moves the host under its prefix, in the rules and the TLS hosts.
  const yaml::Node* p = test::patch(out, "staging", "overlays/staging/patches/ingress-web.yaml");
  ASSERT_NE(p, nullptr);
  const yaml::Node& spec = *p->find("spec");
  EXPECT_EQ(spec.find("rules")->items()[0].text("host"), "shop.staging.example.org");
  EXPECT_EQ(spec.find("tls")->items()[0].find("hosts")->items()[0].value(),
            "shop.staging.example.org");
  // Production keeps it: its patch only names middlewares (none here), so there is none.
  EXPECT_EQ(test::patch(out, "production", "overlays/production/patches/ingress-web.yaml"),
            nullptr);
}

TEST(ImportIngress, TlsWithoutSecretOrIssuerGetsTheProfileIssuerOnce) {
  generate::Output out = test::run(R"(
apiVersion: v1
kind: List
items:
- apiVersion: networking.k8s.io/v1
  kind: Ingress
  metadata: {name: a, namespace: shop}
  spec:
    ingressClassName: traefik
    tls: [{hosts: [shop.example.org], secretName: shop-tls}]
    rules: [{host: shop.example.org, http: {paths: [{path: /, pathType: Prefix, backend: {service: {name: a, port: {number: 80}}}}]}}]
- apiVersion: networking.k8s.io/v1
  kind: Ingress
  metadata: {name: b, namespace: shop}
  spec:
    ingressClassName: traefik
    tls: [{hosts: [shop.example.org], secretName: shop-tls}]
    rules: [{host: shop.example.org, http: {paths: [{path: /b, pathType: Prefix, backend: {service: {name: b, port: {number: 80}}}}]}}]
)");
  EXPECT_EQ(test::object(out, "Ingress", "a")
                ->find("metadata")
                ->find("annotations")
                ->text("cert-manager.io/cluster-issuer"),
            "letsencrypt-prod");
  EXPECT_EQ(test::object(out, "Ingress", "b")
                ->find("metadata")
                ->find("annotations")
                ->text("cert-manager.io/cluster-issuer"),
            "");
  EXPECT_TRUE(reported(out, "Ingress/b", "spec.tls", Disposition::Translated, "through Ingress a"));
  // A Traefik Ingress stays as written: no redirect Ingress is invented.
  EXPECT_EQ(test::object(out, "Ingress", "a-redirect"), nullptr);
}

TEST(ImportIngress, ExistingMiddlewareReferencesFollowTheNamespace) {
  generate::Output out = test::run(R"(
apiVersion: v1
kind: List
items:
- apiVersion: traefik.io/v1alpha1
  kind: Middleware
  metadata: {name: compress, namespace: shop-prod}
  spec: {compress: {}}
- apiVersion: networking.k8s.io/v1
  kind: Ingress
  metadata:
    name: web
    namespace: shop-prod
    annotations:
      traefik.ingress.kubernetes.io/router.middlewares: shop-prod-compress@kubernetescrd, kube-system-auth@kubernetescrd
  spec:
    ingressClassName: traefik
    rules: [{host: shop.example.org, http: {paths: [{path: /, pathType: Prefix, backend: {service: {name: web, port: {number: 80}}}}]}}]
)");
  const yaml::Node* base_meta = test::object(out, "Ingress", "web")->find("metadata");
  EXPECT_EQ(base_meta->find("annotations"), nullptr);
  for (const char* env : {"staging", "production"}) {
    const yaml::Node* p =
        test::patch(out, env, std::string("overlays/") + env + "/patches/ingress-web.yaml");
    ASSERT_NE(p, nullptr) << env;
    std::string ns = std::string("shop-") + (std::string(env) == "staging" ? "staging" : "prod");
    EXPECT_EQ(p->find("metadata")
                  ->find("annotations")
                  ->text("traefik.ingress.kubernetes.io/router.middlewares"),
              ns + "-compress@kubernetescrd,kube-system-auth@kubernetescrd");
  }
}

TEST(ImportIngress, IngressRouteAndCertificateHostsMoveInStaging) {
  generate::Output out = test::run(R"(
apiVersion: v1
kind: List
items:
- apiVersion: traefik.io/v1alpha1
  kind: IngressRoute
  metadata: {name: api, namespace: shop-prod}
  spec:
    entryPoints: [websecure]
    routes:
    - match: Host(`api.example.org`) && PathPrefix(`/v1`)
      kind: Rule
      services: [{name: api, port: 8080}]
    tls: {secretName: api-example-org-tls}
- apiVersion: cert-manager.io/v1
  kind: Certificate
  metadata: {name: api-example-org, namespace: shop-prod}
  spec:
    secretName: api-example-org-tls
    dnsNames: [api.example.org]
    issuerRef: {kind: ClusterIssuer, name: letsencrypt-prod}
)");
  const yaml::Node* route =
      test::patch(out, "staging", "overlays/staging/patches/ingressroute-api.yaml");
  ASSERT_NE(route, nullptr);
  EXPECT_EQ(route->find("spec")->find("routes")->items()[0].text("match"),
            "Host(`api.staging.example.org`) && PathPrefix(`/v1`)");
  const yaml::Node* cert =
      test::patch(out, "staging", "overlays/staging/patches/certificate-api-example-org.yaml");
  ASSERT_NE(cert, nullptr);
  EXPECT_EQ(cert->find("spec")->find("dnsNames")->items()[0].value(), "api.staging.example.org");
  EXPECT_EQ(test::patch(out, "production", "overlays/production/patches/ingressroute-api.yaml"),
            nullptr);
}

} // namespace
} // namespace berth::import

namespace berth::import {
namespace {

TEST(ImportIngress, TraefikV2ObjectsMoveToV3) {
  generate::Output out = test::run(R"(
apiVersion: v1
kind: List
items:
- apiVersion: traefik.containo.us/v1alpha1
  kind: Middleware
  metadata: {name: office, namespace: shop-prod}
  spec: {ipWhiteList: {sourceRange: [10.0.0.0/8]}}
- apiVersion: traefik.containo.us/v1alpha1
  kind: IngressRoute
  metadata: {name: api, namespace: shop-prod}
  spec:
    routes:
    - match: Host(`api.example.org`)
      kind: Rule
      middlewares: [{name: office, namespace: shop-prod}, {name: auth, namespace: kube-system}]
      services: [{name: api, port: 8080, namespace: shop-prod}]
)");
  EXPECT_YAML_EQ(*test::object(out, "Middleware", "office"), R"(
apiVersion: traefik.io/v1alpha1
kind: Middleware
metadata: {name: office}
spec: {ipAllowList: {sourceRange: [10.0.0.0/8]}}
)");
  const yaml::Node* route = test::object(out, "IngressRoute", "api");
  EXPECT_EQ(route->text("apiVersion"), "traefik.io/v1alpha1");
  EXPECT_YAML_EQ(route->find("spec")->find("routes")->items()[0], R"(
match: Host(`api.example.org`)
kind: Rule
middlewares: [{name: office}, {name: auth, namespace: kube-system}]
services: [{name: api, port: 8080}]
)");
}

} // namespace
} // namespace berth::import

namespace berth::import {
namespace {

TEST(ImportOverlays, FieldsNamingTheNamespaceFollowEachEnvironment) {
  generate::Output out = test::run(R"(
apiVersion: v1
kind: List
items:
- apiVersion: rbac.authorization.k8s.io/v1
  kind: RoleBinding
  metadata: {name: reader, namespace: shop}
  roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: reader}
  subjects: [{kind: ServiceAccount, name: api, namespace: shop}, {kind: ServiceAccount, name: x, namespace: ops}]
- apiVersion: networking.k8s.io/v1
  kind: NetworkPolicy
  metadata: {name: from-self, namespace: shop}
  spec:
    podSelector: {}
    ingress: [{from: [{namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: shop}}}]}]
- apiVersion: monitoring.coreos.com/v1
  kind: ServiceMonitor
  metadata: {name: api, namespace: shop}
  spec: {namespaceSelector: {matchNames: [shop]}, selector: {matchLabels: {app: api}}, endpoints: [{port: http}]}
)");
  const yaml::Node* rb =
      test::patch(out, "staging", "overlays/staging/patches/rolebinding-reader-namespace.yaml");
  ASSERT_NE(rb, nullptr);
  EXPECT_YAML_EQ(*rb->find("subjects"),
                 "[{name: api, kind: ServiceAccount, namespace: shop-staging}, "
                 "{name: x, kind: ServiceAccount, namespace: ops}]");
  const yaml::Node* np = test::patch(
      out, "production", "overlays/production/patches/networkpolicy-from-self-namespace.yaml");
  ASSERT_NE(np, nullptr);
  EXPECT_EQ(np->find("spec")
                ->find("ingress")
                ->items()[0]
                .find("from")
                ->items()[0]
                .find("namespaceSelector")
                ->find("matchLabels")
                ->text("kubernetes.io/metadata.name"),
            "shop-prod");
  const yaml::Node* sm = test::patch(
      out, "production", "overlays/production/patches/servicemonitor-api-namespace.yaml");
  ASSERT_NE(sm, nullptr);
  EXPECT_YAML_EQ(*sm->find("spec")->find("namespaceSelector"), "{matchNames: [shop-prod]}");
}

} // namespace
} // namespace berth::import
