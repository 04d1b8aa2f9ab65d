// Reads `environ` once into an ordered map (deterministic iteration).
#include "cli/environment.h"

#include <string_view>

extern char** environ;

namespace berth::cli {

compose::Environment process_environment() {
  compose::Environment env;
  for (char** p = environ; p && *p; ++p) {
    std::string_view entry(*p);
    auto eq = entry.find('=');
    if (eq == std::string_view::npos || eq == 0) continue;
    env.emplace(std::string(entry.substr(0, eq)), std::string(entry.substr(eq + 1)));
  }
  return env;
}

} // namespace berth::cli
