// Profile → YAML node in berth.yaml layout (what `berth init` writes; load_profile reads it back).
#pragma once

#include "profile/profile.h"
#include "yaml/node.h"

namespace berth::profile {

// Every setting spelled out, sections and keys in a fixed order, so the file is deterministic
// and documents itself; load_profile_text(emit(profile_to_yaml(p))) == p.
yaml::Node profile_to_yaml(const Profile& p);

} // namespace berth::profile
