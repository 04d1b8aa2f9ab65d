// Names of severities, families and areas as they appear in every output format.
#include "check/finding.h"

#include <tuple>

namespace berth::check {

std::string_view to_string(Severity s) {
  switch (s) {
  case Severity::Info: return "info";
  case Severity::Warning: return "warning";
  case Severity::Error: return "error";
  }
  return "error";
}

std::string_view to_string(Family f) {
  switch (f) {
  case Family::Input: return "input";
  case Family::Schema: return "schema";
  case Family::Policy: return "policy";
  case Family::Reference: return "reference";
  case Family::Capacity: return "capacity";
  case Family::ApiVersion: return "api-version";
  }
  return "input";
}

std::string_view to_string(Area a) {
  switch (a) {
  case Area::Security: return "security";
  case Area::Reliability: return "reliability";
  case Area::Observability: return "observability";
  case Area::DataSafety: return "data-safety";
  case Area::Delivery: return "delivery";
  }
  return "security";
}

bool parse_severity(std::string_view text, Severity& out) {
  if (text == "info") out = Severity::Info;
  else if (text == "warning") out = Severity::Warning;
  else if (text == "error") out = Severity::Error;
  else return false;
  return true;
}

bool operator<(const Finding& a, const Finding& b) {
  auto key = [](const Finding& f) {
    return std::tie(f.file, f.loc.line, f.loc.column, f.rule, f.object, f.message);
  };
  return key(a) < key(b);
}

} // namespace berth::check
