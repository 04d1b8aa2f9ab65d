// Checks shared by the end-to-end tests of commands that write GitOps trees (convert, import):
// file snapshots, kustomize builds, and the independent validators in tests/oracle.
#pragma once

#include <filesystem>
#include <map>
#include <string>

#include <nlohmann/json.hpp>

#include "support/test_support.h"

namespace berth::test {

// '…' around a path for sh -c command lines.
std::string quote(const std::filesystem::path& p);

// path (relative, '/') → content of every regular file under `root`.
std::map<std::string, std::string> file_tree(const std::filesystem::path& root);
// Every file of `expected` present with equal content in `actual`, and nothing else.
void expect_same_tree(const std::filesystem::path& expected, const std::filesystem::path& actual);

bool have_oracle();  // node + tests/oracle/node_modules (npm ci)
bool have_schemas(); // node + ../shared/schemas (definitions.json and crds/)
std::filesystem::path schemas_dir();

// YAML stream → JSON array of its non-null documents, through berth's own parser.
nlohmann::ordered_json yaml_to_json_array(const std::string& yaml_text, const std::string& name);

// tests/oracle/unknown_fields.mjs over `objects_json` against the shared schemas and CRDs.
RunResult check_unknown_fields(const std::string& objects_json);

// Builds every overlay (and its alerts folder) of a tree with `kubectl kustomize` and validates
// every object plus the ArgoCD Applications or Flux objects (argocd/, flux/) with the
// kubernetes-models oracle and the strict unknown-field walk (each only when available);
// returns the failures, "" when all is well.
std::string build_and_validate(const std::filesystem::path& tree_root);

} // namespace berth::test
