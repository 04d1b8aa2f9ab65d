// The one YAML emitter: deterministic block style, safe quoting for YAML 1.1 and 1.2 readers.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "yaml/node.h"

namespace berth::yaml {

// Emits one document (no leading "---"). 2-space indent, sequences indented under their key,
// no line wrapping, literal blocks for multi-line strings, flow `[]`/`{}` only for empty
// collections. A string scalar is quoted exactly when a YAML 1.1 or 1.2 reader would read
// its plain form as something else (bool/null/number/date/sexagesimal, indicators, ...).
std::string emit(const Node& doc);
// Same, into `out` (cleared first): a caller emitting many documents reuses one buffer.
void emit_into(std::string& out, const Node& doc);

// Emits several documents separated by "---" lines.
std::string emit_stream(const std::vector<Node>& docs);

// True when `text` must be quoted to be read back as the same string by YAML 1.1 and 1.2.
bool needs_quotes(std::string_view text);

} // namespace berth::yaml
