// generate_availability: per-environment patches (replicas, priority, spreading), HPA/PDB files.
#include <gtest/gtest.h>

#include "generate/availability.h"
#include "yaml/emit.h"

namespace berth::generate {
namespace {

struct World {
  model::App app;
  profile::Profile profile = profile::default_profile();
  AppPlan plan;
  World() {
    app.name = "shop";
    plan.app = "shop";
  }
  // Services are added before plans point at them (the vector must not move afterwards).
  void add(std::string name, model::WorkloadKind kind, int staging, int production) {
    model::Service s;
    s.name = name;
    app.services.push_back(s);
    ServicePlan p;
    p.name = name;
    p.kind = kind;
    p.replicas = {{"staging", staging}, {"production", production}};
    plan.services.push_back(p);
  }
  Context ctx() {
    for (std::size_t i = 0; i < plan.services.size(); ++i)
      plan.services[i].service = &app.services[i];
    return Context{app, profile, plan};
  }
  const profile::Environment& env(const char* name) {
    return *profile::find_environment(profile, name);
  }
};

TEST(Availability, StagingSinglePodGetsOnlyPriority) {
  World w;
  w.add("web", model::WorkloadKind::Deployment, 1, 2);
  Context ctx = w.ctx();
  auto patch = availability::environment_patch(ctx, w.plan.services[0], w.env("staging"));
  ASSERT_TRUE(patch);
  EXPECT_EQ(yaml::emit(*patch), R"(apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  template:
    spec:
      priorityClassName: staging
)");
}

TEST(Availability, ProductionReplicatedGetsReplicasAndSpreading) {
  World w;
  w.add("web", model::WorkloadKind::Deployment, 1, 2);
  Context ctx = w.ctx();
  auto patch = availability::environment_patch(ctx, w.plan.services[0], w.env("production"));
  ASSERT_TRUE(patch);
  EXPECT_EQ(yaml::emit(*patch), R"(apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 2
  template:
    spec:
      priorityClassName: production
      affinity:
        podAntiAffinity:
          preferredDuringSchedulingIgnoredDuringExecution:
            - weight: 100
              podAffinityTerm:
                labelSelector:
                  matchLabels:
                    app.kubernetes.io/name: web
                    app.kubernetes.io/part-of: shop
                topologyKey: kubernetes.io/hostname
      topologySpreadConstraints:
        - maxSkew: 1
          topologyKey: kubernetes.io/hostname
          whenUnsatisfiable: ScheduleAnyway
          labelSelector:
            matchLabels:
              app.kubernetes.io/name: web
              app.kubernetes.io/part-of: shop
)");
}

TEST(Availability, CronJobPriorityGoesUnderJobTemplate) {
  World w;
  w.add("cleanup", model::WorkloadKind::CronJob, 1, 1);
  Context ctx = w.ctx();
  auto patch = availability::environment_patch(ctx, w.plan.services[0], w.env("production"));
  ASSERT_TRUE(patch);
  EXPECT_EQ(yaml::emit(*patch), R"(apiVersion: batch/v1
kind: CronJob
metadata:
  name: cleanup
spec:
  jobTemplate:
    spec:
      template:
        spec:
          priorityClassName: production
)");
}

TEST(Availability, NothingToPatchWithoutPriorityClassAndOneReplica) {
  World w;
  for (auto& e : w.profile.environments) e.priority_class.clear();
  w.add("db", model::WorkloadKind::StatefulSet, 1, 1);
  Context ctx = w.ctx();
  EXPECT_FALSE(availability::environment_patch(ctx, w.plan.services[0], w.env("production")));
}

TEST(Availability, SingletonNeverSpreads) {
  World w;
  w.add("worker", model::WorkloadKind::Deployment, 1, 1);
  w.plan.services[0].singleton = true;
  Context ctx = w.ctx();
  auto patch = availability::environment_patch(ctx, w.plan.services[0], w.env("production"));
  ASSERT_TRUE(patch);
  EXPECT_FALSE(patch->find("spec")->find("template")->find("spec")->has("affinity"));
  EXPECT_FALSE(patch->find("spec")->has("replicas"));
}

TEST(Availability, ReplicasClampedIntoHpaRange) {
  World w;
  w.add("api", model::WorkloadKind::Deployment, 1, 12);
  w.app.services[0].x_berth = model::XBerth{};
  w.app.services[0].x_berth->hpa = model::Autoscaling{};
  w.app.services[0].x_berth->hpa->min = 2;
  w.app.services[0].x_berth->hpa->max = 8;
  Context ctx = w.ctx();
  auto patch = availability::environment_patch(ctx, w.plan.services[0], w.env("production"));
  ASSERT_TRUE(patch);
  EXPECT_EQ(patch->find("spec")->text("replicas"), "8");
  // Staging has one replica but an HPA minimum of 2: the HPA runs there too, from 2 pods.
  auto staging = availability::environment_patch(ctx, w.plan.services[0], w.env("staging"));
  EXPECT_EQ(staging->find("spec")->text("replicas"), "2");
}

std::vector<std::string> paths(const Output& out, const std::string& env) {
  std::vector<std::string> p;
  if (out.overlay.count(env))
    for (const Manifest& m : out.overlay.at(env)) p.push_back(m.path);
  if (out.patches.count(env))
    for (const Patch& m : out.patches.at(env)) p.push_back(m.path);
  return p;
}

TEST(Availability, GeneratorPlacesFiles) {
  World w;
  w.add("web", model::WorkloadKind::Deployment, 1, 2);
  w.add("db", model::WorkloadKind::StatefulSet, 1, 1);
  w.add("api", model::WorkloadKind::Deployment, 1, 1);
  w.app.services[2].x_berth = model::XBerth{};
  w.app.services[2].x_berth->hpa = model::Autoscaling{};
  w.app.services[2].x_berth->hpa->min = 2;
  w.app.services[2].x_berth->hpa->max = 5;
  Context ctx = w.ctx();
  Output out;
  generate_availability(ctx, out);
  EXPECT_EQ(paths(out, "staging"),
            (std::vector<std::string>{"overlays/staging/hpa-api.yaml",
                                      "overlays/staging/pdb-api.yaml",
                                      "overlays/staging/patches/web.yaml",
                                      "overlays/staging/patches/db.yaml",
                                      "overlays/staging/patches/api.yaml"}));
  EXPECT_EQ(paths(out, "production"),
            (std::vector<std::string>{"overlays/production/pdb-web.yaml",
                                      "overlays/production/hpa-api.yaml",
                                      "overlays/production/pdb-api.yaml",
                                      "overlays/production/patches/web.yaml",
                                      "overlays/production/patches/db.yaml",
                                      "overlays/production/patches/api.yaml"}));
  EXPECT_TRUE(out.base.empty());
  bool hpa_reported = false, db_pdb_reported = false;
  for (const ReportEntry& e : out.report.entries) {
    if (e.service == "api" && e.key == "x-berth.hpa")
      hpa_reported = e.disposition == Disposition::Translated;
    if (e.service == "db" && e.key == "PodDisruptionBudget") db_pdb_reported = true;
  }
  EXPECT_TRUE(hpa_reported);
  EXPECT_TRUE(db_pdb_reported);
}

TEST(Availability, HpaOnAJobIsReportedDropped) {
  World w;
  w.add("batch", model::WorkloadKind::Job, 1, 1);
  w.app.services[0].x_berth = model::XBerth{};
  w.app.services[0].x_berth->hpa = model::Autoscaling{};
  w.app.services[0].x_berth->hpa->max = 3;
  Context ctx = w.ctx();
  Output out;
  generate_availability(ctx, out);
  ASSERT_FALSE(out.report.entries.empty());
  EXPECT_EQ(out.report.entries[0].disposition, Disposition::Dropped);
  EXPECT_EQ(out.overlay.count("production"), 0u);
}

} // namespace
} // namespace berth::generate
