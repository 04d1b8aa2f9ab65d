// `berth schemas pull`: save the cluster's OpenAPI v2 document for `berth check --openapi`.
#pragma once

#include <ostream>
#include <string>

namespace berth::cli {

struct SchemasPullOptions {
  std::string output; // -o FILE; empty or "-": stdout
};

// Runs exactly `kubectl get --raw /openapi/v2` (kubectl from PATH, its stderr passed through),
// checks that the answer is an OpenAPI v2 document, and writes it (a file atomically).
// Returns 0, or 2 with a clear message when kubectl is missing, fails, or answers something else.
int run_schemas_pull(const SchemasPullOptions& options, std::ostream& out, std::ostream& err);

} // namespace berth::cli
