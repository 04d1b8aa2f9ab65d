// Service → pods: service-selector-no-match, service-target-port-missing/-undeclared.
#include "check/reference/set_fixture.h"

namespace berth::check::test {
namespace {

const char* kDeployment = R"(apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: shop
spec:
  replicas: 1
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web, tier: front}
    spec:
      containers:
        - name: web
          image: web:1
          ports:
            - {name: http, containerPort: 8080}
)";

// Line 8: the selector mapping (column 5); line 12: targetPort.
std::string service(std::string_view selector_value, std::string_view target,
                    std::string_view ns = "shop") {
  return "apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n  namespace: " + std::string(ns) +
         "\nspec:\n  selector:\n    app: " + std::string(selector_value) +
         "\n  ports:\n    - name: http\n      port: 80\n      targetPort: " + std::string(target) +
         "\n";
}

TEST(ServiceSelector, MatchingPodsPass) {
  SetRun s;
  s.add("deploy.yaml", kDeployment).add("svc.yaml", service("web", "http"));
  EXPECT_TRUE(s.problems().empty()) << dump(s.problems());
}

TEST(ServiceSelector, NoMatchingPodsIsAnErrorAtTheSelector) {
  SetRun s;
  s.add("deploy.yaml", kDeployment).add("svc.yaml", service("webb", "http"));
  Finding f = only(s.run(), "service-selector-no-match");
  EXPECT_EQ(f.file, "svc.yaml");
  EXPECT_EQ(at(f), "8:5");
  EXPECT_EQ(f.object, "Service/web");
  EXPECT_EQ(f.message, "selector app=webb matches no pod template in namespace \"shop\"");
  EXPECT_NE(f.fix.find("Deployment/web are labelled app=web, tier=front"), std::string::npos)
      << f.fix;
}

TEST(ServiceSelector, PodsOfAnotherNamespaceDoNotCount) {
  SetRun s;
  s.add("deploy.yaml", kDeployment).add("svc.yaml", service("web", "http", "other"));
  EXPECT_EQ(of(s.run(), "service-selector-no-match").size(), 1u);
}

TEST(ServiceSelector, ObjectsWithoutNamespaceMatchAnyNamespace) {
  std::string deployment = kDeployment;
  deployment.erase(deployment.find("  namespace: shop\n"), 18);
  SetRun s;
  s.add("deploy.yaml", deployment).add("svc.yaml", service("web", "http"));
  EXPECT_TRUE(s.problems().empty()) << dump(s.problems());
}

TEST(ServiceSelector, SilentWhenTheSetHasNoPodsUnlessComplete) {
  SetRun s;
  s.add("svc.yaml", service("web", "http"));
  EXPECT_TRUE(s.problems().empty());
  s.options.complete = true;
  EXPECT_EQ(of(s.run(), "service-selector-no-match").size(), 1u);
}

TEST(ServiceSelector, SelectorlessAndExternalNameServicesAreSkipped) {
  SetRun s;
  s.add("deploy.yaml", kDeployment)
      .add("svc.yaml", "apiVersion: v1\nkind: Service\nmetadata: {name: db}\nspec:\n"
                       "  ports: [{port: 5432}]\n---\n"
                       "apiVersion: v1\nkind: Service\nmetadata: {name: ext}\nspec:\n"
                       "  type: ExternalName\n  externalName: db.example.org\n"
                       "  selector: {app: nothing}\n");
  EXPECT_TRUE(s.problems().empty()) << dump(s.problems());
}

TEST(ServiceTargetPort, UnknownNameIsAnErrorAtTargetPort) {
  SetRun s;
  s.add("deploy.yaml", kDeployment).add("svc.yaml", service("web", "web-http"));
  Finding f = only(s.run(), "service-target-port-missing");
  EXPECT_EQ(at(f), "12:19");
  EXPECT_EQ(f.message, "targetPort \"web-http\" of port 80 is not a port name of the selected "
                       "containers: Deployment/web (http 8080)");
}

TEST(ServiceTargetPort, DeclaredNumberPasses) {
  SetRun s;
  s.add("deploy.yaml", kDeployment).add("svc.yaml", service("web", "8080"));
  EXPECT_TRUE(s.problems().empty()) << dump(s.problems());
}

TEST(ServiceTargetPort, UndeclaredNumberIsAWarning) {
  SetRun s;
  s.add("deploy.yaml", kDeployment).add("svc.yaml", service("web", "9090"));
  Finding f = only(s.run(), "service-target-port-undeclared");
  EXPECT_EQ(at(f), "12:19");
  EXPECT_NE(f.message.find("targetPort 9090 of port 80 is not declared"), std::string::npos);
}

TEST(ServiceTargetPort, NumberIsFineWhenContainersDeclareNoPorts) {
  std::string deployment = kDeployment;
  deployment.erase(deployment.find("          ports:"));
  SetRun s;
  s.add("deploy.yaml", deployment).add("svc.yaml", service("web", "9090"));
  EXPECT_TRUE(s.problems().empty()) << dump(s.problems());
}

TEST(ServiceTargetPort, ANamedPortOfAnySelectedWorkloadIsEnough) {
  std::string other = kDeployment;
  other.replace(other.find("name: web\n  namespace"), 9, "name: api");
  other.replace(other.find("name: http,"), 10, "name: grpc");
  SetRun s;
  s.add("a.yaml", other).add("b.yaml", kDeployment).add("svc.yaml", service("web", "http"));
  EXPECT_TRUE(s.problems().empty()) << dump(s.problems());
}

} // namespace
} // namespace berth::check::test

namespace berth::check::test {
namespace {

TEST(ServiceSelector, LabelsControllersAddAreTakenAsMet) {
  // Per-pod Services of a StatefulSet select statefulset.kubernetes.io/pod-name, which no
  // template carries (the controller adds it).
  SetRun s;
  s.add("sts.yaml", "apiVersion: apps/v1\nkind: StatefulSet\nmetadata: {name: db}\nspec:\n"
                    "  serviceName: db\n  selector: {matchLabels: {app: db}}\n  template:\n"
                    "    metadata: {labels: {app: db}}\n"
                    "    spec: {containers: [{name: db, image: 'db:1'}]}\n");
  s.add("svc.yaml", "apiVersion: v1\nkind: Service\nmetadata: {name: db-0}\nspec:\n"
                    "  selector: {app: db, statefulset.kubernetes.io/pod-name: db-0}\n"
                    "  ports: [{port: 5432}]\n");
  EXPECT_TRUE(s.problems().empty()) << dump(s.problems());
}

TEST(ServiceSelector, PodsOfAnOperatorInTheSetAreNotExpected) {
  const char* svc = "apiVersion: v1\nkind: Service\nmetadata: {name: pg}\nspec:\n"
                    "  selector: {cnpg.io/cluster: pg, role: primary}\n  ports: [{port: 5432}]\n";
  const char* app = "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\n"
                    "spec: {containers: [{name: c, image: 'c:1'}]}\n";
  SetRun without;
  without.add("svc.yaml", svc).add("app.yaml", app);
  EXPECT_EQ(of(without.run(), "service-selector-no-match").size(), 1u);
  SetRun with;
  with.add("svc.yaml", svc).add("app.yaml", app);
  with.add("cluster.yaml", "apiVersion: postgresql.cnpg.io/v1\nkind: Cluster\n"
                           "metadata: {name: pg}\nspec: {instances: 2}\n");
  EXPECT_TRUE(of(with.run(), "service-selector-no-match").empty()) << dump(with.run());
}

} // namespace
} // namespace berth::check::test
