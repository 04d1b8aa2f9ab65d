// Every object of berth's golden trees (tests/cli/golden/**/*.yaml; kustomization files and
// non-objects skipped, files listed as kustomize patches checked as patches) validates with no
// schema finding, against the built-in schemas and against ../shared definitions + CRDs.
#include <gtest/gtest.h>

#include <filesystem>
#include <set>

#include "check/schema/schema_test_util.h"
#include "support/test_support.h"
#include "yaml/parse.h"

namespace fs = std::filesystem;

namespace berth::check::schema {
namespace {

// Paths (canonical) that a kustomization.yaml lists under patches / patchesStrategicMerge.
std::set<fs::path> patch_files(const fs::path& root) {
  std::set<fs::path> out;
  for (const auto& e : fs::recursive_directory_iterator(root)) {
    if (e.path().filename() != "kustomization.yaml") continue;
    for (const yaml::Node& doc : yaml::parse_file(e.path().string())) {
      if (!doc.is_mapping()) continue;
      for (const char* key : {"patches", "patchesStrategicMerge"}) {
        const yaml::Node* list = doc.find(key);
        if (!list || !list->is_sequence()) continue;
        for (const yaml::Node& item : list->items()) {
          std::string rel = item.is_mapping() ? item.text("path") : item.value();
          if (!rel.empty()) out.insert(fs::weakly_canonical(e.path().parent_path() / rel));
        }
      }
    }
  }
  return out;
}

struct Counts {
  std::size_t objects = 0, patches = 0;
};

Counts check_tree(const Registry& registry, const char* label) {
  fs::path golden = berth::test::source_dir() / "tests/cli/golden";
  std::set<fs::path> patches = patch_files(golden);
  std::vector<fs::path> files;
  for (const auto& e : fs::recursive_directory_iterator(golden))
    if (e.is_regular_file() && e.path().extension() == ".yaml" &&
        e.path().filename() != "kustomization.yaml")
      files.push_back(e.path());
  std::sort(files.begin(), files.end());
  Counts counts;
  for (const fs::path& file : files) {
    std::string text = berth::test::read_file(file);
    bool objects = false;
    for (const yaml::Node& doc : yaml::parse_stream(text, file.string()))
      objects |= doc.is_mapping() && doc.find("apiVersion") && doc.find("kind");
    if (!objects) continue; // CI workflows and other non-objects
    bool patch = patches.count(fs::weakly_canonical(file)) != 0;
    auto findings = test::check_yaml(text, registry, patch, file.string());
    EXPECT_TRUE(findings.empty()) << label << ": " << file << "\n" << test::dump(findings);
    ++counts.objects;
    counts.patches += patch;
  }
  return counts;
}

TEST(SchemaGolden, TreesValidateAgainstTheBuiltin) {
  Counts c = check_tree(test::builtin_registry(), "built-in");
  EXPECT_GT(c.objects, 150u);
  EXPECT_GT(c.patches, 20u);
}

TEST(SchemaGolden, TreesValidateAgainstSharedDefinitionsAndCrds) {
  const Registry* shared = test::shared_registry();
  if (!shared) GTEST_SKIP() << "../shared is absent";
  Counts c = check_tree(*shared, "shared");
  EXPECT_GT(c.objects, 150u);
}

} // namespace
} // namespace berth::check::schema
