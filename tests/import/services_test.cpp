// Services on K3s: LoadBalancers kept for ServiceLB (or behind Traefik with --loadbalancer
// ingress), addresses and cloud settings of the source reported, external-dns reported.
#include <gtest/gtest.h>

#include "fixture.h"

namespace berth::import {
namespace {

using generate::Disposition;
using test::reported;

const char* kLb = R"(
apiVersion: v1
kind: List
items:
- apiVersion: v1
  kind: Service
  metadata:
    name: web
    namespace: shop
    annotations:
      service.beta.kubernetes.io/aws-load-balancer-type: nlb
      external-dns.alpha.kubernetes.io/hostname: www.example.com,shop.example.com
  spec:
    type: LoadBalancer
    loadBalancerIP: 52.1.2.3
    externalTrafficPolicy: Local
    selector: {app: web}
    ports: [{name: http, port: 80, targetPort: 8080, nodePort: 31000}]
- apiVersion: v1
  kind: Service
  metadata: {name: mqtt, namespace: shop}
  spec:
    type: LoadBalancer
    selector: {app: broker}
    ports: [{name: mqtt, port: 1883}]
)";

TEST(ImportServices, LoadBalancersKeptForServiceLb) {
  generate::Output out = test::run(kLb);
  const yaml::Node* web = test::object(out, "Service", "web");
  EXPECT_EQ(web->find("spec")->text("type"), "LoadBalancer");
  EXPECT_FALSE(web->find("spec")->has("loadBalancerIP"));
  EXPECT_EQ(web->find("metadata")
                ->find("annotations")
                ->text("service.beta.kubernetes.io/aws-load-balancer-type"),
            "");
  EXPECT_TRUE(
      reported(out, "Service/web", "spec.loadBalancerIP", Disposition::Dropped, "52.1.2.3"));
  EXPECT_TRUE(
      reported(out, "Service/web", "annotations", Disposition::Dropped, "aws-load-balancer-type"));
  EXPECT_TRUE(
      reported(out, "Service/web", "spec.ports", Disposition::Manual, "port 80 is Traefik's"));
  EXPECT_TRUE(
      reported(out, "Service/web", "spec.ports[http].nodePort", Disposition::Dropped, "31000"));
  EXPECT_TRUE(reported(out, "Service/web", "annotations.external-dns.alpha.kubernetes.io/hostname",
                       Disposition::Manual, "www.example.com,shop.example.com"));
  EXPECT_TRUE(reported(out, "Service/mqtt", "spec.type", Disposition::Translated, "ServiceLB"));
}

TEST(ImportServices, IngressModePutsHttpPortsBehindTraefik) {
  ImportOptions o;
  o.load_balancer = LoadBalancerMode::Ingress;
  generate::Output out = test::run(kLb, o);
  const yaml::Node* web = test::object(out, "Service", "web");
  EXPECT_FALSE(web->find("spec")->has("type"));
  EXPECT_FALSE(web->find("spec")->has("externalTrafficPolicy"));
  const yaml::Node* ing = test::object(out, "Ingress", "web");
  ASSERT_NE(ing, nullptr);
  EXPECT_EQ(ing->find("spec")->find("rules")->items()[0].text("host"), "www.example.com");
  EXPECT_EQ(test::path_of(out, "Ingress", "web"), "base/_app/ingress-web.yaml");
  // Not HTTP: stays a LoadBalancer, said so.
  EXPECT_EQ(test::object(out, "Service", "mqtt")->find("spec")->text("type"), "LoadBalancer");
  EXPECT_TRUE(reported(out, "Service/mqtt", "spec.type", Disposition::Manual, "not HTTP"));
}

} // namespace
} // namespace berth::import
