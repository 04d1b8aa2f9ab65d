// Internal state of one load_project call, shared by the loader's parts (include, extends).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "compose/interpolate.h"
#include "compose/load.h"
#include "yaml/node.h"

namespace berth::compose {

class Loader {
public:
  explicit Loader(const LoadOptions& options) : options_(options) {}

  // Reads one compose file ("-" = stdin) into a canonical, interpolated tree: must be a
  // mapping, legacy v1 layout refused, `version` dropped with a warning, unknown top-level keys
  // refused. Paths are left relative; include/extends are not applied.
  yaml::Node read_file(const std::string& path, const Environment& env);

  // Loads and merges several files of one project: per file read → include → paths made
  // absolute against `project_dir`; then merge in order; then extends. No profiles, no name.
  yaml::Node load_files(const std::vector<std::string>& files, const std::string& project_dir,
                        const Environment& env);

  // Absolute directory that relative paths of stdin ("-") content are relative to.
  std::string working_dir() const;

  // Files being loaded through `include`, outermost first (cycle detection).
  std::vector<std::string> include_chain;
  std::vector<std::string> warnings;

private:
  const LoadOptions& options_;
  std::optional<std::string> stdin_text_; // read once
};

// Reads the environment: `base` (the process environment) wins over the files' values; later
// files win over earlier ones. Missing files are an Error unless `required` is false.
Environment load_environment(const Environment& base, const std::vector<std::string>& files,
                             bool required);

} // namespace berth::compose
