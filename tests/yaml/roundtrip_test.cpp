// Round-trip tests: parse → emit → parse gives the same tree, and emitting is idempotent, over
// the yaml-test-suite and the awesome-compose corpus.
#include <gtest/gtest.h>

#include <algorithm>
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

TEST(RoundTrip, KubernetesStyleOutputIsStable) {
  std::string text = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cfg\n"
                     "data:\n  nginx.conf: |\n    server {\n      listen 80;\n    }\n"
                     "  port: \"8080\"\n  enabled: \"on\"\n  list:\n    - a\n    - b\n";
  std::vector<Node> docs = parse_stream(text, "cm.yaml");
  EXPECT_EQ(emit_stream(docs), text); // already in canonical form: emitted unchanged
}

} // namespace
} // namespace berth::yaml
