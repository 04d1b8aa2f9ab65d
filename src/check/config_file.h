// The `.berth-check.yaml` config file: rules to disable/enable, severity overrides, excluded paths.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "check/options.h"
#include "check/rule.h"

namespace berth::check {

inline constexpr const char* kConfigFileName = ".berth-check.yaml";

// Parses the config file text. Throws berth::Error at file:line:column for unknown keys, values
// of the wrong type, unknown rule ids (with a did-you-mean), bad severities, a rule both enabled
// and disabled, and empty exclude patterns. An empty file is an empty config.
ConfigFile parse_config_file(std::string_view text, const std::string& name,
                             const Catalog& catalog);

// Reads and parses `path` (Error when it cannot be read).
ConfigFile load_config_file(const std::string& path, const Catalog& catalog);

// `explicit_path` when given (must exist), else `.berth-check.yaml` in `directory` ("" = the
// current directory) when it exists, else the empty config.
ConfigFile find_config_file(const std::string& explicit_path, const std::string& directory,
                            const Catalog& catalog);

} // namespace berth::check
