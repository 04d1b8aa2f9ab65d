// Reading schema source files (--openapi, --crds): bytes with file errors as berth::Error, and
// JSON-or-YAML parsing into node documents.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "yaml/node.h"

namespace berth::check::schema {

// The whole file; berth::Error("file: cannot read …") when it is missing or unreadable.
std::string read_source_file(const std::string& path);

// JSON (first non-blank byte '{' or '[': the fast reader, descriptions dropped) or a YAML
// stream. Throws berth::Error with file:line:col.
std::vector<yaml::Node> parse_source(std::string_view text, const std::string& name);

} // namespace berth::check::schema
