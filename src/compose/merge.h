// Merge of Compose files and services by the Compose Specification's merge rules.
#pragma once

#include "yaml/node.h"

namespace berth::compose {

// Merges an override file's canonical tree into `base` in place (both canonicalized first, see
// canonical.h): mappings merge recursively; per-key sequence rules: ports by
// {host_ip, published, target, protocol}, volumes/secrets/configs by target, expose/dns/...
// unique union, environment/labels by name (maps), command/entrypoint/healthcheck.test and
// other sequences replaced; scalars replaced. `!reset` (value removed / emptied) and
// `!override` (value replaced, not merged) tags in `override` are honoured and do not remain
// in the result.
void merge_project(yaml::Node& base, const yaml::Node& override);

// Merges one service definition over another (used by multi-file merge and by `extends`).
void merge_service(yaml::Node& base, const yaml::Node& override);

// Removes what only a merge may act on: `!reset` values are dropped and `!override` tags
// cleared. merge_project does it to both trees; call it on a single file's tree that is never
// merged so the tags do not reach the model.
void strip_merge_tags(yaml::Node& tree);

} // namespace berth::compose
