// ConfigMaps of a service: its non-secret environment and the Compose configs it uses.
#include <filesystem>
#include <fstream>
#include <iterator>

#include "generate/config.h"
#include "generate/secret_refs.h"
#include "kube/object.h"

namespace berth::generate {

using yaml::Node;

namespace {

// ConfigMap and Secret data keys: [-._a-zA-Z0-9]+, at most 253 characters.
bool valid_data_key(std::string_view key) {
  if (key.empty() || key.size() > 253) return false;
  for (char c : key) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
              c == '-' || c == '.' || c == '_';
    if (!ok) return false;
  }
  return true;
}

Location env_location(const ServicePlan& plan, std::string_view name) {
  if (plan.service)
    if (const model::EnvVar* v = plan.service->env(name)) return v->at.loc;
  return {};
}

Node labelled_configmap(const Context& ctx, const ServicePlan& plan, const std::string& name) {
  Node cm = kube::make_object("v1", "ConfigMap", name);
  for (const auto& [k, v] : kube::standard_labels(ctx.plan.app, plan.name)) kube::set_label(cm, k, v);
  return cm;
}

const model::FileObject* find_config(const model::App& app, std::string_view key) {
  for (const auto& c : app.configs)
    if (c.key == key) return &c;
  return nullptr;
}

} // namespace

void add_env_configmap(const Context& ctx, const ServicePlan& plan, Output& out) {
  const std::string& svc = plan.service ? plan.service->name : plan.name;
  Node data = Node::mapping();
  for (const auto& e : plan.env) {
    std::string key = "environment." + e.name;
    Location at = env_location(plan, e.name);
    if (e.secret) continue; // secrets.cpp reports these
    if (!valid_data_key(e.name)) {
      out.report.add(svc, key, Disposition::Dropped,
                     "not a valid ConfigMap key (allowed: letters, digits, '-', '.', '_'); "
                     "rename the variable",
                     at);
      continue;
    }
    data.set(e.name, Node::str(e.value));
    out.report.add(svc, key, Disposition::Translated,
                   "ConfigMap " + plan.config_name + " key " + e.name, at);
  }
  // Variables Compose leaves out of the container (`- KEY` unset everywhere) stay out.
  if (plan.service)
    for (const auto& v : plan.service->environment) {
      if (v.source != model::EnvSource::Unset) continue;
      bool planned = false;
      for (const auto& e : plan.env) planned = planned || e.name == v.name;
      if (!planned)
        out.report.add(svc, "environment." + v.name, Disposition::Dropped,
                       "no value in the Compose environment, so the container does not get it; "
                       "add a value to keep it",
                       v.at.loc);
    }
  if (data.size() == 0 || plan.config_name.empty()) return;
  Node cm = labelled_configmap(ctx, plan, plan.config_name);
  cm.set("data", std::move(data));
  out.add_base("base/" + plan.name + "/configmap.yaml", std::move(cm));
}

void add_configs_configmap(const Context& ctx, const ServicePlan& plan, Output& out) {
  if (!plan.service) return;
  const std::string& svc = plan.service->name;
  Node data = Node::mapping();
  for (std::size_t i = 0; i < plan.service->configs.size(); ++i) {
    const model::FileRef& ref = plan.service->configs[i];
    std::string key = "configs[" + std::to_string(i) + "]";
    const model::FileObject* config = find_config(ctx.app, ref.source);
    if (!config) {
      out.report.add(svc, key, Disposition::Dropped,
                     "config " + ref.source + " is not defined at the top level", ref.at.loc);
      continue;
    }
    if (config->external) {
      std::string name = config->name.empty() ? config->key : config->name;
      out.report.add(svc, key, Disposition::Manual,
                     "external config " + name + ": create ConfigMap " + name +
                         " (key " + config_file_key(ref.source) + ") in each namespace",
                     ref.at.loc);
      continue;
    }
    std::string content;
    if (!config->file.empty()) {
      std::ifstream in(config->file, std::ios::binary);
      if (!in) {
        out.report.add(svc, key, Disposition::Manual,
                       "config file " + config->file + " does not exist here; add its content "
                       "to ConfigMap " + configs_configmap_name(plan),
                       ref.at.loc);
        continue;
      }
      content.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    } else if (!config->environment.empty()) {
      out.report.add(svc, key, Disposition::Manual,
                     "config " + ref.source + " comes from variable " + config->environment +
                         " of the deploying shell; add its content to ConfigMap " +
                         configs_configmap_name(plan),
                     ref.at.loc);
      continue;
    } else {
      content = config->content;
    }
    std::string data_key = config_file_key(ref.source);
    if (data.find(data_key)) {
      // The same config mounted twice shares its key; another config on the same key cannot.
      bool same = false;
      for (std::size_t j = 0; j < i; ++j) same = same || plan.service->configs[j].source == ref.source;
      if (!same)
        out.report.add(svc, key, Disposition::Manual,
                       "config " + ref.source + " maps to ConfigMap key " + data_key +
                           ", already used by another config; rename one of them",
                       ref.at.loc);
      continue;
    }
    data.set(data_key, Node::str(content));
    out.report.add(svc, key, Disposition::Translated,
                   "ConfigMap " + configs_configmap_name(plan) + " key " + data_key, ref.at.loc);
  }
  if (data.size() == 0) return;
  Node cm = labelled_configmap(ctx, plan, configs_configmap_name(plan));
  cm.set("data", std::move(data));
  out.add_base("base/" + plan.name + "/configmap-configs.yaml", std::move(cm));
}

} // namespace berth::generate
