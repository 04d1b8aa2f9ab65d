// `.env` / `--env-file` / service `env_file` parsing with docker compose's dotenv rules.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "compose/interpolate.h"

namespace berth::compose {

struct EnvFileEntry {
  std::string key;
  std::string value;
  bool has_value = true; // a bare `KEY` line: value taken from the environment, if any
  Location where;
};

// Parses dotenv text: `KEY=value`, `export KEY=value`, `KEY: value`? (no), comments, blank
// lines, single quotes (literal), double quotes (escapes \n \t \" \\ and ${} interpolation),
// unquoted values with inline ` #comment`, multi-line quoted values, bare `KEY`.
// Values are interpolated with `lookup` (earlier keys of the file first, then `lookup`) as
// compose does. Throws berth::Error with file:line:column on malformed lines.
std::vector<EnvFileEntry> parse_env_file(std::string_view text, const std::string& name,
                                         const Environment& lookup);

// Reads and parses a file; `required=false` makes a missing file an empty list.
std::vector<EnvFileEntry> read_env_file(const std::string& path, const Environment& lookup,
                                        bool required = true);

} // namespace berth::compose
