// What stays out of the tree: objects controllers and the cluster create, each with its reason;
// what the user wrote stays in.
#include <gtest/gtest.h>

#include "fixture.h"

namespace berth::import {
namespace {

using generate::Disposition;
using test::reported;

const char* kExport = R"(
apiVersion: v1
kind: List
items:
- apiVersion: apps/v1
  kind: Deployment
  metadata: {name: web, namespace: shop}
  spec:
    selector: {matchLabels: {app: web}}
    template:
      metadata: {labels: {app: web}}
      spec: {containers: [{name: web, image: "web:1"}]}
- apiVersion: apps/v1
  kind: ReplicaSet
  metadata:
    name: web-5d4f
    namespace: shop
    ownerReferences: [{apiVersion: apps/v1, kind: Deployment, name: web, uid: u1, controller: true}]
- apiVersion: v1
  kind: Pod
  metadata:
    name: web-5d4f-abcde
    namespace: shop
    ownerReferences: [{apiVersion: apps/v1, kind: ReplicaSet, name: web-5d4f, uid: u2, controller: true}]
  spec: {containers: [{name: web, image: "web:1"}]}
- apiVersion: v1
  kind: Pod
  metadata: {name: debug, namespace: shop}
  spec: {containers: [{name: sh, image: "busybox:1.36"}]}
- apiVersion: v1
  kind: Service
  metadata: {name: web, namespace: shop}
  spec: {selector: {app: web}, ports: [{port: 80}]}
- {apiVersion: v1, kind: Endpoints, metadata: {name: web, namespace: shop}}
- apiVersion: discovery.k8s.io/v1
  kind: EndpointSlice
  metadata:
    name: web-x1
    namespace: shop
    labels: {endpointslice.kubernetes.io/managed-by: endpointslice-controller.k8s.io, kubernetes.io/service-name: web}
  addressType: IPv4
  endpoints: []
- {apiVersion: v1, kind: ConfigMap, metadata: {name: kube-root-ca.crt, namespace: shop}}
- {apiVersion: v1, kind: ServiceAccount, metadata: {name: default, namespace: shop}}
- {apiVersion: v1, kind: ServiceAccount, metadata: {name: web, namespace: shop}}
- apiVersion: v1
  kind: Secret
  metadata: {name: default-token-abcde, namespace: shop}
  type: kubernetes.io/service-account-token
- apiVersion: v1
  kind: Secret
  metadata: {name: sh.helm.release.v1.shop.v3, namespace: shop}
  type: helm.sh/release.v1
- apiVersion: v1
  kind: Secret
  metadata: {name: shop-tls, namespace: shop, annotations: {cert-manager.io/certificate-name: shop-tls}}
  type: kubernetes.io/tls
- {apiVersion: v1, kind: Event, metadata: {name: web.1, namespace: shop}}
- {apiVersion: apps/v1, kind: ControllerRevision, metadata: {name: db-1, namespace: shop}}
- {apiVersion: v1, kind: PersistentVolume, metadata: {name: pvc-1}}
- {apiVersion: v1, kind: Namespace, metadata: {name: shop}}
- {apiVersion: v1, kind: ConfigMap, metadata: {name: coredns, namespace: kube-system}}
- apiVersion: batch/v1
  kind: Job
  metadata: {name: migrate, namespace: shop, annotations: {helm.sh/hook: pre-install}}
  spec: {template: {spec: {restartPolicy: Never, containers: [{name: m, image: "m:1"}]}}}
- apiVersion: apps/v1
  kind: StatefulSet
  metadata: {name: db, namespace: shop}
  spec:
    serviceName: db
    selector: {matchLabels: {app: db}}
    template:
      metadata: {labels: {app: db}}
      spec: {containers: [{name: db, image: "postgres:16"}]}
    volumeClaimTemplates: [{metadata: {name: data}, spec: {accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}}}]
- apiVersion: v1
  kind: PersistentVolumeClaim
  metadata: {name: data-db-0, namespace: shop}
  spec: {accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}}
- apiVersion: v1
  kind: PersistentVolumeClaim
  metadata: {name: data-db-backup, namespace: shop}
  spec: {accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}}
- apiVersion: v1
  kind: Secret
  metadata:
    name: api-keys
    namespace: shop
    ownerReferences: [{apiVersion: bitnami.com/v1alpha1, kind: SealedSecret, name: api-keys, uid: u3, controller: true}]
  data: {token: dG9rZW4tdmFsdWUtMTIz}
- apiVersion: bitnami.com/v1alpha1
  kind: SealedSecret
  metadata: {name: api-keys, namespace: shop}
  spec: {encryptedData: {token: AgB4}}
- apiVersion: example.com/v1
  kind: Widget
  metadata:
    name: w-cm
    namespace: shop
    ownerReferences: [{apiVersion: example.com/v1, kind: WidgetSet, name: ws, uid: u4, controller: true}]
- apiVersion: v1
  kind: Service
  metadata: {name: web, namespace: shop}
  spec: {selector: {app: web}, ports: [{port: 80}]}
)";

TEST(ImportClassify, LeavesOutWhatControllersAndTheClusterCreate) {
  generate::Output out = test::run(kExport);
  struct Case {
    const char* ref;
    const char* because;
  };
  for (const Case& c : std::vector<Case>{
           {"ReplicaSet/web-5d4f", "created by Deployment web"},
           {"Pod/web-5d4f-abcde", "created by ReplicaSet web-5d4f"},
           {"Endpoints/web", "endpoints controller for Service web"},
           {"EndpointSlice/web-x1", "EndpointSlice controller for Service web"},
           {"ConfigMap/kube-root-ca.crt", "publishes its CA"},
           {"ServiceAccount/default", "every namespace gets one"},
           {"Secret/default-token-abcde", "issues its own"},
           {"Secret/sh.helm.release.v1.shop.v3", "Helm release record"},
           {"Secret/shop-tls", "issued by cert-manager"},
           {"Event/web.1", "event"},
           {"ControllerRevision/db-1", "revision history"},
           {"PersistentVolume/pvc-1", "provisioned"},
           {"Namespace/shop", "creates its own namespace"},
           {"ConfigMap/coredns", "system namespace kube-system"},
           {"Job/migrate", "Helm hook (pre-install)"},
           {"PersistentVolumeClaim/data-db-0", "volumeClaimTemplates"},
           {"SealedSecret/api-keys", "re-sealed from the exported Secret api-keys"},
           {"Widget/w-cm", "WidgetSet ws, which is not in the export"},
           {"Service/web", "a second copy"},
       })
    EXPECT_TRUE(reported(out, c.ref, "object", Disposition::Dropped, c.because)) << c.ref;
  // Kept: the user's objects, including a bare Pod, a named ServiceAccount, a claim that only
  // looks like a StatefulSet's, and the Secret a SealedSecret made (re-sealed for the target).
  EXPECT_NE(test::object(out, "Deployment", "web"), nullptr);
  EXPECT_NE(test::object(out, "Pod", "debug"), nullptr);
  EXPECT_NE(test::object(out, "ServiceAccount", "web"), nullptr);
  EXPECT_NE(test::object(out, "PersistentVolumeClaim", "data-db-backup"), nullptr);
  EXPECT_NE(test::object(out, "Service", "web"), nullptr);
  EXPECT_NE(test::file(out, "overlays/production/secrets/api-keys.template.yaml"), "");
  EXPECT_EQ(test::object(out, "Pod", "web-5d4f-abcde"), nullptr);
  // MIGRATION.md lists every left-out object with its reason.
  std::string md = test::file(out, "MIGRATION.md");
  EXPECT_NE(md.find("| `Pod/web-5d4f-abcde` | created by ReplicaSet web-5d4f"), std::string::npos);
}

TEST(ImportClassify, SealedSecretWithoutItsSecretStaysAndIsReported) {
  generate::Output out = test::run(R"(
apiVersion: bitnami.com/v1alpha1
kind: SealedSecret
metadata: {name: api-keys, namespace: shop}
spec: {encryptedData: {token: AgB4}}
)");
  EXPECT_NE(test::object(out, "SealedSecret", "api-keys"), nullptr);
  EXPECT_TRUE(reported(out, "SealedSecret/api-keys", "object", Disposition::Manual,
                       "source cluster's controller key"));
}

} // namespace
} // namespace berth::import
