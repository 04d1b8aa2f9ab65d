// `berth check` end to end: read inputs (files, directories, stdin), run every family in one
// pass per file (both cores when there are many files), then the set-level rules, the scorecard.
#pragma once

#include <cstddef>
#include <istream>
#include <memory>
#include <vector>

#include "check/finding.h"
#include "check/options.h"
#include "check/rule.h"
#include "check/scorecard.h"

namespace berth::check {

// Every family's rules, in family order (input, schema, policy, reference, capacity, apiversion).
const Catalog& catalog();

struct Result {
  std::vector<Finding> findings; // sorted (operator<), deduplicated
  std::size_t files = 0;         // files read (stdin counts as one)
  std::size_t documents = 0;     // YAML documents (List items counted as objects, not documents)
  std::size_t objects = 0;       // Kubernetes objects checked
  std::size_t bytes = 0;         // input bytes
  bool unusable_input = false;   // some file could not be read or parsed (exit code 2)
  Scorecard scorecard;
  // What the findings were computed from (per-file facts and the set index): large, many small
  // allocations. Owned here so a caller about to exit can skip freeing it (src/cli/check.cpp).
  std::shared_ptr<void> retained;
};

// Throws berth::Error for usage problems found before checking (a path that does not exist,
// unreadable --openapi/--crds). Malformed files are findings, not exceptions.
Result run(const Options& options, std::istream& stdin_stream);

} // namespace berth::check
