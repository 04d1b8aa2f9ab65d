// Text renderer of `berth check`: findings grouped by object, one grep-friendly line each
// (`file:line:col severity rule message`, then `  fix: …`), a summary line and the scorecard.
#include <fmt/format.h>

#include "report/check_common.h"
#include "report/check_report.h"

namespace berth::report {

namespace {

using check::Severity;

// ANSI styles; every one is empty when colour is off, so the uncoloured text is byte-stable.
struct Palette {
  bool on;
  std::string_view style(std::string_view code) const { return on ? code : std::string_view(); }
  std::string_view reset() const { return style("\x1b[0m"); }
  std::string_view bold() const { return style("\x1b[1m"); }
  std::string_view dim() const { return style("\x1b[2m"); }
  std::string_view severity(Severity s) const {
    switch (s) {
    case Severity::Error:
      return style("\x1b[1;31m");
    case Severity::Warning:
      return style("\x1b[33m");
    case Severity::Info:
      return style("\x1b[36m");
    }
    return {};
  }
  std::string_view score(double v) const {
    return style(v >= 8.0 ? "\x1b[32m" : v >= 5.0 ? "\x1b[33m" : "\x1b[31m");
  }
};

void header(std::ostream& out, const FileGroup& file, const ObjectGroup& object, const Palette& p) {
  std::string where(display_file(file.file));
  if (where.empty()) where = "(input)";
  out << p.bold() << "== " << printable(where);
  if (!object.object.empty()) out << "  " << printable(object.object);
  if (!object.ns.empty()) out << "  (namespace " << printable(object.ns) << ")";
  out << p.reset() << "\n";
}

void finding_line(std::ostream& out, const check::Finding& f, const check::Catalog& catalog,
                  const Palette& p) {
  out << printable(location_text(f)) << " " << p.severity(f.severity)
      << check::to_string(f.severity) << p.reset() << " " << p.dim() << printable(f.rule)
      << p.reset() << " " << printable(f.message) << "\n";
  std::string_view fix = fix_of(f, catalog);
  if (!fix.empty()) out << "  fix: " << printable(fix) << "\n";
}

void scorecard_table(std::ostream& out, const check::Scorecard& card, const Palette& p) {
  out << p.bold()
      << fmt::format("{:<16}{:>6}{:>8}{:>10}{:>7}", "scorecard", "score", "errors", "warnings",
                     "infos")
      << p.reset() << "\n";
  for (const check::AreaScore& a : card.areas) {
    out << fmt::format("  {:<14}", check::to_string(a.area)) << p.score(a.score)
        << fmt::format("{:>6.1f}", a.score) << p.reset()
        << fmt::format("{:>8}{:>10}{:>7}", a.errors, a.warnings, a.infos) << "\n";
  }
  out << p.bold() << fmt::format("  {:<14}", "overall") << p.reset() << p.score(card.overall)
      << p.bold() << fmt::format("{:>6.1f}", card.overall) << p.reset() << "\n";
}

} // namespace

void render_text(const check::Result& result, const check::Catalog& catalog, std::ostream& out,
                 bool color) {
  Palette p{color};
  for (const FileGroup& file : group_by_file(result.findings)) {
    for (const ObjectGroup& object : file.objects) {
      header(out, file, object, p);
      for (const check::Finding* f : object.findings)
        finding_line(out, *f, catalog, p);
      out << "\n";
    }
  }
  Counts c = count(result.findings);
  out << (c.errors     ? p.severity(Severity::Error)
          : c.warnings ? p.severity(Severity::Warning)
                       : p.score(10.0))
      << summary_line(c, result.files, result.objects, result.bytes) << p.reset() << "\n\n";
  scorecard_table(out, result.scorecard, p);
}

} // namespace berth::report
