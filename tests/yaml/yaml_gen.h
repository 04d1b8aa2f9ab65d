// Seeded generator of varied Kubernetes-shaped YAML streams (plus odd constructs and byte-level
// mutations) for the fast reader's differential tests.
#pragma once

#include <cctype>
#include <cstdint>
#include <string>
#include <vector>

namespace berth::test {

// Small deterministic PRNG (splitmix64): the same streams on every platform.
class Rng {
public:
  explicit Rng(std::uint64_t seed) : s_(seed) {}
  std::uint64_t next() {
    std::uint64_t z = (s_ += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
  }
  std::size_t below(std::size_t n) { return n ? static_cast<std::size_t>(next() % n) : 0; }
  bool chance(int percent) { return below(100) < static_cast<std::size_t>(percent); }
  template <class T> const T& pick(const std::vector<T>& v) { return v[below(v.size())]; }

private:
  std::uint64_t s_;
};

class YamlGen {
public:
  // `odd_percent`: how often a construct outside the fast reader's subset is written.
  YamlGen(std::uint64_t seed, int odd_percent) : rng_(seed), odd_(odd_percent) {}

  // A stream of `docs` documents with document markers, comments and blank lines between them.
  std::string stream(int docs) {
    std::string out;
    if (rng_.chance(30)) out += "# generated stream\n";
    for (int d = 0; d < docs; ++d) {
      if (d > 0 || rng_.chance(40)) out += rng_.pick(doc_starts());
      if (rng_.chance(odd_))
        out += rng_.pick(odd_docs());
      else if (rng_.chance(8))
        out += json_doc(0);
      else
        out += mapping_block(0, 0);
      if (rng_.chance(15)) out += "...\n";
      if (rng_.chance(20)) out += "\n# between documents\n";
    }
    return out;
  }

  // Applies 1-3 random byte edits (delete, insert an interesting character, re-indent, swap).
  std::string mutate(std::string text) {
    static const std::string interesting = " \n-:#'\"[]{},|>&*!%?\t\r\\.~0aé";
    const std::size_t edits = 1 + rng_.below(3);
    for (std::size_t e = 0; e < edits && !text.empty(); ++e) {
      const std::size_t at = rng_.below(text.size());
      switch (rng_.below(4)) {
      case 0:
        text.erase(at, 1);
        break;
      case 1: {
        std::size_t k = rng_.below(interesting.size());
        // keep multi-byte characters whole
        std::string ch = interesting.substr(k, 1);
        if (static_cast<unsigned char>(ch[0]) >= 0x80) ch = "é";
        text.insert(at, ch);
        break;
      }
      case 2: {
        std::size_t ls = text.rfind('\n', at);
        ls = ls == std::string::npos ? 0 : ls + 1;
        if (rng_.chance(50))
          text.insert(ls, " ");
        else if (text[ls] == ' ')
          text.erase(ls, 1);
        break;
      }
      default: {
        std::size_t nl = text.find('\n', at);
        if (nl == std::string::npos) break;
        std::size_t nl2 = text.find('\n', nl + 1);
        if (nl2 == std::string::npos) break;
        std::size_t ls = text.rfind('\n', at);
        ls = ls == std::string::npos ? 0 : ls + 1;
        std::string a = text.substr(ls, nl + 1 - ls), b = text.substr(nl + 1, nl2 - nl);
        text.replace(ls, nl2 + 1 - ls, b + a);
        break;
      }
      }
    }
    return text;
  }

private:
  static const std::vector<std::string>& doc_starts() {
    static const std::vector<std::string> v = {"---\n", "---\n", "--- # doc\n", "---   \n",
                                               "\n---\n"};
    return v;
  }
  static const std::vector<std::string>& odd_docs() {
    static const std::vector<std::string> v = {
        "base: &b {x: 1}\nuse: *b\n",
        "tagged: !!str 12\n",
        "folded: >\n  a\n  b\n",
        "multi: [first\n  second]\n",
        "cont: a\n  - b\n",
        "? complex\n: value\n",
        "tab:\tvalue\n",
        "cr: x\r\ny: 2\r\n",
        "%YAML 1.2\n---\nd: 1\n",
        "dup: 1\ndup: 2\n",
        "merge:\n  <<: {a: 1}\n  b: 2\n",
        "\"multi\n  line\": x\n",
        "lit: |2\n   x\n",
        "bad: [a, b\n",
        "- x\ny: 2\n",
        "key: \"unterminated\n",
        "--- |\n  root literal\n",
        "[a, b]: c\n",
        "{a: 1}\n",
        "nul: \"\\0\"\n",
        "plain: a\n# c\n  b\n",
        "k: 'it''s\n  folded'\n",
    };
    return v;
  }

  std::string indent(int n) { return std::string(static_cast<std::size_t>(n), ' '); }

  std::string key() {
    static const std::vector<std::string> keys = {"name",
                                                  "image",
                                                  "ports",
                                                  "env",
                                                  "value",
                                                  "app.kubernetes.io/name",
                                                  "x-y_z",
                                                  "80",
                                                  "\"quoted key\"",
                                                  "'single key'",
                                                  "a b",
                                                  "replicas",
                                                  "enabled",
                                                  "path",
                                                  "k8s",
                                                  "-dash",
                                                  "\"with: colon\"",
                                                  "über",
                                                  "key#hash",
                                                  "true",
                                                  "1.5"};
    return rng_.pick(keys);
  }

  // Keys of one mapping differ by their number.
  std::string numbered_key(int i) {
    std::string k = key();
    if (k.front() == '"' || k.front() == '\'')
      k.insert(k.size() - 1, std::to_string(i));
    else
      k += std::to_string(i);
    return k;
  }

  std::string scalar() {
    static const std::vector<std::string> values = {
        "nginx:1.25",
        "web",
        "8080",
        "-1",
        "0x1F",
        "1e3",
        ".5",
        "true",
        "False",
        "null",
        "~",
        "\"\"",
        "''",
        "\"double \\\"quoted\\\" \\t tab \\u00e9 \\x41\"",
        "'single ''quoted'''",
        "http://example.com/a?b=c#frag",
        "a:b",
        "a#b",
        "value # trailing comment",
        "é à ü",
        "中文",
        "emoji 😀",
        "-x",
        "?x",
        ":x",
        "a,b",
        "a]b",
        "trailing   ",
        "\"a: b # c\"",
        "'#not comment'",
        "x  y",
        "[]",
        "{}",
        "[a, b, ]",
        "{a: 1, b: [x, y]}",
        "[\"x\", 'y', 3]",
        "{\"k\":\"v\",\"n\":1}",
        "\"\\\\back\\\\slash\"",
        "0o17",
        "+12",
        "'a \"mixed\" b'",
        "\"\\U0001F600\"",
        "\"\\N\\_\\L\"",
        "\"\\/\"",
        "--- x",
        "... y",
        "a-b_c.d/e",
        "a'b",
        "a\"b",
        "x:y",
        "'x' ",
        "\"\" # c",
        "[a, [b, {c: [d]}]]",
        "{a: }",
        "{\"a\": null, \"b\": [1.5, -2, \"x\"]}"};
    // Values YAML rejects or that are outside the fast reader's subset, now and then.
    static const std::vector<std::string> odd = {
        "@at",    "`tick", "%pct",   "*star",   "&amp",      "!bang",    "|",
        ">",      "-",     "- x",    "a: b",    "{not flow", "[a, , b]", "{a: 1, a: 2}",
        "[a: 1]", "{a}",   "[-, x]", "\"\\q\"", "'x'y"};
    return rng_.chance(odd_ / 4) ? rng_.pick(odd) : rng_.pick(values);
  }

  // A plain scalar folded over lines indented `ind` (kubectl and controller-gen wrap long text
  // like this), with an occasional empty line or trailing comment.
  std::string multi_line_plain(int ind) {
    static const std::vector<std::string> words = {"Description of",
                                                   "the field:wrapped",
                                                   "at eighty columns",
                                                   "with a#hash",
                                                   "and   inner  spaces",
                                                   "ünïcode text",
                                                   "-dash start",
                                                   "ends with colon:x",
                                                   "100%",
                                                   "`Pod` objects",
                                                   "[bracket",
                                                   "{brace",
                                                   "&amp",
                                                   "*star",
                                                   "!bang",
                                                   "|pipe",
                                                   ">gt",
                                                   "'quote",
                                                   "\"dq",
                                                   "%pct",
                                                   "@at",
                                                   ",comma",
                                                   "]close",
                                                   "?q",
                                                   ":colon",
                                                   "- dash"};
    std::string out = rng_.pick(words);
    if (!std::isalpha(static_cast<unsigned char>(out[0]))) out = "First";
    const int lines = 1 + static_cast<int>(rng_.below(3));
    for (int i = 0; i < lines; ++i) {
      out += rng_.chance(10) ? "  \n" : "\n";
      if (rng_.chance(15)) out += rng_.chance(50) ? "\n" : indent(ind + 3) + "\n";
      out += indent(ind + static_cast<int>(rng_.below(2))) + rng_.pick(words);
    }
    return out + (rng_.chance(10) ? comment() : "") + "\n";
  }

  // A quoted scalar folded over lines indented `ind` (go-yaml writes long strings this way).
  std::string multi_line_quoted(int ind) {
    static const std::vector<std::string> words = {"Refresh indicates",
                                                   "(default: false)",
                                                   "it''s",
                                                   "a \\\" b",
                                                   "\\t tab",
                                                   "x  ",
                                                   "  y",
                                                   "é",
                                                   "\\u00e9",
                                                   "end\\",
                                                   "# no comment",
                                                   "- dash",
                                                   "k: v"};
    const bool dq = rng_.chance(50);
    std::string out = dq ? "\"" : "'";
    const int lines = 1 + static_cast<int>(rng_.below(3));
    for (int i = 0; i <= lines; ++i) {
      std::string w = rng_.pick(words);
      if (!dq && w.find('\\') != std::string::npos) w = "plain";
      if (dq && w.find("''") != std::string::npos) w = "it's";
      if (dq && w == "end\\" && i == lines) w = "end";
      out += w;
      if (i < lines) {
        out += rng_.chance(20) ? "  \n" : "\n";
        if (rng_.chance(15)) out += rng_.chance(50) ? "\n" : indent(ind + 3) + "\n";
        out += indent(ind + static_cast<int>(rng_.below(2)));
      }
    }
    return out + (dq ? "\"" : "'") + (rng_.chance(10) ? comment() : "") + "\n";
  }

  std::string comment() { return rng_.chance(50) ? " # note" : "  #note"; }

  std::string literal(int ind) {
    static const std::vector<std::string> headers = {"|", "|-", "|+", "| # lit", "|-  "};
    std::string out = rng_.pick(headers) + "\n";
    const int extra = 2 + static_cast<int>(rng_.below(2));
    const int lines = 1 + static_cast<int>(rng_.below(5));
    if (rng_.chance(15)) out += "\n";
    for (int i = 0; i < lines; ++i) {
      if (rng_.chance(15)) out += rng_.chance(50) ? "\n" : indent(ind + extra) + "\n";
      if (i > 0 && rng_.chance(10)) out += indent(ind + extra + 2) + "more indented\n";
      static const std::vector<std::string> texts = {"line",
                                                     "server { listen 80; }",
                                                     "# not a comment",
                                                     "key: value",
                                                     "- item",
                                                     "tab\there",
                                                     "ünïcode",
                                                     "'quotes' \"too\"",
                                                     "trailing ",
                                                     "--- no marker"};
      out += indent(ind + extra) + rng_.pick(texts) + "\n";
    }
    if (rng_.chance(30)) out += "\n";
    if (rng_.chance(10)) out += "\n\n";
    return out;
  }

  std::string flow(int depth) {
    if (depth > 2 || rng_.chance(40)) return scalar_flow();
    std::string out;
    if (rng_.chance(50)) {
      out = "[";
      const int n = static_cast<int>(rng_.below(4));
      for (int i = 0; i < n; ++i)
        out += (i ? ", " : "") + flow(depth + 1);
      if (n && rng_.chance(10)) out += ",";
      out += "]";
    } else {
      out = "{";
      const int n = static_cast<int>(rng_.below(4));
      for (int i = 0; i < n; ++i)
        out += (i ? ", " : "") +
               (rng_.chance(30) ? "\"k" + std::to_string(i) + "\"" : "k" + std::to_string(i)) +
               ": " + flow(depth + 1);
      out += "}";
    }
    return out;
  }

  std::string scalar_flow() {
    static const std::vector<std::string> v = {"a",   "1",          "true", "null", "\"s\"",
                                               "'t'", "http://x/y", "-1",   "é",    "a b"};
    return rng_.pick(v);
  }

  // A JSON document spread over lines (the way kubectl -o json writes it).
  std::string json_doc(int ind) {
    std::string out = indent(ind) + "{\n";
    const int n = 1 + static_cast<int>(rng_.below(4));
    for (int i = 0; i < n; ++i) {
      out += indent(ind + 2) + "\"f" + std::to_string(i) + "\": ";
      switch (rng_.below(4)) {
      case 0:
        out += "\"text\"";
        break;
      case 1:
        out += "[1, 2,\n" + indent(ind + 4) + "3]";
        break;
      case 2:
        out += "{\"a\": {\"b\": null}, \"c\": [\n" + indent(ind + 4) + "true\n" + indent(ind + 2) +
               "]}";
        break;
      default:
        out += "-12.5e3";
        break;
      }
      out += i + 1 < n ? ",\n" : "\n";
    }
    return out + indent(ind) + "}\n";
  }

  std::string value(int ind, int depth) {
    const std::size_t r = rng_.below(100);
    if (depth > 4 || r < 40) return " " + scalar() + (rng_.chance(10) ? comment() : "") + "\n";
    if (r < 44) return rng_.chance(50) ? "\n" : comment() + "\n"; // empty
    if (r < 46) return " " + multi_line_plain(ind + 1 + static_cast<int>(rng_.below(3)));
    if (r < 48) return " " + multi_line_quoted(ind + 1 + static_cast<int>(rng_.below(3)));
    if (r < 58) return " " + literal(ind);
    if (r < 66) return " " + flow(0) + "\n";
    if (r < 70) { // multi-line flow, continuation more indented
      return " [a,\n" + indent(ind + 1 + static_cast<int>(rng_.below(3))) + "b, {c: d,\n" +
             indent(ind + 2) + "e: f}]\n";
    }
    if (r < 85) return "\n" + mapping_block(ind + 2, depth + 1);
    // sequence, indented or at the key's own indentation
    const int sind = rng_.chance(50) ? ind : ind + 2;
    // (libfyaml rejects empty entries in a sequence at its key's indentation: rarely)
    return "\n" + sequence_block(sind, depth + 1, sind == ind && !rng_.chance(5));
  }

  // `compact`: written after "- ", so the first entry must start the text.
  std::string mapping_block(int ind, int depth, bool compact = false) {
    std::string out;
    const int n = 1 + static_cast<int>(rng_.below(depth == 0 ? 6 : 4));
    for (int i = 0; i < n; ++i) {
      if (compact && i == 0) {
        out += indent(ind) + numbered_key(0) + ":" + value(ind, depth);
        continue;
      }
      if (rng_.chance(8)) out += indent(static_cast<int>(rng_.below(6))) + "# comment line\n";
      if (rng_.chance(5)) out += "\n";
      if (rng_.chance(odd_ / 2 + 1) && rng_.chance(50)) {
        out += indent(ind) + rng_.pick(odd_docs());
        continue;
      }
      const std::string k = numbered_key(i);
      out += indent(ind) + k + (rng_.chance(5) ? " " : "") + ":" + value(ind, depth);
    }
    return out;
  }

  std::string sequence_block(int ind, int depth, bool no_empty = false) {
    std::string out;
    const int n = 1 + static_cast<int>(rng_.below(4));
    for (int i = 0; i < n; ++i) {
      const std::size_t r = rng_.below(100);
      if (depth > 4 || r < 30) {
        out += indent(ind) + "- " + scalar() + "\n";
      } else if (r < 35) {
        out += indent(ind) + "- " + multi_line_plain(ind + 1 + static_cast<int>(rng_.below(2)));
      } else if (r < 40 && !no_empty) {
        out += indent(ind) + "-\n"; // empty item
      } else if (r < 70) {          // compact mapping
        std::string m = mapping_block(ind + 2, depth + 1, true);
        out += indent(ind) + "- " + m.substr(static_cast<std::size_t>(ind) + 2);
      } else if (r < 78) { // nested compact sequence
        std::string s = sequence_block(ind + 2, depth + 1);
        out += indent(ind) + "- " + s.substr(static_cast<std::size_t>(ind) + 2);
      } else if (r < 86) {
        out += indent(ind) + "- " + literal(ind);
      } else if (r < 92) {
        out += indent(ind) + "- " + flow(0) + "\n";
      } else if (r >= 40) {
        out += indent(ind) + "-\n" + mapping_block(ind + 2, depth + 1);
      } else {
        out += indent(ind) + "- x\n";
      }
    }
    return out;
  }

  Rng rng_;
  int odd_;
};

} // namespace berth::test
