// The built-in schemas: berth's DSL texts (builtin_texts.h) turned into an OpenAPI v2-shaped
// `definitions` mapping, and the kinds rooted in it.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "yaml/node.h"

namespace berth::check::schema {

class Registry;

struct BuiltinRoot {
  std::string definition;  // "io.k8s.api.apps.v1.Deployment"
  std::string api_version; // "apps/v1"
  std::string kind;        // "Deployment"
  bool crd = false;        // a custom resource (Crd dialect)
};

struct BuiltinSchemas {
  yaml::Node definitions; // mapping: name → schema (with x-kubernetes-group-version-kind)
  std::vector<BuiltinRoot> roots;
};

// Parses DSL texts (std::logic_error with the line for malformed built-in text: a bug).
BuiltinSchemas parse_builtin(const std::vector<std::string_view>& texts);
// All built-in texts, parsed once.
const BuiltinSchemas& builtin_schemas();
// Compiles the built-in set into `registry` and marks the Kubernetes API's group/versions
// complete.
void load_builtin(Registry& registry);

} // namespace berth::check::schema
