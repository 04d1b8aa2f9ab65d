// Secrets in plain text: secret-looking env values, ConfigMap values, and `kind: Secret` objects
// with real data in the checked files (they belong in a SealedSecret). Messages name the key,
// never the value.
#include "check/policy/secret_text.h"
#include "check/policy/topics.h"

namespace berth::check::policy {

namespace {

constexpr std::string_view kEnv = "env-secret-value";
constexpr std::string_view kConfigMap = "configmap-secret-value";
constexpr std::string_view kPlaintext = "secret-plaintext";
constexpr std::string_view kTemplate = "secret-template";

const RuleInfo kRules[] = {
    {kEnv, Family::Policy, Area::Security, Severity::Error, true,
     "An env var holds what looks like a secret as a literal value.",
     "Put the value in a Secret (sealed: berth seal / kubeseal) and reference it with "
     "valueFrom.secretKeyRef; rotate the secret, since it is in the repository's history.",
     "A literal `value:` is stored in Git, in every rendered manifest and in the pod spec "
     "anyone with read access to Deployments sees. Names containing PASSWORD, PASSWD, SECRET, "
     "TOKEN, CREDENTIAL, API_KEY/APIKEY, PRIVATE_KEY, ACCESS_KEY (not ..._ID), or the words "
     "DSN, PASS, PWD, PASSPHRASE count as secret, unless the name only describes one "
     "(..._FILE, _PATH, _NAME, _URL, _TTL…); any value with a URL password "
     "(scheme://user:password@host) counts whatever its name. References ($(VAR), ${VAR}), "
     "numbers, booleans and paths are not secrets. kube-linter (env-var-secret) and Polaris "
     "(sensitiveContainerEnvVar, danger) flag the same."},
    {kConfigMap, Family::Policy, Area::Security, Severity::Error, true,
     "A ConfigMap holds what looks like a secret.",
     "Move the key to a Secret (sealed) and mount or reference it from there.",
     "ConfigMaps are not meant for secrets: readable by more roles, never encrypted at rest, "
     "printed by kubectl describe. Keys that look like env names are judged like "
     "env-secret-value; any value containing a URL with a password is flagged. Secrets inside "
     "multi-line config files are not detected. Polaris (sensitiveConfigmapContent) flags the "
     "same."},
    {kPlaintext, Family::Policy, Area::Security, Severity::Error, true,
     "A `kind: Secret` with real values (data/stringData) is in the checked files.",
     "Seal it (berth seal --cert CERT.pem < secret.yaml > sealedsecret.yaml, or kubeseal) and "
     "commit only the SealedSecret; remove the plain file from the repository and rotate the "
     "values, which stay in Git history.",
     "base64 in `data` is an encoding, not encryption: a Secret manifest in a Git tree gives the "
     "values to everyone who can read the repository. In a GitOps tree secrets travel as "
     "SealedSecrets (or ExternalSecrets). A Secret whose values are all placeholders is a "
     "template instead (secret-template)."},
    {kTemplate, Family::Policy, Area::Security, Severity::Info, true,
     "A `kind: Secret` whose values are all placeholders (a template to fill and seal).",
     "Fill a copy outside the repository, seal it and add the SealedSecret to the overlay; "
     "keep the template out of the kustomization's resources.",
     "berth writes such templates (stringData values REPLACE_ME, under overlays/ENV/secrets/) "
     "when the profile has no sealing certificate. Harmless in Git, but the application needs "
     "the sealed secret before it can start, so the finding is a reminder. Placeholders: "
     "REPLACE_ME, CHANGE_ME/CHANGEME, TODO, FIXME, PLACEHOLDER, <…>, ${…}, {{ … }}, xxx, "
     "empty values (also base64-encoded in `data`)."},
};

enum class Why { None, Name, Url };

// Why an env/config value looks secret; `keyword` is set for Why::Name.
Why why_secret(std::string_view name, std::string_view value, std::string_view& keyword) {
  keyword = secret_keyword(name);
  if (!keyword.empty() && !not_a_secret_value(value)) return Why::Name;
  return url_with_password(value) ? Why::Url : Why::None;
}

// For the message: "its name contains PASSWORD" / "it contains a URL with a password".
std::string reason(Why why, std::string_view keyword) {
  return why == Why::Name ? "its name contains " + std::string(keyword)
                          : "it contains a URL with a password (scheme://user:pass@)";
}

bool placeholder_data(std::string_view encoded) {
  char buffer[64];
  std::size_t len = 0;
  if (!base64_decode(encoded, buffer, sizeof buffer, len)) return false;
  return is_placeholder(std::string_view(buffer, len));
}

} // namespace

void secret_rules(std::vector<RuleInfo>& out) {
  out.insert(out.end(), std::begin(kRules), std::end(kRules));
}

void check_env_secrets(const Pod& pod, Context& ctx) {
  for_each_container(pod, [&](const Container& c) {
    for (const yaml::Node& var : items(get(c.node, "env"))) {
      const yaml::Node* value = get(var, "value");
      std::string_view v = text(value);
      if (v.empty()) continue;
      std::string_view name = text_at(&var, "name");
      std::string_view keyword;
      Why why = why_secret(name, v, keyword);
      if (why != Why::None && ctx.enabled(kEnv))
        ctx.report(kEnv, &pod.object.info, value->loc(),
                   describe(c) + ": env " + std::string(name) +
                       " has a literal value that looks like a secret (" + reason(why, keyword) +
                       ")");
    }
  });
}

void check_configmap(const Object& object, Context& ctx) {
  for (const yaml::Entry& e : entries(get(object.root, "data"))) {
    std::string_view key = text(&e.key);
    std::string_view v = text(&e.value);
    if (v.empty()) continue;
    // File-like keys (nginx.conf, secret.properties) are judged by their content only.
    bool env_like = key.find('.') == std::string_view::npos;
    std::string_view keyword;
    Why why =
        env_like ? why_secret(key, v, keyword) : (url_with_password(v) ? Why::Url : Why::None);
    if (why != Why::None && ctx.enabled(kConfigMap))
      ctx.report(kConfigMap, &object.info, e.value.loc(),
                 "ConfigMap key " + std::string(key) + " looks like a secret (" +
                     reason(why, keyword) + ")");
  }
}

void check_secret(const Object& object, Context& ctx) {
  std::size_t values = 0;
  const yaml::Node* first_real = nullptr;
  std::string real_keys;
  for (std::string_view section : {"stringData", "data"}) {
    bool encoded = section == "data";
    for (const yaml::Entry& e : entries(get(object.root, section))) {
      ++values;
      std::string_view v = text(&e.value);
      if (encoded ? placeholder_data(v) : is_placeholder(v)) continue;
      if (!first_real) first_real = &e.value;
      if (!ctx.enabled(kPlaintext)) continue;
      if (!real_keys.empty()) real_keys += ", ";
      real_keys += text(&e.key);
    }
  }
  if (values == 0) return;
  const std::string& name = object.info.name;
  if (first_real) {
    if (ctx.enabled(kPlaintext))
      ctx.report(kPlaintext, &object.info, first_real->loc(),
                 "Secret " + name + " holds plaintext values (" + real_keys +
                     ") in the checked files; commit a SealedSecret instead");
    return;
  }
  const yaml::Node* data = get(object.root, "stringData");
  if (!non_empty(data)) data = get(object.root, "data");
  if (ctx.enabled(kTemplate))
    ctx.report(kTemplate, &object.info, data->loc(),
               "Secret " + name +
                   " is a template: every value is a placeholder; fill a copy "
                   "outside the repository and seal it");
}

} // namespace berth::check::policy
