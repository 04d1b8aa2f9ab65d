// Compose variable interpolation: $VAR, ${VAR}, ${VAR:-d}, ${VAR-d}, ${VAR:?e}, ${VAR?e},
// ${VAR:+x}, ${VAR+x}, nested defaults, and $$ → $ — as the Compose Specification defines.
#pragma once

#include <map>
#include <string>
#include <string_view>

#include "common/error.h"
#include "yaml/node.h"

namespace berth::compose {

// Variable name → value. A variable present with an empty value is "set but empty".
using Environment = std::map<std::string, std::string, std::less<>>;

// Substitutes variables in one string. Throws berth::Error at `where` for a missing required
// variable (${VAR:?msg}) and for malformed expressions (unclosed "${", invalid name).
std::string interpolate(std::string_view text, const Environment& env, const Location& where);

// Interpolates every scalar *value* of a tree in place (mapping keys are left alone, as in
// docker compose). A plain scalar stays plain, so `retries: $RETRIES` becomes an integer after
// substitution, while a quoted one stays a string.
void interpolate_tree(yaml::Node& root, const Environment& env);

} // namespace berth::compose
