// Pod specs → ConfigMaps/Secrets/PVCs/ServiceAccounts (--complete only): configmap-ref-missing,
// secret-ref-missing, pvc-ref-missing, serviceaccount-ref-missing.
#include "check/reference/set_fixture.h"

namespace berth::check::test {
namespace {

// Lines: 12 configMapRef name (col 43), 14 secretKeyRef name (col 65), 17 claimName (col 59),
// 19 secret volume (col 44), 20 imagePullSecrets (col 33), 21 serviceAccountName (col 27).
const char* kWorkload = R"(apiVersion: apps/v1
kind: StatefulSet
metadata: {name: db, namespace: shop}
spec:
  serviceName: db
  selector: {matchLabels: {app: db}}
  template:
    metadata: {labels: {app: db}}
    spec:
      containers:
        - name: db
          envFrom: [{configMapRef: {name: db-config}}]
          env:
            - {name: PASSWORD, valueFrom: {secretKeyRef: {name: db-secret, key: pw}}}
            - {name: OPT, valueFrom: {secretKeyRef: {name: nope, key: x, optional: true}}}
      volumes:
        - {name: data, persistentVolumeClaim: {claimName: shared-data}}
        - {name: tpl, persistentVolumeClaim: {claimName: pgdata}}
        - {name: tls, secret: {secretName: db-tls}}
      imagePullSecrets: [{name: ghcr}]
      serviceAccountName: db-sa
  volumeClaimTemplates:
    - metadata: {name: pgdata}
      spec: {resources: {requests: {storage: 1Gi}}}
)";

TEST(ConfigRefs, SilentWithoutComplete) {
  SetRun s;
  s.add("db.yaml", kWorkload);
  EXPECT_TRUE(s.problems().empty()) << dump(s.problems());
}

TEST(ConfigRefs, EveryMissingReferenceIsAnErrorAtItsName) {
  SetRun s;
  s.options.complete = true;
  s.add("db.yaml", kWorkload);
  std::vector<Finding> all = s.run();
  EXPECT_EQ(at(only(all, "configmap-ref-missing")), "12:43");
  EXPECT_EQ(only(all, "configmap-ref-missing").message,
            "ConfigMap \"db-config\" (envFrom of container db) is not in namespace \"shop\"");
  std::vector<Finding> secrets = of(all, "secret-ref-missing");
  ASSERT_EQ(secrets.size(), 3u) << dump(all);
  EXPECT_EQ(at(secrets[0]), "14:65");
  EXPECT_EQ(secrets[0].message,
            "Secret \"db-secret\" (env PASSWORD of container db) is not in namespace \"shop\"");
  EXPECT_EQ(at(secrets[1]), "19:44");
  EXPECT_EQ(at(secrets[2]), "20:33");
  Finding pvc = only(all, "pvc-ref-missing"); // pgdata is a volumeClaimTemplate
  EXPECT_EQ(at(pvc), "17:59");
  EXPECT_EQ(at(only(all, "serviceaccount-ref-missing")), "21:27");
}

TEST(ConfigRefs, ProvidersSatisfyReferences) {
  SetRun s;
  s.options.complete = true;
  s.add("db.yaml", kWorkload);
  s.add("kustomization.yaml", "apiVersion: kustomize.config.k8s.io/v1beta1\n"
                              "kind: Kustomization\nnamespace: shop\nresources: [db.yaml]\n"
                              "configMapGenerator: [{name: db-config, literals: [A=1]}]\n");
  s.add("sealed.yaml", "apiVersion: bitnami.com/v1alpha1\nkind: SealedSecret\n"
                       "metadata: {name: whatever, namespace: shop}\n"
                       "spec:\n  encryptedData: {pw: AgB}\n"
                       "  template: {metadata: {name: db-secret}}\n");
  s.add("cert.yaml", "apiVersion: cert-manager.io/v1\nkind: Certificate\n"
                     "metadata: {name: db, namespace: shop}\n"
                     "spec: {secretName: db-tls, dnsNames: [db], issuerRef: {name: ca}}\n");
  s.add("rest.yaml",
        "apiVersion: v1\nkind: Secret\nmetadata: {name: ghcr, namespace: shop}\n"
        "---\napiVersion: v1\nkind: PersistentVolumeClaim\n"
        "metadata: {name: shared-data}\nspec: {resources: {requests: {storage: 1Gi}}}\n"
        "---\napiVersion: v1\nkind: ServiceAccount\nmetadata: {name: db-sa}\n");
  EXPECT_TRUE(s.problems().empty()) << dump(s.problems());
}

TEST(ConfigRefs, ObjectsOfAnotherNamespaceDoNotCount) {
  SetRun s;
  s.options.complete = true;
  s.add("db.yaml", kWorkload);
  s.add("sa.yaml", "apiVersion: v1\nkind: ServiceAccount\nmetadata: {name: db-sa, namespace: x}\n");
  EXPECT_EQ(of(s.run(), "serviceaccount-ref-missing").size(), 1u);
}

} // namespace
} // namespace berth::check::test
