// A service's Secret: its secret env and Compose secrets, sealed per environment when the
// profile has the controller's certificate, else templates with placeholders — or, by
// secrets.method, ExternalSecrets (external_secrets.cpp) or plain Secrets (plain_secrets.cpp).
// Outside plain mode no secret value is ever written in plain text.
#include <fstream>
#include <iterator>

#include "generate/config.h"
#include "generate/secret_refs.h"
#include "kube/names.h"
#include "kube/object.h"
#include "profile/checks.h"
#include "seal/keys.h"
#include "seal/sealed_secret.h"
#include "yaml/emit.h"

namespace berth::generate {

using yaml::Node;

namespace {

const model::FileObject* find_secret(const model::App& app, std::string_view key) {
  for (const auto& s : app.secrets)
    if (s.key == key) return &s;
  return nullptr;
}

bool valid_key(std::string_view key) {
  if (key.empty() || key.size() > 253) return false;
  for (char c : key)
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
          c == '-' || c == '.' || c == '_'))
      return false;
  return true;
}

const std::string& service_name(const ServicePlan& plan) {
  return plan.service ? plan.service->name : plan.name;
}

std::string template_path(const ServicePlan& plan, const std::string& env) {
  return "overlays/" + env + "/secrets/" + secret_name(plan) + ".template.yaml";
}

std::string sealed_path(const ServicePlan& plan, const std::string& env) {
  return "overlays/" + env + "/sealedsecret-" + plan.name + ".yaml";
}

Node labels_node(const Context& ctx, const ServicePlan& plan) {
  return kube::string_map(kube::standard_labels(ctx.plan.app, plan.name));
}

} // namespace

std::string secret_name(const ServicePlan& plan) {
  return plan.secret_name.empty() ? kube::dns1123_label(plan.name + "-secret") : plan.secret_name;
}

std::vector<SecretKey> secret_keys(const Context& ctx, const ServicePlan& plan, Report& report) {
  std::vector<SecretKey> keys;
  const std::string& svc = service_name(plan);
  for (const auto& e : plan.env) {
    if (!e.secret) continue;
    Location at;
    if (plan.service)
      if (const model::EnvVar* v = plan.service->env(e.name)) at = v->at.loc;
    if (!valid_key(e.name)) {
      report.add(svc, "environment." + e.name, Disposition::Manual,
                 "secret variable name is not a valid Secret key (letters, digits, '-', '.', "
                 "'_'); rename it and seal its value yourself",
                 at);
      continue;
    }
    keys.push_back({e.name, seal::secret_bytes(e.value), "environment." + e.name, {}, at});
  }
  if (!plan.service) return keys;
  for (std::size_t i = 0; i < plan.service->secrets.size(); ++i) {
    const model::FileRef& ref = plan.service->secrets[i];
    std::string origin = "secrets[" + std::to_string(i) + "]";
    const model::FileObject* secret = find_secret(ctx.app, ref.source);
    if (!secret) {
      report.add(svc, origin, Disposition::Dropped,
                 "secret " + ref.source + " is not defined at the top level", ref.at.loc);
      continue;
    }
    if (secret->external) {
      std::string name = kube::dns1123_label(secret->name.empty() ? secret->key : secret->name);
      report.add(svc, origin, Disposition::Manual,
                 "external secret: create it in the cluster as Secret " + name + " (key " +
                     config_file_key(ref.source) + ") in each environment's namespace",
                 ref.at.loc);
      continue;
    }
    SecretKey k{secret_file_key(plan, ref.source), std::nullopt, origin, {}, ref.at.loc};
    bool seen = false;
    for (const auto& other : keys) seen = seen || other.key == k.key;
    if (seen) {
      // The same secret mounted twice shares its key; another secret on the same key cannot.
      bool same = false;
      for (std::size_t j = 0; j < i; ++j) same = same || plan.service->secrets[j].source == ref.source;
      if (!same)
        report.add(svc, origin, Disposition::Manual,
                   "secret " + ref.source + " maps to Secret key " + k.key +
                       ", already used by another value; rename one of them",
                   ref.at.loc);
      continue;
    }
    if (!secret->file.empty()) {
      std::ifstream in(secret->file, std::ios::binary);
      if (in) {
        seal::SecretBytes bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        k.value = std::move(bytes);
      } else {
        k.unknown = "file " + secret->file + " does not exist here";
      }
    } else if (!secret->environment.empty()) {
      k.unknown = "it comes from variable " + secret->environment + " of the deploying shell";
    } else {
      k.unknown = "no file or environment source";
    }
    keys.push_back(std::move(k));
  }
  return keys;
}

std::string secret_template(const Context& ctx, const ServicePlan& plan,
                            const std::vector<SecretKey>& keys, const std::string& ns,
                            const std::string& env) {
  Node secret = kube::make_object("v1", "Secret", secret_name(plan), ns);
  kube::metadata(secret).set("labels", labels_node(ctx, plan));
  secret.set("type", Node::str("Opaque"));
  Node data = Node::mapping();
  for (const auto& k : keys) data.set(k.key, Node::str("REPLACE_ME"));
  secret.set("stringData", std::move(data));
  std::string cert = ctx.profile.secrets.cert.empty() ? "CERT.pem" : ctx.profile.secrets.cert;
  return "# Secret " + secret_name(plan) + " of " + plan.name + " in " + env + " (namespace " + ns +
         "). berth writes no secret values.\n"
         "# Copy this file OUTSIDE the repository, replace every REPLACE_ME, then seal it:\n"
         "#   berth seal --cert " + cert + " < FILLED.yaml > " + sealed_path(plan, env) + "\n"
         "#   (the certificate: kubeseal --fetch-cert)\n"
         "# and add sealedsecret-" + plan.name + ".yaml to the resources of overlays/" + env +
         "/kustomization.yaml. Never commit the filled-in copy.\n" +
         yaml::emit(secret);
}

void add_secrets(const Context& ctx, const ServicePlan& plan, Output& out) {
  std::vector<SecretKey> keys = secret_keys(ctx, plan, out.report);
  if (keys.empty()) return;
  const std::string& method = ctx.profile.secrets.method;
  if (profile::Check conflict = profile::check_seal_cert_method(ctx.profile))
    throw Error(Location{}, *conflict); // the loader and the CLI refuse it first
  if (method == "external-secrets") return add_external_secrets(ctx, plan, keys, out);
  if (method == "plain") return add_plain_secrets(ctx, plan, keys, out);
  const std::string& svc = service_name(plan);
  const std::string name = secret_name(plan);
  const bool sealing = !ctx.profile.secrets.cert.empty();

  if (sealing) {
    std::ifstream in(ctx.profile.secrets.cert, std::ios::binary);
    if (!in)
      throw Error(Location{}, "secrets.cert: cannot read " + ctx.profile.secrets.cert +
                                  "; expected the sealed-secrets controller's certificate");
    std::string pem((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    seal::PublicKey cert = seal::load_public_key(pem, ctx.profile.secrets.cert);
    seal::Scope scope = seal::parse_scope(ctx.profile.secrets.scope).value_or(seal::Scope::Strict);
    bool any_known = false;
    for (const auto& k : keys) any_known = any_known || k.value.has_value();
    for (const auto& env : ctx.profile.environments) {
      if (!any_known) break;
      seal::SecretInput input;
      input.name = name;
      input.ns = profile::namespace_for(env, ctx.plan.app);
      input.labels = labels_node(ctx, plan);
      for (const auto& k : keys)
        if (k.value) seal::add_value(input, {k.key, *k.value, k.at});
      seal::sort_values(input);
      seal::SealRequest request{scope, input.ns, input.name};
      seal::Scope resolved = seal::resolve(input, request);
      out.add_overlay(env.name, sealed_path(plan, env.name),
                      seal::seal_secret(input, resolved, cert.key.get()));
    }
    for (const auto& k : keys) {
      if (k.value) {
        out.report.add(svc, k.origin, Disposition::Translated,
                       "Secret " + name + " key " + k.key + ", sealed per environment (" +
                           "overlays/<env>/sealedsecret-" + plan.name + ".yaml)",
                       k.at);
      } else {
        out.report.add(svc, k.origin, Disposition::Manual,
                       k.key + ": value unknown (" + k.unknown + "); seal it into each "
                       "environment: berth seal --cert " + ctx.profile.secrets.cert +
                           " --from-literal " + k.key + "=... --merge-into " +
                           sealed_path(plan, "<env>"),
                       k.at);
      }
    }
    return;
  }

  for (const auto& env : ctx.profile.environments)
    out.add_file(template_path(plan, env.name),
                 secret_template(ctx, plan, keys, profile::namespace_for(env, ctx.plan.app),
                                 env.name));
  for (const auto& k : keys) {
    out.report.add(svc, k.origin, Disposition::Translated, "Secret " + name + " key " + k.key, k.at);
    out.report.add(svc, k.origin, Disposition::Manual,
                   k.key + ": value not written; fill the template " +
                       template_path(plan, "<env>") + " and seal it",
                   k.at);
  }
}

} // namespace berth::generate
