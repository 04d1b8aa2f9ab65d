// Scope names, labels and annotations, following sealed-secrets' pkg/apis/sealedsecrets/v1alpha1.
#include "seal/label.h"

namespace berth::seal {

std::optional<Scope> parse_scope(std::string_view text) {
  if (text == "strict") return Scope::Strict;
  if (text == "namespace-wide") return Scope::NamespaceWide;
  if (text == "cluster-wide") return Scope::ClusterWide;
  return std::nullopt;
}

std::string_view scope_name(Scope scope) {
  switch (scope) {
  case Scope::Strict: return "strict";
  case Scope::NamespaceWide: return "namespace-wide";
  case Scope::ClusterWide: return "cluster-wide";
  }
  return "?";
}

std::string label_for(Scope scope, std::string_view ns, std::string_view name) {
  switch (scope) {
  case Scope::ClusterWide: return "";
  case Scope::NamespaceWide:
    if (ns.empty()) throw Error("namespace-wide scope needs a namespace (metadata.namespace or -n)");
    return std::string(ns);
  case Scope::Strict:
    if (ns.empty()) throw Error("strict scope needs a namespace (metadata.namespace or -n)");
    if (name.empty()) throw Error("strict scope needs a name (metadata.name or --name)");
    return std::string(ns) + "/" + std::string(name);
  }
  return "";
}

namespace {
bool annotation_true(const yaml::Node* annotations, std::string_view key) {
  if (!annotations || !annotations->is_mapping()) return false;
  const yaml::Node* v = annotations->find(key);
  return v && v->is_scalar() && v->value() == "true";
}
} // namespace

std::optional<Scope> scope_from_metadata(const yaml::Node* metadata) {
  const yaml::Node* annotations =
      metadata && metadata->is_mapping() ? metadata->find("annotations") : nullptr;
  if (annotation_true(annotations, kClusterWideAnnotation)) return Scope::ClusterWide;
  if (annotation_true(annotations, kNamespaceWideAnnotation)) return Scope::NamespaceWide;
  return std::nullopt;
}

void set_scope_annotations(yaml::Node& metadata, Scope scope) {
  yaml::Node* annotations = metadata.find("annotations");
  if (annotations && annotations->is_mapping()) {
    annotations->erase(kNamespaceWideAnnotation);
    annotations->erase(kClusterWideAnnotation);
  }
  if (scope != Scope::Strict) {
    if (!annotations || !annotations->is_mapping())
      annotations = &metadata.set("annotations", yaml::Node::mapping());
    annotations->set(scope == Scope::ClusterWide ? kClusterWideAnnotation : kNamespaceWideAnnotation,
                     yaml::Node::str("true"));
  } else if (annotations && annotations->is_mapping() && annotations->size() == 0) {
    metadata.erase("annotations");
  }
}

} // namespace berth::seal
