// What checkers get: options, the rule catalog (enabled rules, severities) and a findings sink.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "check/finding.h"
#include "check/object.h"
#include "check/options.h"
#include "check/rule.h"

namespace berth::check::schema {
class Registry;
}

namespace berth::check {

// One per worker thread; findings are merged and sorted by the engine (deterministic output).
class Context {
public:
  Context(const Options& options, const Catalog& catalog, const schema::Registry& schemas);

  const Options& options() const { return options_; }
  const Catalog& catalog() const { return catalog_; }
  const schema::Registry& schemas() const { return schemas_; }
  const profile::Profile* profile() const {
    return options_.profile ? &*options_.profile : nullptr;
  }

  // Is the rule on (catalog default, then config enable/disable)? Checkers may skip work.
  bool enabled(std::string_view rule) const;

  // Records a finding unless the rule is off or `object` ignores it. `rule` must be in the
  // catalog (std::logic_error otherwise: a bug). `loc` empty → the object's location.
  // `fix` empty → the rule's generic fix hint at output time.
  void report(std::string_view rule, const ObjectInfo* object, const Location& loc,
              std::string message, std::string fix = {});
  // A finding about a file rather than an object (parse errors, unreadable paths).
  void report_file(std::string_view rule, const std::string& file, const Location& loc,
                   std::string message);

  std::vector<Finding>& findings() { return findings_; }

private:
  const Options& options_;
  const Catalog& catalog_;
  const schema::Registry& schemas_;
  std::unordered_set<std::string_view> enabled_;
  std::unordered_map<std::string_view, Severity> severity_;
  std::vector<Finding> findings_;
};

} // namespace berth::check
