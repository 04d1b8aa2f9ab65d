// Service `extends`: inheriting another service's definition, from this file or another.
#pragma once

#include <string>

#include "compose/interpolate.h"
#include "compose/loader.h"
#include "yaml/node.h"

namespace berth::compose {

// Resolves every service's `extends` ({service, file?} or a bare service name) in `tree`
// (canonical, paths already absolute) in place: the base service (itself resolved first) is
// merged under the local definition with merge_service. `file` is relative to the directory of
// the file that declares the `extends`; services read from it have their relative paths
// resolved against that file's directory. As in compose (compose-go since v2.32), the base's
// `depends_on` and `volumes_from` are not inherited. Cycles are an Error naming the chain.
void apply_extends(yaml::Node& tree, const std::string& project_dir, const Environment& env,
                   Loader& loader);

} // namespace berth::compose
