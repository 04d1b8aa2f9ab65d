// Finding the compose files when no -f is given, as docker compose v2 does.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace berth::compose {

// Override files compose loads automatically after the main file, in order of preference.
extern const char* const kDefaultOverrideFiles[4];

struct Discovered {
  std::vector<std::string> files;    // absolute: the main file, then its override when present
  std::vector<std::string> warnings; // e.g. several candidate names in one directory
};

// Looks in `working_dir`, then each parent up to the root, for the first directory holding one
// of kDefaultComposeFiles (the first name in preference order wins; a warning lists the others).
// Throws berth::Error when none is found.
Discovered discover_compose_files(const std::string& working_dir);

// COMPOSE_FILE: paths separated by `separator` (COMPOSE_PATH_SEPARATOR, default ':'), relative
// to `working_dir`; empty items are ignored.
std::vector<std::string> split_compose_file_var(std::string_view value, std::string_view separator,
                                                const std::string& working_dir);

} // namespace berth::compose
