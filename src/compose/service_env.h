// A service's env_file contents resolved into its `environment`, as `docker compose config` does.
#pragma once

#include "compose/interpolate.h"
#include "yaml/node.h"

namespace berth::compose {

// For one canonical service: reads each env_file ({path (absolute), required, format?}) in
// order (later files win; `required: false` missing files skipped; `format: raw` values taken
// literally), values interpolated with `env`; explicit `environment` entries win over file
// values. A bare `KEY` (null) is looked up in `env`; when unset there it keeps a file-provided
// value, else stays null. Removes `env_file`.
void resolve_service_environment(yaml::Node& service, const Environment& env);

// Same for every service of a project tree.
void resolve_project_environment(yaml::Node& tree, const Environment& env);

} // namespace berth::compose
