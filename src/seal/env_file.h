// Secret values from `--from-env-file` and `--from-literal` (kubectl create secret semantics).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "seal/secret_input.h"

namespace berth::seal {

// KEY=VALUE lines; blank lines and lines starting with '#' are skipped; leading whitespace of a
// line is ignored; the value is taken literally (no quotes, no escapes, no interpolation), as
// kubectl does. `text` is wiped by the caller. Errors carry `path`:line:column.
std::vector<SecretValue> parse_env_file(std::string_view text, const std::string& path);

// "KEY=VALUE" (the value may contain '='). `where` names the flag for errors.
SecretValue parse_literal(std::string_view text, const std::string& where);

} // namespace berth::seal
