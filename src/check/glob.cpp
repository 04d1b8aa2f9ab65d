// Glob matching for exclude patterns: segment-wise so `**` can stand for any number of
// directories while `*` stays within one (what users expect from .gitignore and CI configs).
#include "check/glob.h"

#include <vector>

namespace berth::check {

namespace {

std::string_view strip_dot_slash(std::string_view s) {
  while (s.substr(0, 2) == "./")
    s.remove_prefix(2);
  return s;
}

std::vector<std::string_view> segments(std::string_view s) {
  std::vector<std::string_view> out;
  std::size_t start = 0;
  while (start <= s.size()) {
    std::size_t slash = s.find('/', start);
    if (slash == std::string_view::npos) slash = s.size();
    if (slash > start) out.push_back(s.substr(start, slash - start)); // "a//b" == "a/b"
    start = slash + 1;
  }
  return out;
}

// `[...]` at p[0]; sets `next` past the class. An unterminated '[' is a literal.
bool match_class(std::string_view p, char c, std::size_t& next) {
  std::size_t i = 1;
  bool negate = i < p.size() && (p[i] == '!' || p[i] == '^');
  if (negate) ++i;
  bool matched = false;
  std::size_t first = i;
  for (; i < p.size() && (p[i] != ']' || i == first); ++i) {
    if (i + 2 < p.size() && p[i + 1] == '-' && p[i + 2] != ']') {
      if (p[i] <= c && c <= p[i + 2]) matched = true;
      i += 2;
    } else if (p[i] == c) {
      matched = true;
    }
  }
  if (i >= p.size()) { // no closing ']': the '[' is an ordinary character
    next = 1;
    return c == '[';
  }
  next = i + 1;
  return matched != negate;
}

// One segment: `*`, `?`, classes; backtracking over the last `*` only (linear enough for paths).
bool match_segment(std::string_view p, std::string_view s) {
  std::size_t pi = 0, si = 0;
  std::size_t star = std::string_view::npos, star_si = 0;
  while (si < s.size()) {
    if (pi < p.size() && p[pi] == '*') {
      star = ++pi;
      star_si = si;
      continue;
    }
    if (pi < p.size()) {
      std::size_t next = 1;
      bool ok = p[pi] == '?'   ? true
                : p[pi] == '[' ? match_class(p.substr(pi), s[si], next)
                               : p[pi] == s[si];
      if (ok) {
        pi += next;
        ++si;
        continue;
      }
    }
    if (star == std::string_view::npos) return false;
    pi = star;
    si = ++star_si;
  }
  while (pi < p.size() && p[pi] == '*')
    ++pi;
  return pi == p.size();
}

bool match_from(const std::vector<std::string_view>& p, std::size_t pi,
                const std::vector<std::string_view>& s, std::size_t si) {
  while (pi < p.size()) {
    if (p[pi] == "**") {
      while (pi + 1 < p.size() && p[pi + 1] == "**")
        ++pi;
      if (pi + 1 == p.size()) return true; // trailing `**`: everything below
      for (std::size_t k = si; k <= s.size(); ++k)
        if (match_from(p, pi + 1, s, k)) return true;
      return false;
    }
    if (si == s.size() || !match_segment(p[pi], s[si])) return false;
    ++pi;
    ++si;
  }
  return si == s.size();
}

} // namespace

bool glob_match(std::string_view pattern, std::string_view path) {
  pattern = strip_dot_slash(pattern);
  bool anchored = pattern.find('/') != std::string_view::npos;
  auto p = segments(pattern);
  if (p.empty()) return false;
  if (!anchored) p.insert(p.begin(), "**"); // `*.gen.yaml` / `vendor`: at any depth
  auto s = segments(strip_dot_slash(path));
  // A pattern naming a directory excludes what is below it (`vendor`, `charts/*`).
  for (std::size_t n = 1; n <= s.size(); ++n) {
    std::vector<std::string_view> prefix(s.begin(), s.begin() + static_cast<std::ptrdiff_t>(n));
    if (match_from(p, 0, prefix, 0)) return true;
  }
  return false;
}

} // namespace berth::check
