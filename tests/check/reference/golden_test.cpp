// berth's own golden trees pass the reference and capacity families: each overlay rendered by
// `kubectl kustomize` (SKIPPED without kubectl), and each raw tree as `berth check DIR` sees it
// (kustomizations resolving namespaces, patches marked).
#include <filesystem>

#include "check/reference/set_fixture.h"
#include "support/test_support.h"

namespace berth::check::test {
namespace {

namespace fs = std::filesystem;

fs::path golden_root() {
  return berth::test::source_dir() / "tests/cli/golden";
}

std::vector<fs::path> sorted(const fs::path& dir) {
  std::vector<fs::path> out;
  for (const auto& e : fs::directory_iterator(dir))
    out.push_back(e.path());
  std::sort(out.begin(), out.end());
  return out;
}

std::vector<Finding> errors(const std::vector<Finding>& all) {
  std::vector<Finding> out;
  for (const Finding& f : all)
    if (f.severity == Severity::Error) out.push_back(f);
  return out;
}

Options with_cluster() {
  Options o;
  o.profile = profile::default_profile();
  return o;
}

TEST(GoldenTrees, RenderedOverlaysHaveNoReferenceOrCapacityErrors) {
  if (!berth::test::have_program("kubectl")) GTEST_SKIP() << "kubectl not installed";
  int overlays = 0;
  for (const fs::path& app : sorted(golden_root()))
    for (const fs::path& overlay : sorted(app / "overlays")) {
      auto r = berth::test::run("kubectl kustomize '" + overlay.string() + "'");
      ASSERT_EQ(r.exit_code, 0) << overlay << ": " << r.err;
      SetRun s;
      s.options = with_cluster();
      std::string name = app.filename().string() + "-" + overlay.filename().string() + ".yaml";
      s.add(name, r.out);
      std::vector<Finding> all = s.run();
      EXPECT_TRUE(errors(all).empty()) << name << ":\n" << dump(errors(all));
      // Every overlay has a quota: its headroom is reported with numbers.
      EXPECT_FALSE(of(all, "quota-headroom").empty()) << name << ":\n" << dump(all);
      std::cout << "[ info     ] " << name << ": " << all.size() << " finding(s)\n" << dump(all);
      ++overlays;
    }
  EXPECT_GE(overlays, 6);
}

TEST(GoldenTrees, RawTreesHaveNoReferenceOrCapacityErrors) {
  for (const fs::path& app : sorted(golden_root())) {
    SetRun s;
    s.options = with_cluster();
    std::vector<fs::path> files;
    for (auto it = fs::recursive_directory_iterator(app); it != fs::recursive_directory_iterator();
         ++it) {
      std::string leaf = it->path().filename().string();
      if (it->is_directory() && leaf.starts_with(".")) {
        it.disable_recursion_pending(); // .berth, .github: not manifests (as the engine walks)
        continue;
      }
      if (it->is_regular_file() && it->path().extension() == ".yaml") files.push_back(it->path());
    }
    std::sort(files.begin(), files.end());
    for (const fs::path& f : files) {
      std::string rel = fs::relative(f, golden_root()).generic_string();
      bool patch = rel.find("/patches/") != std::string::npos;
      s.add(rel, berth::test::read_file(f), patch);
    }
    std::vector<Finding> all = s.run();
    EXPECT_TRUE(errors(all).empty()) << app << ":\n" << dump(errors(all));
    // Overlays patch the replicas up to 2+: their PDBs (minAvailable 1) leave room to evict.
    EXPECT_TRUE(of(all, "pdb-blocks-eviction").empty()) << app << ":\n" << dump(all);
  }
}

} // namespace
} // namespace berth::check::test
