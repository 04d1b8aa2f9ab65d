// Compose profiles: which services are active, and removing the others from the tree.
#pragma once

#include <string>
#include <vector>

#include "compose/interpolate.h"
#include "yaml/node.h"

namespace berth::compose {

// --profile values when given, else COMPOSE_PROFILES (comma-separated, blanks ignored).
std::vector<std::string> active_profiles(const std::vector<std::string>& requested,
                                         const Environment& env);

// A service is active when it has no `profiles` or one of them is active ("*" activates all).
bool service_is_active(const yaml::Node& service, const std::vector<std::string>& active);

// Removes inactive services from `tree` (top-level volumes/networks/... stay, as in compose),
// then checks references of the remaining services (depends_on, links, volumes_from,
// network_mode: service:X): a reference to an undefined or disabled service is an Error at the
// reference, except a `depends_on` with `required: false`, which is dropped with a warning.
void apply_profiles(yaml::Node& tree, const std::vector<std::string>& active,
                    std::vector<std::string>& warnings);

} // namespace berth::compose
