// Reading berth.yaml: defaults overridden by what the file gives, strictly validated.
#pragma once

#include <string>
#include <string_view>

#include "profile/profile.h"

namespace berth::profile {

// Starts from default_profile() and applies the file: mappings merge key by key (so a partial
// profile works; null clears an optional value). `environments` and `priority_classes`, when
// given, are exactly the ones listed, in order; an environment starts from the default of the
// same name (a new name: the staging conventions under its own name). Label maps are replaced
// whole. Relative `secrets.cert` paths are resolved
// against the file's directory and must exist. Throws berth::Error at file:line:column for
// unknown keys (listing the allowed ones), wrong types and invalid values.
Profile load_profile(const std::string& path);

// Same from text; `name` is used in error locations. `secrets.cert` is taken as written.
Profile load_profile_text(std::string_view text, const std::string& name);

} // namespace berth::profile
