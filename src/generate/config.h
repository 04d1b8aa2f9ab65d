// The config generator's rules (ConfigMaps, Secrets, file ConfigMaps), exposed for tests;
// generate_config (context.h) runs them for every service.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "generate/context.h"
#include "seal/secret_bytes.h"
#include "yaml/node.h"

namespace berth::generate {

// --- configmap.cpp -------------------------------------------------------------------------
// "<plan.config_name>" with the non-secret env of plan.env, in order; reports every variable.
void add_env_configmap(const Context& ctx, const ServicePlan& plan, Output& out);
// "<name>-configs" with the content of the Compose configs the service uses.
void add_configs_configmap(const Context& ctx, const ServicePlan& plan, Output& out);

// --- secrets.cpp ---------------------------------------------------------------------------
// One key of the service's Secret. `value` is empty when berth does not know it (a Compose
// secret from the environment, a missing file): such keys are templated, never sealed.
struct SecretKey {
  std::string key;
  std::optional<seal::SecretBytes> value;
  std::string origin;  // report key: "environment.DB_PASSWORD", "secrets[0]"
  std::string unknown; // when !value: why, for the report
  Location at;
};
// The keys of plan.secret_name: secret env of plan.env, then non-external Compose secrets.
std::vector<SecretKey> secret_keys(const Context& ctx, const ServicePlan& plan, Report& report);

// A v1 Secret (namespace `ns`, stringData: every key = "REPLACE_ME") as template text with
// the header explaining how to seal it.
std::string secret_template(const Context& ctx, const ServicePlan& plan,
                            const std::vector<SecretKey>& keys, const std::string& ns,
                            const std::string& env);

// Per environment, by secrets.method: sealed-secrets → a SealedSecret when the profile names a
// cert, else a template file; external-secrets → an ExternalSecret; plain → a Secret with the
// values.
void add_secrets(const Context& ctx, const ServicePlan& plan, Output& out);
// The name of plan's Secret (what workloads reference): plan.secret_name or "<name>-secret".
std::string secret_name(const ServicePlan& plan);

// --- external_secrets.cpp ------------------------------------------------------------------
// The store's key of one Secret in one environment: "<app>/<env>/<secret name>"; each Secret
// key is a property of it.
std::string external_secret_remote_key(const Context& ctx, const profile::Environment& env,
                                       const std::string& secret);
// What one ExternalSecret makes (shared by convert, import and the registry pull secret).
struct ExternalSecretTarget {
  std::string name;         // the Secret's name
  yaml::Node labels;        // of the ExternalSecret (mapping; null: none)
  std::string type;         // Secret type; empty or Opaque: no template
  yaml::Node template_data; // target.template.data (typed Secrets built from properties)
  // (Secret key, remote property) pairs, in order, all read from one remote key.
  std::vector<std::pair<std::string, std::string>> keys;
};
// The ExternalSecret of `target` in `env`'s namespace, reading from the profile's
// ClusterSecretStore at external_secret_remote_key(ctx, env, target.name).
yaml::Node external_secret_object(const Context& ctx, const profile::Environment& env,
                                  const ExternalSecretTarget& target);
// external-secrets.io/v1 ExternalSecret reading every key from the profile's ClusterSecretStore
// into Secret `secret_name(plan)` of `env`'s namespace.
yaml::Node external_secret(const Context& ctx, const ServicePlan& plan,
                           const std::vector<SecretKey>& keys, const profile::Environment& env);
void add_external_secrets(const Context& ctx, const ServicePlan& plan,
                          const std::vector<SecretKey>& keys, Output& out);

// --- plain_secrets.cpp ---------------------------------------------------------------------
// secrets.method plain: a v1 Secret with the real values (stringData; data/base64 for bytes
// that are not text), unknown values as REPLACE_ME.
yaml::Node plain_secret(const Context& ctx, const ServicePlan& plan,
                        const std::vector<SecretKey>& keys, const profile::Environment& env);
// The same for any Secret: `name` with `labels` (mapping; null: none) and `type` in `env`'s
// namespace.
yaml::Node plain_secret_object(const Context& ctx, const profile::Environment& env,
                               const std::string& name, const yaml::Node& labels,
                               const std::string& type, const std::vector<SecretKey>& keys);
void add_plain_secrets(const Context& ctx, const ServicePlan& plan,
                       const std::vector<SecretKey>& keys, Output& out);
// The warning plain mode prints on stderr and in MIGRATION.md.
extern const char* const kPlainSecretsWarning;

// --- file_configmaps.cpp -------------------------------------------------------------------
// One ConfigMap per usable bind mount (bind_mount_use), reported; others reported.
void add_file_configmaps(const Context& ctx, const ServicePlan& plan, Output& out);

} // namespace berth::generate
