// Strict JSON (RFC 8259) → node tree with file:line:col on every node, for OpenAPI documents:
// faster than a DOM library because it drops what schemas do not need (descriptions, paths).
#pragma once

#include <string>
#include <string_view>

#include "yaml/node.h"

namespace berth::check::schema {

struct JsonReadOptions {
  // Schema annotations no check reads (description, default, example, patch strategies, list
  // and map types, CEL rules) are not kept — except as names under properties/definitions.
  bool skip_annotations = true;
  bool skip_paths = true; // the top-level "paths" object of an OpenAPI document
  std::size_t max_depth = 512;
};

// Throws berth::Error (file:line:col) on malformed JSON, invalid UTF-8 escapes, depth overflow.
// Strings become quoted scalars, numbers/true/false/null plain scalars (as yaml::from_json).
yaml::Node read_json(std::string_view text, const std::string& file,
                     const JsonReadOptions& options = {});

} // namespace berth::check::schema
