// Rule metadata: every rule has an id, family, area, default severity, on/off default, a
// one-line summary and a fix hint (`berth check --list-rules`, `berth explain RULE`).
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "check/finding.h"

namespace berth::check {

struct RuleInfo {
  std::string_view id;      // lowercase-kebab, unique across families
  Family family;
  Area area;
  Severity severity;        // default severity
  bool enabled = true;      // on by default?
  std::string_view summary; // one line: what the rule flags
  std::string_view fix;     // one or two sentences: how to fix it
  std::string_view doc;     // optional longer rationale for `berth explain` (why, peers' names)
};

// All rules of all families, in a stable order (family, then as each family lists them).
class Catalog {
public:
  explicit Catalog(std::vector<RuleInfo> rules); // throws std::logic_error on duplicate ids
  const std::vector<RuleInfo>& rules() const { return rules_; }
  const RuleInfo* find(std::string_view id) const; // nullptr when unknown

private:
  std::vector<RuleInfo> rules_;
  std::unordered_map<std::string_view, std::size_t> by_id_;
};

} // namespace berth::check
