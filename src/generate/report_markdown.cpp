// The conversion report rendered for people: Markdown tables and the CLI's short summary.
#include <algorithm>
#include <map>
#include <sstream>
#include <vector>

#include "generate/runbook.h"

namespace berth::generate {

namespace {

// Appends `text` as a table cell: '|' escaped, line breaks as <br>. Most text has neither, so
// it is copied in runs between them, found with memchr.
void append_cell(std::string& out, std::string_view text) {
  std::size_t pipe = text.find('|'), newline = text.find('\n');
  std::size_t run = 0;
  while (pipe != std::string_view::npos || newline != std::string_view::npos) {
    std::size_t at = std::min(pipe, newline);
    out.append(text.substr(run, at - run));
    out += at == pipe ? "\\|" : "<br>";
    run = at + 1;
    if (at == pipe) pipe = text.find('|', run);
    else newline = text.find('\n', run);
  }
  out.append(text.substr(run));
}

// `prefix`: the project directory and a slash, or "" (paths are then shown as they are).
std::string where(const Location& at, const std::string& prefix) {
  std::string s = at.str();
  if (!prefix.empty() && s.starts_with(prefix)) s.erase(0, prefix.size());
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
  for (const std::string& w : report.warnings)
    s << "berth: warning: " << w << '\n';
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
  const std::string prefix = project_directory.empty() ? "" : project_directory + "/";
  std::string md;
  md.reserve(report.entries.size() * 160);
  for (const std::string& service : order) {
    auto it = groups.find(service);
    if (it == groups.end()) continue;
    md += "\n### ";
    md += service.empty() ? "Application" : std::string(group) + " `" + service + "`";
    md += "\n\n| Key | Disposition | Detail | Source |\n|---|---|---|---|\n";
    for (const ReportEntry* e : it->second) {
      md += "| `";
      append_cell(md, e->key);
      md += "` | ";
      md += to_string(e->disposition);
      md += " | ";
      append_cell(md, e->detail);
      md += " | ";
      append_cell(md, where(e->at, prefix));
      md += " |\n";
    }
  }
  return md;
}

} // namespace berth::generate
