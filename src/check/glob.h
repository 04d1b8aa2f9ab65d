// Path globs of the config file's `exclude` list (gitignore-like: `*`, `?`, `[...]`, `**`).
#pragma once

#include <string_view>

namespace berth::check {

// Matches a '/'-separated relative path against `pattern`, as .gitignore does: `*` and `?` never
// cross '/', `[abc]`/`[a-z]`/`[!x]` match one character, a `**` segment matches zero or more
// whole directories (`vendor/**`, `**/*.generated.yaml`); a pattern without '/' matches at any
// depth (`*.generated.yaml`); a pattern matching a directory matches everything below it
// (`vendor`, `charts/*`). A leading "./" on either side is ignored.
bool glob_match(std::string_view pattern, std::string_view path);

} // namespace berth::check
