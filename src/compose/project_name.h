// Compose project name: where it comes from and what makes it valid.
#pragma once

#include <string>
#include <string_view>

#include "compose/interpolate.h"
#include "yaml/node.h"

namespace berth::compose {

// Lowercases, keeps only [a-z0-9_-] and strips leading '_'/'-' (compose's normalization, used
// for names derived from a directory).
std::string normalize_project_name(std::string_view name);

// True when `name` is already normalized and non-empty (required of explicit names).
bool is_valid_project_name(std::string_view name);

// -p (`explicit_name`), else COMPOSE_PROJECT_NAME from `env`, else the merged tree's top-level
// `name`, else the normalized basename of `project_dir`. Explicit names (the first three) must
// already be valid — compose refuses rather than silently renaming; the error points at the
// `name:` node when that is the source.
std::string resolve_project_name(const std::string& explicit_name, const Environment& env,
                                 const yaml::Node& tree, const std::string& project_dir);

} // namespace berth::compose
