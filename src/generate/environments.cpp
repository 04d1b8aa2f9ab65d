// Per-environment objects of the overlays: Namespace, ResourceQuota, LimitRange, pull secret.
#include "generate/environments.h"
#include "generate/availability.h"
#include "generate/config.h"
#include "generate/context.h"

#include "kube/object.h"
#include "yaml/emit.h"

namespace berth::generate {

using yaml::Node;

namespace {

bool any_built(const AppPlan& plan) {
  for (const ServicePlan& s : plan.services)
    if (s.built) return true;
  return false;
}

void put(Node& map, const char* key, const std::string& value) {
  if (!value.empty()) map.set(key, Node::str(value));
}

void put(Node& map, const char* key, const std::optional<std::int64_t>& value) {
  // Quantities are strings in the API schema; counts are written as quantities too.
  if (value) map.set(key, Node::str(std::to_string(*value)));
}

Node cpu_memory(const profile::CpuMemory& cm) {
  Node m = Node::mapping();
  put(m, "cpu", cm.cpu);
  put(m, "memory", cm.memory);
  return m;
}

// "ghcr-secret" → "ghcr": the file-name part, as sealed Secrets are named.
std::string short_secret_name(const std::string& name) {
  return name.ends_with("-secret") ? name.substr(0, name.size() - 7) : name;
}

// The registry pull secret as a template: REPLACE_ME where the docker config.json goes
// (sealed-secrets and plain mode differ only in what the header tells the operator to do).
Node pull_secret_to_fill(const profile::Environment& env, const std::string& app,
                         const std::string& name) {
  Node secret = kube::make_object("v1", "Secret", name, profile::namespace_for(env, app));
  for (const auto& [k, v] : kube::standard_labels(app, name))
    kube::set_label(secret, k, v);
  secret.set("type", Node::str("kubernetes.io/dockerconfigjson"));
  Node data = Node::mapping();
  data.set(".dockerconfigjson", Node::str("REPLACE_ME"));
  secret.set("stringData", std::move(data));
  return secret;
}

} // namespace

Node namespace_object(const profile::Environment& env, const std::string& app) {
  Node ns = kube::make_object("v1", "Namespace", profile::namespace_for(env, app));
  kube::set_label(ns, "app.kubernetes.io/part-of", app);
  kube::set_label(ns, "app.kubernetes.io/managed-by", "berth");
  kube::set_label(ns, "environment", env.name);
  // Enforce baseline only: database images and third-party images commonly run as root or
  // without a seccomp profile, which `restricted` would reject at admission. `restricted` is
  // warned and audited so the gap stays visible.
  kube::set_label(ns, "pod-security.kubernetes.io/enforce", "baseline");
  kube::set_label(ns, "pod-security.kubernetes.io/warn", "restricted");
  kube::set_label(ns, "pod-security.kubernetes.io/audit", "restricted");
  return ns;
}

Node resource_quota(const profile::Environment& env, const std::string& app) {
  Node quota = kube::make_object("v1", "ResourceQuota", app + "-quota");
  for (const auto& [k, v] : kube::standard_labels(app, app + "-quota"))
    kube::set_label(quota, k, v);
  Node hard = Node::mapping();
  const profile::Quota& q = env.quota;
  put(hard, "requests.cpu", q.requests_cpu);
  put(hard, "limits.cpu", q.limits_cpu);
  put(hard, "requests.memory", q.requests_memory);
  put(hard, "limits.memory", q.limits_memory);
  put(hard, "requests.storage", q.requests_storage);
  put(hard, "persistentvolumeclaims", q.persistentvolumeclaims);
  put(hard, "pods", q.pods);
  put(hard, "services", q.services);
  Node spec = Node::mapping();
  spec.set("hard", std::move(hard));
  quota.set("spec", std::move(spec));
  return quota;
}

Node limit_range(const profile::Environment& env, const std::string& app) {
  Node lr = kube::make_object("v1", "LimitRange", "container-limits");
  for (const auto& [k, v] : kube::standard_labels(app, "container-limits"))
    kube::set_label(lr, k, v);
  const profile::LimitRange& r = env.limit_range;
  Node limit = Node::mapping();
  limit.set("type", Node::str("Container"));
  // Empty parts are left out rather than written as empty quantities.
  auto add = [&](const char* key, const profile::CpuMemory& cm) {
    Node m = cpu_memory(cm);
    if (m.size() > 0) limit.set(key, std::move(m));
  };
  add("default", r.default_limit);
  add("defaultRequest", r.default_request);
  add("max", r.max);
  add("min", r.min);
  Node limits = Node::sequence();
  limits.push(std::move(limit));
  Node spec = Node::mapping();
  spec.set("limits", std::move(limits));
  lr.set("spec", std::move(spec));
  return lr;
}

std::string pull_secret_template(const profile::Environment& env, const std::string& app,
                                 const std::string& name) {
  Node secret = pull_secret_to_fill(env, app, name);
  std::string shortname = short_secret_name(name);
  return "# Registry credentials (image pull secret " + name + ") for " + env.name +
         ". Copy this file OUTSIDE the repository,\n"
         "# replace REPLACE_ME with the content of a docker config.json, then seal it:\n"
         "#   berth seal --cert CERT.pem < FILLED.yaml > overlays/" +
         env.name + "/sealedsecret-" + shortname +
         ".yaml\n"
         "# and add that file to the overlay's resources (see MIGRATION.md). Never commit the "
         "copy.\n" +
         yaml::emit(secret);
}

std::string pull_secret_template_path(const profile::Environment& env, const std::string& name) {
  return "overlays/" + env.name + "/secrets/" + name + ".template.yaml";
}

Node pull_secret_external_secret(const Context& ctx, const profile::Environment& env,
                                 const std::string& name) {
  ExternalSecretTarget target;
  target.name = name;
  target.labels = kube::string_map(kube::standard_labels(ctx.plan.app, name));
  target.type = "kubernetes.io/dockerconfigjson";
  // A property name without dots: JSON-backed stores read properties as paths.
  target.keys.emplace_back("dockerconfigjson", "dockerconfigjson");
  target.template_data = Node::mapping();
  target.template_data.set(".dockerconfigjson", Node::str("{{ .dockerconfigjson | toString }}"));
  return external_secret_object(ctx, env, target);
}

std::string pull_secret_external_secret_path(const profile::Environment& env,
                                             const std::string& name) {
  return "overlays/" + env.name + "/externalsecret-" + short_secret_name(name) + ".yaml";
}

std::string pull_secret_create_command(const Context& ctx, const profile::Environment& env,
                                       const std::string& name) {
  const std::string& url = ctx.profile.registry.url;
  const std::string server = url.substr(0, url.find('/'));
  const std::string file = "secret-" + short_secret_name(name) + ".yaml";
  return "kubectl create secret docker-registry " + name + " --namespace " +
         profile::namespace_for(env, ctx.plan.app) + " --docker-server=" + server +
         " --docker-username=USER --docker-password=TOKEN --dry-run=client -o yaml > overlays/" +
         env.name + "/" + file + " && (cd overlays/" + env.name +
         " && kustomize edit add resource " + file + ")";
}

std::string plain_pull_secret_template(const Context& ctx, const profile::Environment& env,
                                       const std::string& name) {
  Node secret = pull_secret_to_fill(env, ctx.plan.app, name);
  return "# Registry credentials (image pull secret " + name + ") for " + env.name +
         ". secrets.method is plain, so the filled\n"
         "# Secret goes into the overlay (and Git); berth has no registry credentials to write.\n"
         "# Easiest: let kubectl write it (USER and TOKEN of the registry):\n#   " +
         pull_secret_create_command(ctx, env, name) +
         "\n# Or replace REPLACE_ME below with the content of a docker config.json, save it as\n"
         "# overlays/" +
         env.name + "/secret-" + short_secret_name(name) +
         ".yaml and add that file to the overlay's resources.\n" + yaml::emit(secret);
}

void generate_environments(const Context& ctx, Output& out) {
  const std::string& app = ctx.plan.app;
  const bool pull = any_built(ctx.plan) && !ctx.profile.registry.pull_secret.empty();
  const std::string& method = ctx.profile.secrets.method;
  for (const profile::Environment& env : ctx.profile.environments) {
    const std::string dir = "overlays/" + env.name + "/";
    out.add_overlay(env.name, dir + "namespace.yaml", namespace_object(env, app));
    out.add_overlay(env.name, dir + "resourcequota.yaml", resource_quota(env, app));
    out.add_overlay(env.name, dir + "limitrange.yaml", limit_range(env, app));
    // Here, after backup: every workload of the namespace exists (the dump CronJobs too).
    availability::fit_hpas_to_quota(ctx, env, out);
    if (!pull) continue;
    const std::string& name = ctx.profile.registry.pull_secret;
    const std::string registry = ctx.profile.registry.url;
    if (method == "external-secrets") {
      out.add_overlay(env.name, pull_secret_external_secret_path(env, name),
                      pull_secret_external_secret(ctx, env, name));
      out.report.add("", "registry.pull_secret", Disposition::Manual,
                     "store the docker config.json with the credentials of " + registry +
                         " in ClusterSecretStore " + ctx.profile.secrets.store + " at key " +
                         external_secret_remote_key(ctx, env, name) +
                         ", property dockerconfigjson (ExternalSecret " +
                         pull_secret_external_secret_path(env, name) + ")");
      continue;
    }
    std::string path = pull_secret_template_path(env, name);
    if (method == "plain") {
      out.add_file(path, plain_pull_secret_template(ctx, env, name));
      out.report.add("", "registry.pull_secret", Disposition::Manual,
                     "berth has no credentials of " + registry + ": write the pull secret of " +
                         env.name + " with `" + pull_secret_create_command(ctx, env, name) +
                         "` (template: " + path + ")");
      continue;
    }
    out.add_file(path, pull_secret_template(env, app, name));
    out.report.add("", "registry.pull_secret", Disposition::Manual,
                   "fill and seal " + path + " (registry credentials of " + registry + ")");
  }
}

} // namespace berth::generate
