// Top-level `include`: other Compose applications loaded as part of this one.
#pragma once

#include <string>

#include "compose/interpolate.h"
#include "compose/loader.h"
#include "yaml/node.h"

namespace berth::compose {

// Resolves `file_tree`'s `include` entries (short: path strings; long: {path: string|list,
// project_directory, env_file: string|list}) and removes the key. Paths are relative to the
// including file's directory. Each included application is loaded on its own (its project
// directory — default: dir of its first file —, its .env or env_file, where `env` wins) and its
// services, networks, volumes, secrets and configs are imported; a resource that the including
// file defines differently is an Error, as in compose. Include cycles are an Error naming the
// chain.
void apply_include(yaml::Node& file_tree, const std::string& file_path, const Environment& env,
                   Loader& loader);

} // namespace berth::compose
