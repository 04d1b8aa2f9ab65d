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
  // false for a bare `KEY` line that `lookup` does not define (compose drops such keys); a bare
  // key that `lookup` defines gets that value and has_value = true.
  bool has_value = true;
  Location where; // of the key
};

// Parses dotenv text the way compose-go v2 does: `KEY=value`, `export KEY=value`, `KEY: value`,
// spaces around the separator, `#` comment lines, blank lines, CRLF, a UTF-8 BOM; key characters
// are letters, digits and _ . - [ ]. Values: single quotes literal (only \' escaped); double
// quotes with escapes \a \b \f \n \r \t \v \" \\ \$ \0ooo (others kept verbatim) and then
// interpolation; unquoted values end at the newline or at ` #`, are right-trimmed and are
// interpolated without escape processing. Quoted values may span lines. Interpolation looks a
// variable up in `lookup` FIRST, then in earlier keys of the file (compose's precedence). A
// repeated key keeps its first position and its last value. Throws berth::Error with
// file:line:column for bad key characters, spaces in keys, unterminated quotes, text after a
// closing quote (other than a comment), and interpolation errors.
std::vector<EnvFileEntry> parse_env_file(std::string_view text, const std::string& name,
                                         const Environment& lookup);

// Reads and parses a file; `required=false` makes a missing file an empty list, otherwise the
// error is "env file PATH not found".
std::vector<EnvFileEntry> read_env_file(const std::string& path, const Environment& lookup,
                                        bool required = true);

} // namespace berth::compose
