// secrets.method external-secrets: per environment, an ExternalSecret that makes the External
// Secrets Operator write the service's Secret from the profile's ClusterSecretStore. The tree
// holds only where each value lives: "<app>/<env>/<secret>" with one property per Secret key.
#include "generate/config.h"
#include "kube/object.h"

namespace berth::generate {

using yaml::Node;

namespace {

std::string path_of(const ServicePlan& plan, const std::string& env) {
  return "overlays/" + env + "/externalsecret-" + plan.name + ".yaml";
}

} // namespace

std::string external_secret_remote_key(const Context& ctx, const profile::Environment& env,
                                       const std::string& secret) {
  return ctx.plan.app + "/" + env.name + "/" + secret;
}

Node external_secret_object(const Context& ctx, const profile::Environment& env,
                            const ExternalSecretTarget& target) {
  // external-secrets.io/v1: served since ESO 0.16.2 and the only version from 0.17.0 on.
  Node es = kube::make_object("external-secrets.io/v1", "ExternalSecret", target.name,
                              profile::namespace_for(env, ctx.plan.app));
  if (target.labels.is_mapping() && target.labels.size() > 0)
    kube::metadata(es).set("labels", target.labels);
  Node spec = Node::mapping();
  spec.set("refreshInterval", Node::str("1h"));
  Node store = Node::mapping();
  store.set("kind", Node::str("ClusterSecretStore"));
  store.set("name", Node::str(ctx.profile.secrets.store));
  spec.set("secretStoreRef", std::move(store));
  Node out = Node::mapping();
  out.set("name", Node::str(target.name));
  // Owner: the Secret is the ExternalSecret's and goes away with it.
  out.set("creationPolicy", Node::str("Owner"));
  if (!target.type.empty() && target.type != "Opaque") {
    // Without a template the operator writes an Opaque Secret; a typed one (TLS, registry
    // credentials) keeps its type, and Merge keeps the fetched keys next to templated ones.
    Node tmpl = Node::mapping();
    tmpl.set("type", Node::str(target.type));
    if (target.template_data.is_mapping() && target.template_data.size() > 0)
      tmpl.set("data", target.template_data);
    else
      tmpl.set("mergePolicy", Node::str("Merge"));
    out.set("template", std::move(tmpl));
  }
  spec.set("target", std::move(out));
  const std::string remote = external_secret_remote_key(ctx, env, target.name);
  Node data = Node::sequence();
  for (const auto& [key, property] : target.keys) {
    Node ref = Node::mapping();
    ref.set("key", Node::str(remote));
    ref.set("property", Node::str(property));
    Node entry = Node::mapping();
    entry.set("secretKey", Node::str(key));
    entry.set("remoteRef", std::move(ref));
    data.push(std::move(entry));
  }
  spec.set("data", std::move(data));
  es.set("spec", std::move(spec));
  return es;
}

Node external_secret(const Context& ctx, const ServicePlan& plan,
                     const std::vector<SecretKey>& keys, const profile::Environment& env) {
  ExternalSecretTarget target;
  target.name = secret_name(plan);
  target.labels = kube::string_map(kube::standard_labels(ctx.plan.app, plan.name));
  for (const SecretKey& k : keys)
    target.keys.emplace_back(k.key, k.key);
  return external_secret_object(ctx, env, target);
}

void add_external_secrets(const Context& ctx, const ServicePlan& plan,
                          const std::vector<SecretKey>& keys, Output& out) {
  const std::string& svc = plan.service ? plan.service->name : plan.name;
  const std::string name = secret_name(plan);
  for (const profile::Environment& env : ctx.profile.environments)
    out.add_overlay(env.name, path_of(plan, env.name), external_secret(ctx, plan, keys, env));
  const std::string remote = ctx.plan.app + "/<env>/" + name;
  for (const SecretKey& k : keys) {
    out.report.add(svc, k.origin, Disposition::Translated,
                   "Secret " + name + " key " + k.key + " from ExternalSecret " +
                       path_of(plan, "<env>"),
                   k.at);
    out.report.add(svc, k.origin, Disposition::Manual,
                   k.key + ": store its value in ClusterSecretStore " + ctx.profile.secrets.store +
                       " at key " + remote + ", property " + k.key + " (one per environment)",
                   k.at);
  }
}

} // namespace berth::generate
