// Shared helpers of the `berth check` renderers (grouping, counts, sanitizing).
#include "report/check_common.h"

#include <map>
#include <set>

#include "yaml/quote.h"

namespace berth::report {

using check::Finding;
using check::Severity;

Counts count(const std::vector<Finding>& findings) {
  Counts c;
  for (const Finding& f : findings) {
    if (f.severity == Severity::Error)
      ++c.errors;
    else if (f.severity == Severity::Warning)
      ++c.warnings;
    else
      ++c.infos;
  }
  return c;
}

std::string plural(std::size_t n, std::string_view word) {
  return std::to_string(n) + " " + std::string(word) + (n == 1 ? "" : "s");
}

std::string summary_line(const Counts& c, std::size_t files, std::size_t objects,
                         std::size_t bytes) {
  return plural(c.errors, "error") + ", " + plural(c.warnings, "warning") + ", " +
         plural(c.infos, "info") + " in " + plural(files, "file") + ", " +
         plural(objects, "object") + ", " + plural(bytes, "byte");
}

std::string_view fix_of(const Finding& f, const check::Catalog& catalog) {
  if (!f.fix.empty()) return f.fix;
  const check::RuleInfo* rule = catalog.find(f.rule);
  return rule ? rule->fix : std::string_view();
}

std::string_view display_file(std::string_view file) {
  return file == "-" ? "stdin" : file;
}

std::string location_text(const Finding& f) {
  std::string out(display_file(f.file));
  if (out.empty()) out = "(input)";
  if (f.loc.line > 0) {
    out += ":" + std::to_string(f.loc.line);
    if (f.loc.column > 0) out += ":" + std::to_string(f.loc.column);
  }
  return out;
}

std::vector<FileGroup> group_by_file(const std::vector<Finding>& findings) {
  std::vector<FileGroup> files;
  std::map<std::string_view, std::size_t> file_index;
  std::vector<std::map<std::pair<std::string_view, std::string_view>, std::size_t>> object_index;
  for (const Finding& f : findings) {
    auto [fit, new_file] = file_index.emplace(f.file, files.size());
    if (new_file) {
      files.push_back({f.file, {}});
      object_index.emplace_back();
    }
    FileGroup& group = files[fit->second];
    auto& objects = object_index[fit->second];
    auto [oit, new_object] = objects.emplace(
        std::make_pair(std::string_view(f.ns), std::string_view(f.object)), group.objects.size());
    if (new_object) group.objects.push_back({f.object, f.ns, {}});
    group.objects[oit->second].findings.push_back(&f);
  }
  return files;
}

std::vector<const check::RuleInfo*> rules_used(const std::vector<Finding>& findings,
                                               const check::Catalog& catalog) {
  std::set<std::string_view> used;
  for (const Finding& f : findings)
    used.insert(f.rule);
  std::vector<const check::RuleInfo*> out;
  for (const check::RuleInfo& r : catalog.rules())
    if (used.count(r.id)) out.push_back(&r);
  return out;
}

namespace {

void append_code_point(std::string& out, long cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

constexpr long kReplacement = 0xFFFD;

bool is_ascii(std::string_view text) {
  for (char c : text)
    if (static_cast<unsigned char>(c) >= 0x80) return false;
  return true;
}

template <typename OnCodePoint> void each_code_point(std::string_view text, OnCodePoint&& on) {
  for (std::size_t i = 0; i < text.size();) {
    long cp = yaml::quote::decode_utf8(text, i);
    on(cp < 0 ? kReplacement : cp);
  }
}

} // namespace

std::string valid_utf8(std::string_view text) {
  if (is_ascii(text)) return std::string(text);
  std::string out;
  out.reserve(text.size());
  each_code_point(text, [&](long cp) { append_code_point(out, cp); });
  return out;
}

std::string printable(std::string_view text) {
  // Common case: printable ASCII only, nothing to decode or escape.
  bool plain = true;
  for (char c : text) {
    auto b = static_cast<unsigned char>(c);
    if (b < 0x20 || b >= 0x7F) {
      plain = false;
      break;
    }
  }
  if (plain) return std::string(text);
  static const char hex[] = "0123456789abcdef";
  std::string out;
  out.reserve(text.size());
  each_code_point(text, [&](long cp) {
    if (cp == '\n')
      out += "\\n";
    else if (cp == '\t')
      out += "\\t";
    else if (cp == '\r')
      out += "\\r";
    else if (cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp < 0xA0)) {
      out += "\\x";
      out += hex[(cp >> 4) & 0xF];
      out += hex[cp & 0xF];
    } else {
      append_code_point(out, cp);
    }
  });
  return out;
}

} // namespace berth::report
