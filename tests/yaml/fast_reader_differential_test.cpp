// Differential tests of the fast reader: on every input, parse_stream (fast reader + libfyaml
// fallback) must give the libfyaml path's trees — values, styles, tags, locations — or its error.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <iostream>
#include <map>
#include <string>
#include <vector>

#include "support/test_support.h"
#include "tree_diff.h"
#include "yaml/fast_reader.h"
#include "yaml/libfyaml_path.h"
#include "yaml/stream_each.h"
#include "yaml_gen.h"

namespace fs = std::filesystem;
using namespace berth;
using namespace berth::yaml;

namespace {

struct Totals {
  std::size_t inputs = 0, fast = 0, slow = 0, errors = 0, unstable = 0;
  std::map<std::string, std::size_t> reasons;
  void print(const std::string& what) const {
    std::cout << what << ": " << inputs << " inputs, " << fast << " documents on the fast path, "
              << slow << " through libfyaml, " << errors << " inputs with errors";
    if (unstable) std::cout << ", " << unstable << " where libfyaml returned garbage";
    std::cout << "\n";
    for (const auto& [reason, n] : reasons)
      std::cout << "    declined " << n << "x: " << reason << "\n";
  }
};

struct Outcome {
  std::vector<Node> docs;
  std::string error;
};

Outcome libfyaml_outcome(const std::string& text, const std::string& name,
                         const ParseOptions& options) {
  Outcome o;
  try {
    o.docs = parse_stream_libfyaml(text, name, options);
  } catch (const Error& e) {
    o.error = e.what();
  }
  return o;
}

bool has_nul(const Node& n) {
  if (n.is_scalar()) return n.value().find('\0') != std::string::npos;
  for (const Node& item : n.items())
    if (has_nul(item)) return true;
  for (const Entry& e : n.entries())
    if (has_nul(e.key) || has_nul(e.value)) return true;
  return false;
}

// The input is valid UTF-8 without NUL bytes and neither reader decodes "\0" escapes into
// differing trees, so a NUL in libfyaml's result is memory it read past its buffers.
bool has_garbage(const Outcome& o) {
  for (const Node& doc : o.docs)
    if (has_nul(doc)) return true;
  return false;
}

std::string compare(const std::string& text, const std::string& name, const ParseOptions& options,
                    Totals& totals, ReadStats* out, bool& garbage);

// "" when both paths agree on `text`, else what differs. Adds the reader statistics to `totals`.
// libfyaml 0.7.12 reads past its buffers on some malformed block scalars (the value then holds
// whatever memory follows); such inputs are not comparable and are counted, not failed.
std::string differential(const std::string& text, const std::string& name,
                         const ParseOptions& options, Totals& totals, ReadStats* out = nullptr) {
  bool garbage = false;
  std::string d = compare(text, name, options, totals, out, garbage);
  if (!d.empty() && garbage) {
    ++totals.unstable;
    return "";
  }
  return d;
}

std::string compare(const std::string& text, const std::string& name, const ParseOptions& options,
                    Totals& totals, ReadStats* out, bool& garbage) {
  std::vector<Node> got;
  std::string got_error;
  Outcome slow = libfyaml_outcome(text, name, options);
  std::vector<Node>& expected = slow.docs;
  const std::string& expected_error = slow.error;
  ReadStats stats;
  try {
    read_stream(
        text, name, [&](Node&& doc) { got.push_back(std::move(doc)); }, options, &stats);
  } catch (const Error& e) {
    got_error = e.what();
  }
  garbage = has_garbage(slow) || has_garbage(Outcome{got, got_error});
  ++totals.inputs;
  totals.fast += stats.fast_documents;
  totals.slow += stats.libfyaml_documents;
  for (const std::string& r : stats.declines)
    ++totals.reasons[r];
  if (out) *out = stats;
  if (!expected_error.empty() || !got_error.empty()) {
    ++totals.errors;
    if (expected_error != got_error)
      return "errors differ: libfyaml '" + expected_error + "' vs '" + got_error + "'";
    return "";
  }
  if (expected.size() != got.size())
    return std::to_string(expected.size()) + " vs " + std::to_string(got.size()) + " documents";
  for (std::size_t i = 0; i < expected.size(); ++i)
    if (std::string d = test::tree_diff(expected[i], got[i]); !d.empty())
      return "document " + std::to_string(i) + ": libfyaml vs fast: " + d;
  return "";
}

std::vector<fs::path> files_under(const fs::path& root) {
  std::vector<fs::path> files;
  if (!fs::is_directory(root)) return files;
  for (const auto& e : fs::recursive_directory_iterator(root))
    if (e.is_regular_file()) files.push_back(e.path());
  std::sort(files.begin(), files.end());
  return files;
}

bool is_yaml_name(const fs::path& p) {
  const std::string ext = p.extension().string();
  return ext == ".yaml" || ext == ".yml" || ext == ".json";
}

// Runs the differential over files; returns the totals (failures are reported as test failures).
Totals check_files(const std::vector<fs::path>& files, const ParseOptions& options = {}) {
  Totals totals;
  for (const fs::path& f : files) {
    std::string d = differential(test::read_file(f), f.string(), options, totals);
    EXPECT_EQ(d, "") << f;
  }
  return totals;
}

} // namespace

TEST(FastReaderDifferential, YamlTestSuite) {
  const fs::path root = test::shared_dir() / "yaml-test-suite";
  if (test::shared_dir().empty() || !fs::is_directory(root))
    GTEST_SKIP() << "SKIPPED: shared/yaml-test-suite absent";
  std::vector<fs::path> inputs;
  for (const fs::path& f : files_under(root))
    if (f.filename() == "in.yaml") inputs.push_back(f);
  ASSERT_GT(inputs.size(), 300u);
  ParseOptions yaml12; // as the conformance test runs it
  yaml12.merge_keys = false;
  Totals a = check_files(inputs, yaml12);
  a.print("yaml-test-suite (merge keys off)");
  Totals b = check_files(inputs);
  b.print("yaml-test-suite (defaults)");
  EXPECT_GT(a.fast, 50u); // the suite is mostly odd YAML, but its plain cases take the fast path
}

TEST(FastReaderDifferential, SharedCorpusAndCrds) {
  if (test::shared_dir().empty()) GTEST_SKIP() << "SKIPPED: shared/ absent";
  Totals corpus = check_files(files_under(test::shared_dir() / "corpus"));
  corpus.print("shared/corpus (every file)");
  std::vector<fs::path> crds;
  for (const fs::path& f : files_under(test::shared_dir() / "schemas" / "crds"))
    if (is_yaml_name(f)) crds.push_back(f);
  ASSERT_FALSE(crds.empty());
  Totals c = check_files(crds);
  c.print("shared/schemas/crds");
  EXPECT_EQ(c.slow, 0u) << "every CRD document should take the fast path";
}

TEST(FastReaderDifferential, ExamplesAndGoldenTrees) {
  Totals examples = check_files(files_under(test::source_dir() / "examples"));
  examples.print("examples/ (every file)");
  std::vector<fs::path> golden_yaml, golden_other;
  for (const fs::path& f : files_under(test::source_dir() / "tests" / "cli" / "golden"))
    (is_yaml_name(f) ? golden_yaml : golden_other).push_back(f);
  ASSERT_FALSE(golden_yaml.empty());
  Totals g = check_files(golden_yaml);
  g.print("tests/cli/golden YAML files");
  EXPECT_EQ(g.slow, 0u) << "every golden tree document must take the fast path";
  EXPECT_EQ(g.errors, 0u);
  check_files(golden_other).print("tests/cli/golden other files");
}

TEST(FastReaderDifferential, GeneratedManifests) {
  Totals totals;
  for (std::uint64_t seed = 1; seed <= 400; ++seed) {
    test::YamlGen gen(seed, 0);
    const std::string text = gen.stream(1 + static_cast<int>(seed % 5));
    std::string d = differential(text, "gen.yaml", {}, totals);
    ASSERT_EQ(d, "") << "seed " << seed << ":\n" << text;
  }
  totals.print("generated manifests");
  // Without odd constructs nearly every document is in the subset (the rest: values the
  // generator writes that YAML rejects or the reader leaves to libfyaml, e.g. "a: b" values).
  EXPECT_GT(totals.fast, totals.slow * 3);
}

TEST(FastReaderDifferential, GeneratedStreamsWithOddDocuments) {
  Totals totals;
  for (std::uint64_t seed = 1; seed <= 400; ++seed) {
    test::YamlGen gen(seed * 7919, 30);
    const std::string text = gen.stream(2 + static_cast<int>(seed % 6));
    std::string d = differential(text, "odd.yaml", {}, totals);
    ASSERT_EQ(d, "") << "seed " << seed << ":\n" << text;
  }
  totals.print("generated streams with odd documents");
  EXPECT_GT(totals.slow, 0u);
  EXPECT_GT(totals.fast, 0u);
}

TEST(FastReaderDifferential, MutatedManifests) {
  Totals totals;
  for (std::uint64_t seed = 1; seed <= 3000; ++seed) {
    test::YamlGen gen(seed * 104729, seed % 3 == 0 ? 20 : 0);
    const std::string text = gen.mutate(gen.stream(1 + static_cast<int>(seed % 4)));
    std::string d = differential(text, "mut.yaml", {}, totals);
    ASSERT_EQ(d, "") << "seed " << seed << ":\n" << text;
  }
  totals.print("mutated manifests");
}

TEST(FastReaderDifferential, MutatedGoldenFiles) {
  std::vector<fs::path> golden;
  for (const fs::path& f : files_under(test::source_dir() / "tests" / "cli" / "golden"))
    if (is_yaml_name(f)) golden.push_back(f);
  Totals totals;
  test::Rng pick(42);
  for (std::uint64_t seed = 1; seed <= 1500 && !golden.empty(); ++seed) {
    test::YamlGen gen(seed, 0);
    const fs::path& f = golden[pick.below(golden.size())];
    const std::string text = gen.mutate(test::read_file(f));
    std::string d = differential(text, f.string(), {}, totals);
    ASSERT_EQ(d, "") << f << " seed " << seed << ":\n" << text;
  }
  totals.print("mutated golden files");
}
