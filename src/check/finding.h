// What `berth check` reports: severities, rule families and scorecard areas, and one finding.
#pragma once

#include <string>
#include <string_view>

#include "common/error.h"

namespace berth::check {

enum class Severity : unsigned char { Info, Warning, Error };

// Rule families of the issue: each rule belongs to exactly one (input problems are their own).
enum class Family : unsigned char { Input, Schema, Policy, Reference, Capacity, ApiVersion };

// Scorecard areas (seed 001's panel, computed): every rule counts against one area.
enum class Area : unsigned char { Security, Reliability, Observability, DataSafety, Delivery };

std::string_view to_string(Severity s);   // "info" | "warning" | "error"
std::string_view to_string(Family f);     // "input" | "schema" | "policy" | "reference" | ...
std::string_view to_string(Area a);       // "security" | "reliability" | ... | "data-safety"
bool parse_severity(std::string_view text, Severity& out); // false when unknown

struct Finding {
  std::string rule;     // rule id, e.g. "probe-missing"
  Severity severity = Severity::Warning; // after config overrides
  Location loc;         // the offending field (else the object, else the file)
  std::string file;     // path as given on the command line ("-" for stdin); "" for set-level
  std::string object;   // "Deployment/web" ("" when the finding is about a file)
  std::string ns;       // namespace of the object as written ("" when none)
  std::string message;  // one sentence, specific: names the field/value
  std::string fix;      // how to fix; empty → the rule's generic fix hint
};

// Total order used for output: file, line, column, rule, object, message.
bool operator<(const Finding& a, const Finding& b);

} // namespace berth::check
