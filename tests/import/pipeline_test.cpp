// The whole pipeline on odd input: fields of the wrong type, missing parts, strange values —
// berth reports or skips what it cannot read, never crashes; output stays deterministic.
#include <gtest/gtest.h>

#include "fixture.h"

namespace berth::import {
namespace {

TEST(ImportPipeline, OddShapesDoNotCrash) {
  const char* cases[] = {
      "{apiVersion: apps/v1, kind: Deployment, metadata: {name: a, namespace: n}, spec: []}",
      "{apiVersion: apps/v1, kind: Deployment, metadata: {name: a, namespace: n}, spec: {template: "
      "{spec: {containers: x, volumes: {a: 1}}}}}",
      "{apiVersion: apps/v1, kind: Deployment, metadata: {name: a, namespace: n}, spec: {template: "
      "{metadata: {labels: [x]}, spec: {containers: [1, {name: c, env: [{name: P_PASSWORD, value: "
      "[x]}, 3], volumeMounts: 5, securityContext: []}]}}}}",
      "{apiVersion: v1, kind: Service, metadata: {name: a, namespace: n, annotations: [x]}, spec: "
      "{type: LoadBalancer, ports: [{name: http}, 7, {port: [1]}]}}",
      "{apiVersion: v1, kind: Service, metadata: {name: a, namespace: n}, spec: {type: "
      "LoadBalancer, ports: {a: 1}}}",
      "{apiVersion: networking.k8s.io/v1, kind: Ingress, metadata: {name: a, namespace: n, "
      "annotations: {nginx.ingress.kubernetes.io/limit-rps: many, "
      "nginx.ingress.kubernetes.io/proxy-body-size: huge, nginx.ingress.kubernetes.io/auth-type: "
      "basic, nginx.ingress.kubernetes.io/rewrite-target: /$1}}, spec: {tls: 3, rules: [7, {http: "
      "{paths: [{path: [x]}, 2]}}]}}",
      "{apiVersion: extensions/v1beta1, kind: Ingress, metadata: {name: a, namespace: n}, spec: "
      "{backend: 3, rules: {}}}",
      "{apiVersion: v1, kind: PersistentVolumeClaim, metadata: {name: a, namespace: n}, spec: "
      "{accessModes: ReadWriteMany, resources: []}}",
      "{apiVersion: apps/v1, kind: StatefulSet, metadata: {name: a, namespace: n}, spec: "
      "{replicas: many, volumeClaimTemplates: [3, {metadata: []}], template: {spec: {}}}}",
      "{apiVersion: v1, kind: Secret, metadata: {name: a, namespace: n}, data: [x]}",
      "{apiVersion: traefik.io/v1alpha1, kind: IngressRoute, metadata: {name: a, namespace: n}, "
      "spec: {routes: [{match: 3}, {match: 'Host(`x'}]}}",
      "{apiVersion: cert-manager.io/v1, kind: Certificate, metadata: {name: a, namespace: n}, "
      "spec: {dnsNames: 3, secretName: []}}",
      "{apiVersion: autoscaling/v2beta1, kind: HorizontalPodAutoscaler, metadata: {name: a, "
      "namespace: n}, spec: {scaleTargetRef: 3, metrics: [{type: Resource, resource: 3}]}}",
      "{apiVersion: batch/v1beta1, kind: CronJob, metadata: {name: a, namespace: n}, spec: "
      "{jobTemplate: {spec: {template: []}}}}",
  };
  ImportOptions ingress_mode;
  ingress_mode.load_balancer = LoadBalancerMode::Ingress;
  ingress_mode.keep_node_ports = true;
  for (const char* text : cases) {
    EXPECT_NO_THROW({
      generate::Output a = test::run(text);
      generate::Output b = test::run(text);
      EXPECT_EQ(test::all_text(a), test::all_text(b));
      test::run(text, ingress_mode);
    }) << text;
  }
  // A LoadBalancer port named like HTTP but without a number still gets its Ingress.
  EXPECT_NO_THROW(test::run("{apiVersion: v1, kind: Service, metadata: {name: a, namespace: n}, "
                            "spec: {type: LoadBalancer, ports: [{port: 8080, name: ''}, {port: "
                            "80}]}}",
                            ingress_mode));
}

} // namespace
} // namespace berth::import
