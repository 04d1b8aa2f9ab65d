// Compose → App model: top level (name, services, volumes, networks, secrets, configs, x-*)
// and cross-checks between services and x-berth.
#include "compose/to_model.h"

#include "compose/to_model_detail.h"

namespace berth::compose {
namespace {

using detail::Fields;
using model::read_bool;
using model::read_string;
using yaml::Node;

constexpr std::string_view kTopUnsupported =
    "not supported by berth's Kubernetes conversion; kept for `berth config` only";

// `external: true` or the legacy `external: {name: x}`.
void read_external(Fields& f, bool& external, std::string& name) {
  if (const Node* v = f.get("external")) {
    if (v->is_mapping()) {
      external = true;
      if (const Node* n = v->find("name")) name = read_string(*n, f.path("external.name"));
    } else {
      external = read_bool(*v, f.path("external"));
    }
  }
}

model::Volume read_volume(const yaml::Entry& e, model::App& app) {
  model::Volume v;
  v.key = e.key.value();
  v.at.loc = e.key.loc();
  if (e.value.is_null()) return v;
  Fields f(e.value, {"volumes", v.key}, app.not_representable);
  if (const Node* n = f.get("name")) v.name = read_string(*n, f.path("name"));
  if (const Node* n = f.get("driver")) v.driver = read_string(*n, f.path("driver"));
  if (const Node* n = f.get("driver_opts")) v.driver_opts = model::read_string_map(*n, f.path("driver_opts"));
  read_external(f, v.external, v.name);
  if (const Node* n = f.get("labels")) v.labels = model::read_string_map(*n, f.path("labels"));
  f.finish(kTopUnsupported);
  return v;
}

model::Network read_network(const yaml::Entry& e, model::App& app) {
  model::Network v;
  v.key = e.key.value();
  v.at.loc = e.key.loc();
  if (e.value.is_null()) return v;
  Fields f(e.value, {"networks", v.key}, app.not_representable);
  if (const Node* n = f.get("name")) v.name = read_string(*n, f.path("name"));
  if (const Node* n = f.get("driver")) v.driver = read_string(*n, f.path("driver"));
  if (const Node* n = f.get("driver_opts")) v.driver_opts = model::read_string_map(*n, f.path("driver_opts"));
  read_external(f, v.external, v.name);
  if (const Node* n = f.get("internal")) v.internal = read_bool(*n, f.path("internal"));
  if (const Node* n = f.get("attachable")) v.attachable = read_bool(*n, f.path("attachable"));
  if (const Node* n = f.get("enable_ipv6")) v.enable_ipv6 = read_bool(*n, f.path("enable_ipv6"));
  if (const Node* n = f.get("ipam")) v.ipam = *n;
  if (const Node* n = f.get("labels")) v.labels = model::read_string_map(*n, f.path("labels"));
  f.finish(kTopUnsupported);
  return v;
}

model::FileObject read_file_object(const yaml::Entry& e, const std::string& section,
                                   model::App& app) {
  model::FileObject o;
  o.key = e.key.value();
  o.at.loc = e.key.loc();
  if (e.value.is_null()) return o;
  Fields f(e.value, {section, o.key}, app.not_representable);
  if (const Node* n = f.get("name")) o.name = read_string(*n, f.path("name"));
  if (const Node* n = f.get("file")) o.file = read_string(*n, f.path("file"));
  if (const Node* n = f.get("environment")) o.environment = read_string(*n, f.path("environment"));
  if (const Node* n = f.get("content")) o.content = read_string(*n, f.path("content"));
  read_external(f, o.external, o.name);
  if (const Node* n = f.get("labels")) o.labels = model::read_string_map(*n, f.path("labels"));
  f.finish(kTopUnsupported);
  return o;
}

// x-berth.storage must name named volumes the service mounts: a typo would silently size
// nothing.
void check_storage(const model::Service& s) {
  if (!s.x_berth) return;
  for (const auto& [vol, size] : s.x_berth->storage) {
    bool mounted = false;
    std::string names;
    for (const model::Mount& m : s.volumes)
      if (m.is_named_volume()) {
        if (m.source == vol) mounted = true;
        names += (names.empty() ? "" : ", ") + m.source;
      }
    if (!mounted)
      throw Error(s.x_berth->at.loc, "services." + s.name + ".x-berth.storage." + vol +
                                         ": the service mounts no named volume \"" + vol + "\"" +
                                         (names.empty() ? std::string(" (it mounts none)")
                                                        : " (mounted: " + names + ")"));
  }
}

} // namespace

model::App to_model(const LoadedProject& project) {
  model::App app;
  app.name = project.name;
  app.project_directory = project.project_directory;
  app.warnings = project.warnings;
  const Node& tree = project.tree;
  if (tree.is_null()) return app;
  model::expect_mapping(tree, "project");
  detail::Context ctx{project};

  if (const Node* services = tree.find("services"); services && !services->is_null()) {
    model::expect_mapping(*services, "services");
    for (const yaml::Entry& e : services->entries()) {
      model::Service s = detail::read_service(e.key.value(), e.value, ctx);
      s.at.loc = e.key.loc();
      check_storage(s);
      app.services.push_back(std::move(s));
    }
  }
  for (const yaml::Entry& e : tree.entries()) {
    const std::string& k = e.key.value();
    if (e.value.is_null()) continue;
    if (k == "volumes") {
      model::expect_mapping(e.value, k);
      for (const yaml::Entry& v : e.value.entries()) app.volumes.push_back(read_volume(v, app));
    } else if (k == "networks") {
      model::expect_mapping(e.value, k);
      for (const yaml::Entry& v : e.value.entries()) app.networks.push_back(read_network(v, app));
    } else if (k == "secrets" || k == "configs") {
      model::expect_mapping(e.value, k);
      auto& list = k == "secrets" ? app.secrets : app.configs;
      for (const yaml::Entry& v : e.value.entries()) list.push_back(read_file_object(v, k, app));
    } else if (k.starts_with("x-")) {
      app.extensions.add(e.key, e.value);
    } else if (k == "name" || k == "services" || k == "version") {
      continue; // name comes resolved in project.name; version is obsolete
    } else {
      app.not_representable.push_back(model::Dropped{{k}, std::string(kTopUnsupported), e.value, {e.key.loc()}});
    }
  }

  // References between services and top-level objects.
  for (const model::Service& s : app.services) {
    for (const model::Dependency& d : s.depends_on)
      if (d.required && !app.service(d.service))
        throw Error(d.at.loc, "services." + s.name + ".depends_on: service \"" + d.service +
                                  "\" is not defined");
    for (const model::Mount& m : s.volumes)
      if (m.is_named_volume() && !app.volume(m.source))
        throw Error(m.at.loc, "services." + s.name + ".volumes: named volume \"" + m.source +
                                  "\" is not declared under the top-level `volumes`");
  }
  return app;
}

} // namespace berth::compose
