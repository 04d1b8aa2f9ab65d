// Each environment's overlay: the Secrets by secrets.method (sealed for the target's controller,
// else templates with REPLACE_ME; ExternalSecrets; plain Secrets with the values), Middleware
// references spelled with the environment's namespace, and hosts moved by the environment's
// host_prefix (Ingress rules, IngressRoute matches, Certificates).
#include <fstream>
#include <iterator>

#include "generate/config.h"
#include "generate/network.h"
#include "import/layout.h"
#include "kube/object.h"
#include "seal/keys.h"
#include "seal/sealed_secret.h"
#include "yaml/emit.h"

namespace berth::import {

using generate::Disposition;
using yaml::Node;

namespace {

std::string middleware_refs(const Routing& r, const std::string& ns) {
  std::string s;
  for (const std::string& m : r.middlewares)
    s += (s.empty() ? "" : ",") + ns + "-" + m + "@kubernetescrd";
  for (const std::string& f : r.foreign)
    s += (s.empty() ? "" : ",") + f;
  return s;
}

// Replaces every host of `hosts` (exact strings) in a text, inside backquotes (Traefik rules).
std::string move_rule_hosts(std::string rule, const std::map<std::string, std::string>& hosts) {
  for (const auto& [from, to] : hosts) {
    const std::string a = "`" + from + "`", b = "`" + to + "`";
    for (auto pos = rule.find(a); pos != std::string::npos; pos = rule.find(a, pos + b.size()))
      rule.replace(pos, a.size(), b);
  }
  return rule;
}

// Moves hosts in place; true when one moved.
bool move_hosts(Node& n, const profile::Profile& p, const profile::Environment& env,
                std::map<std::string, std::string>& moved) {
  bool any = false;
  auto move = [&](Node& scalar) {
    if (!scalar.is_scalar() || scalar.value().empty() ||
        scalar.value().find('*') != std::string::npos)
      return;
    std::string to = generate::net::env_host(p, env, scalar.value());
    if (to == scalar.value()) return;
    moved[scalar.value()] = to;
    scalar = Node::str(to);
    any = true;
  };
  const std::string kind = n.text("kind");
  Node* spec = n.find("spec");
  if (!spec || !spec->is_mapping()) return false;
  if (kind == "Ingress") {
    if (Node* rules = spec->find("rules"); rules && rules->is_sequence())
      for (Node& r : rules->items())
        if (Node* h = r.is_mapping() ? r.find("host") : nullptr) move(*h);
    if (Node* tls = spec->find("tls"); tls && tls->is_sequence())
      for (Node& t : tls->items())
        if (Node* hosts = t.is_mapping() ? t.find("hosts") : nullptr; hosts && hosts->is_sequence())
          for (Node& h : hosts->items())
            move(h);
  } else if (kind == "Certificate") {
    if (Node* names = spec->find("dnsNames"); names && names->is_sequence())
      for (Node& h : names->items())
        move(h);
    if (Node* cn = spec->find("commonName")) move(*cn);
  } else if (kind == "IngressRoute") {
    // Hosts appear inside match rules: collect them from Host(`...`) first.
    if (Node* routes = spec->find("routes"); routes && routes->is_sequence())
      for (Node& r : routes->items()) {
        Node* match = r.is_mapping() ? r.find("match") : nullptr;
        if (!match || !match->is_scalar()) continue;
        std::string rule = match->value();
        for (auto pos = rule.find("Host(`"); pos != std::string::npos;
             pos = rule.find("Host(`", pos + 1)) {
          auto end = rule.find('`', pos + 6);
          if (end == std::string::npos) break;
          std::string host = rule.substr(pos + 6, end - pos - 6);
          std::string to = generate::net::env_host(p, env, host);
          if (to != host) moved[host] = to;
        }
        std::string updated = move_rule_hosts(rule, moved);
        if (updated != rule) {
          *match = Node::str(updated);
          any = true;
        }
      }
    if (Node* tls = spec->find("tls"); tls && tls->is_mapping())
      if (Node* domains = tls->find("domains"); domains && domains->is_sequence())
        for (Node& d : domains->items()) {
          if (Node* main = d.is_mapping() ? d.find("main") : nullptr) move(*main);
          if (Node* sans = d.is_mapping() ? d.find("sans") : nullptr; sans && sans->is_sequence())
            for (Node& s : sans->items())
              move(s);
        }
  }
  return any;
}

// Fields that name the application's own namespace: RoleBinding subjects, monitors'
// namespaceSelector.matchNames, NetworkPolicy peers selected by kubernetes.io/metadata.name.
// Kustomize's namespace setting does not rewrite them; `to` replaces `from` in each. True when
// one changed.
bool move_namespace(Node& n, const std::string& from, const std::string& to, bool in_names) {
  bool any = false;
  if (n.is_sequence()) {
    for (Node& i : n.items()) {
      if (in_names && i.is_scalar() && i.value() == from) {
        i = Node::str(to);
        any = true;
      } else {
        any = move_namespace(i, from, to, false) || any;
      }
    }
    return any;
  }
  if (!n.is_mapping()) return false;
  for (auto& e : n.entries()) {
    const std::string& key = e.key.value();
    bool named = (key == "namespace" && n.has("name") && n.has("kind")) ||
                 key == "kubernetes.io/metadata.name";
    if (named && e.value.is_scalar() && e.value.value() == from) {
      e.value = Node::str(to);
      any = true;
    } else {
      any = move_namespace(e.value, from, to, key == "matchNames") || any;
    }
  }
  return any;
}

void add_namespace_patch(State& st, generate::Output& out, const profile::Environment& env,
                         const Kept& k) {
  const std::string kind = k.object.text("kind");
  const char* field = kind == "RoleBinding" || kind == "ClusterRoleBinding" ? "subjects"
                      : kind == "NetworkPolicy" || kind == "ServiceMonitor" || kind == "PodMonitor"
                          ? "spec"
                          : nullptr;
  const Node* value = field ? k.object.find(field) : nullptr;
  if (!value || st.source_namespace.empty()) return;
  Node moved = *value;
  if (!move_namespace(moved, st.source_namespace, profile::namespace_for(env, st.app), false))
    return;
  Node patch = kube::make_object(k.object.text("apiVersion"), kind, name_of(k.object));
  patch.set(field, std::move(moved));
  out.add_patch(env.name,
                "overlays/" + env.name + "/patches/" + short_kind(kind) + "-" + name_of(k.object) +
                    "-namespace.yaml",
                std::move(patch));
  if (&env == &st.profile.environments.front())
    st.add(k.ref, field, Disposition::Translated,
           "names namespace " + st.source_namespace +
               ": each overlay patches it to its own namespace (kustomize does not)",
           k.at);
}

void add_patches(State& st, generate::Output& out, const profile::Environment& env) {
  const std::string ns = profile::namespace_for(env, st.app);
  for (const Kept& k : st.objects) {
    add_namespace_patch(st, out, env, k);
    const std::string kind = k.object.text("kind");
    if (kind != "Ingress" && kind != "IngressRoute" && kind != "Certificate") continue;
    const std::string name = name_of(k.object);
    Node patch = kube::make_object(k.object.text("apiVersion"), kind, name);
    bool needed = false;
    if (auto r = st.routing.find(name);
        kind == "Ingress" && r != st.routing.end() &&
        (!r->second.middlewares.empty() || !r->second.foreign.empty())) {
      kube::set_annotation(patch, "traefik.ingress.kubernetes.io/router.middlewares",
                           middleware_refs(r->second, ns));
      needed = true;
    }
    Node moved_copy = k.object;
    std::map<std::string, std::string> moved;
    if (move_hosts(moved_copy, st.profile, env, moved)) {
      Node* spec = moved_copy.find("spec");
      if (kind == "IngressRoute") {
        // Lists of custom resources are replaced whole by a patch: give the whole list.
        Node s = Node::mapping();
        for (const char* key : {"routes", "tls"})
          if (const Node* v = spec->find(key)) s.set(key, *v);
        patch.set("spec", std::move(s));
      } else {
        patch.set("spec", *spec);
      }
      needed = true;
    }
    if (!needed) continue;
    out.add_patch(env.name,
                  "overlays/" + env.name + "/patches/" + short_kind(kind) + "-" + name + ".yaml",
                  std::move(patch));
  }
}

std::string template_text(const State& st, const SecretItem& s, const profile::Environment& env) {
  const std::string ns = profile::namespace_for(env, st.app);
  Node secret = kube::make_object("v1", "Secret", s.input.name, ns);
  if (s.input.labels) kube::metadata(secret).set("labels", *s.input.labels);
  secret.set("type", Node::str(s.input.type));
  Node data = Node::mapping();
  for (const seal::SecretValue& v : s.input.values)
    data.set(v.key, Node::str("REPLACE_ME"));
  secret.set("stringData", std::move(data));
  const std::string sealed = "overlays/" + env.name + "/sealedsecret-" + s.input.name + ".yaml";
  return "# Secret " + s.input.name + " for " + env.name + " (namespace " + ns +
         "). berth read its values from the export but writes none.\n"
         "# Best: run berth import again with --seal-cert CERT.pem (kubeseal --fetch-cert) to seal "
         "them.\n# Or copy this file OUTSIDE the repository, replace every REPLACE_ME with the "
         "source cluster's value\n#   (kubectl -n " +
         st.source_namespace + " get secret " + s.input.name +
         " -o jsonpath='{.data.KEY}' | base64 -d), then seal it:\n"
         "#   berth seal --cert CERT.pem < FILLED.yaml > " +
         sealed +
         "\n"
         "# and add sealedsecret-" +
         s.input.name + ".yaml to the resources of overlays/" + env.name +
         "/kustomization.yaml. Never commit the filled-in copy.\n" + yaml::emit(secret);
}

std::string external_secret_path(const std::string& env, const SecretItem& s) {
  return "overlays/" + env + "/externalsecret-" + s.input.name + ".yaml";
}

std::string plain_secret_path(const std::string& env, const SecretItem& s) {
  return "overlays/" + env + "/secret-" + s.input.name + ".yaml";
}

// secrets.method external-secrets: the Secret's keys become properties of one remote key per
// environment; the values stay in the source cluster until the operator copies them.
void add_external_secrets(State& st, const generate::Context& ctx, generate::Output& out) {
  for (const SecretItem& s : st.secrets) {
    generate::ExternalSecretTarget target;
    target.name = s.input.name;
    if (s.input.labels) target.labels = *s.input.labels;
    target.type = s.input.type;
    std::string keys;
    for (const seal::SecretValue& v : s.input.values) {
      target.keys.emplace_back(v.key, v.key);
      keys += (keys.empty() ? "" : ", ") + v.key;
    }
    for (const profile::Environment& env : st.profile.environments)
      out.add_overlay(env.name, external_secret_path(env.name, s),
                      generate::external_secret_object(ctx, env, target));
    st.add(s.ref, "data", Disposition::Translated,
           std::to_string(s.input.values.size()) + " key(s) from ExternalSecret " +
               external_secret_path("<env>", s) + " (ClusterSecretStore " +
               st.profile.secrets.store + ")",
           s.input.loc);
    st.add(s.ref, "data", Disposition::Manual,
           "copy the values into the store at key " + st.app + "/<env>/" + s.input.name +
               ", properties " + keys + " (MIGRATION.md, Secrets, gives the command)",
           s.input.loc);
  }
}

// secrets.method plain: the decoded values go into each overlay, as the user asked.
void add_plain_secrets(State& st, const generate::Context& ctx, generate::Output& out) {
  for (const SecretItem& s : st.secrets) {
    std::vector<generate::SecretKey> keys;
    for (const seal::SecretValue& v : s.input.values)
      keys.push_back({v.key, v.value, "data." + v.key, "", v.loc});
    const yaml::Node labels = s.input.labels ? *s.input.labels : yaml::Node();
    for (const profile::Environment& env : st.profile.environments)
      out.add_overlay(
          env.name, plain_secret_path(env.name, s),
          generate::plain_secret_object(ctx, env, s.input.name, labels, s.input.type, keys));
    st.add(s.ref, "data", Disposition::Translated,
           std::to_string(s.input.values.size()) + " key(s), values in plain text in " +
               plain_secret_path("<env>", s),
           s.input.loc);
  }
  st.report.warn(generate::kPlainSecretsWarning);
}

void add_secrets(State& st, const generate::Context& ctx, generate::Output& out) {
  if (st.secrets.empty()) return;
  if (st.profile.secrets.method == "external-secrets") return add_external_secrets(st, ctx, out);
  if (st.profile.secrets.method == "plain") return add_plain_secrets(st, ctx, out);
  const std::string& cert_path = st.profile.secrets.cert;
  if (cert_path.empty()) {
    for (const SecretItem& s : st.secrets) {
      for (const profile::Environment& env : st.profile.environments)
        out.add_file("overlays/" + env.name + "/secrets/" + s.input.name + ".template.yaml",
                     template_text(st, s, env));
      st.add(s.ref, "data", Disposition::Manual,
             std::to_string(s.input.values.size()) +
                 " key(s): values not written; re-run with "
                 "--seal-cert CERT.pem to seal them, or fill overlays/<env>/secrets/" +
                 s.input.name + ".template.yaml and seal it",
             s.input.loc);
    }
    return;
  }
  std::ifstream in(cert_path, std::ios::binary);
  if (!in)
    throw Error("secrets.cert: cannot read " + cert_path +
                "; expected the sealed-secrets controller's certificate");
  std::string pem((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  seal::PublicKey cert = seal::load_public_key(pem, cert_path);
  seal::Scope scope = seal::parse_scope(st.profile.secrets.scope).value_or(seal::Scope::Strict);
  for (SecretItem& s : st.secrets) {
    for (const profile::Environment& env : st.profile.environments) {
      seal::SecretInput input = s.input;
      seal::SealRequest request{scope, profile::namespace_for(env, st.app), s.input.name};
      seal::Scope resolved = seal::resolve(input, request);
      Node sealed = seal::seal_secret(input, resolved, cert.key.get());
      out.add_overlay(env.name, "overlays/" + env.name + "/sealedsecret-" + s.input.name + ".yaml",
                      std::move(sealed));
    }
    std::string added;
    for (const std::string& k : s.added_keys)
      added += (added.empty() ? " (added: " : ", ") + k;
    if (!added.empty()) added += ")";
    st.add(s.ref, "data", Disposition::Translated,
           std::to_string(s.input.values.size()) + " key(s)" + added +
               " sealed per environment: overlays/<env>/sealedsecret-" + s.input.name + ".yaml",
           s.input.loc);
  }
  st.add("", "secrets", Disposition::Inferred,
         "SealedSecrets are reproducible: a value's ciphertext changes only when the value, its "
         "scope or the certificate does, for a given seal key (BERTH_SEAL_KEY, else "
         "~/.config/berth/seal-key, created on first use; without either berth warns and "
         "seals randomly). Another machine's key gives different but equally valid "
         "ciphertexts: to have CI write the same bytes, give it the key file's content as "
         "the secret BERTH_SEAL_KEY and guard it like a deploy key");
}

} // namespace

void add_overlays(State& st, const generate::Context& ctx, generate::Output& out) {
  add_secrets(st, ctx, out);
  for (const profile::Environment& env : st.profile.environments)
    add_patches(st, out, env);
}

} // namespace berth::import
