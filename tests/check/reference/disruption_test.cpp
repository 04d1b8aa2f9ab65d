// PDBs ↔ workloads: pdb-selector-no-match, pdb-blocks-eviction, pdb-missing.
#include "check/reference/set_fixture.h"

namespace berth::check::test {
namespace {

// Line 5: replicas (column 13).
std::string deployment(std::string_view replicas = "3") {
  return R"(apiVersion: apps/v1
kind: Deployment
metadata: {name: api}
spec:
  replicas: )" +
         std::string(replicas) + R"(
  selector: {matchLabels: {app: api}}
  template:
    metadata: {labels: {app: api}}
    spec:
      containers: [{name: api, image: "api:1"}]
)";
}

// Line 5: the budget field's value (column 19 for minAvailable, 21 for maxUnavailable); line 7:
// the selector mapping (column 5).
std::string pdb(std::string_view budget, std::string_view app = "api") {
  return R"(apiVersion: policy/v1
kind: PodDisruptionBudget
metadata: {name: api}
spec:
  )" + std::string(budget) +
         R"(
  selector:
    matchLabels: {app: )" +
         std::string(app) + "}\n";
}

TEST(PdbSelector, MatchingBudgetPasses) {
  SetRun s;
  s.add("app.yaml", deployment()).add("pdb.yaml", pdb("maxUnavailable: 1"));
  EXPECT_TRUE(s.problems().empty()) << dump(s.problems());
}

TEST(PdbSelector, NoMatchIsAWarningAtTheSelector) {
  SetRun s;
  s.add("app.yaml", deployment("1")).add("pdb.yaml", pdb("maxUnavailable: 1", "apii"));
  Finding f = only(s.run(), "pdb-selector-no-match");
  EXPECT_EQ(at(f), "7:5");
  EXPECT_EQ(f.message,
            "selector app=apii matches no pod template in the default namespace of the set");
}

TEST(PdbBlocksEviction, MaxUnavailableZero) {
  SetRun s;
  s.add("app.yaml", deployment()).add("pdb.yaml", pdb("maxUnavailable: 0"));
  Finding f = only(s.run(), "pdb-blocks-eviction");
  EXPECT_EQ(at(f), "5:19");
}

TEST(PdbBlocksEviction, MinAvailableAllReplicasOrHundredPercent) {
  SetRun s;
  s.add("app.yaml", deployment()).add("pdb.yaml", pdb("minAvailable: 3"));
  Finding f = only(s.run(), "pdb-blocks-eviction");
  EXPECT_EQ(at(f), "5:17");
  EXPECT_EQ(f.message, "minAvailable 3 is not below the 3 replica(s) of Deployment/api: no pod "
                       "can be evicted, node drains wait forever");
  SetRun pct;
  pct.add("app.yaml", deployment()).add("pdb.yaml", pdb("minAvailable: 100%"));
  EXPECT_EQ(of(pct.run(), "pdb-blocks-eviction").size(), 1u);
  SetRun ok;
  ok.add("app.yaml", deployment()).add("pdb.yaml", pdb("minAvailable: 2"));
  EXPECT_TRUE(ok.problems().empty()) << dump(ok.problems());
}

TEST(PdbMissing, ReplicatedWorkloadWithoutBudgetIsAWarningAtReplicas) {
  SetRun s;
  s.add("app.yaml", deployment());
  Finding f = only(s.run(), "pdb-missing");
  EXPECT_EQ(f.severity, Severity::Warning);
  EXPECT_EQ(at(f), "5:13");
  EXPECT_EQ(f.message, "Deployment/api keeps 3 replicas but no PodDisruptionBudget selects its "
                       "pods (app=api): a node drain may evict them all at once");
}

TEST(PdbMissing, SingleReplicaNeedsNone) {
  SetRun s;
  s.add("app.yaml", deployment("1"));
  EXPECT_TRUE(s.problems().empty()) << dump(s.problems());
}

TEST(PdbMissing, HpaMinimumCounts) {
  SetRun s;
  s.add("app.yaml", deployment("1"))
      .add("hpa.yaml", "apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\n"
                       "metadata: {name: api}\nspec:\n"
                       "  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: api}\n"
                       "  minReplicas: 2\n  maxReplicas: 4\n"
                       "  metrics: [{type: Pods, pods: {metric: {name: rps}, target: "
                       "{type: AverageValue, averageValue: '10'}}}]\n");
  Finding f = only(s.run(), "pdb-missing");
  EXPECT_EQ(f.file, "app.yaml");
  EXPECT_NE(f.message.find("keeps 2 replicas (HPA minReplicas)"), std::string::npos) << f.message;
}

} // namespace
} // namespace berth::check::test

namespace berth::check::test {
namespace {

// A raw kustomize tree: the base runs 1 replica, the overlay patches it to 3 and adds a PDB.
SetRun overlay_tree(std::string_view budget) {
  SetRun s;
  s.add("base/kustomization.yaml", "apiVersion: kustomize.config.k8s.io/v1beta1\n"
                                   "kind: Kustomization\nresources: [app.yaml]\n");
  s.add("base/app.yaml", deployment("1"));
  s.add("prod/kustomization.yaml",
        "apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nnamespace: prod\n"
        "resources: [../base, pdb.yaml]\npatches: [{path: patches/app.yaml}]\n");
  s.add("prod/pdb.yaml", pdb(budget));
  s.add("prod/patches/app.yaml",
        "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: api}\nspec: {replicas: 3}\n",
        /*patch=*/true);
  return s;
}

TEST(PdbBlocksEviction, OverlayPatchedReplicasCount) {
  EXPECT_TRUE(of(overlay_tree("minAvailable: 1").run(), "pdb-blocks-eviction").empty());
  Finding f = only(overlay_tree("minAvailable: 3").run(), "pdb-blocks-eviction");
  EXPECT_NE(f.message.find("not below the 3 replica(s)"), std::string::npos) << f.message;
}

} // namespace
} // namespace berth::check::test
