// Fast reader (see fast_reader.h): recursive descent straight from the text to nodes, no token
// stream. Each construct mirrors what libfyaml + TreeBuilder produce; anything else declines.
#include "yaml/fast_reader.h"

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <deque>
#include <iterator>
#include <vector>

#include "yaml/fast_scan.h"
#include "yaml/key_index.h"

namespace berth::yaml {

namespace {

using namespace fast_scan;

// Thrown inside the reader to give a document back to libfyaml; never leaves FastReader.
struct Decline {
  const char* reason;
};

[[noreturn]] void decline(const char* reason) {
  throw Decline{reason};
}

// The reader recurses once per nested collection; deeper documents go to the libfyaml path,
// whose tree builder keeps nesting on the heap.
constexpr std::size_t kMaxFastDepth = 200;
// YAML limits implicit keys to 1024 characters; libfyaml enforces it, so longer keys decline.
constexpr std::size_t kMaxKeyBytes = 1024;
// `parent` indentation for plain scalars that may not continue on the next line.
constexpr int kNoContinuation = 1 << 30;
// Mappings up to this size check duplicates by a linear scan; larger ones use a KeyIndex.
constexpr std::size_t kSmallMapping = 16;

bool is_flow_indicator(char c) {
  return c == ',' || c == '[' || c == ']' || c == '{' || c == '}';
}

// Plain texts the core schema resolves to null; as keys they would need TreeBuilder's
// null-equality rule, so they decline instead.
bool is_null_text(const std::string& s) {
  switch (s.size()) {
  case 0:
    return true;
  case 1:
    return s[0] == '~';
  case 4:
    return s == "null" || s == "Null" || s == "NULL";
  default:
    return false;
  }
}

void append_utf8(std::string& out, std::uint32_t cp) {
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// Content lines of a literal block scalar being read.
struct LiteralLine {
  const char* begin;
  const char* end;
  std::size_t empties_before;
};

// Per-depth scratch lists, so each collection allocates its final storage once, exactly sized.
// Deques grow with the nesting seen so far without moving the levels already in use. One set
// per thread is reused from reader to reader (a tree of many small files would otherwise grow
// fresh lists for every file); a reader created while another is alive gets its own.
struct Scratch {
  std::deque<std::vector<Entry>> entries;
  std::deque<KeyIndex> keys;
  std::deque<std::vector<Node>> items;
  std::vector<LiteralLine> literal_lines;
  bool in_use = false;

  void clear() {
    for (auto& level : entries)
      level.clear();
    for (auto& level : items)
      level.clear();
    // Do not keep a huge mapping's worth of memory around between readers.
    constexpr std::size_t kKeep = 4096;
    for (auto& level : entries)
      if (level.capacity() > kKeep) std::vector<Entry>().swap(level);
    for (auto& level : items)
      if (level.capacity() > kKeep) std::vector<Node>().swap(level);
    if (literal_lines.capacity() > kKeep) std::vector<LiteralLine>().swap(literal_lines);
  }
};

thread_local Scratch thread_scratch;

} // namespace

struct FastReader::Impl {
  Impl(std::string_view text, const std::string* f, const ParseOptions& o)
      : begin(text.data()), end(text.data() + text.size()), p(begin), ls(begin), file(f),
        options(o), depth_limit(std::min(o.max_depth, kMaxFastDepth)),
        own(thread_scratch.in_use ? std::make_unique<Scratch>() : nullptr),
        scratch(own ? *own : thread_scratch), entry_scratch(scratch.entries),
        key_index(scratch.keys), item_scratch(scratch.items), literal_lines(scratch.literal_lines) {
    scratch.in_use = true;
  }
  ~Impl() {
    scratch.clear();
    scratch.in_use = false;
  }
  Impl(const Impl&) = delete;
  Impl& operator=(const Impl&) = delete;

  const char* begin;
  const char* end;
  const char* p;  // cursor
  const char* ls; // start of the cursor's line
  unsigned line = 1;
  const std::string* file;
  const ParseOptions& options;
  Location last;
  bool peeked = false; // p is at the first non-space of a content line found by peek_line
  int peek_indent = 0;
  std::size_t depth = 0; // open collections
  std::size_t depth_limit;
  std::unique_ptr<Scratch> own; // when the thread's scratch is taken
  Scratch& scratch;
  std::deque<std::vector<Entry>>& entry_scratch;
  std::deque<KeyIndex>& key_index;
  std::deque<std::vector<Node>>& item_scratch;
  std::vector<LiteralLine>& literal_lines;
  const char* reason = "";
  Location decline_at;

  // column()'s resume point: line start, position, continuation bytes before it.
  const char* col_line = nullptr;
  const char* utf8_line = nullptr; // start of the last line where a non-ASCII character was seen
  const char* col_at = nullptr;
  unsigned col_cont = 0;

  // --- positions ------------------------------------------------------------------------

  // libfyaml counts columns in characters: skip UTF-8 continuation bytes. Every byte before a
  // node on its line has been scanned, and scanners pass non-ASCII characters to utf8_char,
  // which marks the line; unmarked lines are ASCII. Nodes of a line are located left to right,
  // so counting resumes where the previous one stopped.
  unsigned column(const char* q) {
    if (utf8_line != ls) return static_cast<unsigned>(q - ls) + 1; // an ASCII line so far
    if (col_line != ls || q < col_at) {
      col_line = ls;
      col_at = ls;
      col_cont = 0;
    }
    unsigned cont = col_cont;
    const char* r = col_at;
    for (; r + 8 <= q; r += 8) {
      std::uint64_t w;
      std::memcpy(&w, r, 8);
      if (!(w & 0x8080808080808080ULL)) continue;
      for (int k = 0; k < 8; ++k)
        cont += (static_cast<unsigned char>(r[k]) & 0xC0) == 0x80;
    }
    for (; r < q; ++r)
      cont += (static_cast<unsigned char>(*r) & 0xC0) == 0x80;
    col_at = q;
    col_cont = cont;
    return static_cast<unsigned>(q - ls) - cont + 1;
  }
  Location loc(const char* q) { return Location{file, line, column(q)}; }

  bool blank_or_end(const char* q) const { return q >= end || *q == ' ' || *q == '\n'; }

  bool is_doc_marker(const char* q) const {
    if (q != ls || end - q < 3) return false;
    if (!((q[0] == '-' && q[1] == '-' && q[2] == '-') ||
          (q[0] == '.' && q[1] == '.' && q[2] == '.')))
      return false;
    return q + 3 == end || q[3] == ' ' || q[3] == '\n' || q[3] == '\t' || q[3] == '\r';
  }

  // Length of the UTF-8 sequence at q (non-ASCII lead byte); declines on characters libfyaml
  // may treat as line breaks or reject (C1 controls incl. NEL, LS, PS, BOM, U+FFFE/FFFF).
  std::size_t utf8_char(const char* q) {
    utf8_line = ls;
    const auto* u = reinterpret_cast<const unsigned char*>(q);
    const unsigned char c = u[0];
    std::size_t len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
    if (c < 0xC2 || c > 0xF4 || static_cast<std::size_t>(end - q) < len) decline("invalid UTF-8");
    for (std::size_t k = 1; k < len; ++k)
      if ((u[k] & 0xC0) != 0x80) decline("invalid UTF-8");
    if (c == 0xC2 && u[1] < 0xA0) decline("C1 control character");
    if (c == 0xE2 && u[1] == 0x80 && (u[2] == 0xA8 || u[2] == 0xA9))
      decline("Unicode line or paragraph separator");
    if (c == 0xEF && ((u[1] == 0xBB && u[2] == 0xBF) || (u[1] == 0xBF && u[2] >= 0xBE)))
      decline("byte order mark or noncharacter");
    return len;
  }

  // Skips a comment from '#' to (not past) the line break, checking its characters.
  void skip_comment() {
    ++p;
    for (;;) {
      p = scan<Scan::Text>(p, end);
      if (p >= end || *p == '\n') return;
      if (static_cast<unsigned char>(*p) >= 0x80) {
        p += utf8_char(p);
        continue;
      }
      decline(*p == '\r' ? "CR line break" : "control character");
    }
  }

  // Finishes the current line after a node: spaces, an optional comment, the line break.
  void finish_line() {
    while (p < end && *p == ' ')
      ++p;
    if (p < end && *p == '#') {
      if (p != ls && p[-1] != ' ') decline("comment not separated by a space");
      skip_comment();
    }
    peeked = false;
    if (p >= end) return;
    if (*p != '\n')
      decline(*p == '\t' ? "tab" : *p == '\r' ? "CR line break" : "content after a node");
    ++p;
    ++line;
    ls = p;
  }

  // From a line start: skips blank and comment lines; leaves p at the first non-space of the
  // next content line and returns its indentation, or -1 at the end of input or at a document
  // marker line ("---" / "..." in column 1).
  int peek_line() {
    if (peeked) return peek_indent;
    for (;;) {
      ls = p;
      p = skip_spaces(p, end);
      if (p >= end) break;
      const char c = *p;
      if (c == '\n') {
        ++p;
        ++line;
        continue;
      }
      if (c == '#') {
        skip_comment();
        if (p < end) {
          ++p;
          ++line;
        }
        continue;
      }
      if (c == '\t') decline("tab in indentation");
      if (c == '\r') decline("CR line break");
      peeked = true;
      const int indent = static_cast<int>(p - ls);
      peek_indent = indent == 0 && is_doc_marker(p) ? -1 : indent;
      return peek_indent;
    }
    peeked = true;
    peek_indent = -1;
    return -1;
  }

  // --- nodes --------------------------------------------------------------------------------

  // The parse functions below fill a fresh node in place (an entry of the open collection's
  // scratch list), which saves moving ~100-byte nodes around.

  // TreeBuilder's empty plain scalar; libfyaml gives it no position, so it takes the previous
  // node's.
  void empty(Node& out) { out.set_loc(last); }

  void scalar(Node& out, std::string&& value, Style style, Location at) {
    if (value.size() > options.max_scalar_bytes) decline("scalar larger than max_scalar_bytes");
    out.set_value(std::move(value));
    out.set_style(style);
    out.set_loc(at);
    last = at;
  }

  void open_collection() {
    if (depth >= depth_limit) decline("nesting deeper than the fast reader's limit");
    if (depth == entry_scratch.size()) {
      entry_scratch.emplace_back();
      key_index.emplace_back();
      item_scratch.emplace_back();
    }
    ++depth;
  }

  void close_mapping(Node& out, Location at) {
    std::vector<Entry>& scratch = entry_scratch[--depth];
    out = Node::mapping();
    out.set_loc(at);
    out.entries().assign(std::make_move_iterator(scratch.begin()),
                         std::make_move_iterator(scratch.end()));
    scratch.clear();
  }

  void close_sequence(Node& out, Location at) {
    std::vector<Node>& scratch = item_scratch[--depth];
    out = Node::sequence();
    out.set_loc(at);
    out.items().assign(std::make_move_iterator(scratch.begin()),
                       std::make_move_iterator(scratch.end()));
    scratch.clear();
  }

  // Checks the key just added at the end of the open mapping against TreeBuilder's duplicate
  // and merge-key rules: whatever it would reject (or merge) declines here.
  void check_key() {
    std::vector<Entry>& entries = entry_scratch[depth - 1];
    const Node& key = entries.back().key;
    const std::size_t before = entries.size() - 1;
    if (key.style() == Style::Plain) {
      if (is_null_text(key.value())) decline("null key");
      if (options.merge_keys && key.value().size() == 2 && key.value() == "<<")
        decline("merge key");
    }
    if (!options.reject_duplicate_keys) return;
    if (before < kSmallMapping) {
      const std::string& text = key.value();
      for (std::size_t i = 0; i < before; ++i) {
        const std::string& other = entries[i].key.value();
        if (other.size() == text.size() && (text.empty() || other[0] == text[0]) && other == text &&
            same_key(entries[i].key, key))
          decline("duplicate key");
      }
      return;
    }
    KeyIndex& index = key_index[depth - 1];
    if (before == kSmallMapping) {
      index.clear();
      for (std::uint32_t i = 0; i < before; ++i)
        index.insert(entries, i);
    }
    if (index.find(entries, key) != KeyIndex::npos) decline("duplicate key");
    index.insert(entries, static_cast<std::uint32_t>(before));
  }

  // --- scalars ------------------------------------------------------------------------------

  // One line of a plain scalar at p in block context; its text is [p at the call, `text_end`).
  // Stops before ": " (a key: returns true, p at the ':'), before " #" or at the line end (p
  // after the last non-space).
  bool plain_block(const char*& text_end) {
    const char* start = p;
    const char c = *p;
    if (c == '-' || c == '?' || c == ':') {
      if (blank_or_end(p + 1)) decline("indicator");
    }
    const char* q = p;
    bool key = false;
    for (;;) {
      q = scan<Scan::BlockPlain>(q, end);
      if (q >= end) break;
      const char s = *q;
      if (s == ':') {
        if (q + 1 >= end || q[1] == ' ' || q[1] == '\n') {
          key = true;
          break;
        }
        ++q;
        continue;
      }
      if (s == '#') {
        if (q[-1] == ' ') break;
        ++q;
        continue;
      }
      if (s == '\n') break;
      if (static_cast<unsigned char>(s) >= 0x80) {
        q += utf8_char(q);
        continue;
      }
      decline(s == '\t' ? "tab" : s == '\r' ? "CR line break" : "control character");
    }
    const char* e = q;
    while (e > start && e[-1] == ' ')
      --e;
    text_end = e;
    p = key ? q : e;
    return key;
  }

  // Plain scalar at p inside a flow collection; p ends after its last non-space character.
  void plain_flow() {
    const char* start = p;
    const char* q = p;
    for (;;) {
      q = scan<Scan::FlowPlain>(q, end);
      if (q >= end) break;
      const char s = *q;
      if (s == ':') {
        if (q + 1 >= end || q[1] == ' ' || q[1] == '\n' || is_flow_indicator(q[1])) break;
        ++q;
        continue;
      }
      if (s == '#') {
        if (q[-1] == ' ') break;
        ++q;
        continue;
      }
      if (s == '\n' || is_flow_indicator(s)) break;
      if (static_cast<unsigned char>(s) >= 0x80) {
        q += utf8_char(q);
        continue;
      }
      decline(s == '\t' ? "tab" : s == '\r' ? "CR line break" : "control character");
    }
    const char* e = q;
    while (e > start && e[-1] == ' ')
      --e;
    p = e;
  }

  // At a line break inside a quoted scalar (p at the '\n'): folds the break and the empty lines
  // after it into `out` — one space, or a newline per empty line; after an escaped break
  // (`escaped`), only the newlines — and leaves p at the next line's first non-space. Bytes of
  // `out` from `trim_from` on are the line's own; its trailing white space is dropped.
  // Continuation lines must be indented more than `parent`.
  void quoted_fold(std::string& out, std::size_t trim_from, int parent, bool escaped) {
    if (parent == kNoContinuation) decline("multi-line quoted scalar in this position");
    while (out.size() > trim_from && (out.back() == ' ' || out.back() == '\t'))
      out.pop_back();
    std::size_t empties = 0;
    for (;;) {
      ++p; // the '\n'
      ++line;
      ls = p;
      const char* q = p;
      while (q < end && *q == ' ')
        ++q;
      if (q >= end) decline("unterminated quoted scalar");
      if (*q == '\n') {
        ++empties;
        p = q;
        continue;
      }
      if (*q == '\t' || *q == '\r') decline("tab or CR in a quoted scalar's continuation");
      if (static_cast<int>(q - ls) <= parent) decline("quoted scalar continuation not indented");
      if (q == ls && is_doc_marker(q)) decline("document marker inside a quoted scalar");
      p = q;
      break;
    }
    if (escaped || empties)
      out.append(empties, '\n');
    else
      out.push_back(' ');
  }

  // Double-quoted scalar at p (the quote); p ends after the closing quote. Returns whether it
  // spans lines (only allowed when `parent` is not kNoContinuation).
  bool double_quoted(std::string& out, int parent) {
    ++p;
    out.clear();
    bool multi = false;
    std::size_t keep = 0; // out[0, keep) must not be trimmed: earlier lines, escapes
    for (;;) {
      const char* run = p;
      p = scan<Scan::DoubleQuoted>(p, end);
      out.append(run, p);
      if (p >= end) decline("unterminated quoted scalar");
      const char c = *p;
      if (c == '"') {
        ++p;
        return multi;
      }
      if (c == '\\') {
        if (p + 1 < end && p[1] == '\n') {
          ++p;
          quoted_fold(out, out.size(), parent, true);
          multi = true;
        } else {
          escape(out);
        }
        keep = out.size();
        continue;
      }
      if (c == '\n') {
        quoted_fold(out, keep, parent, false);
        keep = out.size();
        multi = true;
        continue;
      }
      if (static_cast<unsigned char>(c) >= 0x80) {
        std::size_t len = utf8_char(p);
        out.append(p, len);
        p += len;
        continue;
      }
      decline(c == '\r' ? "CR line break" : "control character in quoted scalar");
    }
  }

  void escape(std::string& out) {
    if (p + 1 >= end) decline("unterminated quoted scalar");
    const char e = p[1];
    p += 2;
    switch (e) {
    case 'a':
      out.push_back('\a');
      return;
    case 'b':
      out.push_back('\b');
      return;
    case 't':
    case '\t':
      out.push_back('\t');
      return;
    case 'n':
      out.push_back('\n');
      return;
    case 'v':
      out.push_back('\v');
      return;
    case 'f':
      out.push_back('\f');
      return;
    case 'r':
      out.push_back('\r');
      return;
    case 'e':
      out.push_back('\x1b');
      return;
    case ' ':
      out.push_back(' ');
      return;
    case '"':
      out.push_back('"');
      return;
    case '/':
      out.push_back('/');
      return;
    case '\\':
      out.push_back('\\');
      return;
    case 'N':
      append_utf8(out, 0x85);
      return;
    case '_':
      append_utf8(out, 0xA0);
      return;
    case 'L':
      append_utf8(out, 0x2028);
      return;
    case 'P':
      append_utf8(out, 0x2029);
      return;
    case 'x':
    case 'u':
    case 'U': {
      const int digits = e == 'x' ? 2 : e == 'u' ? 4 : 8;
      if (end - p < digits) decline("short escape");
      std::uint32_t cp = 0;
      for (int k = 0; k < digits; ++k) {
        int h = hex_value(p[k]);
        if (h < 0) decline("bad escape");
        cp = cp << 4 | static_cast<std::uint32_t>(h);
      }
      p += digits;
      if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
        decline("escape of NUL, a surrogate or beyond Unicode");
      append_utf8(out, cp);
      return;
    }
    default:
      decline("unknown escape");
    }
  }

  // Single-quoted scalar at p (the quote); p ends after the closing quote. Returns whether it
  // spans lines (only allowed when `parent` is not kNoContinuation).
  bool single_quoted(std::string& out, int parent) {
    ++p;
    out.clear();
    bool multi = false;
    std::size_t line_start = 0; // out[line_start, ...) is the current line's text
    for (;;) {
      const char* run = p;
      p = scan<Scan::SingleQuoted>(p, end);
      out.append(run, p);
      if (p >= end) decline("unterminated quoted scalar");
      const char c = *p;
      if (c == '\'') {
        if (p + 1 < end && p[1] == '\'') {
          out.push_back('\'');
          p += 2;
          continue;
        }
        ++p;
        return multi;
      }
      if (c == '\n') {
        quoted_fold(out, line_start, parent, false);
        line_start = out.size();
        multi = true;
        continue;
      }
      if (static_cast<unsigned char>(c) >= 0x80) {
        std::size_t len = utf8_char(p);
        out.append(p, len);
        p += len;
        continue;
      }
      decline(c == '\r' ? "CR line break" : "control character in quoted scalar");
    }
  }

  // A quoted scalar at p; it may span lines more indented than `parent` (see quoted_fold).
  void quoted(Node& out, int parent, bool& multi) {
    const Location at = loc(p);
    std::string value;
    Style style;
    if (*p == '"') {
      multi = double_quoted(value, parent);
      style = Style::DoubleQuoted;
    } else {
      multi = single_quoted(value, parent);
      style = Style::SingleQuoted;
    }
    scalar(out, std::move(value), style, at);
  }

  // After a quoted scalar in block context: true (p past the ':') when a ':' indicator follows.
  bool take_colon() {
    const char* q = p;
    while (q < end && *q == ' ')
      ++q;
    if (q < end && *q == ':' && blank_or_end(q + 1)) {
      p = q + 1;
      return true;
    }
    return false;
  }

  // Folds the continuation lines of a multi-line plain scalar into `text` (YAML 1.2 §7.3.3:
  // a line break is a space, n empty lines are n newlines). Continuation lines are more
  // indented than `parent`; a comment, a less indented line or a document marker ends the
  // scalar. p stays on the scalar's last line, after its text.
  void plain_continuation(std::string& text, int parent) {
    for (;;) {
      const char* q = p;
      while (q < end && *q == ' ')
        ++q;
      if (q >= end || *q != '\n') return; // a comment or the end of input ends the scalar
      const char* r = q + 1;
      const char* s = r;
      std::size_t empties = 0;
      for (;;) {
        s = r;
        r = skip_spaces(r, end);
        if (r < end && *r == '\n') {
          ++empties;
          ++r;
          continue;
        }
        break;
      }
      if (r >= end || *r == '#') return;
      const int indent = static_cast<int>(r - s);
      if (indent <= parent) return;
      if (*r == '\t' || *r == '\r') decline("tab or CR in a plain scalar's continuation");
      if (indent == 0 && (r[0] == '-' || r[0] == '.') && end - r >= 3 && r[1] == r[0] &&
          r[2] == r[0] && (end - r == 3 || r[3] == ' ' || r[3] == '\n' || r[3] == '\t'))
        return; // document marker
      // Indicators are ordinary characters inside a plain scalar, except these two-character ones.
      if ((*r == '-' || *r == '?' || *r == ':') && blank_or_end(r + 1))
        decline("plain scalar continued by an indicator");
      line += 1 + static_cast<unsigned>(empties);
      ls = s;
      p = r;
      const char* part_end = nullptr;
      if (plain_block(part_end)) decline("mapping key in a multi-line plain scalar");
      if (empties)
        text.append(empties, '\n');
      else
        text.push_back(' ');
      text.append(r, part_end);
    }
  }

  // A scalar in block context at p, read into `out`: returns true when it is a mapping key (p
  // past the ':'). A plain scalar that is not a key may continue on lines more indented than
  // `parent`.
  bool block_scalar_or_key(Node& out, int parent) {
    if (*p == '"' || *p == '\'') {
      const char* start = p;
      bool multi = false;
      quoted(out, parent, multi);
      const bool key = take_colon();
      if (key && (multi || static_cast<std::size_t>(p - start) > kMaxKeyBytes))
        decline("multi-line or long quoted key");
      return key;
    }
    switch (*p) {
    case '&':
      decline("anchor");
    case '*':
      decline("alias");
    case '!':
      decline("tag");
    case '>':
      decline("folded scalar");
    case '|':
      decline("block scalar in this position");
    case '%':
      decline("directive or reserved indicator");
    case '@':
    case '`':
      decline("reserved indicator");
    case ',':
    case ']':
    case '}':
    case '[':
    case '{':
      decline("flow indicator");
    case '#':
      decline("comment");
    default:
      break;
    }
    if (*p == '?' && blank_or_end(p + 1)) decline("complex key");
    const char* start = p;
    const Location at = loc(p);
    const char* text_end = nullptr;
    const bool key = plain_block(text_end);
    std::string text(start, text_end);
    if (key) {
      if (text.size() > kMaxKeyBytes) decline("key longer than 1024 bytes");
      ++p; // the ':'
    } else {
      plain_continuation(text, parent);
    }
    scalar(out, std::move(text), Style::Plain, at);
    return key;
  }

  // --- block collections --------------------------------------------------------------------

  // A block node on its own line (p at its first non-space, peeked), more indented than parent.
  void block_node(int parent, Node& out) {
    peeked = false;
    const int indent = static_cast<int>(p - ls);
    const char c = *p;
    if (c == '-' && blank_or_end(p + 1)) return block_sequence(indent, false, out);
    if (c == '[' || c == '{') return flow_line(parent, out);
    if (c == '|') decline("block scalar on its own line");
    if (block_scalar_or_key(out, parent)) return block_mapping(indent, out);
    finish_line();
  }

  // A flow collection that is the rest of a line: nothing but a comment may follow.
  void flow_line(int block_indent, Node& out) {
    flow_collection(block_indent, out);
    const char* q = p;
    while (q < end && *q == ' ')
      ++q;
    if (q < end && *q == ':') decline("flow collection as a key");
    finish_line();
  }

  // The value after "key:" (p just past the ':') of a mapping at `indent`.
  void mapping_value(int indent, Node& out) {
    while (p < end && *p == ' ')
      ++p;
    if (p < end && *p != '\n' && *p != '#') {
      const char c = *p;
      if (c == '[' || c == '{') return flow_line(indent, out);
      if (c == '|') return literal(indent, out);
      if (c == '-' && blank_or_end(p + 1)) decline("block sequence on the key's line");
      if (block_scalar_or_key(out, indent)) decline("mapping on the key's line");
      finish_line();
      return;
    }
    finish_line();
    const int next = peek_line();
    if (next > indent) return block_node(indent, out);
    if (next == indent && *p == '-' && blank_or_end(p + 1)) {
      peeked = false;
      return block_sequence(indent, true, out);
    }
    empty(out);
  }

  // Block mapping at `indent`: `out` holds its first key (p past its ':') and becomes the mapping.
  void block_mapping(int indent, Node& out) {
    const Location at = out.loc();
    open_collection();
    // Nested collections use deeper scratch lists, so references into this one stay valid.
    std::vector<Entry>& entries = entry_scratch[depth - 1];
    entries.emplace_back().key = std::move(out);
    for (;;) {
      check_key();
      mapping_value(indent, entries.back().value);
      const int next = peek_line();
      if (next != indent) {
        if (next > indent) decline("unexpected indentation in a mapping");
        break;
      }
      peeked = false;
      if (!block_scalar_or_key(entries.emplace_back().key, kNoContinuation))
        decline("expected a mapping key");
    }
    close_mapping(out, at);
  }

  // Block sequence at `indent`, p at its first '-'. `indentless`: the value of a mapping key at
  // the same indentation, where libfyaml rejects entries with nothing after the '-'.
  void block_sequence(int indent, bool indentless, Node& out) {
    const Location at = loc(p);
    open_collection();
    last = at;
    std::vector<Node>& items = item_scratch[depth - 1];
    for (;;) {
      ++p; // the '-'
      while (p < end && *p == ' ')
        ++p;
      Node& item = items.emplace_back();
      if (p >= end || *p == '\n' || *p == '#') {
        finish_line();
        if (peek_line() > indent) {
          block_node(indent, item);
        } else {
          if (indentless) decline("empty entry in a sequence at its key's indentation");
          empty(item);
        }
      } else {
        sequence_entry(indent, item);
      }
      const int next = peek_line();
      if (next == indent && *p == '-' && blank_or_end(p + 1)) {
        peeked = false;
        continue;
      }
      if (next > indent) decline("unexpected indentation in a sequence");
      break;
    }
    close_sequence(out, at);
  }

  // Content after "- " on the same line, in a sequence at `indent`.
  void sequence_entry(int indent, Node& out) {
    const int col = static_cast<int>(p - ls);
    const char c = *p;
    if (c == '-' && blank_or_end(p + 1)) return block_sequence(col, false, out);
    if (c == '[' || c == '{') return flow_line(indent, out);
    if (c == '|') return literal(indent, out);
    if (block_scalar_or_key(out, indent)) return block_mapping(col, out);
    finish_line();
  }

  // Literal block scalar (|, |-, |+) at p; its content is more indented than `parent`. Ends at
  // the start of the first line that is not part of it.
  void literal(int parent, Node& out) {
    if (parent < 0) decline("block scalar at the document root");
    ++p;
    char chomp = 0;
    if (p < end && (*p == '-' || *p == '+')) chomp = *p++;
    if (p < end && *p >= '0' && *p <= '9') decline("indentation indicator");
    if (p < end && *p != ' ' && *p != '\n') decline("block scalar header");
    finish_line();
    if (p >= end) decline("block scalar at the end of input");
    const Location at{file, line, 1};

    // Indentation: that of the first non-empty line; no leading empty line may be longer.
    const char* q = p;
    std::size_t leading = 0, longest_empty = 0, indent = 0;
    for (;;) {
      const char* s = q;
      while (q < end && *q == ' ')
        ++q;
      if (q >= end) decline("block scalar without content");
      if (*q == '\n') {
        longest_empty = std::max(longest_empty, static_cast<std::size_t>(q - s));
        ++leading;
        ++q;
        continue;
      }
      if (*q == '\t' || *q == '\r') decline("tab or CR in a block scalar's indentation");
      indent = static_cast<std::size_t>(q - s);
      q = s;
      break;
    }
    if (static_cast<int>(indent) <= parent) decline("empty block scalar");
    if (longest_empty > indent) decline("leading empty line longer than the indentation");

    // First the extent and the content lines, then the value in one exactly sized string.
    unsigned ln = line + static_cast<unsigned>(leading);
    std::size_t pending = 0; // empty lines since the last content line
    std::size_t size = leading;
    bool ended_by_comment = false;
    literal_lines.clear();
    for (;;) {
      const char* s = q;
      if (s >= end) break;
      std::size_t k = 0;
      while (k < indent && s + k < end && s[k] == ' ')
        ++k;
      const char* r = s + k;
      if (k < indent) {
        if (r >= end) decline("block scalar's last line without a line break");
        if (*r == '\n') {
          ++pending;
          q = r + 1;
          ++ln;
          continue;
        }
        if (*r == '\t' || *r == '\r') decline("tab or CR in a block scalar's indentation");
        ended_by_comment = *r == '#';
        break; // less indented: the scalar ends before this line
      }
      // A content line (or an empty line of exactly `indent` spaces).
      const char* t = r;
      for (;;) {
        t = scan<Scan::Text>(t, end);
        if (t >= end || *t == '\n') break;
        if (static_cast<unsigned char>(*t) >= 0x80) {
          t += utf8_char(t);
          continue;
        }
        decline(*t == '\r' ? "CR line break" : "control character");
      }
      if (t >= end) decline("block scalar's last line without a line break");
      if (t == r) {
        ++pending;
      } else {
        if (*r == ' ' && std::all_of(r, t, [](char ch) { return ch == ' '; }))
          decline("whitespace-only line in a block scalar");
        literal_lines.push_back(LiteralLine{r, t, pending});
        size += pending + static_cast<std::size_t>(t - r) + 1;
        pending = 0;
      }
      q = t + 1;
      ++ln;
    }
    if (literal_lines.empty()) decline("block scalar without content");
    if (chomp == '+' && ended_by_comment) decline("kept trailing lines before a comment");
    if (chomp == '-') size -= 1;
    if (chomp == '+') size += pending;
    if (size > options.max_scalar_bytes) decline("scalar larger than max_scalar_bytes");
    std::string value;
    value.reserve(size);
    value.append(leading, '\n');
    for (const LiteralLine& l : literal_lines) {
      value.append(l.empties_before, '\n');
      value.append(l.begin, l.end);
      value.push_back('\n');
    }
    if (chomp == '-') value.pop_back();
    if (chomp == '+') value.append(pending, '\n');
    p = q;
    ls = q;
    line = ln;
    peeked = false;
    scalar(out, std::move(value), Style::Literal, at);
  }

  // --- flow collections ---------------------------------------------------------------------

  // Skips spaces, line breaks and comments inside a flow collection. Continuation lines must be
  // indented more than the enclosing block collection (`block_indent`).
  void flow_space(int block_indent) {
    for (;;) {
      while (p < end && *p == ' ')
        ++p;
      if (p >= end) return;
      const char c = *p;
      if (c == '#') {
        if (p != ls && p[-1] != ' ') decline("comment not separated by a space");
        skip_comment();
        continue;
      }
      if (c == '\n') {
        ++p;
        ++line;
        ls = p;
        const char* q = p;
        while (q < end && *q == ' ')
          ++q;
        if (q < end && *q != '\n') {
          if (static_cast<int>(q - ls) <= block_indent)
            decline("flow continuation line not indented");
          if (q == ls && is_doc_marker(q)) decline("document marker inside a flow collection");
        }
        continue;
      }
      if (c == '\t') decline("tab");
      if (c == '\r') decline("CR line break");
      return;
    }
  }

  // A node inside a flow collection at p (not a space).
  void flow_node(int block_indent, Node& out) {
    const char c = *p;
    if (c == '[' || c == '{') return flow_collection(block_indent, out);
    if (c == '"' || c == '\'') {
      bool multi = false;
      return quoted(out, kNoContinuation, multi);
    }
    switch (c) {
    case ',':
    case ']':
    case '}':
    case '#':
    case ':':
    case '?':
      decline("empty or odd flow entry");
    case '&':
      decline("anchor");
    case '*':
      decline("alias");
    case '!':
      decline("tag");
    case '|':
    case '>':
      decline("block scalar in a flow collection");
    case '%':
    case '@':
    case '`':
      decline("reserved indicator");
    default:
      break;
    }
    if (c == '-' && (blank_or_end(p + 1) || is_flow_indicator(p[1])))
      decline("'-' alone in a flow collection");
    const char* start = p;
    const Location at = loc(p);
    plain_flow();
    std::string text(start, p);
    // A plain scalar continued on the next line would be a multi-line scalar.
    flow_space(block_indent);
    if (p >= end || !(*p == ',' || *p == ']' || *p == '}' || *p == ':'))
      decline("multi-line plain scalar in a flow collection");
    scalar(out, std::move(text), Style::Plain, at);
  }

  void flow_collection(int block_indent, Node& out) {
    const Location at = loc(p);
    const bool mapping = *p == '{';
    const char close = mapping ? '}' : ']';
    open_collection();
    last = at;
    ++p;
    for (;;) {
      flow_space(block_indent);
      if (p >= end) decline("unterminated flow collection");
      if (*p == close) {
        ++p;
        break;
      }
      if (mapping) {
        if (*p == '[' || *p == '{') decline("collection as a key");
        Entry& e = entry_scratch[depth - 1].emplace_back();
        flow_node(block_indent, e.key);
        check_key();
        flow_space(block_indent);
        if (p >= end || *p != ':') decline("flow mapping entry without a value");
        ++p;
        flow_space(block_indent);
        if (p >= end) decline("unterminated flow collection");
        if (*p == ',' || *p == '}')
          empty(e.value);
        else
          flow_node(block_indent, e.value);
      } else {
        flow_node(block_indent, item_scratch[depth - 1].emplace_back());
      }
      flow_space(block_indent);
      if (p >= end) decline("unterminated flow collection");
      if (*p == ',') {
        ++p;
        continue;
      }
      if (*p == close) {
        ++p;
        break;
      }
      decline(*p == ':' ? "single-pair mapping in a flow sequence" : "malformed flow collection");
    }
    if (mapping)
      close_mapping(out, at);
    else
      close_sequence(out, at);
  }

  // --- documents ----------------------------------------------------------------------------

  // Content on the "---" line itself.
  void document_inline(Node& out) {
    const char c = *p;
    if (c == '[' || c == '{') return flow_line(-1, out);
    if (c == '-' && blank_or_end(p + 1)) decline("block sequence on the --- line");
    if (block_scalar_or_key(out, kNoContinuation)) decline("mapping on the --- line");
    finish_line();
  }

  // After "..." in column 1: only a comment may follow.
  void document_end_marker() {
    p += 3;
    peeked = false;
    finish_line();
  }

  FastReader::Step read(Node& doc) {
    for (;;) {
      const int indent = peek_line();
      if (p >= end) return FastReader::Step::End;
      if (indent < 0 && *p == '.') {
        document_end_marker();
        continue;
      }
      if (*p == '%') decline("directive");
      doc = Node();
      if (indent < 0) { // "---"
        p += 3;
        peeked = false;
        while (p < end && *p == ' ')
          ++p;
        if (p < end && *p != '\n' && *p != '#') {
          document_inline(doc);
        } else {
          finish_line();
          if (peek_line() < 0)
            empty(doc);
          else
            block_node(-1, doc);
        }
      } else {
        block_node(-1, doc);
      }
      if (peek_line() >= 0) decline("content after the document's root node");
      if (p < end && *p == '.') document_end_marker();
      return FastReader::Step::Document;
    }
  }
};

FastReader::FastReader(std::string_view text, const std::string* file, const ParseOptions& options)
    : impl_(std::make_unique<Impl>(text, file, options)) {}

FastReader::~FastReader() = default;

FastReader::Step FastReader::next(Node& doc) {
  Impl& r = *impl_;
  const char* start = r.p;
  const unsigned start_line = r.line;
  const Location start_last = r.last;
  r.reason = "";
  try {
    return r.read(doc);
  } catch (const Decline& d) {
    r.reason = d.reason;
    r.decline_at = Location{r.file, r.line, r.p >= r.ls ? r.column(std::min(r.p, r.end)) : 1};
    r.p = start;
    r.ls = start;
    r.line = start_line;
    r.last = start_last;
    r.peeked = false;
    for (std::size_t i = 0; i < r.depth && i < r.entry_scratch.size(); ++i) {
      r.entry_scratch[i].clear();
      r.item_scratch[i].clear();
    }
    r.depth = 0;
    doc = Node();
    return Step::Declined;
  }
}

const char* FastReader::decline_reason() const {
  return impl_->reason;
}
const Location& FastReader::decline_location() const {
  return impl_->decline_at;
}
std::size_t FastReader::offset() const {
  return static_cast<std::size_t>(impl_->p - impl_->begin);
}
unsigned FastReader::line() const {
  return impl_->line;
}
const Location& FastReader::last() const {
  return impl_->last;
}

void FastReader::seek(std::size_t offset, unsigned line, const Location& last) {
  Impl& r = *impl_;
  r.p = r.begin + std::min(offset, static_cast<std::size_t>(r.end - r.begin));
  r.ls = r.p;
  r.line = line;
  r.last = last;
  r.peeked = false;
}

} // namespace berth::yaml
