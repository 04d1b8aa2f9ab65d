// Compose project loading: file discovery, .env, interpolation, extends, include, merge of
// several -f files, profiles — the merged, canonical project tree ready for the model.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "compose/interpolate.h"
#include "yaml/node.h"

namespace berth::compose {

struct LoadOptions {
  std::vector<std::string> files;     // -f, in order; empty → discovery in working_dir
  std::string working_dir;            // where discovery starts; default: current directory
  std::string project_directory;      // --project-directory; default: dir of the first file
  std::vector<std::string> env_files; // --env-file; default: <project dir>/.env when present
  std::vector<std::string> profiles;  // --profile; default: COMPOSE_PROFILES
  std::string project_name;           // -p; default: COMPOSE_PROJECT_NAME, top-level name, dir
  Environment process_env;            // the process environment (injected so tests can set it)
  std::optional<std::string> stdin_text; // content of `-f -`; unset → read std::cin
};

struct LoadedProject {
  std::string name;                // project name (normalized per the spec rules)
  std::string project_directory;   // absolute
  std::vector<std::string> files;  // absolute paths of the -f/discovered files, in merge order
                                   // ("-" for stdin); extends/include files are not listed
  Environment environment;         // the interpolation environment (process env over .env)
  std::vector<std::string> active_profiles;
  // The merged project: top-level keys name, services, networks, volumes, secrets, configs,
  // x-*; services canonical (see canonical.h), extends/include resolved, inactive profiles
  // removed, bind paths absolute, !reset/!override applied. Each service's `env_file` is
  // resolved into its `environment` (as `docker compose config` shows it; explicit entries win)
  // and the `env_file` key removed; a bare `KEY` takes its value from `environment` above, and
  // stays null when unset there (compose then leaves it out of the container).
  yaml::Node tree;
  std::vector<std::string> warnings; // e.g. "`version` is obsolete", legacy v1 layout
};

// Throws berth::Error with file:line:column on anything unusable.
LoadedProject load_project(const LoadOptions& options);

// Names docker compose looks for, in order of preference.
extern const char* const kDefaultComposeFiles[4];

} // namespace berth::compose
