// generate_availability: per-environment replicas/priority patches, HPAs and PDBs.
#include "generate/availability.h"

namespace berth::generate {

using namespace availability;

namespace {

void report_keys(const ServicePlan& plan, Report& report) {
  const model::Service& s = *plan.service;
  if (!s.x_berth) return;
  const model::XBerth& x = *s.x_berth;
  if (x.hpa) {
    if (!scalable(plan))
      report.add(s.name, "x-berth.hpa", Disposition::Dropped,
                 std::string("a ") + kind_name(plan.kind) +
                     " is not scaled by a HorizontalPodAutoscaler",
                 x.hpa->at.loc);
    else
      report.add(s.name, "x-berth.hpa", Disposition::Translated,
                 "HorizontalPodAutoscaler (autoscaling/v2) in the environments running more than "
                 "one pod; scales on resource requests, which the workload always sets",
                 x.hpa->at.loc);
  }
  if (x.singleton)
    report.add(s.name, "x-berth.singleton", Disposition::Translated,
               "one pod in every environment: no HPA, no PDB, no spreading", x.at.loc);
}

} // namespace

void generate_availability(const Context& ctx, Output& out) {
  for (const ServicePlan& plan : ctx.plan.services) {
    if (!plan.service) continue;
    report_keys(plan, out.report);
    bool any_pdb = false;
    for (const profile::Environment& env : ctx.profile.environments) {
      const std::string dir = "overlays/" + env.name + "/";
      if (auto patch = environment_patch(ctx, plan, env))
        out.add_patch(env.name, dir + "patches/" + plan.name + ".yaml", std::move(*patch));
      if (wants_hpa(plan, env.name))
        out.add_overlay(env.name, dir + "hpa-" + plan.name + ".yaml",
                        make_hpa(ctx.plan, plan, *plan.service->x_berth->hpa));
      if (scalable(plan) && !plan.singleton && min_pods_in(plan, env.name) >= 2) {
        any_pdb = true;
        out.add_overlay(env.name, dir + "pdb-" + plan.name + ".yaml", make_pdb(ctx.plan, plan));
      }
    }
    if (plan.stateful() && !any_pdb)
      out.report.add(plan.service->name, "PodDisruptionBudget", Disposition::Inferred,
                     "none: a single-replica StatefulSet with a PDB could never be drained",
                     plan.service->at.loc);
  }
}

} // namespace berth::generate
