// The conversion report: what became of every input key of every service.
#pragma once

#include <string>
#include <vector>

#include "common/error.h"

namespace berth::generate {

enum class Disposition {
  Translated, // mapped to Kubernetes fields
  Inferred,   // berth decided something the input did not say (port of a database, probe...)
  Dropped,    // not representable; the reason says what to do instead
  Manual,     // needs a human step (fill a secret template, copy data...)
};
const char* to_string(Disposition d); // "translated", "inferred", "dropped", "manual"

struct ReportEntry {
  std::string service; // empty: application level
  std::string key;     // input key path ("ports[0]", "healthcheck", "x-berth.hpa") or topic
  Disposition disposition = Disposition::Translated;
  std::string detail;  // what it became / why
  Location at;         // where in the input (when known)
};

struct Report {
  std::vector<ReportEntry> entries;
  // Choices the user made that deserve a shout (plain Secrets in Git): printed first by
  // report_summary as "berth: warning: ..." and listed at the top of MIGRATION.md's report.
  std::vector<std::string> warnings;
  void warn(std::string text) { warnings.push_back(std::move(text)); }
  void add(std::string service, std::string key, Disposition d, std::string detail,
           Location at = {}) {
    entries.push_back({std::move(service), std::move(key), d, std::move(detail), at});
  }
};

} // namespace berth::generate
