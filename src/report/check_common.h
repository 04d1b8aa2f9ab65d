// What the four `berth check` renderers share: effective fix text, counts, grouping by file and
// object, rules used, and text sanitizing (valid UTF-8, visible control characters).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "check/finding.h"
#include "check/rule.h"

namespace berth::report {

struct Counts {
  std::size_t errors = 0;
  std::size_t warnings = 0;
  std::size_t infos = 0;
};
Counts count(const std::vector<check::Finding>& findings);
// "1 error", "2 errors".
std::string plural(std::size_t n, std::string_view word);
// "3 errors, 1 warning, 0 infos in 2 files, 5 objects, 1234 bytes" (the summary line).
std::string summary_line(const Counts& c, std::size_t files, std::size_t objects,
                         std::size_t bytes);

// The finding's own fix, else its rule's generic hint ("" for a rule not in the catalog).
std::string_view fix_of(const check::Finding& f, const check::Catalog& catalog);

// The file as shown to users: "stdin" for "-"; "" stays "" (set-level findings).
std::string_view display_file(std::string_view file);

// "file:line:col", "file:line", "file" as far as known; "(input)" when there is no file.
std::string location_text(const check::Finding& f);

// Findings of one object (or, with object "", about the file itself), in output order.
struct ObjectGroup {
  std::string_view object;
  std::string_view ns;
  std::vector<const check::Finding*> findings;
};
struct FileGroup {
  std::string_view file; // as in the findings ("-" for stdin)
  std::vector<ObjectGroup> objects;
};
// Files in finding order (sorted input keeps it deterministic), objects by first finding.
std::vector<FileGroup> group_by_file(const std::vector<check::Finding>& findings);

// The catalog's rules that some finding uses, in catalog order.
std::vector<const check::RuleInfo*> rules_used(const std::vector<check::Finding>& findings,
                                               const check::Catalog& catalog);

// `text` with every invalid UTF-8 sequence replaced by U+FFFD.
std::string valid_utf8(std::string_view text);
// valid_utf8, and control characters (C0, DEL, C1) shown as \n, \t, \r or \xNN, so a message
// stays on one line and cannot carry terminal escape sequences.
std::string printable(std::string_view text);

} // namespace berth::report
