// `berth init`: write a cluster profile (berth.yaml) — the defaults, or the answers to a short
// questionnaire asked on a terminal.
#pragma once

#include <istream>
#include <ostream>
#include <string>

namespace berth::cli {

struct InitOptions {
  bool defaults = false;    // --defaults: no questions, the default profile
  std::string output;       // -o FILE; empty or "-": stdout
  bool force = false;       // --force: overwrite an existing FILE
  bool interactive = false; // stdin is a terminal (main sets it); questions need one
};

// Returns the process exit code. Prompts go to `err`, so `berth init > berth.yaml` works; the
// profile is written only when complete and valid (atomically when it is a file).
int run_init(const InitOptions& options, std::istream& in, std::ostream& out, std::ostream& err);

} // namespace berth::cli
