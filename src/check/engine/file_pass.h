// One file of `berth check` input, checked in a single pass: parse a document, split Lists,
// run the per-object families, record index facts, drop the tree.
#pragma once

#include <cstddef>
#include <deque>
#include <exception>
#include <string>
#include <string_view>
#include <vector>

#include "check/context.h"
#include "check/finding.h"
#include "check/index.h"
#include "check/input.h"

namespace berth::check {

// Input-family rule ids (the catalog lists them first).
inline constexpr std::string_view kRuleYamlSyntax = "yaml-syntax";
inline constexpr std::string_view kRuleInputUnreadable = "input-unreadable";
inline constexpr std::string_view kRuleObjectNotMapping = "object-not-mapping";
inline constexpr std::string_view kRuleObjectKindMissing = "object-kind-missing";
inline constexpr std::string_view kRuleListItemInvalid = "list-item-invalid";

// What one file contributes; merged by the engine in input order.
struct FileResult {
  std::vector<Finding> findings;
  // Identities of the file's objects at stable addresses: index facts point at them, so they
  // live until the set-level rules have run.
  std::deque<ObjectInfo> infos;
  Index index;
  std::size_t documents = 0;
  std::size_t objects = 0;
  std::size_t bytes = 0;
  bool unusable = false;      // unreadable, or malformed (yaml-syntax)
  std::exception_ptr failure; // a checker threw: a bug, rethrown by the engine
};

// Object ids are (file number << 32) | (object number in the file): increasing in input order
// whichever thread checks the file.
inline std::size_t object_id(std::size_t file_number, std::size_t object_number) {
  return (file_number << 32) | (object_number & 0xffffffffu);
}

// Checks `file` (its text is `stdin_text` when it is stdin) with `ctx`, whose findings must be
// empty on entry and are moved into `out`. Never throws: failures land in `out.failure`.
void check_file(const InputFile& file, const std::string& stdin_text, std::size_t file_number,
                Context& ctx, FileResult& out);

} // namespace berth::check
