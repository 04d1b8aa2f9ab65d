// Runs the official yaml-test-suite (shared/yaml-test-suite) against parse_stream + to_json and
// compares failures with the checked-in list of known failures.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <set>
#include <sstream>

#include "support/test_support.h"
#include "yaml/json.h"
#include "yaml/parse.h"

namespace fs = std::filesystem;
using namespace berth;
using namespace berth::yaml;
using json = nlohmann::ordered_json;

namespace {

struct Case {
  std::string id; // "229Q" or "2G84/01"
  fs::path dir;
};

std::vector<Case> collect_cases(const fs::path& root) {
  std::vector<Case> cases;
  for (const auto& entry : fs::directory_iterator(root)) {
    if (!entry.is_directory() || entry.path().filename().string().starts_with(".")) continue;
    const std::string name = entry.path().filename().string();
    if (fs::exists(entry.path() / "in.yaml")) {
      cases.push_back({name, entry.path()});
      continue;
    }
    for (const auto& sub : fs::directory_iterator(entry.path()))
      if (sub.is_directory() && fs::exists(sub.path() / "in.yaml"))
        cases.push_back({name + "/" + sub.path().filename().string(), sub.path()});
  }
  std::sort(cases.begin(), cases.end(), [](const Case& a, const Case& b) { return a.id < b.id; });
  return cases;
}

// in.json holds one JSON value per document, concatenated.
std::vector<json> read_json_values(const fs::path& path) {
  std::istringstream in(test::read_file(path));
  std::vector<json> values;
  for (;;) {
    in >> std::ws;
    if (in.peek() == std::char_traits<char>::eof()) break;
    json j;
    in >> j;
    values.push_back(std::move(j));
  }
  return values;
}

// Returns "" when the case passes, else why it failed.
std::string run_case(const Case& c) {
  const std::string text = test::read_file(c.dir / "in.yaml");
  ParseOptions options;
  options.merge_keys = false;
  options.reject_duplicate_keys = true;
  const bool must_fail = fs::exists(c.dir / "error");
  std::vector<Node> docs;
  try {
    docs = parse_stream(text, (c.dir / "in.yaml").string(), options);
  } catch (const Error& e) {
    return must_fail ? "" : std::string("unexpected error: ") + e.what();
  }
  if (must_fail) return "parsed, but the suite expects an error";
  if (!fs::exists(c.dir / "in.json")) return "";
  std::vector<json> expected;
  try {
    expected = read_json_values(c.dir / "in.json");
  } catch (const std::exception& e) {
    return std::string("cannot read in.json: ") + e.what();
  }
  if (expected.size() != docs.size())
    return "expected " + std::to_string(expected.size()) + " documents, got " +
           std::to_string(docs.size());
  for (std::size_t i = 0; i < docs.size(); ++i) {
    // Key order is not significant in the suite's JSON (RR7F lists keys out of order).
    json got = to_json(docs[i]);
    if (nlohmann::json::parse(got.dump()) != nlohmann::json::parse(expected[i].dump()))
      return "document " + std::to_string(i) + ": expected " + expected[i].dump() + ", got " +
             got.dump();
  }
  return "";
}

// Known failures: "ID  # reason" per line.
std::set<std::string> read_known_failures() {
  std::set<std::string> ids;
  std::istringstream in(test::read_file(test::source_dir() / "tests/yaml/conformance_known_failures.txt"));
  std::string line;
  while (std::getline(in, line)) {
    line = line.substr(0, line.find('#'));
    line.erase(0, line.find_first_not_of(" \t"));
    line.erase(line.find_last_not_of(" \t\r") + 1);
    if (!line.empty()) ids.insert(line);
  }
  return ids;
}

} // namespace

TEST(Conformance, YamlTestSuite) {
  const fs::path shared = test::shared_dir();
  if (shared.empty() || !fs::is_directory(shared / "yaml-test-suite"))
    GTEST_SKIP() << "SKIPPED: shared/yaml-test-suite absent";
  const std::vector<Case> cases = collect_cases(shared / "yaml-test-suite");
  ASSERT_FALSE(cases.empty());
  const std::set<std::string> known = read_known_failures();

  std::size_t passed = 0, failed = 0;
  std::vector<std::string> regressions, fixed;
  for (const Case& c : cases) {
    std::string why = run_case(c);
    if (why.empty()) {
      ++passed;
      if (known.count(c.id)) fixed.push_back(c.id);
      continue;
    }
    ++failed;
    if (!known.count(c.id)) regressions.push_back(c.id + ": " + why);
  }
  std::cout << "yaml-test-suite: " << passed << " passed, " << failed << " failed, 0 skipped of "
            << cases.size() << "\n";
  for (const std::string& id : fixed)
    std::cout << "  now passes (remove from conformance_known_failures.txt): " << id << "\n";
  for (const std::string& r : regressions) ADD_FAILURE() << "regression: " << r;
}
