// Recovery unseal (like `kubeseal --recovery-unseal`): label checks and clear refusals.
#include "seal/unseal.h"

#include <algorithm>

#include "seal/base64.h"
#include "seal/hybrid.h"
#include "seal/label.h"

namespace berth::seal {

namespace {

std::optional<SecretBytes> open_with_any(const std::vector<Pkey>& keys, std::string_view bytes,
                                         std::string_view label) {
  for (const auto& key : keys)
    if (auto plain = hybrid_decrypt(key.get(), bytes, label)) return plain;
  return std::nullopt;
}

std::string describe_scope(Scope scope, const std::string& ns, const std::string& name) {
  switch (scope) {
  case Scope::Strict: return "strict scope (namespace \"" + ns + "\", name \"" + name + "\")";
  case Scope::NamespaceWide: return "namespace-wide scope (namespace \"" + ns + "\")";
  case Scope::ClusterWide: return "cluster-wide scope";
  }
  return "";
}

// Why a value did not open: try the other scopes this object's name/namespace allow, so the
// message can say "sealed namespace-wide" instead of only "label mismatch".
std::string diagnose(const std::vector<Pkey>& keys, std::string_view bytes, Scope expected,
                     const std::string& ns, const std::string& name) {
  for (Scope other : {Scope::Strict, Scope::NamespaceWide, Scope::ClusterWide}) {
    if (other == expected) continue;
    if (other != Scope::ClusterWide && ns.empty()) continue;
    if (open_with_any(keys, bytes, label_for(other, ns, name)))
      return "label mismatch: it was sealed with " + describe_scope(other, ns, name) +
             ", but this SealedSecret declares " + describe_scope(expected, ns, name) +
             "; the controller would refuse it too (re-seal with --scope " +
             std::string(scope_name(expected)) + ", or set the scope annotation to match)";
  }
  return "label mismatch or wrong key: no private key opens it with the label of " +
         describe_scope(expected, ns, name) +
         " (label \"" + label_for(expected, ns, name) +
         "\"); it was sealed for another namespace, name or scope, or with another controller's "
         "key, and the controller would refuse it too";
}

} // namespace

yaml::Node unseal(const yaml::Node& sealed, const std::vector<Pkey>& keys) {
  if (!sealed.is_mapping())
    throw Error(sealed.loc(), std::string("expected a SealedSecret, found a ") + sealed.kind_name());
  const yaml::Node* kind = sealed.find("kind");
  if (!kind || !kind->is_scalar() || kind->value() != "SealedSecret")
    throw Error(kind ? kind->loc() : sealed.loc(),
                "expected kind SealedSecret, found " +
                    (kind && kind->is_scalar() ? "kind " + kind->value() : std::string("no kind")));
  const yaml::Node* metadata = sealed.find("metadata");
  if (!metadata || !metadata->is_mapping())
    throw Error(sealed.loc(), "the SealedSecret has no metadata mapping");
  std::string name = metadata ? metadata->text("name") : std::string();
  std::string ns = metadata ? metadata->text("namespace") : std::string();
  if (name.empty()) throw Error(metadata->loc(), "the SealedSecret has no metadata.name");
  Scope scope = scope_from_metadata(metadata).value_or(Scope::Strict);
  if (scope != Scope::ClusterWide && ns.empty())
    throw Error(metadata->loc(), "the SealedSecret has no metadata.namespace; its " +
                                     std::string(scope_name(scope)) +
                                     " scope label needs one (it is applied in some namespace: "
                                     "add metadata.namespace)");
  std::string label = label_for(scope, ns, name);

  const yaml::Node* spec = sealed.find("spec");
  if (!spec || !spec->is_mapping()) throw Error(sealed.loc(), "the SealedSecret has no spec mapping");
  if (const yaml::Node* old = spec->find("data"); old && !old->is_null())
    throw Error(old->loc(), "spec.data (the deprecated whole-Secret format) is not supported; "
                            "expected spec.encryptedData");
  const yaml::Node* encrypted = spec->find("encryptedData");
  if (!encrypted || !encrypted->is_mapping())
    throw Error(spec->loc(), "expected spec.encryptedData, a mapping of key → sealed value");
  const yaml::Node* tmpl = spec->find("template");
  const yaml::Node* tmeta = tmpl && tmpl->is_mapping() ? tmpl->find("metadata") : nullptr;

  std::vector<std::pair<std::string, std::string>> data; // key → base64 of the plaintext
  for (const auto& e : encrypted->entries()) {
    const std::string& key = e.key.value();
    if (!e.value.is_string())
      throw Error(e.value.loc(), "spec.encryptedData." + key + ": expected a base64 string");
    auto bytes = base64_decode(e.value.value());
    if (!bytes) throw Error(e.value.loc(), "spec.encryptedData." + key + ": expected standard base64");
    std::optional<SecretBytes> plain;
    try {
      plain = open_with_any(keys, as_view(*bytes), label);
    } catch (const Error& err) {
      throw Error(e.value.loc(), "spec.encryptedData." + key + ": " + err.message());
    }
    if (!plain)
      throw Error(e.value.loc(), "cannot unseal spec.encryptedData." + key + ": " +
                                     diagnose(keys, as_view(*bytes), scope, ns, name));
    data.emplace_back(key, base64_encode(as_view(*plain)));
  }
  std::sort(data.begin(), data.end());

  yaml::Node meta = yaml::Node::mapping();
  meta.set("name", yaml::Node::str(name));
  if (!ns.empty()) meta.set("namespace", yaml::Node::str(ns));
  if (tmeta && tmeta->is_mapping()) {
    for (const char* field : {"labels", "annotations"})
      if (const yaml::Node* m = tmeta->find(field); m && m->is_mapping() && m->size() > 0)
        meta.set(field, *m);
  }
  yaml::Node secret = yaml::Node::mapping();
  secret.set("apiVersion", yaml::Node::str("v1"));
  secret.set("kind", yaml::Node::str("Secret"));
  secret.set("metadata", std::move(meta));
  std::string type = tmpl ? tmpl->text("type") : std::string();
  secret.set("type", yaml::Node::str(type.empty() ? "Opaque" : type));
  if (tmpl && tmpl->is_mapping())
    if (const yaml::Node* im = tmpl->find("immutable"); im && im->as_bool())
      secret.set("immutable", yaml::Node::boolean(*im->as_bool()));
  yaml::Node data_node = yaml::Node::mapping();
  for (auto& [key, value] : data) {
    data_node.set(key, yaml::Node::str(value));
    cleanse(value);
  }
  secret.set("data", std::move(data_node));
  return secret;
}

} // namespace berth::seal
