// `berth check` over what `berth convert` writes for each example: the built overlays (through
// `kubectl kustomize … | berth check -` with the default profile) and the raw tree must both be
// free of errors — berth's own output meets berth's own checks.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <vector>

#include "support/test_support.h"

namespace fs = std::filesystem;
using berth::test::run;

namespace {

std::string quote(const fs::path& p) {
  return "'" + p.string() + "'";
}
std::string berth_bin() {
  return quote(berth::test::berth_binary());
}

fs::path compose_file(const fs::path& dir) {
  for (const char* name :
       {"compose.yaml", "compose.yml", "docker-compose.yml", "docker-compose.yaml"})
    if (fs::exists(dir / name)) return dir / name;
  return {};
}

std::vector<fs::path> examples() {
  std::vector<fs::path> out;
  for (const auto& e : fs::directory_iterator(berth::test::source_dir() / "examples"))
    if (e.is_directory() && !compose_file(e.path()).empty()) out.push_back(e.path());
  std::sort(out.begin(), out.end());
  return out;
}

// The default profile, as `berth init --defaults` writes it.
const fs::path& default_profile() {
  static const fs::path file = [] {
    fs::path p = berth::test::temp_dir("berth-profile") / "berth.yaml";
    auto r = run(berth_bin() + " init --defaults -o " + quote(p));
    if (r.exit_code != 0) ADD_FAILURE() << "berth init --defaults: " << r.err;
    return p;
  }();
  return file;
}

fs::path convert(const fs::path& example) {
  fs::path out = berth::test::temp_dir("berth-check-e2e") / example.filename();
  auto r = run(berth_bin() + " convert -f " + quote(compose_file(example)) + " -o " + quote(out));
  if (r.exit_code != 0) ADD_FAILURE() << "convert " << example << ": " << r.err;
  return out;
}

} // namespace

TEST(CheckE2E, BuiltOverlaysOfEveryExampleHaveNoErrors) {
  if (!berth::test::have_program("kubectl")) GTEST_SKIP() << "kubectl not installed";
  for (const fs::path& example : examples()) {
    fs::path tree = convert(example);
    std::vector<fs::path> builds;
    for (const auto& env : fs::directory_iterator(tree / "overlays")) {
      builds.push_back(env.path());
      if (fs::exists(env.path() / "alerts/kustomization.yaml"))
        builds.push_back(env.path() / "alerts");
    }
    std::sort(builds.begin(), builds.end());
    ASSERT_FALSE(builds.empty()) << tree;
    for (const fs::path& dir : builds) {
      auto built = run("kubectl kustomize " + quote(dir));
      ASSERT_EQ(built.exit_code, 0) << dir << ": " << built.err;
      ASSERT_FALSE(built.out.empty()) << dir;
      auto r = run(berth_bin() + " check - --no-color --fail-on error --cluster " +
                       quote(default_profile()),
                   built.out);
      EXPECT_EQ(r.exit_code, 0) << example.filename() << " " << fs::relative(dir, tree) << ":\n"
                                << r.out << r.err;
    }
  }
}

TEST(CheckE2E, RawTreeOfEveryExampleHasNoErrors) {
  for (const fs::path& example : examples()) {
    fs::path tree = convert(example);
    auto r = run(berth_bin() + " check " + quote(tree) + " --no-color --fail-on error --cluster " +
                 quote(default_profile()));
    EXPECT_EQ(r.exit_code, 0) << example.filename() << ":\n" << r.out << r.err;
  }
}
