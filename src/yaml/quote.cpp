// When a string must be quoted (YAML 1.1 and 1.2 readers alike), and how quoted text is escaped.
#include "yaml/quote.h"

#include <array>

#include "common/error.h"
#include "yaml/emit.h"

namespace berth::yaml {

namespace quote {

long decode_utf8(std::string_view s, std::size_t& i) {
  auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
  unsigned char c = byte(i);
  if (c < 0x80) {
    ++i;
    return c;
  }
  std::size_t len = 0;
  long cp = 0, min = 0;
  if ((c & 0xE0) == 0xC0) len = 2, cp = c & 0x1F, min = 0x80;
  else if ((c & 0xF0) == 0xE0) len = 3, cp = c & 0x0F, min = 0x800;
  else if ((c & 0xF8) == 0xF0) len = 4, cp = c & 0x07, min = 0x10000;
  else {
    ++i;
    return -1;
  }
  if (i + len > s.size()) {
    ++i;
    return -1;
  }
  for (std::size_t k = 1; k < len; ++k) {
    unsigned char cc = byte(i + k);
    if ((cc & 0xC0) != 0x80) {
      ++i;
      return -1;
    }
    cp = (cp << 6) | (cc & 0x3F);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
    ++i;
    return -1;
  }
  i += len;
  return cp;
}

bool is_utf8(std::string_view text) {
  for (std::size_t i = 0; i < text.size();)
    if (decode_utf8(text, i) < 0) return false;
  return true;
}

namespace {

// Code points that are printable in both YAML versions and no line break in either.
bool printable(long cp) {
  if (cp < 0) return false;
  if (cp >= 0x20 && cp <= 0x7E) return true;
  if (cp < 0xA0) return false; // C0, DEL, C1 (incl. NEL, a 1.1 line break)
  if (cp == 0x2028 || cp == 0x2029) return false; // 1.1 line/paragraph separators
  if (cp == 0xFEFF || cp == 0xFFFE || cp == 0xFFFF) return false;
  return true;
}

} // namespace

bool all_printable(std::string_view text, bool allow_newline, bool allow_tab) {
  for (std::size_t i = 0; i < text.size();) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) { // fast path for ASCII
      ++i;
      if (c >= 0x20 && c < 0x7F) continue;
      if ((c == '\n' && allow_newline) || (c == '\t' && allow_tab)) continue;
      return false;
    }
    if (!printable(decode_utf8(text, i))) return false;
  }
  return true;
}

void append_double_quoted(std::string& out, std::string_view text) {
  static constexpr char hex[] = "0123456789ABCDEF";
  out += '"';
  for (std::size_t i = 0; i < text.size();) {
    std::size_t start = i;
    unsigned char c = static_cast<unsigned char>(text[i]);
    long cp = c < 0x80 ? (++i, c) : decode_utf8(text, i);
    if (cp < 0)
      throw Error("cannot emit a string holding invalid UTF-8 (byte 0x" +
                  std::string{hex[c >> 4], hex[c & 15]} + " at offset " + std::to_string(start) +
                  ")");
    switch (cp) {
    case '"': out += "\\\""; continue;
    case '\\': out += "\\\\"; continue;
    case '\0': out += "\\0"; continue;
    case '\a': out += "\\a"; continue;
    case '\b': out += "\\b"; continue;
    case '\t': out += "\\t"; continue;
    case '\n': out += "\\n"; continue;
    case '\v': out += "\\v"; continue;
    case '\f': out += "\\f"; continue;
    case '\r': out += "\\r"; continue;
    case 0x1B: out += "\\e"; continue;
    case 0x85: out += "\\N"; continue;
    case 0x2028: out += "\\L"; continue;
    case 0x2029: out += "\\P"; continue;
    default: break;
    }
    if (printable(cp)) {
      out.append(text.substr(start, i - start));
    } else if (cp <= 0xFF) {
      out += "\\x";
      out += hex[(cp >> 4) & 15];
      out += hex[cp & 15];
    } else {
      out += "\\u";
      for (int shift = 12; shift >= 0; shift -= 4) out += hex[(cp >> shift) & 15];
    }
  }
  out += '"';
}

bool literal_ok(std::string_view text) {
  if (text.find('\n') == std::string_view::npos) return false;
  if (text.find_first_not_of(" \t\n") == std::string_view::npos) return false;
  return all_printable(text, true, true);
}

bool literal_needs_indicator(std::string_view text) {
  // Auto-detection takes the indentation of the first non-empty line; a leading space there
  // (or a spaces-only line before it) would be read as indentation, and libyaml (so go-yaml,
  // PyYAML) rejects a tab right after the indentation while it is still detecting.
  std::size_t i = text.find_first_not_of('\n');
  return i != std::string_view::npos && (text[i] == ' ' || text[i] == '\t');
}

} // namespace quote

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_hex(char c) { return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }

// Words some YAML 1.1 or 1.2 reader resolves to a bool or null (go-yaml v2 includes y/n).
bool is_reserved_word(std::string_view s) {
  static constexpr std::array<std::string_view, 28> words = {
      "y",  "Y",  "yes",  "Yes",   "YES",   "n",   "N",   "no",   "No",   "NO",
      "true", "True", "TRUE", "false", "False", "FALSE", "on",  "On",   "ON",   "off",
      "Off", "OFF", "null", "Null",  "NULL",  "~",   "<<",  "="};
  for (std::string_view w : words)
    if (s == w) return true;
  return false;
}

// Only [0-9_] with at least one digit.
bool digits_underscores(std::string_view s) {
  bool digit = false;
  for (char c : s) {
    if (is_digit(c)) digit = true;
    else if (c != '_') return false;
  }
  return digit;
}

// Mantissa of a 1.1/1.2 number: [0-9_]* with at most one '.', holding a digit or a '.'
// (PyYAML's float pattern accepts "._5"; "1." and ".5" are floats in both versions).
bool number_mantissa(std::string_view s) {
  if (s.empty() || s == ".") return false;
  std::size_t dots = 0;
  bool digit = false;
  for (char c : s) {
    if (c == '.') ++dots;
    else if (is_digit(c)) digit = true;
    else if (c != '_') return false;
  }
  return dots <= 1 && (digit || dots == 1);
}

// Conservative superset of every int/float/sexagesimal/timestamp form of YAML 1.1 and 1.2
// (and of what go-yaml v2 accepts through strconv): false positives only cost a pair of quotes.
bool looks_numeric(std::string_view s) {
  // Timestamps: 2001-12-14, 2001-12-14t21:59:43.10-05:00, 2001-12-14 21:59:43.10 -5.
  if (s.size() >= 6 && is_digit(s[0]) && is_digit(s[1]) && is_digit(s[2]) && is_digit(s[3]) &&
      s[4] == '-' && is_digit(s[5]))
    return true;
  if (!s.empty() && (s[0] == '+' || s[0] == '-')) s.remove_prefix(1);
  if (s.empty()) return false;
  // .inf / .nan in any capitalization.
  if (s.size() == 4 && s[0] == '.') {
    std::string lower;
    for (char c : s.substr(1)) lower += static_cast<char>(c | 0x20);
    if (lower == "inf" || lower == "nan") return true;
  }
  // 0x1F, 0o17, 0b101 (underscores allowed by 1.1 and go-yaml).
  if (s.size() > 2 && s[0] == '0' && std::string_view("xXoObB").find(s[1]) != std::string_view::npos) {
    bool all = true;
    for (char c : s.substr(2)) all = all && (is_hex(c) || c == '_');
    if (all) return true;
  }
  // Sexagesimal: 1:30, 190:20:30, 1:30.5 (any digit groups: "22:22" is 1342 in YAML 1.1).
  if (std::size_t colon = s.find(':'); colon != std::string_view::npos) {
    if (!is_digit(s[0])) return false;
    std::string_view rest = s;
    std::size_t dot = rest.find('.');
    if (dot != std::string_view::npos) {
      if (!digits_underscores(rest.substr(dot + 1)) && dot + 1 != rest.size()) return false;
      rest = rest.substr(0, dot);
    }
    while (!rest.empty()) {
      std::size_t c = rest.find(':');
      if (!digits_underscores(rest.substr(0, c))) return false;
      rest = c == std::string_view::npos ? std::string_view() : rest.substr(c + 1);
      if (c != std::string_view::npos && rest.empty()) return false;
    }
    return true;
  }
  // Ints and floats: 1_000, 0755, 1.10, .5, 1., 1e3, 1.5E-3.
  std::size_t e = s.find_first_of("eE");
  if (e == std::string_view::npos) return number_mantissa(s);
  std::string_view mant = s.substr(0, e), exp = s.substr(e + 1);
  if (!exp.empty() && (exp[0] == '+' || exp[0] == '-')) exp.remove_prefix(1);
  return number_mantissa(mant) && mant.find_first_of("0123456789") != std::string_view::npos &&
         digits_underscores(exp);
}

} // namespace

namespace {
// Bytes the scan below must look at more closely: controls, DEL, non-ASCII, ':' and ' '.
constexpr std::array<bool, 256> kLooksCloser = [] {
  std::array<bool, 256> t{};
  for (int c = 0; c < 256; ++c)
    t[c] = c < 0x20 || c >= 0x7F || c == ':' || c == ' ';
  return t;
}();
} // namespace

bool needs_quotes(std::string_view s) {
  if (s.empty()) return true;
  // One pass for what can hide anywhere: control and non-printable characters (tabs, line
  // breaks, BOM, invalid UTF-8), ": " or a trailing ':', and " #".
  const std::size_t n = s.size();
  for (std::size_t i = 0; i < n;) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (!kLooksCloser[c]) { // most bytes: one table load instead of four comparisons
      ++i;
      continue;
    }
    if (c >= 0x80) { // rare: decode and check the one code point
      std::size_t j = i;
      if (quote::decode_utf8(s, j) < 0 || !quote::all_printable(s.substr(i, j - i), false, false))
        return true;
      i = j;
      continue;
    }
    if (c < 0x20 || c == 0x7F) return true;
    if (c == ':' && (i + 1 == n || s[i + 1] == ' ')) return true;
    if (c == ' ' && (i == 0 || i + 1 == n || s[i + 1] == '#')) return true;
    ++i;
  }
  if (n <= 5 && is_reserved_word(s)) return true;
  char f = s.front();
  if (((f >= '0' && f <= '9') || f == '-' || f == '+' || f == '.') && looks_numeric(s)) return true;
  if (s.starts_with("---") || s.starts_with("...")) return true;
  switch (f) {
  case '-': // "-x" is a plain scalar; "-", "- x" start a sequence entry
    return n == 1 || s[1] == ' ';
  case '?': case ':': case ',': case '[': case ']': case '{': case '}': case '#': case '&':
  case '*': case '!': case '|': case '>': case '\'': case '"': case '%': case '@': case '`':
    return true;
  default: return false;
  }
}

} // namespace berth::yaml
