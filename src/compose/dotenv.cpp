// Dotenv parsing following compose-go v2's dotenv parser (see dotenv.h for the rules).
#include "compose/dotenv.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace berth::compose {
namespace {

bool is_inline_space(char c) { // compose's isSpace: whitespace that is not a line break
  return c == ' ' || c == '\t' || c == '\v' || c == '\f' || c == '\r';
}
bool is_space(char c) { return is_inline_space(c) || c == '\n'; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_key_char(char c) {
  // compose accepts Unicode letters and digits plus _ . - [ ]; bytes >= 0x80 are UTF-8 letters.
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || is_digit(c) || c == '_' ||
         c == '.' || c == '-' || c == '[' || c == ']' || static_cast<unsigned char>(c) >= 0x80;
}

void append_utf8(std::string& out, unsigned cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else { // octal escapes reach at most 0377, so two bytes suffice
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

// Shell-style escapes of a double-quoted value. `\$` becomes `$$` so that the interpolation
// that follows yields a literal `$`. Unknown escapes (`\x07`, `\ `) are kept verbatim.
std::string expand_escapes(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '\\' || i + 1 >= s.size()) {
      out += s[i];
      continue;
    }
    char c = s[i + 1];
    const char* simple = nullptr;
    switch (c) {
    case 'a': simple = "\a"; break;
    case 'b': simple = "\b"; break;
    case 'f': simple = "\f"; break;
    case 'n': simple = "\n"; break;
    case 'r': simple = "\r"; break;
    case 't': simple = "\t"; break;
    case 'v': simple = "\v"; break;
    case '"': simple = "\""; break;
    case '\\': simple = "\\"; break;
    case '$': simple = "$$"; break;
    default: break;
    }
    if (simple) {
      out += simple;
      ++i;
      continue;
    }
    if (c == '0') {
      // `\0ooo`: exactly three octal digits (value <= 0377); other digit runs stay verbatim.
      std::size_t j = i + 2;
      while (j < s.size() && j < i + 5 && is_digit(s[j])) ++j;
      std::string_view digits = s.substr(i + 2, j - i - 2);
      bool octal = digits.size() == 3 && std::all_of(digits.begin(), digits.end(),
                                                      [](char d) { return d <= '7'; });
      unsigned value = 0;
      for (char d : digits) value = value * 8 + static_cast<unsigned>(d - '0');
      if (octal && value <= 0377) append_utf8(out, value);
      else out.append(s.substr(i, j - i));
      i = j - 1;
      continue;
    }
    out += '\\'; // `\c` and friends: compose leaves them untouched
  }
  return out;
}

class Parser {
public:
  Parser(std::string_view text, const std::string& name, const Environment& lookup)
      : text_(text), file_(intern(name)), lookup_(lookup), scope_(lookup) {
    if (text_.substr(0, 3) == "\xEF\xBB\xBF") pos_ = 3; // UTF-8 BOM, as editors on Windows add
    line_starts_.push_back(pos_);
    for (std::size_t i = 0; i < text_.size(); ++i)
      if (text_[i] == '\n') line_starts_.push_back(i + 1);
  }

  std::vector<EnvFileEntry> parse() {
    while (next_statement()) statement();
    return std::move(entries_);
  }

private:
  Location loc(std::size_t at) const {
    // Lines and columns are counted in bytes, 1-based; a BOM does not shift columns.
    auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), at);
    std::size_t line = static_cast<std::size_t>(it - line_starts_.begin());
    std::size_t start = line_starts_[line - 1];
    return Location{file_, static_cast<unsigned>(line), static_cast<unsigned>(at - start + 1)};
  }
  std::string_view line_at(std::size_t at) const {
    std::size_t end = text_.find('\n', at);
    std::string_view line = text_.substr(at, end == std::string_view::npos ? end : end - at);
    while (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    return line;
  }

  // Skips blank space and `#` comment lines; false at the end of the text.
  bool next_statement() {
    while (pos_ < text_.size()) {
      if (is_space(text_[pos_])) {
        ++pos_;
      } else if (text_[pos_] == '#') {
        std::size_t nl = text_.find('\n', pos_);
        pos_ = nl == std::string_view::npos ? text_.size() : nl;
      } else {
        return true;
      }
    }
    return false;
  }

  void statement() {
    std::size_t start = pos_;
    if (text_.substr(pos_, 6) == "export" && pos_ + 6 < text_.size() &&
        (text_[pos_ + 6] == ' ' || text_[pos_ + 6] == '\t')) {
      pos_ += 6;
      while (pos_ < text_.size() && is_inline_space(text_[pos_])) ++pos_;
    }
    std::size_t key_start = pos_;
    std::size_t term = pos_;
    for (; term < text_.size(); ++term) {
      char c = text_[term];
      if (c == '=' || c == ':' || c == '\n') break; // `KEY: value` is accepted as in compose
      if (is_inline_space(c) || is_key_char(c)) continue;
      throw Error(loc(term), std::string("unexpected character '") + c +
                                 "' in variable name \"" + std::string(line_at(start)) +
                                 "\" (expected KEY=value)");
    }
    std::string_view key = text_.substr(key_start, term - key_start);
    while (!key.empty() && is_inline_space(key.back())) key.remove_suffix(1);
    Location where = loc(key_start);
    if (key.find_first_of(" \t\v\f\r") != std::string_view::npos)
      throw Error(where, "key cannot contain a space: \"" + std::string(key) + "\"");
    if (key.empty())
      throw Error(where, "missing variable name before '" + std::string(1, text_[term]) + "'");

    if (term >= text_.size() || text_[term] == '\n') {
      // A bare KEY takes its value from the environment. compose-go mis-parses a bare key on
      // the last line without a newline; we treat it like any other bare key.
      pos_ = term;
      auto it = lookup_.find(key);
      if (it != lookup_.end()) add(std::string(key), it->second, true, where);
      else add(std::string(key), "", false, where);
      return;
    }

    pos_ = term + 1;
    while (pos_ < text_.size() && is_inline_space(text_[pos_])) ++pos_;
    std::string value;
    if (pos_ < text_.size() && (text_[pos_] == '"' || text_[pos_] == '\'')) {
      value = quoted();
    } else {
      std::size_t value_start = pos_;
      std::size_t nl = text_.find('\n', pos_);
      std::size_t end = nl == std::string_view::npos ? text_.size() : nl;
      std::string_view raw = text_.substr(value_start, end - value_start);
      std::size_t comment = raw.find(" #"); // only ` #` starts an inline comment
      if (comment != std::string_view::npos) raw = raw.substr(0, comment);
      while (!raw.empty() && is_inline_space(raw.back())) raw.remove_suffix(1);
      value = expand(raw, value_start);
      pos_ = end;
    }
    // A file value never overrides the lookup environment for later interpolation: compose
    // resolves ${VAR} in the lookup first, then in earlier keys of the file.
    add(std::string(key), std::move(value), true, where);
  }

  std::string quoted() {
    std::size_t open = pos_;
    char quote = text_[open];
    std::string raw;
    bool escaped = false;
    std::size_t i = open + 1;
    for (; i < text_.size(); ++i) {
      char c = text_[i];
      if (escaped) {
        escaped = false;
        if (c != quote) raw += '\\'; // only the escaped quote loses its backslash here
        raw += c;
      } else if (c == '\\') {
        escaped = true;
      } else if (c == quote) {
        break;
      } else {
        raw += c;
      }
    }
    if (i >= text_.size())
      throw Error(loc(open), "unterminated quoted value " + std::string(line_at(open)));
    pos_ = i + 1;
    // compose would read anything after the closing quote as the next statement; we only accept
    // a comment or the end of the line so such text is not silently reinterpreted.
    std::size_t after = pos_;
    while (after < text_.size() && is_inline_space(text_[after])) ++after;
    if (after < text_.size() && text_[after] != '\n' && text_[after] != '#')
      throw Error(loc(after), "unexpected text after closing quote: \"" +
                                  std::string(line_at(after)) + "\"");
    if (quote == '\'') return raw;
    return expand(expand_escapes(raw), open + 1);
  }

  std::string expand(std::string_view value, std::size_t at) const {
    if (value.find('$') == std::string_view::npos) return std::string(value);
    return interpolate(value, scope_, loc(at));
  }

  void add(std::string key, std::string value, bool has_value, const Location& where) {
    if (has_value && !lookup_.count(key)) scope_[key] = value;
    // A repeated key keeps its first position and takes the last value, like compose's map.
    for (auto& e : entries_)
      if (e.key == key) {
        e.value = std::move(value);
        e.has_value = has_value;
        e.where = where;
        return;
      }
    entries_.push_back(EnvFileEntry{std::move(key), std::move(value), has_value, where});
  }

  std::string_view text_;
  const std::string* file_;
  const Environment& lookup_;
  Environment scope_; // lookup, plus the file's own keys that lookup lacks
  std::size_t pos_ = 0;
  std::vector<std::size_t> line_starts_; // offset of each line, for locations
  std::vector<EnvFileEntry> entries_;
};

} // namespace

std::vector<EnvFileEntry> parse_env_file(std::string_view text, const std::string& name,
                                         const Environment& lookup) {
  return Parser(text, name, lookup).parse();
}

std::vector<EnvFileEntry> read_env_file(const std::string& path, const Environment& lookup,
                                        bool required) {
  namespace fs = std::filesystem;
  std::error_code ec;
  auto status = fs::status(path, ec);
  if (!fs::exists(status)) {
    if (!required) return {};
    throw Error(Location{intern(path)}, "env file " + path + " not found");
  }
  if (fs::is_directory(status))
    throw Error(Location{intern(path)}, "env file " + path + " is a directory");
  std::ifstream in(path, std::ios::binary);
  if (!in.is_open()) throw Error(Location{intern(path)}, "cannot read env file " + path);
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return parse_env_file(buffer.str(), path, lookup);
}

} // namespace berth::compose
