// Object skeletons with canonical key order, metadata helpers and berth's standard labels.
#include "kube/object.h"

namespace berth::kube {

using yaml::Node;

Node make_object(std::string_view api_version, std::string_view kind, std::string_view name,
                 std::string_view ns) {
  // Fresh mappings: `add` appends without looking for a key that cannot be there yet.
  Node object = Node::mapping();
  object.add(Node::str("apiVersion"), Node::str(std::string(api_version)));
  object.add(Node::str("kind"), Node::str(std::string(kind)));
  Node meta = Node::mapping();
  meta.add(Node::str("name"), Node::str(std::string(name)));
  if (!ns.empty()) meta.add(Node::str("namespace"), Node::str(std::string(ns)));
  object.add(Node::str("metadata"), std::move(meta));
  return object;
}

Node& metadata(Node& object) {
  if (Node* m = object.find("metadata")) return *m;
  return object.set("metadata", Node::mapping());
}

static Node& child_map(Node& parent, std::string_view key) {
  if (Node* m = parent.find(key)) return *m;
  return parent.set(key, Node::mapping());
}

void set_label(Node& object, std::string_view key, std::string_view value) {
  child_map(metadata(object), "labels").set(key, Node::str(std::string(value)));
}

void set_annotation(Node& object, std::string_view key, std::string_view value) {
  child_map(metadata(object), "annotations").set(key, Node::str(std::string(value)));
}

Node string_map(const std::map<std::string, std::string>& pairs) {
  Node m = Node::mapping();
  for (const auto& [k, v] : pairs) m.add(Node::str(k), Node::str(v)); // map keys are unique
  return m;
}

std::map<std::string, std::string> standard_labels(std::string_view app, std::string_view service,
                                                   std::string_view component) {
  std::map<std::string, std::string> labels = selector_labels(app, service);
  labels["app.kubernetes.io/managed-by"] = "berth";
  if (!component.empty()) labels["app.kubernetes.io/component"] = std::string(component);
  return labels;
}

std::map<std::string, std::string> selector_labels(std::string_view app, std::string_view service) {
  return {{"app.kubernetes.io/name", std::string(service)},
          {"app.kubernetes.io/part-of", std::string(app)}};
}

} // namespace berth::kube
