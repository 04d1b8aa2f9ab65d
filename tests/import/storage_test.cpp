// Storage on the target: storage classes mapped (flag, else the profile's), access modes the
// class cannot serve reported, every claim listed for the data copy with its owner.
#include <gtest/gtest.h>

#include "fixture.h"

namespace berth::import {
namespace {

using generate::Disposition;
using test::reported;

const char* kClaims = R"(
apiVersion: v1
kind: List
items:
- apiVersion: v1
  kind: PersistentVolumeClaim
  metadata: {name: media, namespace: shop, annotations: {volume.beta.kubernetes.io/storage-class: nfs}}
  spec: {accessModes: [ReadWriteMany], resources: {requests: {storage: 50Gi}}}
- apiVersion: v1
  kind: PersistentVolumeClaim
  metadata: {name: cache, namespace: shop}
  spec: {accessModes: [ReadWriteOnce], storageClassName: gp2, resources: {requests: {storage: 1Gi}}}
- apiVersion: apps/v1
  kind: Deployment
  metadata: {name: web, namespace: shop}
  spec:
    selector: {matchLabels: {app: web}}
    template:
      metadata: {labels: {app: web}}
      spec:
        securityContext: {runAsUser: 1000, fsGroup: 1000}
        containers:
        - name: web
          image: web:1
          volumeMounts: [{name: media, mountPath: /media, readOnly: true}]
        volumes: [{name: media, persistentVolumeClaim: {claimName: media}}]
- apiVersion: apps/v1
  kind: Deployment
  metadata: {name: worker, namespace: shop}
  spec:
    selector: {matchLabels: {app: worker}}
    template:
      metadata: {labels: {app: worker}}
      spec:
        containers:
        - name: worker
          image: worker:1
          securityContext: {runAsUser: 33, runAsGroup: 33}
          volumeMounts: [{name: m, mountPath: /srv/media}]
        volumes: [{name: m, persistentVolumeClaim: {claimName: media}}]
- apiVersion: apps/v1
  kind: StatefulSet
  metadata: {name: db, namespace: shop}
  spec:
    replicas: 2
    serviceName: db
    selector: {matchLabels: {app: db}}
    template:
      metadata: {labels: {app: db}}
      spec:
        containers: [{name: db, image: "mariadb:11", volumeMounts: [{name: data, mountPath: /var/lib/mysql}]}]
    volumeClaimTemplates:
    - metadata: {name: data}
      spec: {accessModes: [ReadWriteOnce], storageClassName: gp2, resources: {requests: {storage: 10Gi}}}
)";

TEST(ImportStorage, ClassesMappedAndUnservableAccessModesReported) {
  ImportOptions o;
  o.storage_class_map = {{"gp2", "fast"}};
  generate::Output out = test::run(kClaims, o);
  auto cls = [&](const char* name) {
    return test::object(out, "PersistentVolumeClaim", name)->find("spec")->text("storageClassName");
  };
  EXPECT_EQ(cls("media"), "local-path"); // the beta annotation's class is not mapped: profile
  EXPECT_EQ(cls("cache"), "fast");
  EXPECT_EQ(
      test::object(out, "PersistentVolumeClaim", "media")->find("metadata")->find("annotations"),
      nullptr);
  const yaml::Node& vct = test::object(out, "StatefulSet", "db")
                              ->find("spec")
                              ->find("volumeClaimTemplates")
                              ->items()[0];
  EXPECT_EQ(vct.find("spec")->text("storageClassName"), "fast");
  EXPECT_TRUE(reported(out, "PersistentVolumeClaim/media", "storageClassName",
                       Disposition::Translated, "nfs → local-path (profile)"));
  EXPECT_TRUE(reported(out, "PersistentVolumeClaim/cache", "storageClassName",
                       Disposition::Translated, "gp2 → fast (--storage-class-map)"));
  EXPECT_TRUE(reported(out, "PersistentVolumeClaim/media", "accessModes", Disposition::Manual,
                       "ReadWriteMany: local-path serves only ReadWriteOnce"));
}

TEST(ImportStorage, DataCopyNamesEveryClaimItsWriterAndOwner) {
  generate::Output out = test::run(kClaims);
  std::string md = test::file(out, "MIGRATION.md");
  // The writer (worker, read-write) owns media; web only reads it but stops too.
  auto section = [&](const std::string& claim) {
    auto at = md.find("### `" + claim + "`");
    EXPECT_NE(at, std::string::npos) << claim;
    return at == std::string::npos ? std::string()
                                   : md.substr(at, md.find("```\n", md.find("```sh", at) + 5) - at);
  };
  std::string media = section("media");
  EXPECT_NE(media.find("deployment/worker mounts it at /srv/media"), std::string::npos) << media;
  EXPECT_NE(media.find("scale deployment/web --replicas=0"), std::string::npos) << media;
  EXPECT_NE(media.find("chown -R 33:33 /data"), std::string::npos) << media;
  EXPECT_NE(media.find("tar -C /data --numeric-owner -cf - ."), std::string::npos);
  EXPECT_NE(media.find("kubectl --context \"$DST\" -n shop-prod exec -i copy-media -- tar -C /data "
                       "--numeric-owner -xf -"),
            std::string::npos);
  // A database: a dump from the first replica, once for all its claims.
  std::string db0 = section("data-db-0");
  EXPECT_NE(db0.find("mariadb-dump"), std::string::npos) << db0;
  EXPECT_NE(db0.find("exec db-0"), std::string::npos) << db0;
  EXPECT_NE(section("data-db-1").find("copied with the dump of statefulset/db"), std::string::npos);
  // The claim nobody mounts is still copied.
  EXPECT_NE(section("cache").find("no workload mounts it"), std::string::npos);
  EXPECT_NE(md.find("Velero's file-system backup"), std::string::npos);
}

} // namespace
} // namespace berth::import
