// MIGRATION.md of an import: cut-over order from what workloads call, database dumps, the
// sections a cluster-to-cluster move needs, and the CLI summary.
#include <gtest/gtest.h>

#include "fixture.h"
#include "import/runbook.h"

namespace berth::import {
namespace {

const char* kApp = R"(
apiVersion: v1
kind: List
items:
- apiVersion: apps/v1
  kind: Deployment
  metadata: {name: web, namespace: shop}
  spec:
    replicas: 3
    selector: {matchLabels: {app: web}}
    template:
      metadata: {labels: {app: web}}
      spec: {containers: [{name: web, image: "web:1", env: [{name: API, value: "http://api.shop.svc:8080"}]}]}
- apiVersion: apps/v1
  kind: Deployment
  metadata: {name: api, namespace: shop}
  spec:
    selector: {matchLabels: {app: api}}
    template:
      metadata: {labels: {app: api}}
      spec: {containers: [{name: api, image: "api:1", envFrom: [{configMapRef: {name: api}}]}]}
- {apiVersion: v1, kind: ConfigMap, metadata: {name: api, namespace: shop}, data: {DB_HOST: pg}}
- apiVersion: apps/v1
  kind: StatefulSet
  metadata: {name: pg, namespace: shop}
  spec:
    serviceName: pg
    selector: {matchLabels: {app: pg}}
    template:
      metadata: {labels: {app: pg}}
      spec: {containers: [{name: pg, image: "postgres:16", volumeMounts: [{name: data, mountPath: /var/lib/postgresql/data}]}]}
    volumeClaimTemplates: [{metadata: {name: data}, spec: {accessModes: [ReadWriteOnce], resources: {requests: {storage: 5Gi}}}}]
- {apiVersion: v1, kind: Service, metadata: {name: api, namespace: shop}, spec: {selector: {app: api}, ports: [{port: 8080}]}}
- {apiVersion: v1, kind: Service, metadata: {name: pg, namespace: shop}, spec: {selector: {app: pg}, ports: [{port: 5432}]}}
)";

TEST(ImportRunbook, CutOverOrderFollowsCalls) {
  generate::Output out = test::run(kApp);
  std::string md = test::file(out, "MIGRATION.md");
  auto pg = md.find("1. `statefulset/pg`"), api = md.find("2. `deployment/api`"),
       web = md.find("3. `deployment/web`");
  EXPECT_NE(pg, std::string::npos) << md;
  EXPECT_NE(api, std::string::npos);
  EXPECT_NE(web, std::string::npos);
  // Restarted at their own replica counts, each waited for.
  EXPECT_NE(md.find("scale deployment/web --replicas=3\nkubectl --context \"$DST\" -n shop-prod "
                    "rollout status deployment/web"),
            std::string::npos);
  EXPECT_NE(md.find("pg_dump"), std::string::npos);
  EXPECT_NE(md.find("pg_restore"), std::string::npos);
  for (const char* section :
       {"## Overview", "## Prerequisites", "## Secrets", "## Cut-over", "## Data copy",
        "## Validation", "## Rollback", "## Hardening suggestions", "## Import report"})
    EXPECT_NE(md.find(section), std::string::npos) << section;
  // The explicit namespace in web's environment is flagged.
  EXPECT_TRUE(test::reported(out, "Deployment/web", "env.API", generate::Disposition::Manual,
                             "namespace shop"));
}

TEST(ImportRunbook, SummaryCountsHardeningApart) {
  generate::Report r;
  r.add("Deployment/a", "hardening.probes", generate::Disposition::Manual, "add probes");
  r.add("Secret/b", "data", generate::Disposition::Manual, "seal it");
  r.add("Deployment/a", "neat", generate::Disposition::Translated, "cleaned");
  std::string s = import_summary(r);
  EXPECT_NE(s.find("1 translated, 0 inferred, 0 dropped, 1 manual, 1 hardening suggestion(s)"),
            std::string::npos)
      << s;
  EXPECT_NE(s.find("berth: manual: Secret/b: data: seal it"), std::string::npos);
  EXPECT_EQ(s.find("add probes"), std::string::npos);
}

} // namespace
} // namespace berth::import
