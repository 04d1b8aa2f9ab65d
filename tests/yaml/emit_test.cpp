// Emitter tests on hand-built trees: quoting table, layout, block scalars, tags, determinism.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "common/error.h"
#include "yaml/emit.h"

namespace berth::yaml {
namespace {

Node map_of(std::initializer_list<std::pair<const char*, Node>> entries) {
  Node m = Node::mapping();
  for (const auto& [k, v] : entries) m.set(k, v);
  return m;
}

Node seq_of(std::initializer_list<Node> items) {
  Node s = Node::sequence();
  for (const Node& i : items) s.push(i);
  return s;
}

Node tagged(Node n, std::string_view tag) {
  n.set_tag(tag);
  return n;
}

TEST(NeedsQuotes, MustQuote) {
  const std::vector<std::string> cases = {
      "", "y", "Y", "yes", "Yes", "YES", "n", "N", "no", "No", "NO", "true", "True", "TRUE",
      "false", "False", "FALSE", "on", "On", "ON", "off", "Off", "OFF", "null", "Null", "NULL",
      "~",
      // ints, every 1.1/1.2 spelling
      "0", "42", "0755", "0o17", "0x1F", "0X1f", "0b101", "1_000", "+1", "-1", "-0x1F", "+0b1",
      // floats
      "1.10", ".5", "1e3", "1E-3", "1.5e+10", "1.", "-1.5", ".inf", "-.Inf", "+.INF", ".nan",
      ".NaN", "1_000.5", "._5",
      // sexagesimal (YAML 1.1), including the docker-compose port gotcha
      "1:30", "190:20:30", "1:30.5", "22:22", "-1:30",
      // timestamps
      "2001-12-14", "2001-12-14t21:59:43.10-05:00", "2001-12-14 21:59:43.10 -5",
      "2002-12-14T21:59:43Z",
      // merge and value keys
      "<<", "=",
      // whitespace
      " a", "a ", " ", "\ta", "a\tb",
      // indicators
      "-", "- x", "-\tx", "?", "? x", "?x", ":", ":x", ",a", "[a]", "]", "{a}", "}", "#a", "&a",
      "*a", "!a", "|", "|a", ">", ">a", "'a'", "\"a\"", "%a", "@a", "`a`",
      // ": " and " #" anywhere, trailing ':'
      "a: b", "key: value", "a #b", "a:", "http:",
      // line breaks and control characters
      "a\nb", "\n", "a\rb", "a\x01" "b", "a\x7f", "\x1b[0m",
      // non-printable unicode: NEL, line/paragraph separators, BOM
      "a\xc2\x85" "b", "a\xe2\x80\xa8" "b", "a\xe2\x80\xa9" "b", "\xef\xbb\xbf" "a",
      // document markers at column 0
      "---", "--- a", "---a", "...", "... a",
      // invalid UTF-8
      "\xff", "a\xc3",
  };
  for (const std::string& s : cases) EXPECT_TRUE(needs_quotes(s)) << "should quote: [" << s << "]";
}

TEST(NeedsQuotes, MustNotQuote) {
  const std::vector<std::string> cases = {
      "a", "nginx", "nginx:1.25", "nginx:latest", "/usr/bin/env", "http://x:80/a",
      "https://example.com/path?q=1#frag", "a-b_c", "1.2.3", "0.0.0.0", "127.0.0.1:8080:80",
      "v1", "apps/v1", "8080/tcp", "ghcr.io/org/app", "ghcr.io/org/app:v1.2.3@sha256:abc",
      "-x", "--flag", "--port=8080", "a#b", "a:b", "a,b", "a[0]", "a{b}", "a b c",
      "hello world", "C:\\path", "é", "日本語", "x=1", "<", "a<<b", "yes please", "Yes!",
      "truex", "nullable", "0x", "1e", "e5", "1.2.3.4", "latest",
      "ClusterIP", "RollingUpdate", "app.kubernetes.io/name", "$HOME", "${VAR:-default}",
      "it's", "say \"hi\"", "100%", "50Mi", "0.5Gi", "500m", "echo hello && exit 0",
      "CMD-SHELL", "_", "a.", ".a", "..", "-.",
  };
  for (const std::string& s : cases) EXPECT_FALSE(needs_quotes(s)) << "over-quoted: [" << s << "]";
}

TEST(Emit, NestedStructuresIndentSequencesUnderKeys) {
  Node container = map_of({
      {"name", Node::str("web")},
      {"image", Node::str("nginx:1.25")},
      {"ports", seq_of({map_of({{"containerPort", Node::integer(80)}, {"protocol", Node::str("TCP")}})})},
      {"args", seq_of({Node::str("--port"), Node::str("8080")})},
  });
  Node doc = map_of({
      {"apiVersion", Node::str("apps/v1")},
      {"kind", Node::str("Deployment")},
      {"metadata", map_of({{"name", Node::str("web")}, {"labels", map_of({{"app", Node::str("web")}})}})},
      {"spec", map_of({{"replicas", Node::integer(2)}, {"containers", seq_of({container})}})},
      {"matrix", seq_of({seq_of({Node::integer(1), Node::integer(2)}), seq_of({Node::str("a")})})},
  });
  EXPECT_EQ(emit(doc), R"(apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  labels:
    app: web
spec:
  replicas: 2
  containers:
    - name: web
      image: nginx:1.25
      ports:
        - containerPort: 80
          protocol: TCP
      args:
        - --port
        - "8080"
matrix:
  - - 1
    - 2
  - - a
)");
}

TEST(Emit, ScalarsAndNull) {
  Node doc = map_of({
      {"t", Node::boolean(true)},
      {"n", Node::null()},
      {"empty", Node()},
      {"tilde", Node::plain("~")},
      {"f", Node::plain("1.5")},
      {"yes", Node::str("yes")},
      {"plainyes", Node::plain("yes")}, // a string under YAML 1.2: quoted for 1.1 readers
      {"s", Node::str("")},
  });
  EXPECT_EQ(emit(doc), "t: true\n\"n\": null\nempty: null\ntilde: ~\nf: 1.5\n\"yes\": \"yes\"\n"
                       "plainyes: \"yes\"\ns: \"\"\n");
}

TEST(Emit, TopLevelScalarsAndEmptyCollections) {
  EXPECT_EQ(emit(Node::str("hello")), "hello\n");
  EXPECT_EQ(emit(Node()), "null\n");
  EXPECT_EQ(emit(Node::sequence()), "[]\n");
  EXPECT_EQ(emit(Node::mapping()), "{}\n");
  Node doc = map_of({{"a", Node::sequence()}, {"b", Node::mapping()}, {"c", seq_of({Node::mapping(), Node::sequence()})}});
  EXPECT_EQ(emit(doc), "a: []\nb: {}\nc:\n  - {}\n  - []\n");
}

TEST(Emit, LiteralBlocksWithChomping) {
  Node doc = map_of({
      {"clip", Node::str("line1\nline2\n")},
      {"strip", Node::str("line1\nline2")},
      {"keep", Node::str("line1\n\n")},
      {"inner", Node::str("a\n\n  b\n\tc  \n")},
      {"lead", Node::str("  indented\nnext\n")},
      {"tab", Node::str("\tx\ny")},
  });
  EXPECT_EQ(emit(doc), "clip: |\n  line1\n  line2\n"
                       "strip: |-\n  line1\n  line2\n"
                       "keep: |+\n  line1\n\n"
                       "inner: |\n  a\n\n    b\n  \tc  \n"
                       "lead: |2\n    indented\n  next\n"
                       "tab: |2-\n  \tx\n  y\n");
  Node items = seq_of({Node::str("x\ny\n"), seq_of({Node::str(" a\nb")})});
  EXPECT_EQ(emit(items), "- |\n  x\n  y\n- - |2-\n     a\n    b\n");
  EXPECT_EQ(emit(Node::str("top\nlevel\n")), "|\n  top\n  level\n");
  // At top level a leading space would need an indicator relative to indentation -1: quote.
  EXPECT_EQ(emit(Node::str(" top\n")), "\" top\\n\"\n");
}

TEST(Emit, ControlCharactersAreEscaped) {
  Node doc = map_of({
      {"a", Node::str("tab\there")},
      {"b", Node::str("bell\a\x01\x7f")},
      {"c", Node::str("cr\r\nlf")},
      {"d", Node::str("quote\" back\\slash")},
      {"e", Node::str("nel\xc2\x85 ls\xe2\x80\xa8 bom\xef\xbb\xbf")},
      {"f", Node::str("multi\nline with \x02 control\n")},
  });
  EXPECT_EQ(emit(doc), "a: \"tab\\there\"\n"
                       "b: \"bell\\a\\x01\\x7F\"\n"
                       "c: \"cr\\r\\nlf\"\n"
                       "d: quote\" back\\slash\n"
                       "e: \"nel\\N ls\\L bom\\uFEFF\"\n"
                       "f: \"multi\\nline with \\x02 control\\n\"\n");
  EXPECT_EQ(emit(Node::str("\"x\"")), "\"\\\"x\\\"\"\n");
}

TEST(Emit, UnicodePassesThroughRaw) {
  Node doc = map_of({{"name", Node::str("café")}, {"日本", Node::str("日本語\nテキスト\n")}});
  EXPECT_EQ(emit(doc), "name: café\n日本: |\n  日本語\n  テキスト\n");
}

TEST(Emit, InvalidUtf8IsAnError) {
  EXPECT_THROW(emit(Node::str("bad\xff")), Error);
}

TEST(Emit, KeysNeedingQuotes) {
  Node doc = Node::mapping();
  doc.add(Node::str("on"), Node::boolean(true));
  doc.add(Node::str("80"), Node::str("http"));
  doc.add(Node::str("a: b"), Node::str("x"));
  doc.add(Node::str("<<"), Node::str("not a merge"));
  doc.add(Node::str("multi\nline"), Node::str("y"));
  doc.add(Node::str(""), Node::str("empty key"));
  doc.add(Node::integer(1), Node::str("int key"));
  EXPECT_EQ(emit(doc), "\"on\": true\n\"80\": http\n\"a: b\": x\n\"<<\": not a merge\n"
                       "\"multi\\nline\": \"y\"\n\"\": empty key\n1: int key\n");
}

TEST(Emit, ComplexAndLongKeysUseExplicitForm) {
  Node doc = Node::mapping();
  doc.add(seq_of({Node::str("a"), Node::str("b")}), Node::str("seq key"));
  doc.add(map_of({{"k", Node::str("v")}}), map_of({{"x", Node::integer(1)}, {"z", Node::integer(2)}}));
  doc.add(Node::str(std::string(1100, 'k')), Node::str("long"));
  EXPECT_EQ(emit(doc), "? - a\n  - b\n: seq key\n? k: v\n: x: 1\n  z: 2\n? " +
                           std::string(1100, 'k') + "\n: long\n");
  Node in_seq = seq_of({doc});
  EXPECT_TRUE(emit(in_seq).starts_with("- ? - a\n    - b\n  : seq key\n  ? k: v\n  : x: 1\n    z: 2\n"))
      << emit(in_seq);
}

TEST(Emit, Tags) {
  Node doc = Node::mapping();
  doc.set("ports", tagged(Node::sequence(), "!reset"));
  doc.set("volumes", tagged(seq_of({Node::str("a")}), "!override"));
  doc.set("env", tagged(map_of({{"A", Node::str("1")}}), "!override"));
  doc.set("quoted", tagged(Node::str("x"), "!!str"));           // dropped: a string anyway
  doc.set("plainstr", tagged(Node::plain("123"), "!!str"));     // dropped, quoted instead
  doc.set("emptystr", tagged(Node::plain(""), "!!str"));
  doc.set("int", tagged(Node::str("42"), "!!int"));
  doc.set("core", tagged(Node::plain("3"), "tag:yaml.org,2002:int"));
  doc.set("uri", tagged(Node::plain("v"), "tag:example.com,2000:app/foo"));
  doc.set("bare", tagged(Node(), "!custom"));
  doc.set("items", seq_of({tagged(seq_of({Node::str("x")}), "!t"), tagged(Node::plain("v"), "!t")}));
  EXPECT_EQ(emit(doc), "ports: !reset []\n"
                       "volumes: !override\n  - a\n"
                       "env: !override\n  A: \"1\"\n"
                       "quoted: x\n"
                       "plainstr: \"123\"\n"
                       "emptystr: \"\"\n"
                       "int: !!int \"42\"\n"
                       "core: !!int 3\n"
                       "uri: !<tag:example.com,2000:app/foo> v\n"
                       "bare: !custom\n"
                       "items:\n  - !t\n    - x\n  - !t v\n");
  EXPECT_EQ(emit(tagged(map_of({{"a", Node::integer(1)}}), "!top")), "!top\na: 1\n");
}

TEST(Emit, StreamSeparatesDocuments) {
  std::vector<Node> docs = {map_of({{"a", Node::integer(1)}}), Node::str("two"), Node::sequence()};
  EXPECT_EQ(emit_stream(docs), "a: 1\n---\ntwo\n---\n[]\n");
  EXPECT_EQ(emit_stream({}), "");
}

TEST(Emit, NoLineWrapping) {
  std::string long_value(5000, 'x');
  for (std::size_t i = 10; i < long_value.size(); i += 11) long_value[i] = ' ';
  std::string out = emit(map_of({{"k", Node::str(long_value)}}));
  EXPECT_EQ(out, "k: " + long_value + "\n");
}

TEST(Emit, Deterministic) {
  Node doc = map_of({{"z", Node::str("1")}, {"a", seq_of({Node::str("x\ny"), Node::mapping()})}, {"m", Node::str("é")}});
  std::string first = emit(doc);
  for (int i = 0; i < 20; ++i) EXPECT_EQ(emit(doc), first);
  EXPECT_EQ(first, "z: \"1\"\na:\n  - |-\n    x\n    y\n  - {}\nm: é\n"); // insertion order kept
}

} // namespace
} // namespace berth::yaml
