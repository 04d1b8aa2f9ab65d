// New trees: staged and published whole, every file and directory in place, fixed file mode.
#include <gtest/gtest.h>

#include <sys/stat.h>

#include <filesystem>
#include <map>
#include <string>

#include "support/test_support.h"
#include "tree/writer.h"

namespace fs = std::filesystem;
using berth::test::read_file;
using berth::test::temp_dir;

namespace {

// Enough files in enough directories that both writer threads create directories and files,
// in blocks that start and end in the middle of directories.
std::map<std::string, std::string> many_files() {
  std::map<std::string, std::string> files;
  for (int s = 0; s < 150; ++s) {
    std::string dir = "base/svc-" + std::to_string(s) + "/";
    for (int k = 0; k < 9; ++k)
      files[dir + "object-" + std::to_string(k) + ".yaml"] =
          "kind: Object\nname: svc-" + std::to_string(s) + "-" + std::to_string(k) + "\n";
    files[dir + "deep/er/patch.yaml"] = "patch: " + std::to_string(s) + "\n";
  }
  for (const char* env : {"staging", "production"})
    for (int s = 0; s < 150; ++s)
      files["overlays/" + std::string(env) + "/patches/svc-" + std::to_string(s) + ".yaml"] = env;
  files["MIGRATION.md"] = "# runbook\n";
  files["empty.txt"] = "";
  return files;
}

std::map<std::string, std::string> read_tree(const fs::path& root) {
  std::map<std::string, std::string> out;
  for (const auto& e : fs::recursive_directory_iterator(root))
    if (e.is_regular_file()) out[fs::relative(e.path(), root).generic_string()] = read_file(e);
  return out;
}

// Inode number and permission bits of `path` (0 and 0 when it cannot be read).
struct Stat {
  ino_t inode = 0;
  unsigned mode = 0;
};
Stat stat_of(const fs::path& path) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) return {};
  return {st.st_ino, static_cast<unsigned>(st.st_mode & 0777)};
}

// Restores the umask when a test ends.
struct UmaskScope {
  explicit UmaskScope(mode_t mask) : old(::umask(mask)) {}
  ~UmaskScope() { ::umask(old); }
  mode_t old;
};

} // namespace

TEST(FreshTree, EveryFileAndTheManifestAndNothingElse) {
  fs::path dir = temp_dir("fresh") / "new" / "out"; // parents are created too
  auto files = many_files();
  auto r = berth::tree::write_files(files, dir.string());
  ASSERT_TRUE(r.written) << r.refusal;
  EXPECT_EQ(r.files, files.size());
  auto expected = files;
  expected[".berth/manifest.json"] = berth::tree::manifest_json(files);
  EXPECT_EQ(read_tree(dir), expected);
  // The staging directory is gone: the tree's top level is exactly what was generated.
  std::vector<std::string> top;
  for (const auto& e : fs::directory_iterator(dir))
    top.push_back(e.path().filename().string());
  std::sort(top.begin(), top.end());
  EXPECT_EQ(top,
            (std::vector<std::string>{".berth", "MIGRATION.md", "base", "empty.txt", "overlays"}));
}

TEST(FreshTree, ExistingEmptyDirectoryIsKeptNotReplaced) {
  fs::path dir = temp_dir("fresh");
  ino_t before = stat_of(dir).inode;
  ASSERT_TRUE(berth::tree::write_files(many_files(), dir.string()).written);
  EXPECT_EQ(stat_of(dir).inode, before); // a shell sitting in DIR still sees the tree
  EXPECT_TRUE(fs::exists(dir / "base/svc-149/deep/er/patch.yaml"));
}

TEST(FreshTree, FilesAre0644WhateverTheUmask) {
  UmaskScope mask(077);
  fs::path dir = temp_dir("fresh") / "out";
  ASSERT_TRUE(berth::tree::write_files(many_files(), dir.string()).written);
  for (const char* f : {"MIGRATION.md", "base/svc-7/object-3.yaml", ".berth/manifest.json"})
    EXPECT_EQ(stat_of(dir / f).mode, 0644u) << f;
  // Directories follow the umask, as mkdir -p does.
  EXPECT_EQ(stat_of(dir / "base/svc-7").mode, 0700u);
}

TEST(FreshTree, SameBytesAsARerunWrites) {
  // A fresh tree and a tree updated in place by a re-run hold the same files and manifest.
  auto files = many_files();
  fs::path fresh = temp_dir("fresh"), rerun = temp_dir("fresh");
  auto first = files;
  first["base/svc-1/object-1.yaml"] = "older\n";
  first["base/gone/x.yaml"] = "stale\n";
  ASSERT_TRUE(berth::tree::write_files(first, rerun.string()).written);
  ASSERT_TRUE(berth::tree::write_files(files, rerun.string()).written);
  ASSERT_TRUE(berth::tree::write_files(files, fresh.string()).written);
  EXPECT_EQ(read_tree(fresh), read_tree(rerun));
}
