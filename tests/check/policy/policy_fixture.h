// Shared helper for the policy tests: runs the policy family over YAML written in a test and
// offers a clean workload that passes every policy rule, for tests to break one field at a time.
#pragma once

#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "check/finding.h"
#include "check/options.h"
#include "yaml/node.h"

namespace berth::check::schema {
class Registry;
}

namespace berth::check::policy::test {

// A stand-in for the schema registry Context wants (policy rules never use it).
const schema::Registry& no_schemas();

struct PolicyRun {
  std::vector<Finding> findings;
  // Findings of one rule, in report order.
  std::vector<Finding> of(std::string_view rule) const;
  bool has(std::string_view rule) const { return !of(rule).empty(); }
  // "rule line:col" for every finding, one per line (for failure messages).
  std::string dump() const;
};

// Parses `yaml` (one or more documents, file "test.yaml"), builds each document's ObjectInfo
// the way the engine does and runs policy::check_object on it with a Context over
// policy::rules(), then policy::check_set over an Index of them all (Kustomization documents
// are only indexed). Default-off rules run only when listed in options.config.enable.
PolicyRun run(std::string_view yaml, const Options& options = {});

// The same over documents already parsed; `patch` marks every object as a kustomize patch.
PolicyRun run_docs(const std::vector<yaml::Node>& docs, const Options& options = {},
                   bool patch = false);

// Options with the default cluster profile (what --cluster with `berth init --defaults` gives).
Options with_profile();
// Options turning on the given (default-off) rules.
Options enabling(std::initializer_list<std::string> rules);

// The single finding of `rule` (ADD_FAILURE and an empty Finding unless there is exactly one).
Finding only(const PolicyRun& r, std::string_view rule);

// "line:column" of a finding.
std::string at(const Finding& f);

// `text` with the single occurrence of `from` replaced by `to` (ADD_FAILURE when `from` does
// not occur exactly once), so a test states the one thing it breaks.
std::string replace(std::string text, std::string_view from, std::string_view to);

// A Deployment (3 replicas) that passes every policy rule, default-off ones and the default
// profile's conventions included. Line numbers are listed in policy_fixture.cpp.
extern const std::string kCleanDeployment;

} // namespace berth::check::policy::test
