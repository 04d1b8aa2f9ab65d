// Schema documents (OpenAPI v2 definitions, CRD openAPIV3Schema) → compiled Graph types.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "check/schema/graph.h"
#include "common/error.h"
#include "yaml/node.h"

namespace berth::check::schema {

// How a schema treats what it does not say:
//  OpenApi — built-in API types: an object schema with neither properties nor
//            additionalProperties is free-form (RawExtension, FieldsV1); null means unset.
//  Crd     — structural schemas: undeclared fields are pruned (so: unknown), a non-nullable
//            null is dropped, x-kubernetes-* extensions apply.
enum class Dialect { OpenApi, Crd };

class Compiler {
public:
  // `definitions`: the mapping `$ref: "#/definitions/NAME"` resolves in (may be null). It must
  // outlive the compiler. `object_meta` is the type embedded resources' metadata gets.
  Compiler(Graph& graph, Dialect dialect, const yaml::Node* definitions,
           std::uint32_t object_meta = kNoType);

  // The type of a named definition (compiled once; recursion allowed). Throws berth::Error
  // when it does not exist (`where`: the referring node) or is malformed.
  std::uint32_t definition(std::string_view name, const Location& where = {});
  // An inline schema; `name` labels it in messages (may be empty).
  std::uint32_t schema(const yaml::Node& node, std::string_view name = {});
  // The root schema of a resource kind: apiVersion and kind implied, metadata is ObjectMeta
  // whatever the schema says (the API server validates it so).
  std::uint32_t resource(const yaml::Node& node, std::string_view name = {});

  void set_object_meta(std::uint32_t type) { object_meta_ = type; }

  // `pattern`s the matcher cannot run, "file:line:col: why" each (skipped, not errors).
  const std::vector<std::string>& skipped_patterns() const { return skipped_patterns_; }
  std::size_t patterns() const { return patterns_; }

private:
  using Values = std::vector<std::string_view>;
  std::uint32_t inline_schema(const yaml::Node& node, const Values* extra_enum);
  std::uint32_t compile_into(std::uint32_t index, const yaml::Node& node, std::string_view name,
                             const Values* extra_enum = nullptr, bool resource = false);
  std::uint32_t any_type();

  Graph& graph_;
  Dialect dialect_;
  const yaml::Node* definitions_;
  std::uint32_t object_meta_;
  std::uint32_t any_ = kNoType;
  std::unordered_map<std::string, std::uint32_t> done_;
  std::vector<std::string> skipped_patterns_;
  std::size_t patterns_ = 0;
  std::size_t depth_ = 0;
};

} // namespace berth::check::schema
