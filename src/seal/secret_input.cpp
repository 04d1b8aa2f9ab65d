// Secret documents → SecretInput, with Kubernetes' own rules for data, stringData and keys.
#include "seal/secret_input.h"

#include <algorithm>

#include "seal/base64.h"

namespace berth::seal {

namespace {

Location loc_or(const yaml::Node& node, const Location& fallback) {
  return node.loc().line > 0 ? node.loc() : fallback;
}

std::string describe(const yaml::Node& node) {
  if (!node.is_scalar()) return std::string("a ") + node.kind_name();
  switch (node.type()) {
  case yaml::ScalarType::Null: return "null";
  case yaml::ScalarType::Bool: return "boolean " + node.value();
  case yaml::ScalarType::Int:
  case yaml::ScalarType::Float: return "number " + node.value();
  case yaml::ScalarType::String: return "a string";
  }
  return "a scalar";
}

const std::string& expect_string(const yaml::Node& node, std::string_view what) {
  if (!node.is_string())
    throw Error(node.loc(), std::string(what) + ": expected a string, found " + describe(node) +
                                (node.is_scalar() && !node.is_null() ? " (quote it)" : ""));
  return node.value();
}

const yaml::Node* optional_mapping(const yaml::Node& parent, std::string_view key, std::string_view what) {
  const yaml::Node* n = parent.find(key);
  if (!n || n->is_null()) return nullptr;
  if (!n->is_mapping())
    throw Error(n->loc(), std::string(what) + ": expected a mapping, found " + describe(*n));
  return n;
}

// Labels and annotations carry over verbatim, but Kubernetes only allows string values.
yaml::Node string_map(const yaml::Node& map, std::string_view what) {
  for (const auto& e : map.entries()) expect_string(e.value, std::string(what) + "." + e.key.value());
  return map;
}

} // namespace

void check_data_key(std::string_view key, const Location& where) {
  if (key.empty()) throw Error(where, "secret key is empty; expected [-._a-zA-Z0-9]+");
  if (key.size() > 253)
    throw Error(where, "secret key is " + std::to_string(key.size()) + " characters; at most 253 allowed");
  for (char c : key) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
              c == '-' || c == '_' || c == '.';
    if (!ok)
      throw Error(where, "secret key \"" + std::string(key) +
                             "\" is invalid: expected only letters, digits, '-', '_' and '.'");
  }
  if (key == "." || key == "..")
    throw Error(where, "secret key \"" + std::string(key) + "\" is not allowed");
}

void add_value(SecretInput& secret, SecretValue value) {
  for (const auto& v : secret.values)
    if (v.key == value.key)
      throw Error(value.loc, "secret key \"" + value.key + "\" given twice" +
                                 (v.loc.line > 0 ? " (first at " + v.loc.str() + ")" : ""));
  secret.values.push_back(std::move(value));
}

void sort_values(SecretInput& secret) {
  std::sort(secret.values.begin(), secret.values.end(),
            [](const SecretValue& a, const SecretValue& b) { return a.key < b.key; });
}

SecretInput read_secret(const yaml::Node& doc) {
  SecretInput s;
  s.loc = doc.loc();
  if (!doc.is_mapping())
    throw Error(doc.loc(), "expected a Secret (a mapping with kind: Secret), found " + describe(doc));
  const yaml::Node* kind = doc.find("kind");
  if (!kind) throw Error(doc.loc(), "expected a Secret, found a document without `kind`");
  if (!kind->is_scalar() || kind->value() != "Secret")
    throw Error(kind->loc(), "expected kind Secret, found " +
                                 (kind->is_scalar() ? "kind " + kind->value() : describe(*kind)));
  if (const yaml::Node* api = doc.find("apiVersion"); api && !(api->is_scalar() && api->value() == "v1"))
    throw Error(api->loc(), "expected apiVersion v1 for a Secret, found " +
                                (api->is_scalar() ? api->value() : describe(*api)));

  const yaml::Node* metadata = optional_mapping(doc, "metadata", "metadata");
  s.metadata_loc = metadata ? metadata->loc() : doc.loc();
  if (metadata) {
    if (const yaml::Node* n = metadata->find("name")) s.name = expect_string(*n, "metadata.name");
    if (const yaml::Node* n = metadata->find("namespace"); n && !n->is_null())
      s.ns = expect_string(*n, "metadata.namespace");
    if (const yaml::Node* m = optional_mapping(*metadata, "labels", "metadata.labels"))
      s.labels = string_map(*m, "metadata.labels");
    if (const yaml::Node* m = optional_mapping(*metadata, "annotations", "metadata.annotations")) {
      s.annotations = string_map(*m, "metadata.annotations");
      // A Secret read back from a cluster (`kubectl get -o yaml`) after `kubectl apply` carries
      // its whole manifest, data included, in this annotation; copying it into the template
      // would publish the secret in plain text (kubeseal drops it for the same reason).
      s.annotations->erase("kubectl.kubernetes.io/last-applied-configuration");
      if (s.annotations->size() == 0) s.annotations.reset();
    }
    s.declared_scope = scope_from_metadata(metadata);
  }
  if (const yaml::Node* t = doc.find("type"); t && !t->is_null()) s.type = expect_string(*t, "type");
  if (const yaml::Node* im = doc.find("immutable"); im && !im->is_null()) {
    auto b = im->as_bool();
    if (!b) throw Error(im->loc(), "immutable: expected true or false, found " + describe(*im));
    s.immutable = *b;
  }

  if (const yaml::Node* data = optional_mapping(doc, "data", "data")) {
    for (const auto& e : data->entries()) {
      Location where = loc_or(e.key, data->loc());
      check_data_key(e.key.value(), where);
      const std::string& text = expect_string(e.value, "data." + e.key.value());
      auto decoded = base64_decode(text);
      if (!decoded)
        throw Error(e.value.loc(), "data." + e.key.value() +
                                       ": expected standard base64 (use stringData for plain text)");
      add_value(s, SecretValue{e.key.value(), std::move(*decoded), where});
    }
  }
  if (const yaml::Node* data = optional_mapping(doc, "stringData", "stringData")) {
    for (const auto& e : data->entries()) {
      Location where = loc_or(e.key, data->loc());
      check_data_key(e.key.value(), where);
      const std::string& text = expect_string(e.value, "stringData." + e.key.value());
      SecretValue v{e.key.value(), secret_bytes(text), where};
      auto same = std::find_if(s.values.begin(), s.values.end(),
                               [&](const SecretValue& x) { return x.key == v.key; });
      if (same != s.values.end())
        *same = std::move(v); // stringData wins over data, as on the API server
      else
        add_value(s, std::move(v));
    }
  }
  sort_values(s);
  return s;
}

void wipe_secret_values(yaml::Node& doc) {
  if (!doc.is_mapping()) return;
  for (const char* field : {"data", "stringData"}) {
    yaml::Node* map = doc.find(field);
    if (!map || !map->is_mapping()) continue;
    for (auto& e : map->entries())
      if (e.value.is_scalar())
        // The node API has no mutable access to the text; the node itself is not const, so
        // wiping through the const reference is well-defined.
        cleanse(const_cast<std::string&>(e.value.value()));
  }
}

} // namespace berth::seal
