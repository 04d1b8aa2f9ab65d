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
     "SealedSecrets (or ExternalSecrets). Each value is judged: a placeholder (REPLACE_ME, "
     "<PASSWORD>, ${VAR}, also inside a URL), a sensitive value (secret-looking key as for "
     "env-secret-value, key material such as tls.key/*.pem/.dockerconfigjson, a URL password, "
     "data too long to inspect), or a plain setting (DB_USER: app). A Secret is plaintext when "
     "it has a real sensitive value, or only real values; one with placeholders and plain "
     "settings is a template (secret-template), as in hand-written templates like seed 004's."},
    {kTemplate, Family::Policy, Area::Security, Severity::Info, true,
     "A `kind: Secret` that is a template: placeholders (and plain settings) instead of secret "
     "values.",
     "Fill a copy outside the repository, seal it and add the SealedSecret to the overlay; "
     "keep the template out of the kustomization's resources.",
     "berth writes such templates (stringData values REPLACE_ME, under overlays/ENV/secrets/) "
     "when the profile has no sealing certificate. Harmless in Git, but the application needs "
     "the sealed secret before it can start, so the finding is a reminder. Placeholders: "
     "REPLACE_ME, CHANGE_ME/CHANGEME, TODO, FIXME, PLACEHOLDER, <…>, ${…}, {{ … }}, xxx, "
     "empty values, also inside a value and base64-encoded in `data`. Plain settings beside "
     "the placeholders are named in the message: they belong in a ConfigMap."},
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

// A Secret value as text: stringData as is, data base64-decoded (up to the buffer's size;
// longer data is treated as opaque, i.e. real).
struct Value {
  char buffer[256];
  std::string_view text;
  bool opaque = false;
};

void read_value(const yaml::Node& n, bool encoded, Value& out) {
  out.opaque = false;
  out.text = text(&n);
  if (!encoded) return;
  std::size_t len = 0;
  if (base64_decode(out.text, out.buffer, sizeof out.buffer, len))
    out.text = std::string_view(out.buffer, len);
  else
    out.opaque = true;
}

void append(std::string& list, std::string_view key) {
  if (!list.empty()) list += ", ";
  list += key;
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
                       ")",
                   "Move the value into a (sealed) Secret and use valueFrom: {secretKeyRef: "
                   "{name: <secret>, key: " +
                       std::string(name) + "}}; rotate it, it is in the repository's history.");
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

// Each value is a placeholder (template), sensitive (a secret-looking key, key material, a URL
// password) or a plain constant (DB_USER: app). Real sensitive values make the Secret
// plaintext; so do constants when nothing marks the Secret as a template.
void check_secret(const Object& object, Context& ctx) {
  std::size_t placeholders = 0;
  const yaml::Node* first_sensitive = nullptr;
  const yaml::Node* first_constant = nullptr;
  const yaml::Node* first_value = nullptr;
  const yaml::Node* first_section = nullptr; // stringData or data, where a template is reported
  std::string sensitive, constants;          // key lists, built only when a finding is possible
  Value value;
  for (std::string_view section : {"stringData", "data"}) {
    const yaml::Node* values = get(object.root, section);
    for (const yaml::Entry& e : entries(values)) {
      if (!first_value) {
        first_value = &e.value;
        first_section = values;
      }
      read_value(e.value, section == "data", value);
      if (!value.opaque && has_placeholder(value.text)) {
        ++placeholders;
        continue;
      }
      std::string_view key = text(&e.key);
      bool secret = !secret_keyword(key).empty() || key_material_name(key) || value.opaque ||
                    url_with_password(value.text);
      if (secret) {
        if (!first_sensitive) first_sensitive = &e.value;
        append(sensitive, key);
      } else {
        if (!first_constant) first_constant = &e.value;
        append(constants, key);
      }
    }
  }
  if (!first_value) return;
  const std::string& name = object.info.name;
  if (first_sensitive || (first_constant && placeholders == 0)) {
    if (ctx.enabled(kPlaintext))
      ctx.report(kPlaintext, &object.info,
                 (first_sensitive ? first_sensitive : first_constant)->loc(),
                 "Secret " + name + " holds plaintext values (" +
                     (first_sensitive ? sensitive : constants) +
                     ") in the checked files; commit a SealedSecret instead");
    return;
  }
  if (ctx.enabled(kTemplate))
    ctx.report(kTemplate, &object.info, first_section->loc(),
               "Secret " + name + " is a template: its values are placeholders" +
                   (constants.empty()
                        ? std::string()
                        : " or plain settings (" + constants + ", better kept in a ConfigMap)") +
                   "; fill a copy outside the repository and seal it");
}

} // namespace berth::check::policy
