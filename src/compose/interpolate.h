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

// Substitutes variables in one string, as compose-go v2 does: names are [A-Za-z_][A-Za-z0-9_]*;
// an unset variable without a default becomes ""; the word of :-, -, :+, + and :? ? is itself
// interpolated, only when used; "$" not followed by "$", "{" or a name stays literal ("a $ b",
// "^x$"). Throws berth::Error at `where` for a missing required variable ("required variable
// VAR is missing a value: msg") and for malformed braces ("Invalid template: \"${ foo}\"").
std::string interpolate(std::string_view text, const Environment& env, const Location& where);

// Interpolates every scalar *value* of a tree in place (mapping keys are left alone, as in
// docker compose); errors carry the scalar's location and its path ("services.web.image"). A plain scalar stays plain, so `retries: $RETRIES` becomes an integer after
// substitution, while a quoted one stays a string.
void interpolate_tree(yaml::Node& root, const Environment& env);

} // namespace berth::compose
