// JUnit XML renderer of `berth check`: one <testsuite> per file, one <testcase> per object (and
// one for findings about the file itself), a <failure> per finding at warning or above, infos
// as <system-out>; a last suite holds the run summary so a clean run still has a test.
#include <fmt/format.h>

#include "report/check_common.h"
#include "report/check_report.h"

namespace berth::report {

namespace {

// XML 1.0 text or attribute value: valid UTF-8, markup escaped, line breaks kept as character
// references in attributes (parsers would fold them to spaces), other control characters shown
// as \xNN (XML 1.0 cannot carry them at all).
std::string xml(std::string_view raw, bool attribute) {
  std::string clean = valid_utf8(raw);
  // U+FFFE and U+FFFF are valid UTF-8 but not XML characters.
  for (std::size_t at; (at = clean.find("\xEF\xBF\xBE")) != std::string::npos ||
                       (at = clean.find("\xEF\xBF\xBF")) != std::string::npos;)
    clean.replace(at, 3, "\xEF\xBF\xBD");
  std::string out;
  for (char ch : clean) {
    auto c = static_cast<unsigned char>(ch);
    switch (ch) {
    case '&':
      out += "&amp;";
      break;
    case '<':
      out += "&lt;";
      break;
    case '>':
      out += "&gt;";
      break;
    case '"':
      out += attribute ? "&quot;" : "\"";
      break;
    case '\'':
      out += attribute ? "&apos;" : "'";
      break;
    case '\n':
      out += attribute ? "&#10;" : "\n";
      break;
    case '\r':
      out += "&#13;";
      break;
    case '\t':
      out += attribute ? "&#9;" : "\t";
      break;
    default:
      if (c < 0x20 || c == 0x7F)
        out += fmt::format("\\x{:02x}", c);
      else
        out += ch;
    }
  }
  return out;
}
std::string attr(std::string_view s) {
  return xml(s, true);
}

bool fails(const check::Finding& f) {
  return f.severity >= check::Severity::Warning;
}

struct Case {
  const FileGroup* file;
  const ObjectGroup* object;
  bool failed = false;
};

std::string case_name(const Case& c) {
  if (c.object->object.empty()) return std::string(display_file(c.file->file));
  std::string name(c.object->object);
  if (!c.object->ns.empty()) name += " (namespace " + std::string(c.object->ns) + ")";
  return name;
}

std::string finding_text(const check::Finding& f, const check::Catalog& catalog) {
  std::string text = location_text(f) + " " + std::string(check::to_string(f.severity)) + " " +
                     f.rule + " " + f.message;
  std::string_view fix = fix_of(f, catalog);
  if (!fix.empty()) text += "\nfix: " + std::string(fix);
  return text;
}

void testcase(std::ostream& out, const Case& c, const check::Catalog& catalog) {
  std::string suite(display_file(c.file->file));
  out << "    <testcase classname=\"" << attr(suite) << "\" name=\"" << attr(case_name(c)) << "\"";
  bool has_info = false;
  for (const check::Finding* f : c.object->findings)
    has_info |= !fails(*f);
  if (!c.failed && !has_info) {
    out << "/>\n";
    return;
  }
  out << ">\n";
  for (const check::Finding* f : c.object->findings) {
    if (!fails(*f)) continue;
    out << "      <failure type=\"" << attr(f->rule) << "\" message=\"" << attr(f->message) << "\">"
        << xml(finding_text(*f, catalog), false) << "</failure>\n";
  }
  if (has_info) {
    out << "      <system-out>";
    for (const check::Finding* f : c.object->findings)
      if (!fails(*f)) out << xml(finding_text(*f, catalog), false) << "\n";
    out << "</system-out>\n";
  }
  out << "    </testcase>\n";
}

} // namespace

void render_junit(const check::Result& result, const check::Catalog& catalog, std::ostream& out) {
  std::vector<FileGroup> files = group_by_file(result.findings);
  std::vector<std::vector<Case>> cases(files.size());
  std::size_t tests = 1, failures = 0; // the summary case counts
  for (std::size_t i = 0; i < files.size(); ++i) {
    for (const ObjectGroup& o : files[i].objects) {
      Case c{&files[i], &o};
      for (const check::Finding* f : o.findings)
        c.failed |= fails(*f);
      failures += c.failed;
      cases[i].push_back(c);
    }
    tests += cases[i].size();
  }

  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  out << fmt::format(
      "<testsuites name=\"berth check\" tests=\"{}\" failures=\"{}\" errors=\"0\">\n", tests,
      failures);
  for (std::size_t i = 0; i < files.size(); ++i) {
    std::size_t failed = 0;
    for (const Case& c : cases[i])
      failed += c.failed;
    std::string name(display_file(files[i].file));
    if (name.empty()) name = "(input)";
    out << "  <testsuite name=\"" << attr(name) << "\" tests=\"" << cases[i].size()
        << "\" failures=\"" << failed << "\" errors=\"0\" skipped=\"0\">\n";
    for (const Case& c : cases[i])
      testcase(out, c, catalog);
    out << "  </testsuite>\n";
  }
  Counts c = count(result.findings);
  out << "  <testsuite name=\"berth check\" tests=\"1\" failures=\"0\" errors=\"0\" "
         "skipped=\"0\">\n";
  out << "    <testcase classname=\"berth check\" name=\"summary\">\n";
  out << "      <system-out>"
      << xml(summary_line(c, result.files, result.objects, result.bytes), false)
      << "</system-out>\n";
  out << "    </testcase>\n  </testsuite>\n</testsuites>\n";
}

} // namespace berth::report
