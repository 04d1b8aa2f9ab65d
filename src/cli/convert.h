// `berth convert`: Compose project + cluster profile → a GitOps tree in a directory.
#pragma once

#include <ostream>
#include <string>

#include "compose/load.h"

namespace berth::cli {

struct ConvertOptions {
  compose::LoadOptions load;
  std::string cluster; // --cluster berth.yaml; empty: the default profile
  std::string host;    // --host; empty: <app>.<profile domain>
  std::string seal_cert; // --seal-cert: sealing certificate, overrides the profile's secrets.cert
  std::string output;  // -o DIR (required)
  bool force = false;  // overwrite edited files / write into a foreign directory
};

// Returns the process exit code: 0 written; 2 unusable input or refused (nothing written).
// The report summary and warnings go to `err`; `out` gets nothing.
int run_convert(const ConvertOptions& options, std::ostream& out, std::ostream& err);

} // namespace berth::cli
