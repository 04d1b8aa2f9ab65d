// secrets.method plain ("plain-for-dev"): the user asked for ordinary Secrets holding the real
// values, so each environment's overlay gets one — and berth says loudly that they are in Git.
#include "generate/config.h"
#include "kube/object.h"
#include "seal/base64.h"
#include "yaml/quote.h"

namespace berth::generate {

using yaml::Node;

const char* const kPlainSecretsWarning =
    "secrets.method is plain: Secrets with their real values are written into the overlays, "
    "so they end up in Git; for development clusters only";

namespace {

std::string path_of(const ServicePlan& plan, const std::string& env) {
  return "overlays/" + env + "/secret-" + plan.name + ".yaml";
}

// stringData holds text; anything else (binary files) goes to data as base64.
bool is_text(std::string_view s) {
  return s.find('\0') == std::string_view::npos && yaml::quote::is_utf8(s);
}

} // namespace

Node plain_secret_object(const Context& ctx, const profile::Environment& env,
                         const std::string& name, const Node& labels, const std::string& type,
                         const std::vector<SecretKey>& keys) {
  Node secret = kube::make_object("v1", "Secret", name, profile::namespace_for(env, ctx.plan.app));
  if (labels.is_mapping() && labels.size() > 0) kube::metadata(secret).set("labels", labels);
  secret.set("type", Node::str(type.empty() ? "Opaque" : type));
  Node text = Node::mapping(), bytes = Node::mapping();
  for (const SecretKey& k : keys) {
    if (!k.value) {
      text.set(k.key, Node::str("REPLACE_ME"));
      continue;
    }
    std::string_view v = seal::as_view(*k.value);
    if (is_text(v))
      text.set(k.key, Node::str(std::string(v)));
    else
      bytes.set(k.key, Node::str(seal::base64_encode(v)));
  }
  if (bytes.size() > 0) secret.set("data", std::move(bytes));
  if (text.size() > 0) secret.set("stringData", std::move(text));
  return secret;
}

Node plain_secret(const Context& ctx, const ServicePlan& plan, const std::vector<SecretKey>& keys,
                  const profile::Environment& env) {
  return plain_secret_object(ctx, env, secret_name(plan),
                             kube::string_map(kube::standard_labels(ctx.plan.app, plan.name)),
                             "Opaque", keys);
}

// The warning itself is raised once per conversion, by the runbook generator.
void add_plain_secrets(const Context& ctx, const ServicePlan& plan,
                       const std::vector<SecretKey>& keys, Output& out) {
  const std::string& svc = plan.service ? plan.service->name : plan.name;
  const std::string name = secret_name(plan);
  for (const profile::Environment& env : ctx.profile.environments)
    out.add_overlay(env.name, path_of(plan, env.name), plain_secret(ctx, plan, keys, env));
  for (const SecretKey& k : keys) {
    if (k.value) {
      out.report.add(svc, k.origin, Disposition::Translated,
                     "Secret " + name + " key " + k.key + ", value in plain text in " +
                         path_of(plan, "<env>"),
                     k.at);
    } else {
      out.report.add(svc, k.origin, Disposition::Manual,
                     k.key + ": value unknown (" + k.unknown + "); replace REPLACE_ME in " +
                         path_of(plan, "<env>"),
                     k.at);
    }
  }
}

} // namespace berth::generate
