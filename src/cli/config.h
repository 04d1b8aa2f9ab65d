// `berth config`: print the fully resolved, normalized Compose project (like docker compose config).
#pragma once

#include <ostream>
#include <string>

#include "compose/load.h"

namespace berth::cli {

struct ConfigOptions {
  compose::LoadOptions load;
  std::string format = "yaml"; // yaml | json
  bool services_only = false;  // --services: service names, one per line
  bool quiet = false;          // -q: validate only, print nothing
};

// Returns the process exit code. Output is produced in full before anything is written, so an
// error never leaves partial output on `out`.
int run_config(const ConfigOptions& options, std::ostream& out, std::ostream& err);

} // namespace berth::cli
