// The conversion report rendered for people: Markdown tables and the CLI's short summary.
#include <map>
#include <sstream>
#include <vector>

#include "generate/runbook.h"

namespace berth::generate {

namespace {

std::string cell(const std::string& text) {
  std::string r;
  for (char c : text) {
    if (c == '|') r += "\\|";
    else if (c == '\n') r += "<br>";
    else r += c;
  }
  return r;
}

std::string where(const Location& at, const std::string& project_directory) {
  std::string s = at.str();
  const std::string prefix = project_directory.empty() ? "" : project_directory + "/";
  if (!prefix.empty() && s.starts_with(prefix)) s = s.substr(prefix.size());
  return s;
}

} // namespace

// The names used in the report and in MIGRATION.md (declared in report.h).
const char* to_string(Disposition d) {
  switch (d) {
  case Disposition::Translated: return "translated";
  case Disposition::Inferred: return "inferred";
  case Disposition::Dropped: return "dropped";
  case Disposition::Manual: return "manual";
  }
  return "translated";
}

std::string report_summary(const Report& report) {
  std::map<Disposition, int> counts;
  for (const ReportEntry& e : report.entries) counts[e.disposition]++;
  std::ostringstream s;
  s << "berth: report: " << counts[Disposition::Translated] << " translated, "
    << counts[Disposition::Inferred] << " inferred, " << counts[Disposition::Dropped]
    << " dropped, " << counts[Disposition::Manual] << " manual\n";
  for (const ReportEntry& e : report.entries) {
    if (e.disposition != Disposition::Manual) continue;
    s << "berth: manual: " << (e.service.empty() ? "" : e.service + ": ") << e.key << ": "
      << e.detail << '\n';
  }
  return s.str();
}

std::string report_markdown(const Report& report, const std::string& project_directory,
                            std::string_view group) {
  // Groups in order of first appearance, the application level first; one pass, since large
  // applications have tens of thousands of entries.
  std::vector<std::string> order{""};
  std::map<std::string, std::vector<const ReportEntry*>> groups;
  for (const ReportEntry& e : report.entries) {
    auto [it, inserted] = groups.try_emplace(e.service);
    if (inserted && !e.service.empty()) order.push_back(e.service);
    it->second.push_back(&e);
  }
  std::ostringstream md;
  for (const std::string& service : order) {
    auto it = groups.find(service);
    if (it == groups.end()) continue;
    md << "\n### "
       << (service.empty() ? "Application" : std::string(group) + " `" + service + "`") << "\n\n"
       << "| Key | Disposition | Detail | Source |\n|---|---|---|---|\n";
    for (const ReportEntry* e : it->second)
      md << "| `" << cell(e->key) << "` | " << to_string(e->disposition) << " | "
         << cell(e->detail) << " | " << cell(where(e->at, project_directory)) << " |\n";
  }
  return md.str();
}

} // namespace berth::generate
