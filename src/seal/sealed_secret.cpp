// Builds SealedSecret documents the way kubeseal lays them out (scope annotations on both the
// SealedSecret and its template, template carrying the Secret's metadata and type).
#include "seal/sealed_secret.h"

#include <algorithm>

#include "seal/base64.h"
#include "seal/hybrid.h"

namespace berth::seal {

namespace {

void seal_values(yaml::Node& encrypted, const SecretInput& secret, const std::string& label,
                 EVP_PKEY* public_key, const SealKey* seal_key) {
  for (const auto& v : secret.values) {
    // Names and keys never hold NUL, so NUL-joined they name one entry unambiguously.
    std::string entry = secret.ns + '\0' + secret.name + '\0' + v.key;
    encrypted.set(v.key, yaml::Node::str(base64_encode(hybrid_encrypt(public_key, as_view(v.value),
                                                                      label, seal_key, entry))));
  }
}

void sort_entries(yaml::Node& map) {
  std::stable_sort(
      map.entries().begin(), map.entries().end(),
      [](const yaml::Entry& a, const yaml::Entry& b) { return a.key.value() < b.key.value(); });
}

} // namespace

Scope resolve(SecretInput& secret, const SealRequest& request) {
  if (!request.name.empty()) secret.name = request.name;
  if (!request.ns.empty()) secret.ns = request.ns;
  Scope scope = request.scope.value_or(secret.declared_scope.value_or(Scope::Strict));
  if (secret.name.empty())
    throw Error(secret.metadata_loc,
                "the Secret has no metadata.name; expected a name (or --name)");
  if (secret.ns.empty() && scope != Scope::ClusterWide)
    throw Error(secret.metadata_loc,
                "the Secret has no metadata.namespace; " + std::string(scope_name(scope)) +
                    " scope binds the sealed values to a namespace, so pass -n NAMESPACE (or use "
                    "--scope cluster-wide)");
  return scope;
}

yaml::Node seal_secret(const SecretInput& secret, Scope scope, EVP_PKEY* public_key) {
  return seal_secret(secret, scope, public_key,
                     secret.values.empty() ? nullptr : process_seal_key());
}

yaml::Node seal_secret(const SecretInput& secret, Scope scope, EVP_PKEY* public_key,
                       const SealKey* seal_key) {
  std::string label = label_for(scope, secret.ns, secret.name);

  yaml::Node metadata = yaml::Node::mapping();
  metadata.set("name", yaml::Node::str(secret.name));
  if (!secret.ns.empty()) metadata.set("namespace", yaml::Node::str(secret.ns));
  set_scope_annotations(metadata, scope);

  // The template is what the controller turns into the Secret: the Secret's own metadata.
  yaml::Node template_metadata = yaml::Node::mapping();
  template_metadata.set("name", yaml::Node::str(secret.name));
  if (!secret.ns.empty()) template_metadata.set("namespace", yaml::Node::str(secret.ns));
  if (secret.labels && secret.labels->size() > 0) template_metadata.set("labels", *secret.labels);
  if (secret.annotations) template_metadata.set("annotations", *secret.annotations);
  set_scope_annotations(template_metadata, scope);

  yaml::Node tmpl = yaml::Node::mapping();
  tmpl.set("metadata", std::move(template_metadata));
  tmpl.set("type", yaml::Node::str(secret.type));
  if (secret.immutable) tmpl.set("immutable", yaml::Node::boolean(*secret.immutable));

  yaml::Node encrypted = yaml::Node::mapping();
  seal_values(encrypted, secret, label, public_key, seal_key);
  sort_entries(encrypted);

  yaml::Node spec = yaml::Node::mapping();
  spec.set("encryptedData", std::move(encrypted));
  spec.set("template", std::move(tmpl));

  yaml::Node doc = yaml::Node::mapping();
  doc.set("apiVersion", yaml::Node::str("bitnami.com/v1alpha1"));
  doc.set("kind", yaml::Node::str("SealedSecret"));
  doc.set("metadata", std::move(metadata));
  doc.set("spec", std::move(spec));
  return doc;
}

void merge_into(yaml::Node& sealed, SecretInput& secret, const SealRequest& request,
                EVP_PKEY* public_key) {
  merge_into(sealed, secret, request, public_key,
             secret.values.empty() ? nullptr : process_seal_key());
}

void merge_into(yaml::Node& sealed, SecretInput& secret, const SealRequest& request,
                EVP_PKEY* public_key, const SealKey* seal_key) {
  const yaml::Node* kind = sealed.is_mapping() ? sealed.find("kind") : nullptr;
  if (!kind || !kind->is_scalar() || kind->value() != "SealedSecret")
    throw Error(kind ? kind->loc() : sealed.loc(),
                "--merge-into: expected a SealedSecret, found " +
                    (kind && kind->is_scalar() ? "kind " + kind->value() : std::string("no kind")));
  yaml::Node* metadata = sealed.find("metadata");
  if (!metadata || !metadata->is_mapping())
    throw Error(sealed.loc(), "--merge-into: the SealedSecret has no metadata mapping");
  std::string name = metadata ? metadata->text("name") : std::string();
  std::string ns = metadata ? metadata->text("namespace") : std::string();
  Scope existing = scope_from_metadata(metadata).value_or(Scope::Strict);

  // The merged values must carry the existing object's label, so its identity fills the gaps.
  if (secret.name.empty() && request.name.empty()) secret.name = name;
  if (secret.ns.empty() && request.ns.empty()) secret.ns = ns;
  SealRequest req = request;
  if (!req.scope) req.scope = existing;
  Scope scope = resolve(secret, req);
  if (scope != existing)
    throw Error(metadata->loc(),
                "--merge-into: the SealedSecret is " + std::string(scope_name(existing)) +
                    " scope, but the new values would be sealed " + std::string(scope_name(scope)) +
                    "; one object cannot mix scopes");
  if (scope != Scope::ClusterWide && secret.ns != ns)
    throw Error(metadata->loc(), "--merge-into: the SealedSecret is in namespace \"" + ns +
                                     "\", but the new values are for namespace \"" + secret.ns +
                                     "\"");
  if (scope == Scope::Strict && secret.name != name)
    throw Error(metadata->loc(), "--merge-into: the SealedSecret is named \"" + name +
                                     "\", but the new values are for \"" + secret.name + "\"");

  yaml::Node* spec = sealed.find("spec");
  if (!spec || !spec->is_mapping()) spec = &sealed.set("spec", yaml::Node::mapping());
  yaml::Node* encrypted = spec->find("encryptedData");
  if (!encrypted || !encrypted->is_mapping())
    encrypted = &spec->set("encryptedData", yaml::Node::mapping());
  seal_values(*encrypted, secret, label_for(scope, secret.ns, secret.name), public_key, seal_key);
  sort_entries(*encrypted);
}

} // namespace berth::seal
