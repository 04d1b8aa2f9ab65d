// plan_app: every per-service decision made once, in a fixed order (names, kind, image, edges,
// ports, routes, env, replicas), so generators only render.
#include "generate/plan.h"

#include <unordered_map>
#include <unordered_set>

#include "common/error.h"
#include "generate/plan_detail.h"
#include "kube/names.h"

namespace berth::generate {

const PortPlan* ServicePlan::port(int number) const {
  for (const PortPlan& p : ports)
    if (p.port == number) return &p;
  return nullptr;
}

const ServicePlan* AppPlan::find(std::string_view compose_name) const {
  for (const ServicePlan& sp : services)
    if (sp.service && sp.service->name == compose_name) return &sp;
  return nullptr;
}

namespace {

// Service names must also be DNS-1035 labels (start with a letter), so "1web" → "s-1web".
std::string kube_name(std::string_view compose_name) {
  std::string name = kube::dns1123_label(compose_name, 63);
  if (name.front() >= '0' && name.front() <= '9') name = kube::dns1123_label("s-" + name, 63);
  return name;
}

// `taken`: Kubernetes name → Compose name of the services planned before.
void plan_name(ServicePlan& sp, std::unordered_map<std::string, std::string>& taken,
               Report& report) {
  const model::Service& s = *sp.service;
  sp.name = kube_name(s.name);
  if (auto [other, fresh] = taken.try_emplace(sp.name, s.name); !fresh)
    throw Error(s.at.loc, "services `" + other->second + "` and `" + s.name +
                              "` both become the Kubernetes name `" + sp.name +
                              "`: rename one of them");
  if (sp.name != s.name)
    report.add(s.name, "name", Disposition::Inferred,
               "Kubernetes name `" + sp.name + "` (names must be DNS-1123 labels)", s.at.loc);
}

// Services some other service waits for with service_completed_successfully.
std::unordered_set<std::string> awaited_to_complete(const model::App& app) {
  std::unordered_set<std::string> out;
  for (const model::Service& other : app.services)
    for (const model::Dependency& d : other.depends_on)
      if (d.condition == model::DependencyCondition::CompletedSuccessfully) out.insert(d.service);
  return out;
}

void plan_kind(ServicePlan& sp, const std::unordered_set<std::string>& awaited, Report& report) {
  const model::Service& s = *sp.service;
  sp.singleton = s.x_berth && s.x_berth->singleton;
  if (s.x_berth && s.x_berth->kind) {
    sp.kind = *s.x_berth->kind;
    report.add(s.name, "x-berth.kind", Disposition::Translated, model::to_string(sp.kind),
               s.x_berth->at.loc);
    return;
  }
  if (awaited.count(s.name)) {
    sp.kind = model::WorkloadKind::Job;
    report.add(s.name, "kind", Disposition::Inferred,
               "Job: other services wait for it with service_completed_successfully", s.at.loc);
    return;
  }
  if (sp.family != DataFamily::None)
    for (const model::Mount& m : s.volumes)
      if (m.is_named_volume()) {
        sp.kind = model::WorkloadKind::StatefulSet;
        report.add(s.name, "kind", Disposition::Inferred,
                   std::string("StatefulSet: ") + to_string(sp.family) +
                       " data store with named volume " + m.source, m.at.loc);
        return;
      }
  sp.kind = model::WorkloadKind::Deployment;
}

void plan_image(ServicePlan& sp, const profile::Profile& profile, Report& report) {
  const model::Service& s = *sp.service;
  if (s.build) {
    sp.built = true;
    sp.image = !s.image.empty() ? s.image : profile.registry.url + "/" + sp.name;
    report.add(s.name, "build", Disposition::Translated,
               "image " + sp.image + ", built and pushed by the CI workflow", s.build->at.loc);
  } else if (!s.image.empty()) {
    sp.image = s.image;
    report.add(s.name, "image", Disposition::Translated, "container image " + sp.image, s.at.loc);
  } else {
    throw Error(s.at.loc, "service " + s.name + " has neither `image` nor `build`: Kubernetes "
                                                "needs an image to run");
  }
}

} // namespace

AppPlan plan_app(const model::App& app, const profile::Profile& profile,
                 const ConvertOptions& options, Report& report) {
  AppPlan plan;
  plan.app = kube::dns1123_label(app.name, 63);
  plan.host = !options.host.empty() ? options.host : plan.app + "." + profile.ingress.domain;
  plan.services.reserve(app.services.size());
  std::unordered_map<std::string, std::string> taken;
  const std::unordered_set<std::string> awaited = awaited_to_complete(app);
  for (const model::Service& s : app.services) {
    ServicePlan sp;
    sp.service = &s;
    plan_name(sp, taken, report);
    sp.family = data_family(s.image);
    plan_kind(sp, awaited, report);
    plan_image(sp, profile, report);
    plan.services.push_back(std::move(sp));
  }
  detail::plan_edges(app, plan.services, report);
  for (const ServicePlan& sp : plan.services)
    if (!sp.service->depends_on.empty())
      report.add(sp.service->name, "depends_on", Disposition::Translated,
                 "network edges and the cut-over order", sp.service->depends_on.front().at.loc);
  detail::plan_ports(app, plan.services, report);
  detail::plan_routes(plan, profile, report);
  for (ServicePlan& sp : plan.services) detail::plan_env(sp, report);
  detail::propagate_secret_values(plan.services);
  for (ServicePlan& sp : plan.services) detail::plan_replicas(sp, profile, report);
  return plan;
}

} // namespace berth::generate
