// Tree writer: rendering, manifest, re-run rules (no-clobber, edits, --force, stale files).
#include <gtest/gtest.h>

#include <sys/stat.h>

#include <filesystem>

#include "common/error.h"
#include "support/test_support.h"
#include "tree/sha256.h"
#include "tree/writer.h"

namespace fs = std::filesystem;
using berth::tree::WriteOptions;
using berth::tree::write_files;
using berth::test::read_file;
using berth::test::temp_dir;
using berth::test::write_file;

namespace {

std::map<std::string, std::string> sample() {
  return {{"base/a/deployment.yaml", "kind: Deployment\n"},
          {"base/kustomization.yaml", "resources:\n- a/deployment.yaml\n"},
          {"MIGRATION.md", "# hello\n"}};
}

std::vector<std::string> listing(const fs::path& root) {
  std::vector<std::string> out;
  for (const auto& e : fs::recursive_directory_iterator(root))
    if (e.is_regular_file()) out.push_back(fs::relative(e.path(), root).generic_string());
  std::sort(out.begin(), out.end());
  return out;
}

} // namespace

TEST(Sha256, KnownVector) {
  EXPECT_EQ(berth::tree::sha256_hex("abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST(Render, OneObjectPerFileAndTextFiles) {
  berth::generate::Output out;
  berth::yaml::Node obj = berth::yaml::Node::mapping();
  obj.set("kind", berth::yaml::Node::str("ConfigMap"));
  out.add_base("base/x/configmap.yaml", obj);
  out.add_overlay("staging", "overlays/staging/namespace.yaml", obj);
  out.add_file("README.txt", "text");
  auto files = berth::tree::render(out);
  ASSERT_EQ(files.size(), 3u);
  EXPECT_EQ(files["base/x/configmap.yaml"], "kind: ConfigMap\n");
  EXPECT_EQ(files["README.txt"], "text");
}

TEST(Render, RejectsDuplicateAndUnsafePaths) {
  berth::generate::Output out;
  out.add_file("a.yaml", "1");
  out.add_file("a.yaml", "2");
  EXPECT_THROW(berth::tree::render(out), berth::Error);
  for (const char* bad : {"../x", "/abs", "a//b", "a/./b", ".berth/manifest.json", "dir/"}) {
    berth::generate::Output o;
    o.add_file(bad, "x");
    EXPECT_THROW(berth::tree::render(o), berth::Error) << bad;
  }
}

TEST(Render, ReportsTheFirstFailureInOutputOrder) {
  // Objects are emitted on several threads; the error is still the one a sequential render
  // meets first: here a bad path before an object that cannot be emitted.
  berth::generate::Output out;
  for (int i = 0; i < 1000; ++i) {
    berth::yaml::Node obj = berth::yaml::Node::mapping();
    obj.set("name", berth::yaml::Node::str(i == 700 ? std::string("bad \xff utf-8")
                                                    : "object-" + std::to_string(i)));
    out.add_base(i == 400 ? "../escape.yaml" : "base/o-" + std::to_string(i) + ".yaml", obj);
  }
  try {
    berth::tree::render(out);
    FAIL() << "render accepted a bad path";
  } catch (const berth::Error& e) {
    EXPECT_NE(std::string(e.what()).find("../escape.yaml"), std::string::npos) << e.what();
  }
  out.base[400].path = "base/o-400.yaml";
  try {
    berth::tree::render(out);
    FAIL() << "render emitted invalid UTF-8";
  } catch (const berth::Error& e) {
    EXPECT_NE(std::string(e.what()).find("invalid UTF-8"), std::string::npos) << e.what();
  }
  out.base[700].object.set("name", berth::yaml::Node::str("fine"));
  auto files = berth::tree::render(out);
  EXPECT_EQ(files.size(), 1000u);
  EXPECT_EQ(files["base/o-999.yaml"], "name: object-999\n");
}

TEST(WriteTree, UncleanPathsAreRefusedBeforeWriting) {
  fs::path dir = temp_dir("tree") / "out";
  for (const char* bad : {"../x", "/abs", "a//b", ".berth/manifest.json"}) {
    auto files = sample();
    files[bad] = "x";
    EXPECT_THROW(write_files(files, dir.string()), berth::Error) << bad;
    EXPECT_FALSE(fs::exists(dir)) << bad;
  }
}

TEST(WriteTree, RerunRewritesOnlyChangedFiles) {
  fs::path dir = temp_dir("tree");
  ASSERT_TRUE(write_files(sample(), dir.string()).written);
  auto inode = [&](const char* file) {
    struct stat st {};
    return ::stat((dir / file).c_str(), &st) == 0 ? st.st_ino : ino_t{0};
  };
  ino_t same = inode("base/a/deployment.yaml"), replaced = inode("MIGRATION.md");
  auto changed = sample();
  changed["MIGRATION.md"] = "# changed\n";
  ASSERT_TRUE(write_files(changed, dir.string()).written);
  EXPECT_EQ(inode("base/a/deployment.yaml"), same); // left alone
  EXPECT_NE(inode("MIGRATION.md"), replaced);       // replaced by rename
  EXPECT_EQ(read_file(dir / "MIGRATION.md"), "# changed\n");
  for (const auto& f : listing(dir)) EXPECT_EQ(f.find(".berth-"), std::string::npos) << f;
}

TEST(WriteTree, FreshDirectoryGetsFilesAndManifest) {
  fs::path dir = temp_dir("tree") / "out";
  auto r = write_files(sample(), dir.string());
  ASSERT_TRUE(r.written) << r.refusal;
  EXPECT_EQ(r.files, 3u);
  EXPECT_EQ(read_file(dir / "base/a/deployment.yaml"), "kind: Deployment\n");
  std::string manifest = read_file(dir / ".berth/manifest.json");
  EXPECT_NE(manifest.find(berth::tree::sha256_hex("# hello\n")), std::string::npos);
  EXPECT_EQ(listing(dir), (std::vector<std::string>{".berth/manifest.json", "MIGRATION.md",
                                                    "base/a/deployment.yaml",
                                                    "base/kustomization.yaml"}));
  // No temporary file is left behind.
  for (const auto& f : listing(dir)) EXPECT_EQ(f.find(".berth-"), std::string::npos) << f;
}

TEST(WriteTree, EmptyExistingDirectoryIsFine) {
  fs::path dir = temp_dir("tree");
  EXPECT_TRUE(write_files(sample(), dir.string()).written);
}

TEST(WriteTree, RerunIsIdempotentAndUpdatesUntouchedFiles) {
  fs::path dir = temp_dir("tree");
  ASSERT_TRUE(write_files(sample(), dir.string()).written);
  std::string before = read_file(dir / ".berth/manifest.json");
  ASSERT_TRUE(write_files(sample(), dir.string()).written);
  EXPECT_EQ(read_file(dir / ".berth/manifest.json"), before);
  auto changed = sample();
  changed["MIGRATION.md"] = "# changed\n";
  auto r = write_files(changed, dir.string());
  ASSERT_TRUE(r.written) << r.refusal;
  EXPECT_EQ(read_file(dir / "MIGRATION.md"), "# changed\n");
}

TEST(WriteTree, RerunWithoutChangesReplacesNoFileNotEvenTheManifest) {
  fs::path dir = temp_dir("tree");
  ASSERT_TRUE(write_files(sample(), dir.string()).written);
  auto inode = [&](const std::string& path) {
    struct stat st {};
    EXPECT_EQ(::stat((dir / path).c_str(), &st), 0) << path;
    return st.st_ino;
  };
  const auto manifest = inode(".berth/manifest.json"), migration = inode("MIGRATION.md");
  ASSERT_TRUE(write_files(sample(), dir.string()).written);
  EXPECT_EQ(inode(".berth/manifest.json"), manifest); // replacing would give a new inode
  EXPECT_EQ(inode("MIGRATION.md"), migration);
  auto changed = sample();
  changed["MIGRATION.md"] = "# changed\n";
  ASSERT_TRUE(write_files(changed, dir.string()).written);
  EXPECT_NE(inode(".berth/manifest.json"), manifest); // its hash of MIGRATION.md changed
}

TEST(WriteTree, ForeignNonEmptyDirectoryIsRefusedUnlessForced) {
  fs::path dir = temp_dir("tree");
  write_file(dir / "mine.txt", "user data");
  auto r = write_files(sample(), dir.string());
  EXPECT_FALSE(r.written);
  EXPECT_NE(r.refusal.find("not empty"), std::string::npos);
  EXPECT_FALSE(fs::exists(dir / "MIGRATION.md"));
  r = write_files(sample(), dir.string(), WriteOptions{true});
  EXPECT_TRUE(r.written);
  EXPECT_EQ(read_file(dir / "mine.txt"), "user data"); // --force never deletes foreign files
}

TEST(WriteTree, EditedFileRefusesWholeRunBeforeWriting) {
  fs::path dir = temp_dir("tree");
  ASSERT_TRUE(write_files(sample(), dir.string()).written);
  write_file(dir / "MIGRATION.md", "# my notes\n");
  auto changed = sample();
  changed["base/kustomization.yaml"] = "resources: []\n";
  changed["MIGRATION.md"] = "# new\n";
  auto r = write_files(changed, dir.string());
  EXPECT_FALSE(r.written);
  EXPECT_EQ(r.edited, std::vector<std::string>{"MIGRATION.md"});
  // Nothing was written, not even the untouched file.
  EXPECT_EQ(read_file(dir / "MIGRATION.md"), "# my notes\n");
  EXPECT_EQ(read_file(dir / "base/kustomization.yaml"), "resources:\n- a/deployment.yaml\n");

  r = write_files(changed, dir.string(), WriteOptions{true});
  EXPECT_TRUE(r.written);
  EXPECT_EQ(read_file(dir / "MIGRATION.md"), "# new\n");
  EXPECT_EQ(read_file(dir / "base/kustomization.yaml"), "resources: []\n");
}

TEST(WriteTree, EditedFileWithSameContentAsGeneratedIsNotAConflict) {
  fs::path dir = temp_dir("tree");
  ASSERT_TRUE(write_files(sample(), dir.string()).written);
  auto changed = sample();
  changed["MIGRATION.md"] = "# new\n";
  write_file(dir / "MIGRATION.md", "# new\n");
  EXPECT_TRUE(write_files(changed, dir.string()).written);
}

TEST(WriteTree, ForeignFileWhereBerthNowWritesIsAConflict) {
  fs::path dir = temp_dir("tree");
  ASSERT_TRUE(write_files(sample(), dir.string()).written);
  write_file(dir / "base/b/service.yaml", "mine\n");
  auto more = sample();
  more["base/b/service.yaml"] = "kind: Service\n";
  auto r = write_files(more, dir.string());
  EXPECT_FALSE(r.written);
  EXPECT_EQ(r.edited, std::vector<std::string>{"base/b/service.yaml"});
}

TEST(WriteTree, StaleFilesRemovedOnlyWhenUnedited) {
  fs::path dir = temp_dir("tree");
  auto first = sample();
  first["base/old/deployment.yaml"] = "old\n";
  first["base/kept/deployment.yaml"] = "kept\n";
  ASSERT_TRUE(write_files(first, dir.string()).written);
  write_file(dir / "base/kept/deployment.yaml", "edited\n");
  auto r = write_files(sample(), dir.string());
  ASSERT_TRUE(r.written) << r.refusal;
  EXPECT_EQ(r.removed, std::vector<std::string>{"base/old/deployment.yaml"});
  EXPECT_FALSE(fs::exists(dir / "base/old")); // emptied directory removed too
  EXPECT_EQ(read_file(dir / "base/kept/deployment.yaml"), "edited\n");
  ASSERT_EQ(r.warnings.size(), 1u);
  EXPECT_NE(r.warnings[0].find("base/kept/deployment.yaml"), std::string::npos);
  // The new manifest no longer claims the kept file: a later run leaves it alone.
  EXPECT_EQ(read_file(dir / ".berth/manifest.json").find("base/kept"), std::string::npos);
}

TEST(WriteTree, ManifestPathsOutsideTheTreeAreRefusedNotDeleted) {
  // The manifest decides what berth deletes; a crafted one must not reach outside DIR.
  fs::path parent = temp_dir("tree");
  fs::path dir = parent / "out";
  ASSERT_TRUE(write_files(sample(), dir.string()).written);
  write_file(parent / "victim.txt", "precious\n");
  write_file(dir / ".berth/manifest.json",
             "{\"generator\": \"berth\", \"files\": {\"../victim.txt\": \"" +
                 berth::tree::sha256_hex("precious\n") + "\"}}\n");
  EXPECT_THROW(write_files(sample(), dir.string()), berth::Error);
  EXPECT_EQ(read_file(parent / "victim.txt"), "precious\n");
}

TEST(WriteTree, TargetThatIsAFileIsAnError) {
  fs::path dir = temp_dir("tree");
  write_file(dir / "file", "x");
  EXPECT_THROW(write_files(sample(), (dir / "file").string()), berth::Error);
}

TEST(WriteTree, DeterministicBytes) {
  fs::path a = temp_dir("tree"), b = temp_dir("tree");
  write_files(sample(), a.string());
  write_files(sample(), b.string());
  for (const auto& f : listing(a)) EXPECT_EQ(read_file(a / f), read_file(b / f)) << f;
}
