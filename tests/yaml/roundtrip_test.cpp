// Round-trip tests: parse → emit → parse gives the same tree, and emitting is idempotent, over
// the yaml-test-suite and the awesome-compose corpus.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <set>
#include <string>
#include <vector>

#include "common/error.h"
#include "support/test_support.h"
#include "yaml/emit.h"
#include "yaml/parse.h"

namespace fs = std::filesystem;

namespace berth::yaml {
namespace {

// The emitter drops !!str on scalars (quoting already makes them strings); compare modulo that.
void strip_str_tags(Node& n) {
  if (n.is_scalar() && (n.tag() == "!!str" || n.tag() == "tag:yaml.org,2002:str")) {
    n.set_tag("");
    if (n.style() == Style::Plain) n.set_style(Style::DoubleQuoted);
  }
  for (Node& item : n.items()) strip_str_tags(item);
  for (Entry& e : n.entries()) strip_str_tags(e.key), strip_str_tags(e.value);
}

std::vector<Node> normalized(std::vector<Node> docs) {
  for (Node& d : docs) strip_str_tags(d);
  return docs;
}

// Test-suite cases whose content the emitter legitimately cannot represent. None so far.
const std::set<std::string> kSkip = {};

struct Outcome {
  bool ok = true;
  std::string why;
};

// parse → emit → parse must give equal trees; a second emit must be byte-identical.
Outcome round_trip(const std::string& text, const std::string& name, const ParseOptions& opts,
                   std::vector<Node>& first) {
  std::string once;
  try {
    once = emit_stream(first);
  } catch (const Error& e) {
    return {false, std::string("emit failed: ") + e.what()};
  }
  std::vector<Node> second;
  try {
    second = parse_stream(once, name + " (emitted)", opts);
  } catch (const Error& e) {
    return {false, std::string("re-parse failed: ") + e.what() + "\n--- input\n" + text +
                       "--- emitted\n" + once};
  }
  if (normalized(first) != normalized(second))
    return {false, "trees differ\n--- input\n" + text + "--- emitted\n" + once};
  std::string twice = emit_stream(second);
  if (twice != once)
    return {false, "emit not idempotent\n--- first\n" + once + "--- second\n" + twice};
  return {};
}

std::vector<fs::path> suite_cases(const fs::path& root) {
  std::vector<fs::path> cases;
  for (const auto& entry : fs::recursive_directory_iterator(root))
    if (entry.is_regular_file() && entry.path().filename() == "in.json" &&
        fs::exists(entry.path().parent_path() / "in.yaml"))
      cases.push_back(entry.path().parent_path());
  std::sort(cases.begin(), cases.end());
  return cases;
}

TEST(RoundTrip, YamlTestSuite) {
  fs::path root = test::shared_dir() / "yaml-test-suite";
  if (test::shared_dir().empty() || !fs::is_directory(root))
    GTEST_SKIP() << "SKIPPED: shared/yaml-test-suite absent";
  ParseOptions opts;
  opts.merge_keys = false;
  std::size_t parsed = 0, passed = 0, skipped = 0;
  for (const fs::path& dir : suite_cases(root)) {
    std::string id = fs::relative(dir, root).generic_string();
    std::string text = test::read_file(dir / "in.yaml");
    std::vector<Node> docs;
    try {
      docs = parse_stream(text, id, opts);
    } catch (const Error&) {
      continue; // the parser's conformance is tested elsewhere; only parsed input round-trips
    }
    ++parsed;
    if (kSkip.count(id)) {
      ++skipped;
      continue;
    }
    Outcome o = round_trip(text, id, opts, docs);
    if (o.ok) ++passed;
    else ADD_FAILURE() << id << ": " << o.why;
  }
  std::printf("round-trip: %zu of %zu (%zu skipped)\n", passed, parsed - skipped, skipped);
  EXPECT_GT(parsed, 200u);
  EXPECT_EQ(passed, parsed - skipped);
}

// libyaml (the scanner go-yaml v2 and PyYAML's CSafeLoader share) must accept everything the
// emitter writes for the suite, including cases whose original text libyaml itself rejects.
TEST(RoundTrip, EmittedSuiteAcceptedByLibyaml) {
  fs::path root = test::shared_dir() / "yaml-test-suite";
  if (test::shared_dir().empty() || !fs::is_directory(root))
    GTEST_SKIP() << "SKIPPED: shared/yaml-test-suite absent";
  if (!test::have_program("python3") ||
      test::run("python3 -c 'import yaml; yaml.CSafeLoader'").exit_code != 0)
    GTEST_SKIP() << "SKIPPED: python3 with PyYAML/libyaml absent";
  ParseOptions opts;
  opts.merge_keys = false;
  fs::path out = test::temp_dir("berth-emit-suite");
  std::size_t written = 0;
  for (const fs::path& dir : suite_cases(root)) {
    std::vector<Node> docs;
    try {
      docs = parse_stream(test::read_file(dir / "in.yaml"), dir.string(), opts);
    } catch (const Error&) {
      continue;
    }
    std::string id = fs::relative(dir, root).generic_string();
    std::replace(id.begin(), id.end(), '/', '_');
    test::write_file(out / (id + ".yaml"), emit_stream(docs));
    ++written;
  }
  test::write_file(out / "check.py", R"(import glob, sys, yaml
bad = 0
for p in sorted(glob.glob(sys.argv[1] + '/*.yaml')):
    try:
        list(yaml.compose_all(open(p, encoding='utf-8', newline=''), Loader=yaml.CSafeLoader))
    except yaml.YAMLError as e:
        bad += 1
        print(p, str(e).replace('\n', ' '))
sys.exit(1 if bad else 0)
)");
  test::RunResult r = test::run("python3 " + (out / "check.py").string() + " " + out.string());
  EXPECT_EQ(r.exit_code, 0) << "libyaml rejected emitted YAML:\n" << r.out << r.err;
  std::printf("libyaml accepted %zu emitted suite streams\n", written);
}

TEST(RoundTrip, AwesomeCompose) {
  fs::path root = test::shared_dir() / "corpus" / "awesome-compose";
  if (test::shared_dir().empty() || !fs::is_directory(root))
    GTEST_SKIP() << "SKIPPED: shared/corpus/awesome-compose absent";
  std::size_t files = 0;
  for (const auto& entry : fs::recursive_directory_iterator(root)) {
    std::string fname = entry.path().filename().string();
    if (!entry.is_regular_file() || (fname != "compose.yaml" && fname != "compose.yml" &&
                                     fname != "docker-compose.yml" && fname != "docker-compose.yaml"))
      continue;
    ++files;
    std::string text = test::read_file(entry.path());
    std::vector<Node> docs;
    ASSERT_NO_THROW(docs = parse_stream(text, entry.path().string())) << entry.path();
    Outcome o = round_trip(text, entry.path().string(), {}, docs);
    EXPECT_TRUE(o.ok) << entry.path() << ": " << o.why;
  }
  std::printf("awesome-compose round-trip: %zu files\n", files);
  EXPECT_GT(files, 20u);
}

// Deterministic tricky strings: indicators, spaces, line breaks, number and bool look-alikes.
std::vector<std::string> tricky_strings() {
  static const char* const atoms[] = {
      " ", ":", "#", "-", "?", "\n", "\t", "'", "\"", "!", "&", "*", "|", ">", "%", "@", "`", ",",
      "[", "]", "{", "}", "y", "n", "yes", "No", "on", "0", "1", "7", ".", "e", "E", "_", "+", "~",
      "x", "0x", "0o", "0b", "null", "---", "...", "<<", "=", "é", "日本", "\r", "\x01", "\\",
      "2001-12-14", ":30", ".inf", ".NaN", "  ", "\n\n", "a b"};
  constexpr std::size_t n_atoms = sizeof(atoms) / sizeof(atoms[0]);
  std::vector<std::string> out;
  std::uint64_t state = 0x9E3779B97F4A7C15ull; // fixed seed: same strings every run
  auto next = [&] {
    state ^= state << 13, state ^= state >> 7, state ^= state << 17;
    return state;
  };
  for (int i = 0; i < 5000; ++i) {
    std::string s;
    for (std::uint64_t k = next() % 5; k > 0; --k) s += atoms[next() % n_atoms];
    out.push_back(s);
  }
  return out;
}

TEST(RoundTrip, TrickyStringsAsValuesAndKeys) {
  std::vector<std::string> strings = tricky_strings();
  Node values = Node::sequence();
  Node keys = Node::mapping();
  std::set<std::string> seen;
  for (std::size_t i = 0; i < strings.size(); ++i) {
    values.push(Node::str(strings[i]));
    if (seen.insert(strings[i]).second)
      keys.add(Node::str(strings[i]), Node::integer(static_cast<std::int64_t>(i)));
  }
  for (const Node& doc : {values, keys}) {
    std::string text = emit(doc);
    Node back;
    ASSERT_NO_THROW(back = parse_document(text, "tricky.yaml")) << text;
    ASSERT_EQ(back.size(), doc.size());
    for (std::size_t i = 0; i < doc.size(); ++i) {
      const Node& want = doc.is_sequence() ? doc.items()[i] : doc.entries()[i].key;
      const Node& got = back.is_sequence() ? back.items()[i] : back.entries()[i].key;
      EXPECT_TRUE(got.is_string() && got.value() == want.value())
          << "[" << want.value() << "] came back as [" << got.value() << "]";
    }
  }
}

// PyYAML resolves with YAML 1.1 rules (bools yes/on, sexagesimal, 0755 octal...): every string
// the emitter writes must come back from it as the same string.
TEST(RoundTrip, TrickyStringsReadByYaml11Reader) {
  if (!test::have_program("python3") || test::run("python3 -c 'import yaml'").exit_code != 0)
    GTEST_SKIP() << "SKIPPED: python3 with PyYAML absent";
  std::vector<std::string> strings = tricky_strings();
  for (const char* s : {"y", "n", "yes", "on", "0755", "1:30", "22:22", "1_000", ".5", "1e3", "<<",
                        "=", "2001-12-14", "~", "0b101", "0x1F", "+1", "-.inf", "1.10"})
    strings.emplace_back(s);
  Node values = Node::sequence();
  Node keys = Node::mapping();
  nlohmann::json expected = nlohmann::json::array();
  std::set<std::string> seen;
  for (std::size_t i = 0; i < strings.size(); ++i) {
    values.push(Node::str(strings[i]));
    expected.push_back(strings[i]);
    if (seen.insert(strings[i]).second)
      keys.add(Node::str(strings[i]), Node::integer(static_cast<std::int64_t>(i)));
  }
  Node doc = Node::mapping();
  doc.set("values", values);
  doc.set("keys", keys);
  fs::path dir = test::temp_dir("berth-emit");
  test::write_file(dir / "doc.yaml", emit(doc));
  test::write_file(dir / "expected.json", expected.dump());
  test::write_file(dir / "check.py", R"(import json, sys, yaml
docs = yaml.load(open(sys.argv[1], encoding='utf-8', newline=''), Loader=getattr(yaml, 'CSafeLoader', yaml.SafeLoader))
want = json.load(open(sys.argv[2], encoding='utf-8'))
bad = [(w, g) for w, g in zip(want, docs['values']) if w != g]
bad += [(k, k) for k in docs['keys'] if not isinstance(k, str)]
bad += [(k, 'missing key') for k in want if k not in docs['keys']]
for b in bad[:50]: print(repr(b))
sys.exit(1 if bad or len(want) != len(docs['values']) else 0)
)");
  test::RunResult r = test::run("python3 " + (dir / "check.py").string() + " " +
                                (dir / "doc.yaml").string() + " " + (dir / "expected.json").string());
  EXPECT_EQ(r.exit_code, 0) << "PyYAML (YAML 1.1) read back differently (want, got):\n" << r.out << r.err;
}

TEST(RoundTrip, KubernetesStyleOutputIsStable) {
  std::string text = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cfg\n"
                     "data:\n  nginx.conf: |\n    server {\n      listen 80;\n    }\n"
                     "  port: \"8080\"\n  enabled: \"on\"\n  list:\n    - a\n    - b\n";
  std::vector<Node> docs = parse_stream(text, "cm.yaml");
  EXPECT_EQ(emit_stream(docs), text); // already in canonical form: emitted unchanged
}

} // namespace
} // namespace berth::yaml
