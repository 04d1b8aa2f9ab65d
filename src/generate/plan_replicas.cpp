// Replicas of each service per profile environment.
#include "common/error.h"
#include "generate/plan_detail.h"

namespace berth::generate::detail {

void plan_replicas(ServicePlan& sp, const profile::Profile& profile, Report& report) {
  const model::Service& s = *sp.service;
  const model::XBerth* x = s.x_berth ? &*s.x_berth : nullptr;
  if (x)
    for (const auto& [env, n] : x->replicas)
      if (!profile::find_environment(profile, env)) {
        std::string names;
        for (const profile::Environment& e : profile.environments)
          names += (names.empty() ? "" : ", ") + e.name;
        throw Error(x->at.loc, "x-berth.replicas of service " + s.name + ": unknown environment `" +
                                   env + "` (the profile's environments: " + names + ")");
      }
  bool one = sp.singleton || sp.stateful() || sp.kind == model::WorkloadKind::Job ||
             sp.kind == model::WorkloadKind::CronJob || sp.kind == model::WorkloadKind::DaemonSet ||
             sp.family != DataFamily::None; // a second database pod is a second database
  bool hpa = x && x->hpa && !one;
  for (const profile::Environment& env : profile.environments) {
    int n = static_cast<int>(env.replicas);
    if (x && x->replicas.count(env.name)) n = x->replicas.at(env.name);
    else if (sp.singleton) n = 1; // never more than one pod, whatever deploy.replicas says
    else if (hpa) n = x->hpa->min;
    else if (s.deploy.replicas) n = *s.deploy.replicas;
    else if (one) n = 1;
    sp.replicas[env.name] = n;
  }
  if (x && !x->replicas.empty())
    report.add(s.name, "x-berth.replicas", Disposition::Translated, "replicas per environment",
               x->at.loc);
  else if (hpa)
    report.add(s.name, "x-berth.hpa", Disposition::Inferred,
               "replicas start at the HPA minimum " + std::to_string(x->hpa->min) +
                   " in every environment", x->hpa->at.loc);
  else if (s.deploy.replicas && sp.singleton && *s.deploy.replicas != 1)
    report.add(s.name, "deploy.replicas", Disposition::Dropped,
               "x-berth.singleton: 1 replica instead of " + std::to_string(*s.deploy.replicas),
               s.at.loc);
  else if (s.deploy.replicas)
    report.add(s.name, "deploy.replicas", Disposition::Translated,
               std::to_string(*s.deploy.replicas) + " replica(s) in every environment", s.at.loc);
}

} // namespace berth::generate::detail
