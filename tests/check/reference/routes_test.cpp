// Ingress / IngressRoute → Services: ingress-backend-missing, ingress-backend-port-missing,
// ingressroute-middleware-missing.
#include "check/reference/set_fixture.h"

namespace berth::check::test {
namespace {

const char* kApp = R"(apiVersion: apps/v1
kind: Deployment
metadata: {name: api}
spec:
  selector: {matchLabels: {app: api}}
  template:
    metadata: {labels: {app: api}}
    spec:
      containers:
        - name: api
          image: api:1
          ports: [{name: http, containerPort: 8080}]
---
apiVersion: v1
kind: Service
metadata: {name: api}
spec:
  selector: {app: api}
  ports: [{name: web, port: 80, targetPort: http}]
)";

// Line 14: service name (column 23); line 16: port number (column 27).
std::string ingress(std::string_view service, std::string_view port) {
  return R"(apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: api
spec:
  rules:
    - host: api.example.org
      http:
        paths:
          - path: /
            pathType: Prefix
            backend:
              service:
                name: )" +
         std::string(service) + R"(
                port:
                  )" +
         std::string(port) + "\n";
}

// Line 9: services[0].name (column 17); line 10: its port (column 17).
std::string ingress_route(std::string_view service, std::string_view port,
                          std::string_view extra = "") {
  return R"(apiVersion: traefik.io/v1alpha1
kind: IngressRoute
metadata: {name: api}
spec:
  entryPoints: [websecure]
  routes:
    - match: Host(`api.example.org`)
      services:
        - name: )" +
         std::string(service) + "\n          port: " + std::string(port) + "\n" +
         std::string(extra);
}

TEST(IngressBackend, ExistingServiceAndPortPass) {
  SetRun s;
  s.add("app.yaml", kApp).add("ingress.yaml", ingress("api", "number: 80"));
  s.add("route.yaml", ingress_route("api", "80")).add("route2.yaml", ingress_route("api", "web"));
  s.add("ing2.yaml", ingress("api", "name: web"));
  EXPECT_TRUE(s.problems().empty()) << dump(s.problems());
}

TEST(IngressBackend, MissingServiceIsAnErrorAtItsName) {
  SetRun s;
  s.add("app.yaml", kApp).add("ingress.yaml", ingress("apii", "number: 80"));
  Finding f = only(s.run(), "ingress-backend-missing");
  EXPECT_EQ(f.file, "ingress.yaml");
  EXPECT_EQ(at(f), "14:23");
  EXPECT_EQ(f.message, "backend Service \"apii\" is not in the default namespace of the set");
}

TEST(IngressBackend, ContainerPortInsteadOfServicePortIsAnError) {
  SetRun s;
  s.add("app.yaml", kApp).add("ingress.yaml", ingress("api", "number: 8080"));
  Finding f = only(s.run(), "ingress-backend-port-missing");
  EXPECT_EQ(at(f), "16:27");
  EXPECT_EQ(f.message, "backend port 8080 is not a port of Service \"api\" (ports: web 80)");
  EXPECT_NE(f.fix.find("not the container port"), std::string::npos);
}

TEST(IngressBackend, UnknownPortNameIsAnError) {
  SetRun s;
  s.add("app.yaml", kApp).add("ingress.yaml", ingress("api", "name: http"));
  EXPECT_EQ(at(only(s.run(), "ingress-backend-port-missing")), "16:25");
}

TEST(IngressBackend, V1beta1BackendsAreChecked) {
  SetRun s;
  s.add("app.yaml", kApp)
      .add("old.yaml", "apiVersion: extensions/v1beta1\nkind: Ingress\nmetadata: {name: old}\n"
                       "spec:\n  backend:\n    serviceName: api\n    servicePort: 81\n");
  Finding f = only(s.run(), "ingress-backend-port-missing");
  EXPECT_EQ(at(f), "7:18");
}

TEST(IngressBackend, SilentWithoutAnyServiceUnlessComplete) {
  SetRun s;
  s.add("ingress.yaml", ingress("api", "number: 80"));
  EXPECT_TRUE(of(s.run(), "ingress-backend-missing").empty());
  s.options.complete = true;
  EXPECT_EQ(of(s.run(), "ingress-backend-missing").size(), 1u);
}

TEST(IngressRouteBackend, MissingServiceAndPortAreErrors) {
  SetRun s;
  s.add("app.yaml", kApp).add("a.yaml", ingress_route("apii", "80"));
  s.add("b.yaml", ingress_route("api", "8080"));
  std::vector<Finding> all = s.run();
  Finding missing = only(all, "ingress-backend-missing");
  EXPECT_EQ(missing.file, "a.yaml");
  EXPECT_EQ(at(missing), "9:17");
  Finding port = only(all, "ingress-backend-port-missing");
  EXPECT_EQ(port.file, "b.yaml");
  EXPECT_EQ(at(port), "10:17");
}

TEST(IngressRouteBackend, TraefikServicesAndProviderNames) {
  SetRun s;
  s.add("app.yaml", kApp)
      .add("a.yaml", ingress_route("canary", "80", "          kind: TraefikService\n"))
      .add("b.yaml", ingress_route("api@file", "80"));
  // No TraefikService at all in the set: it may live elsewhere, unless --complete.
  EXPECT_TRUE(of(s.run(), "ingress-backend-missing").empty()) << dump(s.run());
  s.options.complete = true;
  Finding f = only(s.run(), "ingress-backend-missing");
  EXPECT_EQ(f.file, "a.yaml");
  EXPECT_EQ(f.message, "TraefikService \"canary\" is not in the default namespace of the set");
  s.add("ts.yaml", "apiVersion: traefik.io/v1alpha1\nkind: TraefikService\n"
                   "metadata: {name: canary}\nspec: {weighted: {services: []}}\n");
  EXPECT_TRUE(of(s.run(), "ingress-backend-missing").empty()) << dump(s.run());
}

TEST(IngressRouteBackend, ExplicitNamespaceIsHonoured) {
  std::string app = kApp;
  app.replace(app.find("metadata: {name: api}\nspec:\n  selector: {app"), 21,
              "metadata: {name: api, namespace: backend}");
  SetRun s;
  s.add("app.yaml", app)
      .add("a.yaml", "apiVersion: traefik.io/v1alpha1\nkind: IngressRoute\n"
                     "metadata: {name: r, namespace: front}\nspec:\n  routes:\n"
                     "    - match: Host(`x`)\n      services:\n"
                     "        - {name: api, namespace: backend, port: 80}\n"
                     "        - {name: api, port: 80}\n");
  Finding f = only(s.run(), "ingress-backend-missing");
  EXPECT_EQ(at(f), "9:18");
  EXPECT_EQ(f.message, "backend Service \"api\" is not in namespace \"front\"");
}

TEST(IngressRouteMiddleware, CheckedOnlyWithComplete) {
  std::string uses = "      middlewares:\n        - name: strip-api\n        - name: "
                     "redirect@file\n";
  SetRun s;
  s.add("app.yaml", kApp).add("route.yaml", ingress_route("api", "80", uses));
  EXPECT_TRUE(of(s.run(), "ingressroute-middleware-missing").empty());
  s.options.complete = true;
  Finding f = only(s.run(), "ingressroute-middleware-missing");
  EXPECT_EQ(at(f), "12:17");
  EXPECT_EQ(f.message, "Middleware \"strip-api\" is not in the default namespace of the set");
  s.add("mw.yaml", "apiVersion: traefik.io/v1alpha1\nkind: Middleware\n"
                   "metadata: {name: strip-api}\nspec: {stripPrefix: {prefixes: [/api]}}\n");
  EXPECT_TRUE(of(s.run(), "ingressroute-middleware-missing").empty());
}

} // namespace
} // namespace berth::check::test
