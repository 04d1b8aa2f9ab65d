// The libfyaml path of the YAML parser, callable from any document start of a stream: the fast
// reader hands it the documents it declines. Also the reference the fast reader is tested with.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "yaml/node.h"
#include "yaml/parse.h"

namespace berth::yaml {

class TreeBuilder;

// Where parse_with_libfyaml stopped: at the end of the stream, or at the "---" (column 1) of
// the document after the first one it delivered.
struct LibfyamlStop {
  bool at_end = true;
  std::size_t offset = 0; // byte offset of that "---" in the whole text
  unsigned line = 0;      // its line number
  Location last;          // position of the last node read (see FastReader::last)
};

// Parses `text` (BOM stripped, UTF-8 checked) from `offset`, a line start where a document may
// begin, numbered `line`. Delivers each document to `on_document`. With `one_document`, stops
// after the first document when the next one starts with a plain "---" (no directives), so the
// caller can read on with the fast reader; otherwise (or when that never happens) reads to the
// end. `builder` carries per-stream budgets (alias expansion) across calls. Errors are thrown
// exactly as a parse of the whole text would throw them.
LibfyamlStop parse_with_libfyaml(std::string_view text, std::size_t offset, unsigned line,
                                 const std::string* file, TreeBuilder& builder,
                                 const ParseOptions& options, const Location& last,
                                 bool one_document, const std::function<void(Node&&)>& on_document);

// Every document of the stream through libfyaml alone (no fast reader).
std::vector<Node> parse_stream_libfyaml(std::string_view text, const std::string& name,
                                        const ParseOptions& options = {});

// Throws the "input exceeds max_input_bytes" error when `text` is too large.
void check_input_size(std::string_view text, const std::string* file, const ParseOptions& options);

} // namespace berth::yaml
