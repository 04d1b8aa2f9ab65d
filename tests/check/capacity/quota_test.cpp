// ResourceQuota rules: quota-exceeded, quota-headroom, quota-rollout-surge,
// quota-requires-resources.
#include "check/reference/set_fixture.h"

namespace berth::check::test {
namespace {

// spec.hard values: line 6 requests.cpu (column 19), 7 limits.memory (20), 8 pods (11),
// 9 requests.storage (23).
const char* kQuota = R"(apiVersion: v1
kind: ResourceQuota
metadata: {name: q, namespace: shop}
spec:
  hard:
    requests.cpu: "2"
    limits.memory: 4Gi
    pods: "10"
    requests.storage: 10Gi
)";

// Line 14: the container mapping (column 11).
std::string web(std::string_view replicas,
                std::string_view resources = "{requests: {cpu: 500m, memory: 256Mi}, "
                                             "limits: {memory: 1Gi}}") {
  return R"(apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: shop
spec:
  replicas: )" +
         std::string(replicas) + R"(
  strategy: {type: RollingUpdate}
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers:
        - name: web
          image: web:1
          resources: )" +
         std::string(resources) + "\n";
}

const char* kHpa = R"(apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata: {name: web, namespace: shop}
spec:
  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}
  minReplicas: 1
  maxReplicas: 6
  metrics: [{type: Resource, resource: {name: cpu, target: {type: Utilization, averageUtilization: 80}}}]
)";

const char* kPdb = "apiVersion: policy/v1\nkind: PodDisruptionBudget\n"
                   "metadata: {name: web, namespace: shop}\n"
                   "spec: {maxUnavailable: 1, selector: {matchLabels: {app: web}}}\n";

TEST(QuotaHeadroom, NumbersPerEntry) {
  SetRun s;
  s.add("quota.yaml", kQuota).add("web.yaml", web("3")).add("pdb.yaml", kPdb);
  std::vector<Finding> all = s.run();
  EXPECT_TRUE(s.problems().empty()) << dump(all);
  Finding f = only(all, "quota-headroom");
  EXPECT_EQ(f.severity, Severity::Info);
  EXPECT_EQ(f.object, "ResourceQuota/q");
  EXPECT_EQ(at(f), "1:1");
  EXPECT_EQ(f.message, "namespace \"shop\": requests.cpu 1.5/2 (75%), limits.memory 3Gi/4Gi "
                       "(75%), pods 3/10 (30%), requests.storage 0/10Gi (0%)");
}

TEST(QuotaExceeded, RequestsOverTheHardLimitAreAnErrorAtTheEntry) {
  SetRun s;
  s.add("quota.yaml", kQuota).add("web.yaml", web("5"));
  std::vector<Finding> all = s.run();
  std::vector<Finding> over = of(all, "quota-exceeded");
  ASSERT_EQ(over.size(), 2u) << dump(all);
  EXPECT_EQ(at(over[0]), "6:19");
  EXPECT_EQ(over[0].message, "requests.cpu: namespace \"shop\" needs 2.5 but the quota allows 2 "
                             "(Deployment/web 5 x 500m)");
  EXPECT_EQ(at(over[1]), "7:20");
  EXPECT_EQ(over[1].message, "limits.memory: namespace \"shop\" needs 5Gi but the quota allows "
                             "4Gi (Deployment/web 5 x 1Gi)");
}

TEST(QuotaExceeded, HpaMinimumIsTheSteadyState) {
  std::string hpa = kHpa;
  hpa.replace(hpa.find("minReplicas: 1"), 14, "minReplicas: 5");
  SetRun s;
  s.add("quota.yaml", kQuota).add("web.yaml", web("1")).add("hpa.yaml", hpa);
  std::vector<Finding> over = of(s.run(), "quota-exceeded");
  ASSERT_EQ(over.size(), 2u) << dump(s.run());
  EXPECT_EQ(over[0].message, "requests.cpu: namespace \"shop\" needs 2.5 but the quota allows 2 "
                             "(Deployment/web 5 x 500m (HPA min))");
}

TEST(QuotaExceededAtHpaMax, FitsAtMinButNotAtMaxIsAWarning) {
  SetRun s;
  s.add("quota.yaml", kQuota).add("web.yaml", web("1")).add("hpa.yaml", kHpa);
  std::vector<Finding> all = s.run();
  EXPECT_TRUE(of(all, "quota-exceeded").empty()) << dump(all);
  std::vector<Finding> at_max = of(all, "quota-exceeded-at-hpa-max");
  ASSERT_EQ(at_max.size(), 2u) << dump(all);
  EXPECT_EQ(at_max[0].severity, Severity::Warning);
  EXPECT_EQ(at(at_max[0]), "6:19");
  EXPECT_EQ(at_max[0].message,
            "requests.cpu: at HPA maxReplicas namespace \"shop\" would need 3 but the quota "
            "allows 2 (Deployment/web 6 x 500m (HPA max)): autoscaling stops when the quota is "
            "used up");
  EXPECT_EQ(only(all, "quota-headroom").message,
            "namespace \"shop\": requests.cpu 500m/2 (25%; 3 at HPA max, 150%), limits.memory "
            "1Gi/4Gi (25%; 6Gi at HPA max, 150%), pods 1/10 (10%; 6 at HPA max, 60%), "
            "requests.storage 0/10Gi (0%)");
}

TEST(QuotaExceeded, StorageFromClaimsAndTemplates) {
  SetRun s;
  s.add("quota.yaml", kQuota);
  s.add("db.yaml", R"(apiVersion: apps/v1
kind: StatefulSet
metadata: {name: db, namespace: shop}
spec:
  replicas: 3
  serviceName: db
  selector: {matchLabels: {app: db}}
  template:
    metadata: {labels: {app: db}}
    spec:
      containers: [{name: db, image: "db:1", resources: {requests: {cpu: 100m}, limits: {memory: 128Mi}}}]
  volumeClaimTemplates:
    - metadata: {name: data}
      spec: {resources: {requests: {storage: 3Gi}}}
---
apiVersion: v1
kind: PersistentVolumeClaim
metadata: {name: shared, namespace: shop}
spec: {resources: {requests: {storage: 2Gi}}}
)");
  Finding f = only(s.run(), "quota-exceeded");
  EXPECT_EQ(at(f), "9:23");
  EXPECT_EQ(f.message, "requests.storage: namespace \"shop\" needs 11Gi but the quota allows 10Gi");
}

TEST(QuotaExceeded, OtherNamespacesDoNotCountButUnnamespacedObjectsDo) {
  std::string other = web("5");
  other.replace(other.find("namespace: shop"), 15, "namespace: else");
  SetRun s;
  s.add("quota.yaml", kQuota).add("web.yaml", other);
  EXPECT_TRUE(of(s.run(), "quota-exceeded").empty()) << dump(s.run());
  std::string none = web("5");
  none.erase(none.find("  namespace: shop\n"), 18);
  SetRun t;
  t.add("quota.yaml", kQuota).add("web.yaml", none);
  EXPECT_EQ(of(t.run(), "quota-exceeded").size(), 2u) << dump(t.run());
}

TEST(QuotaExceeded, ObjectCounts) {
  SetRun s;
  s.add("quota.yaml", "apiVersion: v1\nkind: ResourceQuota\nmetadata: {name: q, namespace: shop}\n"
                      "spec: {hard: {configmaps: '1', count/deployments.apps: '5'}}\n");
  s.add("cm.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a, namespace: shop}\n---\n"
                   "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: b, namespace: shop}\n");
  s.add("web.yaml", web("1"));
  std::vector<Finding> all = s.run();
  EXPECT_EQ(only(all, "quota-exceeded").message,
            "configmaps: namespace \"shop\" needs 2 but the quota allows 1");
  EXPECT_NE(only(all, "quota-headroom").message.find("count/deployments.apps 1/5 (20%)"),
            std::string::npos)
      << dump(all);
}

TEST(QuotaSurge, RollingUpdatePeakOverTheQuotaIsInfo) {
  SetRun s;
  s.add("quota.yaml", kQuota).add("web.yaml", web("4"));
  std::vector<Finding> all = s.run();
  EXPECT_TRUE(of(all, "quota-exceeded").empty()) << dump(all);
  Finding f = only(all, "quota-rollout-surge");
  EXPECT_EQ(f.severity, Severity::Info);
  EXPECT_EQ(f.message, "rolling updates of all Deployments at once (maxSurge 1 extra pod(s)) would "
                       "need requests.cpu 2.5/2, limits.memory 5Gi/4Gi: surge pods beyond the "
                       "quota are refused and the rollouts wait");
  SetRun recreate;
  std::string w = web("4");
  w.replace(w.find("type: RollingUpdate"), 19, "type: Recreate");
  recreate.add("quota.yaml", kQuota).add("web.yaml", w);
  EXPECT_TRUE(of(recreate.run(), "quota-rollout-surge").empty());
}

TEST(QuotaRequiresResources, ContainerWithoutTrackedRequestIsAnError) {
  SetRun s;
  s.add("quota.yaml", kQuota).add("web.yaml", web("1", "{requests: {memory: 64Mi}}"));
  Finding f = only(s.run(), "quota-requires-resources");
  EXPECT_EQ(f.file, "web.yaml");
  EXPECT_EQ(at(f), "14:11");
  EXPECT_EQ(f.message, "container \"web\" sets no requests.cpu, limits.memory, which "
                       "ResourceQuota \"q\" of namespace \"shop\" tracks; without a LimitRange "
                       "default the API server rejects its pods");
}

TEST(QuotaRequiresResources, LimitRangeDefaultsFillThemIn) {
  SetRun s;
  s.add("quota.yaml", kQuota).add("web.yaml", web("1", "{}"));
  s.add("lr.yaml", "apiVersion: v1\nkind: LimitRange\nmetadata: {name: d, namespace: shop}\n"
                   "spec: {limits: [{type: Container, default: {cpu: 500m, memory: 512Mi},"
                   " defaultRequest: {cpu: 100m, memory: 128Mi}}]}\n");
  std::vector<Finding> all = s.run();
  EXPECT_TRUE(s.problems().empty()) << dump(all);
  EXPECT_EQ(only(all, "quota-headroom").message,
            "namespace \"shop\": requests.cpu 100m/2 (5%), limits.memory 512Mi/4Gi (12%), pods "
            "1/10 (10%), requests.storage 0/10Gi (0%); 1 container(s) counted with the "
            "LimitRange defaults the API server applies");
}

TEST(QuotaRequiresResources, LimitAloneCountsAsRequest) {
  SetRun s;
  s.add("quota.yaml", kQuota).add("web.yaml", web("1", "{limits: {cpu: 300m, memory: 128Mi}}"));
  EXPECT_TRUE(s.problems().empty()) << dump(s.run());
}

TEST(Quota, ScopedQuotasAreSkipped) {
  SetRun s;
  s.add("quota.yaml", std::string(kQuota) + "  scopes: [NotBestEffort]\n");
  s.add("web.yaml", web("9"));
  EXPECT_TRUE(s.run().size() <= 2u) << dump(s.run()); // pdb-missing, default deny only
  EXPECT_TRUE(of(s.run(), "quota-exceeded").empty());
  EXPECT_TRUE(of(s.run(), "quota-headroom").empty());
}

TEST(Quota, DaemonSetsCountOnePodPerProfileNode) {
  SetRun s;
  profile::Profile p = profile::default_profile();
  p.capacity.nodes = 3;
  s.options.profile = p;
  s.add("quota.yaml", "apiVersion: v1\nkind: ResourceQuota\nmetadata: {name: q, namespace: shop}\n"
                      "spec: {hard: {pods: '2'}}\n");
  s.add("ds.yaml",
        "apiVersion: apps/v1\nkind: DaemonSet\nmetadata: {name: agent, namespace: shop}\n"
        "spec:\n  selector: {matchLabels: {app: agent}}\n  template:\n"
        "    metadata: {labels: {app: agent}}\n"
        "    spec: {containers: [{name: a, image: 'a:1'}]}\n");
  EXPECT_EQ(
      only(s.run(), "quota-exceeded").message,
      "pods: namespace \"shop\" needs 3 but the quota allows 2 (DaemonSet/agent 3 (3 nodes))");
}

} // namespace
} // namespace berth::check::test

namespace berth::check::test {
namespace {

TEST(QuotaExceeded, OverlayPatchedReplicasCountInTheOverlayNamespace) {
  SetRun s;
  s.add("base/kustomization.yaml", "apiVersion: kustomize.config.k8s.io/v1beta1\n"
                                   "kind: Kustomization\nresources: [web.yaml]\n");
  std::string base = web("1");
  base.erase(base.find("  namespace: shop\n"), 18);
  s.add("base/web.yaml", base);
  s.add("shop/kustomization.yaml",
        "apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nnamespace: shop\n"
        "resources: [../base, quota.yaml]\npatchesStrategicMerge: [web-replicas.yaml]\n");
  std::string quota = kQuota;
  quota.replace(quota.find("namespace: shop"), 15, "namespace: x");
  s.add("shop/quota.yaml", quota);
  s.add("shop/web-replicas.yaml",
        "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec: {replicas: 5}\n",
        /*patch=*/true);
  std::vector<Finding> over = of(s.run(), "quota-exceeded");
  ASSERT_EQ(over.size(), 2u) << dump(s.run());
  EXPECT_EQ(over[0].message, "requests.cpu: namespace \"shop\" needs 2.5 but the quota allows 2 "
                             "(Deployment/web 5 x 500m (overlay patch))");
}

} // namespace
} // namespace berth::check::test

namespace berth::check::test {
namespace {

TEST(QuotaExceeded, LimitRangeDefaultsAreNamedInTheMessage) {
  SetRun s;
  s.add("quota.yaml", kQuota).add("web.yaml", web("5", "{}"));
  s.add("lr.yaml", "apiVersion: v1\nkind: LimitRange\nmetadata: {name: d, namespace: shop}\n"
                   "spec: {limits: [{type: Container, default: {cpu: 500m, memory: 512Mi}}]}\n");
  // The LimitRange's default (500m) becomes the request too: 5 x 500m > 2.
  std::vector<Finding> over = of(s.run(), "quota-exceeded");
  ASSERT_EQ(over.size(), 1u) << dump(s.run());
  EXPECT_EQ(over[0].message, "requests.cpu: namespace \"shop\" needs 2.5 but the quota allows 2 "
                             "(Deployment/web 5 x 500m (LimitRange defaults))");
}

} // namespace
} // namespace berth::check::test

namespace berth::check::test {
namespace {

TEST(Quota, AbsurdNumbersSaturateInsteadOfOverflowing) {
  SetRun s;
  profile::Profile p = profile::default_profile();
  s.options.profile = p;
  s.add("quota.yaml", kQuota)
      .add("web.yaml", web("2147483647", "{requests: {cpu: '9e15', memory: 7Ei}, limits: "
                                         "{memory: 7Ei}}"));
  std::vector<Finding> all;
  ASSERT_NO_THROW(all = s.run());
  std::vector<Finding> over = of(all, "quota-exceeded");
  ASSERT_EQ(over.size(), 3u) << dump(all);
  EXPECT_NE(over[0].message.find("needs 9223372036854775.807 but"), std::string::npos)
      << over[0].message;
  EXPECT_FALSE(of(all, "node-capacity-exceeded").empty());
}

} // namespace
} // namespace berth::check::test
