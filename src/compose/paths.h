// Resolution of relative host paths in a Compose tree (bind sources, build contexts, env files,
// secret/config files) against the directory that gives them meaning.
#pragma once

#include <string>
#include <string_view>

#include "compose/interpolate.h"
#include "yaml/node.h"

namespace berth::compose {

// `~` and `~/x` → $HOME from `env` (left alone when HOME is unset or for `~user`).
std::string expand_user(std::string_view path, const Environment& env);

// `path` made absolute against `base_dir` and lexically normalized (no `.`/`..`, no trailing
// slash). An absolute `path` is only normalized.
std::string absolute_path(std::string_view path, std::string_view base_dir);

// True for build contexts that are not local directories: URLs, git remotes, docker-image://.
bool is_remote_context(std::string_view context);

// Rewrites the host paths of one canonical service in place: build.context (+
// additional_contexts) when local, bind volume sources, env_file paths, label_file.
// `extends.file` is not touched (the extends resolver interprets it against its own file).
void resolve_service_paths(yaml::Node& service, std::string_view base_dir,
                           const Environment& env);

// Same for a whole canonical file: every service plus top-level secrets/configs `file:`.
void resolve_file_paths(yaml::Node& file, std::string_view base_dir, const Environment& env);

} // namespace berth::compose
