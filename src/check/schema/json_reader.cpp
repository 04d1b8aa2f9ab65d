// Recursive-descent JSON reader that tracks lines for error and node locations.
#include "check/schema/json_reader.h"

#include <cstring>
#include <unordered_set>

#include "common/error.h"

namespace berth::check::schema {

namespace {

class Reader {
public:
  Reader(std::string_view text, const std::string& file, const JsonReadOptions& options)
      : s_(text), file_(intern(file)), options_(options) {}

  yaml::Node document() {
    space();
    yaml::Node root = value(0);
    space();
    if (i_ < s_.size()) fail("unexpected text after the JSON value");
    return root;
  }

private:
  std::string_view s_;
  const std::string* file_;
  const JsonReadOptions& options_;
  std::size_t i_ = 0;
  unsigned line_ = 1;
  std::size_t line_start_ = 0;

  Location here() const {
    return Location{file_, line_, static_cast<unsigned>(i_ - line_start_ + 1)};
  }
  [[noreturn]] void fail(const std::string& message) const { throw Error(here(), message); }

  void space() {
    while (i_ < s_.size()) {
      char c = s_[i_];
      if (c == '\n') {
        ++line_;
        line_start_ = ++i_;
      } else if (c == ' ' || c == '\t' || c == '\r') {
        ++i_;
      } else {
        break;
      }
    }
  }

  void expect(char c, const char* what) {
    space();
    if (i_ >= s_.size() || s_[i_] != c) fail(std::string("expected ") + what);
    ++i_;
  }

  // `names`: the value is a map of names (properties, definitions), not a schema.
  yaml::Node value(std::size_t depth, bool names = false) {
    if (depth > options_.max_depth)
      fail("JSON nested deeper than " + std::to_string(options_.max_depth));
    space();
    if (i_ >= s_.size()) fail("unexpected end of JSON");
    Location at = here();
    yaml::Node n;
    switch (s_[i_]) {
    case '{':
      n = object(depth, names);
      break;
    case '[':
      n = array(depth);
      break;
    case '"':
      n = yaml::Node::str(string());
      break;
    case 't':
      n = literal("true");
      break;
    case 'f':
      n = literal("false");
      break;
    case 'n':
      n = literal("null");
      break;
    default:
      if (s_[i_] == '-' || (s_[i_] >= '0' && s_[i_] <= '9')) {
        n = yaml::Node::plain(std::string(number()));
        break;
      }
      fail("expected a JSON value");
    }
    n.set_loc(at);
    return n;
  }

  yaml::Node literal(const char* word) {
    std::size_t len = std::strlen(word);
    if (s_.substr(i_, len) != word) fail("expected a JSON value");
    i_ += len;
    return yaml::Node::plain(word);
  }

  std::string_view number() {
    std::size_t start = i_;
    auto malformed = [&](const char* why) {
      i_ = start; // point at the number, not past it
      fail(why);
    };
    if (s_[i_] == '-') ++i_;
    auto digits = [&] {
      std::size_t d = i_;
      while (i_ < s_.size() && s_[i_] >= '0' && s_[i_] <= '9')
        ++i_;
      return i_ - d;
    };
    std::size_t first = i_;
    std::size_t n = digits();
    if (n == 0) malformed("malformed number");
    if (n > 1 && s_[first] == '0') malformed("malformed number (leading zero)");
    if (i_ < s_.size() && s_[i_] == '.') {
      ++i_;
      if (digits() == 0) malformed("malformed number");
    }
    if (i_ < s_.size() && (s_[i_] == 'e' || s_[i_] == 'E')) {
      ++i_;
      if (i_ < s_.size() && (s_[i_] == '+' || s_[i_] == '-')) ++i_;
      if (digits() == 0) malformed("malformed number");
    }
    return s_.substr(start, i_ - start);
  }

  static void utf8(std::string& out, unsigned cp) {
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

  unsigned hex4() {
    if (i_ + 4 > s_.size()) fail("truncated \\u escape");
    unsigned v = 0;
    for (int k = 0; k < 4; ++k) {
      char c = s_[i_++];
      v <<= 4;
      if (c >= '0' && c <= '9')
        v |= c - '0';
      else if (c >= 'a' && c <= 'f')
        v |= c - 'a' + 10;
      else if (c >= 'A' && c <= 'F')
        v |= c - 'A' + 10;
      else
        fail("malformed \\u escape");
    }
    return v;
  }

  // At the opening quote; returns the decoded string.
  std::string string() {
    ++i_;
    std::string out;
    std::size_t run = i_;
    while (true) {
      if (i_ >= s_.size()) fail("unterminated string");
      char c = s_[i_];
      if (c == '"') {
        out.append(s_.substr(run, i_ - run));
        ++i_;
        return out;
      }
      if (static_cast<unsigned char>(c) < 0x20) fail("control character in a string");
      if (c != '\\') {
        ++i_;
        continue;
      }
      out.append(s_.substr(run, i_ - run));
      ++i_;
      if (i_ >= s_.size()) fail("unterminated string");
      char e = s_[i_++];
      switch (e) {
      case '"':
        out += '"';
        break;
      case '\\':
        out += '\\';
        break;
      case '/':
        out += '/';
        break;
      case 'b':
        out += '\b';
        break;
      case 'f':
        out += '\f';
        break;
      case 'n':
        out += '\n';
        break;
      case 'r':
        out += '\r';
        break;
      case 't':
        out += '\t';
        break;
      case 'u': {
        unsigned cp = hex4();
        if (cp >= 0xD800 && cp < 0xDC00) {
          if (s_.substr(i_, 2) != "\\u") fail("unpaired surrogate in \\u escape");
          i_ += 2;
          unsigned low = hex4();
          if (low < 0xDC00 || low >= 0xE000) fail("unpaired surrogate in \\u escape");
          cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
        } else if (cp >= 0xDC00 && cp < 0xE000) {
          fail("unpaired surrogate in \\u escape");
        }
        utf8(out, cp);
        break;
      }
      default:
        fail(std::string("unknown escape \\") + e);
      }
      run = i_;
    }
  }

  // Skips a string without decoding it (descriptions: most of an OpenAPI document's bytes).
  void skip_string() {
    ++i_;
    while (true) {
      const void* q = std::memchr(s_.data() + i_, '"', s_.size() - i_);
      if (!q) fail("unterminated string");
      std::size_t end = static_cast<const char*>(q) - s_.data();
      std::size_t backslashes = 0;
      while (end - backslashes > i_ && s_[end - backslashes - 1] == '\\')
        ++backslashes;
      i_ = end + 1;
      if (backslashes % 2 == 0) return;
    }
  }

  // Skips any value: strings without decoding, the rest parsed (validated) and dropped.
  void skip_value(std::size_t depth) {
    space();
    if (i_ < s_.size() && s_[i_] == '"') return skip_string();
    (void)value(depth);
  }

  static bool annotation(std::string_view key) {
    return key == "description" || key == "default" || key == "example" || key == "externalDocs" ||
           key == "x-kubernetes-patch-strategy" || key == "x-kubernetes-patch-merge-key" ||
           key == "x-kubernetes-list-type" || key == "x-kubernetes-list-map-keys" ||
           key == "x-kubernetes-map-type" || key == "x-kubernetes-unions" ||
           key == "x-kubernetes-validations";
  }

  yaml::Node object(std::size_t depth, bool names) {
    ++i_;
    yaml::Node n = yaml::Node::mapping();
    std::unordered_set<std::string> seen; // duplicate check for large objects (no O(n²))
    space();
    if (i_ < s_.size() && s_[i_] == '}') {
      ++i_;
      return n;
    }
    while (true) {
      space();
      if (i_ >= s_.size() || s_[i_] != '"') fail("expected a string key");
      Location key_at = here();
      std::size_t key_pos = i_;
      std::string key = string();
      expect(':', "':' after an object key");
      space();
      bool skip = false;
      if (options_.skip_annotations && !names && annotation(key)) {
        skip_value(depth + 1);
        skip = true;
      } else if (options_.skip_paths && depth == 0 && key == "paths") {
        skip_value(depth + 1);
        skip = true;
      }
      if (!skip) {
        if (n.size() == 32 && seen.empty())
          for (const yaml::Entry& e : n.entries())
            seen.insert(e.key.value());
        bool duplicate = n.size() < 32 ? n.find(key) != nullptr : !seen.insert(key).second;
        if (duplicate) {
          i_ = key_pos;
          line_ = key_at.line;
          line_start_ = key_pos - (key_at.column - 1);
          fail("duplicate key \"" + key + "\"");
        }
        bool map_of_names =
            !names && (key == "properties" || key == "definitions" || key == "patternProperties");
        yaml::Node k = yaml::Node::str(std::move(key));
        k.set_loc(key_at);
        yaml::Node v = value(depth + 1, map_of_names);
        n.add(std::move(k), std::move(v));
      }
      space();
      if (i_ < s_.size() && s_[i_] == ',') {
        ++i_;
        continue;
      }
      if (i_ < s_.size() && s_[i_] == '}') {
        ++i_;
        return n;
      }
      fail("expected ',' or '}' in an object");
    }
  }

  yaml::Node array(std::size_t depth) {
    ++i_;
    yaml::Node n = yaml::Node::sequence();
    space();
    if (i_ < s_.size() && s_[i_] == ']') {
      ++i_;
      return n;
    }
    while (true) {
      n.push(value(depth + 1));
      space();
      if (i_ < s_.size() && s_[i_] == ',') {
        ++i_;
        continue;
      }
      if (i_ < s_.size() && s_[i_] == ']') {
        ++i_;
        return n;
      }
      fail("expected ',' or ']' in an array");
    }
  }
};

} // namespace

yaml::Node read_json(std::string_view text, const std::string& file,
                     const JsonReadOptions& options) {
  return Reader(text, file, options).document();
}

} // namespace berth::check::schema
