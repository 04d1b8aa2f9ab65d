// Environment of each service split into ConfigMap and Secret material.
#include "generate/plan_detail.h"

namespace berth::generate::detail {

void plan_env(ServicePlan& sp, Report& report) {
  const model::Service& s = *sp.service;
  bool any_config = false, any_secret = !s.secrets.empty();
  for (const model::EnvVar& e : s.environment) {
    if (!e.value) {
      report.add(s.name, "environment." + e.name, Disposition::Dropped,
                 "no value at conversion time: set it in the overlay ConfigMap", e.at.loc);
      continue;
    }
    EnvPlan ep;
    ep.name = e.name;
    ep.value = *e.value;
    if (is_secret_name(e.name)) {
      ep.secret = true;
      ep.reason = "name looks secret";
    } else if (has_url_password(*e.value) || has_url_credentials(*e.value)) {
      ep.secret = true;
      ep.reason = "URL with password";
    }
    (ep.secret ? any_secret : any_config) = true;
    sp.env.push_back(std::move(ep));
  }
  if (!s.environment.empty()) {
    std::size_t secrets = 0;
    for (const EnvPlan& ep : sp.env) secrets += ep.secret;
    report.add(s.name, "environment", Disposition::Translated,
               std::to_string(sp.env.size() - secrets) + " variable(s) → ConfigMap, " +
                   std::to_string(secrets) + " secret-looking → Secret",
               s.environment.front().at.loc);
  }
  if (any_config) sp.config_name = sp.name + "-config";
  if (any_secret) sp.secret_name = sp.name + "-secret";
}

void propagate_secret_values(std::vector<ServicePlan>& plans) {
  // Values shorter than this are too common ("app", "1") to count as the same secret.
  constexpr std::size_t kMinLength = 6;
  // value → "service's KEY" of its first appearance, which is the one named.
  std::unordered_map<std::string_view, std::string> secrets;
  for (const ServicePlan& sp : plans)
    for (const EnvPlan& e : sp.env)
      if (e.secret && e.value.size() >= kMinLength && !secrets.count(e.value))
        secrets.emplace(e.value, sp.service->name + "'s " + e.name);
  for (ServicePlan& sp : plans) {
    for (EnvPlan& e : sp.env) {
      if (e.secret) continue;
      if (auto it = secrets.find(e.value); it != secrets.end()) {
        e.secret = true;
        e.reason = "same value as " + it->second;
      }
    }
    bool any_config = false, any_secret = !sp.service->secrets.empty();
    for (const EnvPlan& e : sp.env) (e.secret ? any_secret : any_config) = true;
    sp.config_name = any_config ? sp.name + "-config" : "";
    sp.secret_name = any_secret ? sp.name + "-secret" : "";
  }
}

} // namespace berth::generate::detail
