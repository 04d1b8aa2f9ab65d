// YAML text → berth node tree (libfyaml event parser underneath; bounded against hostile input).
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "yaml/node.h"

namespace berth::yaml {

struct ParseOptions {
  // Resolve YAML 1.1 merge keys (`<<: *a`, `<<: [*a, *b]`) as Kubernetes and Compose do.
  // Off for pure YAML 1.2 conformance.
  bool merge_keys = true;
  // Reject a mapping that repeats a key (error names both positions).
  bool reject_duplicate_keys = true;
  // Bounds against hostile input; each violation is an Error with file:line:column.
  std::size_t max_depth = 512;                  // nesting of collections
  std::size_t max_alias_nodes = 1'000'000;      // nodes created by alias expansion, per stream
  std::size_t max_scalar_bytes = 32u << 20;     // one scalar
  std::size_t max_input_bytes = 512u << 20;     // whole input
};

// Parses every document of a stream. `name` is used in locations (a path, "-" for stdin).
// Throws berth::Error with file:line:column on malformed YAML, invalid UTF-8, duplicate keys,
// exceeded bounds, undefined aliases.
std::vector<Node> parse_stream(std::string_view text, const std::string& name,
                               const ParseOptions& options = {});

// Parses a stream that must hold exactly one document (an empty stream yields a null node).
Node parse_document(std::string_view text, const std::string& name,
                    const ParseOptions& options = {});

// Streams the documents of `text` to `on_document` one at a time, in order, so a caller can
// process and drop each before the next is built. Same errors as parse_stream; documents before
// the failing one have already been delivered when it throws (input-wide errors — size, invalid
// UTF-8 — are found before the first document).
void parse_stream_each(std::string_view text, const std::string& name,
                       const std::function<void(Node&&)>& on_document,
                       const ParseOptions& options = {});

// Reads a file and parses it; errors for missing files, directories, unreadable files.
std::vector<Node> parse_file(const std::string& path, const ParseOptions& options = {});

} // namespace berth::yaml
