// Building Kubernetes objects as node trees: canonical key order, names, labels.
#pragma once

#include <map>
#include <string>
#include <string_view>

#include "yaml/node.h"

namespace berth::kube {

// A mapping {apiVersion, kind, metadata: {name[, namespace]}} — the key order every object
// berth writes starts with; callers add spec/data after it. `ns` empty: no namespace (the
// overlay's kustomization sets it).
yaml::Node make_object(std::string_view api_version, std::string_view kind, std::string_view name,
                       std::string_view ns = {});

// metadata of an object (creates it when absent).
yaml::Node& metadata(yaml::Node& object);

// Sets metadata.labels / metadata.annotations entries (keys kept in insertion order).
void set_label(yaml::Node& object, std::string_view key, std::string_view value);
void set_annotation(yaml::Node& object, std::string_view key, std::string_view value);

// A mapping node from ordered string pairs (labels, selectors, data).
yaml::Node string_map(const std::map<std::string, std::string>& pairs);

// The labels berth puts on everything of one service of an application:
// app.kubernetes.io/name=<service>, app.kubernetes.io/part-of=<app>,
// app.kubernetes.io/managed-by=berth (+ component when given).
std::map<std::string, std::string> standard_labels(std::string_view app, std::string_view service,
                                                   std::string_view component = {});
// The stable subset used in selectors (never changes over a workload's life):
// app.kubernetes.io/name and app.kubernetes.io/part-of.
std::map<std::string, std::string> selector_labels(std::string_view app, std::string_view service);

} // namespace berth::kube
