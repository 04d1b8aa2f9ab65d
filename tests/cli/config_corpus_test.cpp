// Every awesome-compose application loads; `berth config` output re-loads to the same model.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "compose/load.h"
#include "compose/serialize.h"
#include "compose/to_model.h"
#include "support/test_support.h"
#include "yaml/emit.h"

namespace fs = std::filesystem;

namespace {

std::vector<fs::path> corpus_files() {
  std::vector<fs::path> files;
  fs::path root = berth::test::shared_dir() / "corpus/awesome-compose";
  if (berth::test::shared_dir().empty() || !fs::is_directory(root)) return files;
  for (const auto& entry : fs::directory_iterator(root)) {
    if (!entry.is_directory()) continue;
    for (const char* name : {"compose.yaml", "compose.yml", "docker-compose.yml", "docker-compose.yaml"})
      if (fs::exists(entry.path() / name)) {
        files.push_back(entry.path() / name);
        break;
      }
  }
  std::sort(files.begin(), files.end());
  return files;
}

TEST(ConfigCorpus, EveryApplicationLoadsAndReloadsToTheSameModel) {
  auto files = corpus_files();
  if (files.empty()) GTEST_SKIP() << "SKIPPED: ../shared/corpus/awesome-compose absent";
  ASSERT_EQ(files.size(), 39u);
  fs::path out_dir = berth::test::temp_dir("berth-corpus");
  int loaded = 0;
  for (const auto& file : files) {
    SCOPED_TRACE(file.string());
    berth::compose::LoadOptions options;
    options.files = {file.string()};
    options.working_dir = file.parent_path().string();
    berth::model::App first;
    try {
      first = berth::compose::to_model(berth::compose::load_project(options));
    } catch (const berth::Error& e) {
      ADD_FAILURE() << "load failed: " << e.what();
      continue;
    }
    std::string text = berth::yaml::emit(berth::compose::to_compose_yaml(first));
    // Re-load the printed project as its own file, with the same project directory and name.
    fs::path printed = out_dir / (file.parent_path().filename().string() + ".yaml");
    berth::test::write_file(printed, text);
    berth::compose::LoadOptions again = options;
    again.files = {printed.string()};
    again.project_directory = file.parent_path().string();
    berth::model::App second;
    try {
      second = berth::compose::to_model(berth::compose::load_project(again));
    } catch (const berth::Error& e) {
      ADD_FAILURE() << "re-load of printed config failed: " << e.what() << "\n" << text;
      continue;
    }
    EXPECT_TRUE(first == second) << "model changed after a config round trip:\n" << text;
    EXPECT_EQ(text, berth::yaml::emit(berth::compose::to_compose_yaml(second)));
    ++loaded;
  }
  std::printf("awesome-compose: %d of %zu applications loaded and round-tripped\n", loaded,
              files.size());
}

TEST(ConfigCorpus, CliPrintsEveryApplication) {
  auto files = corpus_files();
  if (files.empty()) GTEST_SKIP() << "SKIPPED: ../shared/corpus/awesome-compose absent";
  for (const auto& file : files) {
    auto r = berth::test::run("'" + berth::test::berth_binary().string() + "' config -f '" +
                              file.string() + "'");
    EXPECT_EQ(r.exit_code, 0) << file << ": " << r.err;
    EXPECT_NE(r.out.find("services:"), std::string::npos) << file;
  }
}

} // namespace
