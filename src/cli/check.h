// `berth check` (validate manifests: schema, policies, references, capacity, API versions) and
// `berth explain RULE`.
#pragma once

#include <istream>
#include <ostream>
#include <string>
#include <vector>

namespace berth::cli {

struct CheckOptions {
  std::vector<std::string> paths; // files, directories, "-" for stdin
  std::string cluster;            // --cluster berth.yaml: enables the profile's convention rules
  std::string openapi;            // --openapi FILE
  std::vector<std::string> crds;  // --crds DIR|FILE (repeatable)
  std::string k8s_version = "1.32";
  std::string format = "text";   // text | json | sarif | junit
  std::string fail_on = "error"; // error | warning | info | none
  std::string config;            // --config FILE; empty: ./.berth-check.yaml when present
  bool complete = false;         // the input is the whole application
  unsigned jobs = 0;             // -j; 0: one per core
  bool list_rules = false;       // print the catalog instead of checking
  bool no_color = false;
  bool stdout_tty = false; // set by main: colour only on a terminal
};

// Returns the exit code: 0 nothing at or above --fail-on, 1 findings at or above it, 2 usage
// error or input that could not be read/parsed (findings are still printed). Only the report
// goes to `out`; errors go to `err`. NO_COLOR (non-empty) turns colour off.
int run_check(const CheckOptions& options, std::istream& in, std::ostream& out, std::ostream& err);

// `berth explain RULE`: everything the catalog knows about one rule. 2 for an unknown id.
int run_explain(const std::string& rule, std::ostream& out, std::ostream& err);

} // namespace berth::cli
