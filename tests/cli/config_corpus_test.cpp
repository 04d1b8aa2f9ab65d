// Every awesome-compose application prints through the `berth config` binary, and the printed
// project re-loads to the same output (a fixed point). The in-process model round trip over
// the same corpus is in tests/compose/serialize_test.cpp.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>

#include "support/test_support.h"

namespace fs = std::filesystem;

namespace {

std::vector<fs::path> corpus_files() {
  std::vector<fs::path> files;
  if (berth::test::shared_dir().empty()) return files;
  fs::path root = berth::test::shared_dir() / "corpus/awesome-compose";
  if (!fs::is_directory(root)) return files;
  for (const auto& entry : fs::directory_iterator(root)) {
    if (!entry.is_directory()) continue;
    for (const char* name :
         {"compose.yaml", "compose.yml", "docker-compose.yml", "docker-compose.yaml"})
      if (fs::exists(entry.path() / name)) {
        files.push_back(entry.path() / name);
        break;
      }
  }
  std::sort(files.begin(), files.end());
  return files;
}

std::string berth() { return "'" + berth::test::berth_binary().string() + "'"; }

TEST(ConfigCorpus, EveryApplicationPrintsAndReloadsToTheSameOutput) {
  auto files = corpus_files();
  if (files.empty()) GTEST_SKIP() << "SKIPPED: ../shared/corpus/awesome-compose absent";
  EXPECT_EQ(files.size(), 39u);
  fs::path out_dir = berth::test::temp_dir("berth-corpus");
  int ok = 0;
  for (const auto& file : files) {
    SCOPED_TRACE(file.string());
    auto first = berth::test::run(berth() + " config -f '" + file.string() + "'");
    ASSERT_EQ(first.exit_code, 0) << first.err;
    ASSERT_NE(first.out.find("services:"), std::string::npos);
    // Same project directory and name, so only the syntax of the input differs.
    fs::path printed = out_dir / (file.parent_path().filename().string() + ".yaml");
    berth::test::write_file(printed, first.out);
    auto again = berth::test::run(berth() + " config -f '" + printed.string() +
                                  "' --project-directory '" + file.parent_path().string() + "'");
    ASSERT_EQ(again.exit_code, 0) << again.err << "\n" << first.out;
    EXPECT_EQ(first.out, again.out);
    auto json = berth::test::run(berth() + " config -o json -f '" + file.string() + "'");
    EXPECT_EQ(json.exit_code, 0) << json.err;
    ok += first.out == again.out;
  }
  std::printf("awesome-compose: %d of %zu applications printed and re-loaded identically\n", ok,
              files.size());
}

} // namespace
