// write_tree into a new directory: objects emitted straight into the staged files, with the
// same bytes, errors and clean-up as rendering everything first.
#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <string>

#include "common/error.h"
#include "support/test_support.h"
#include "tree/output_source.h"
#include "tree/writer.h"

namespace fs = std::filesystem;
using berth::test::read_file;
using berth::test::temp_dir;
using berth::yaml::Node;

namespace {

// Objects in base, overlays and patches, and text files, in an order that is not sorted.
berth::generate::Output sample_output(int objects) {
  berth::generate::Output out;
  for (int i = objects - 1; i >= 0; --i) {
    Node obj = Node::mapping();
    obj.set("kind", Node::str("ConfigMap"));
    Node data = Node::mapping();
    data.set("index", Node::integer(i));
    data.set("text", Node::str("line one\nline two | " + std::to_string(i) + "\n"));
    obj.set("data", std::move(data));
    out.add_base("base/svc-" + std::to_string(i % 37) + "/cm-" + std::to_string(i) + ".yaml", obj);
    if (i % 5 == 0)
      out.add_overlay("staging", "overlays/staging/o-" + std::to_string(i) + ".yaml", obj);
    if (i % 7 == 0)
      out.add_patch("production", "overlays/production/patches/p-" + std::to_string(i) + ".yaml",
                    obj);
  }
  out.add_file("MIGRATION.md", "# runbook\n");
  out.add_file("argocd/staging.yaml", "kind: Application\n");
  return out;
}

std::map<std::string, std::string> read_tree(const fs::path& root) {
  std::map<std::string, std::string> out;
  for (const auto& e : fs::recursive_directory_iterator(root))
    if (e.is_regular_file()) out[fs::relative(e.path(), root).generic_string()] = read_file(e);
  return out;
}

std::string error_of(const std::function<void()>& f) {
  try {
    f();
  } catch (const berth::Error& e) {
    return e.what();
  }
  return "";
}

} // namespace

TEST(OutputSource, FilesSortedByPathWithEmittedContent) {
  auto out = sample_output(40);
  berth::tree::OutputSource source(out);
  ASSERT_TRUE(source.paths_ok());
  auto rendered = berth::tree::render(out);
  ASSERT_EQ(source.size(), rendered.size());
  std::string buffer;
  std::size_t i = 0;
  for (const auto& [path, content] : rendered) {
    EXPECT_EQ(source.path(i), path);
    EXPECT_EQ(source.content(i, buffer), content) << path;
    ++i;
  }
  EXPECT_NO_THROW(source.check());
}

TEST(OutputSource, RefusedPathsAreReported) {
  auto out = sample_output(3);
  out.add_file("MIGRATION.md", "again");
  EXPECT_FALSE(berth::tree::OutputSource(out).paths_ok());
  auto bad = sample_output(3);
  bad.add_file("../up.txt", "x");
  EXPECT_FALSE(berth::tree::OutputSource(bad).paths_ok());
}

TEST(WriteTreeFresh, SameBytesAsRenderingFirst) {
  auto out = sample_output(1500); // several blocks per writer thread
  fs::path fresh = temp_dir("outsrc") / "new", existing = temp_dir("outsrc");
  ASSERT_TRUE(berth::tree::write_tree(out, fresh.string()).written);
  // A re-run over an existing tree renders first and writes only what changed.
  auto older = sample_output(1400);
  ASSERT_TRUE(berth::tree::write_tree(older, existing.string()).written);
  auto r = berth::tree::write_tree(out, existing.string());
  ASSERT_TRUE(r.written) << r.refusal;
  EXPECT_EQ(r.files, berth::tree::render(out).size());
  auto expected = berth::tree::render(out);
  expected[".berth/manifest.json"] = berth::tree::manifest_json(berth::tree::render(out));
  EXPECT_EQ(read_tree(fresh), expected);
  EXPECT_EQ(read_tree(existing), expected);
}

TEST(WriteTreeFresh, ObjectThatCannotBeEmittedLeavesNothing) {
  auto out = sample_output(600);
  out.base[500].object.set("bad", Node::str("\xff\xfe"));
  out.base[100].object.set("bad", Node::str("\xc3"));
  std::string expected = error_of([&] { berth::tree::render(out); });
  ASSERT_NE(expected, "");
  fs::path parent = temp_dir("outsrc");
  fs::path dir = parent / "a" / "b";
  EXPECT_EQ(error_of([&] { berth::tree::write_tree(out, dir.string()); }), expected);
  EXPECT_FALSE(fs::exists(parent / "a")); // the directories it created are gone again
  fs::path empty = temp_dir("outsrc");
  EXPECT_EQ(error_of([&] { berth::tree::write_tree(out, empty.string()); }), expected);
  EXPECT_TRUE(fs::exists(empty)); // an existing directory stays, still empty
  EXPECT_TRUE(fs::is_empty(empty));
}

TEST(WriteTreeFresh, RefusedPathIsRendersErrorAndNothingIsCreated) {
  auto out = sample_output(20);
  out.add_overlay("staging", "base/svc-3/cm-3.yaml", Node::mapping()); // claimed twice
  std::string expected = error_of([&] { berth::tree::render(out); });
  ASSERT_NE(expected.find("two generated files claim"), std::string::npos) << expected;
  fs::path dir = temp_dir("outsrc") / "out";
  EXPECT_EQ(error_of([&] { berth::tree::write_tree(out, dir.string()); }), expected);
  EXPECT_FALSE(fs::exists(dir));
}
