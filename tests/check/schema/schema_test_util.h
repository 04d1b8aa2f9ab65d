// Test helpers for the schema family: run check_object over YAML text with a given registry and
// look findings up by rule and position.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "check/finding.h"
#include "check/schema/registry.h"

namespace berth::check::schema::test {

// The built-in registry (loaded once per test binary).
const Registry& builtin_registry();
// Built-in + ../shared definitions.json + ../shared CRDs; nullptr when ../shared is absent.
const Registry* shared_registry();

// Every document of `yaml` checked as an object (patch: as a kustomize patch).
std::vector<Finding> check_yaml(const std::string& yaml, const Registry& registry,
                                bool patch = false, const std::string& file = "test.yaml");
std::vector<Finding> check_yaml(const std::string& yaml, bool patch = false);

// Findings of `rule` ("rule@line:col: message" each) for assertions and failure output.
std::vector<std::string> of_rule(const std::vector<Finding>& findings, const std::string& rule);
std::string dump(const std::vector<Finding>& findings);
// True when a finding of `rule` sits at line:col.
bool has(const std::vector<Finding>& findings, const std::string& rule, unsigned line,
         unsigned col);

} // namespace berth::check::schema::test
