// Input discovery: sorted walk, hidden entries skipped, excludes, kustomize patch files, object
// identity and the ignore annotation.
#include <gtest/gtest.h>

#include <filesystem>
#include <map>

#include "check/input.h"
#include "common/error.h"
#include "support/test_support.h"
#include "yaml/parse.h"

using namespace berth::check;
namespace fs = std::filesystem;
using berth::test::write_file;

namespace {

std::vector<std::string> paths_of(const std::vector<InputFile>& files) {
  std::vector<std::string> out;
  for (const InputFile& f : files)
    out.push_back(f.path);
  return out;
}

// Runs `fn` with the current directory set to `dir`, so shown paths are relative.
template <class Fn> auto in_dir(const fs::path& dir, Fn fn) {
  fs::path old = fs::current_path();
  fs::current_path(dir);
  struct Restore {
    fs::path p;
    ~Restore() { fs::current_path(p); }
  } restore{old};
  return fn();
}

} // namespace

TEST(Input, WalksSortedSkippingHiddenAndOtherExtensions) {
  fs::path d = berth::test::temp_dir("berth-input");
  for (const char* f : {"b.yaml", "a.yml", "c.json", "notes.md", "z/y.yaml", "z/a/x.yaml",
                        ".git/config.yaml", ".github/workflows/ci.yaml", ".hidden.yaml",
                        "sub/.berth/manifest.json", "kustomization.yaml"})
    write_file(d / f, "{}\n");
  auto files = in_dir(d, [] { return list_inputs({"."}, {}); });
  EXPECT_EQ(paths_of(files),
            (std::vector<std::string>{"a.yml", "b.yaml", "c.json", "kustomization.yaml",
                                      "z/a/x.yaml", "z/y.yaml"}));
  EXPECT_TRUE(files[3].kustomization);
  EXPECT_FALSE(files[0].kustomization);
}

TEST(Input, ShownPathsKeepTheArgumentPrefix) {
  fs::path d = berth::test::temp_dir("berth-input");
  write_file(d / "k8s/base/a.yaml", "{}\n");
  auto files = in_dir(d, [] { return list_inputs({"./k8s/", "k8s/base/a.yaml", "-"}, {}); });
  // The explicit file was already reached through the directory: read once.
  EXPECT_EQ(paths_of(files), (std::vector<std::string>{"k8s/base/a.yaml", "-"}));
  EXPECT_TRUE(files[1].is_stdin);
}

TEST(Input, ExplicitFilesAnyExtension) {
  fs::path d = berth::test::temp_dir("berth-input");
  write_file(d / "manifest.txt", "{}\n");
  auto files = in_dir(d, [] { return list_inputs({"manifest.txt"}, {}); });
  EXPECT_EQ(paths_of(files), std::vector<std::string>{"manifest.txt"});
}

TEST(Input, MissingPathIsAUsageError) {
  try {
    list_inputs({"/nonexistent/berth/x.yaml"}, {});
    FAIL() << "no error";
  } catch (const berth::Error& e) {
    EXPECT_EQ(e.where().str(), "/nonexistent/berth/x.yaml");
    EXPECT_EQ(e.message(), "no such file or directory");
  }
}

TEST(Input, ExcludesMatchShownOrWalkRelativePaths) {
  fs::path d = berth::test::temp_dir("berth-input");
  for (const char* f :
       {"k8s/vendor/v.yaml", "k8s/app.yaml", "k8s/app.generated.yaml", "k8s/deep/x.generated.yaml"})
    write_file(d / f, "{}\n");
  auto files = in_dir(d, [] { return list_inputs({"k8s"}, {"vendor/**", "**/*.generated.yaml"}); });
  EXPECT_EQ(paths_of(files), std::vector<std::string>{"k8s/app.yaml"});
  auto explicit_files = in_dir(d, [] {
    return list_inputs({"k8s/app.generated.yaml", "-"}, {"*.generated.yaml"});
  });
  EXPECT_EQ(paths_of(explicit_files), std::vector<std::string>{"-"}); // stdin is never excluded
}

TEST(Input, KustomizationPatchFilesAreMarked) {
  fs::path d = berth::test::temp_dir("berth-input");
  write_file(d / "overlay/kustomization.yaml", R"(resources: [../base]
patches:
  - path: patches/replicas.yaml
    target: {kind: Deployment}
  - patch: |-
      - op: replace
        path: /spec/replicas
        value: 3
patchesStrategicMerge:
  - memory.yaml
  - |-
    apiVersion: apps/v1
    kind: Deployment
patchesJson6902:
  - target: {kind: Service, name: web}
    path: svc-port.yaml
)");
  for (const char* f : {"overlay/patches/replicas.yaml", "overlay/memory.yaml",
                        "overlay/svc-port.yaml", "overlay/namespace.yaml", "base/deploy.yaml"})
    write_file(d / f, "{}\n");
  auto files = in_dir(d, [] { return list_inputs({"."}, {}); });
  std::map<std::string, bool> patch;
  for (const InputFile& f : files)
    patch[f.path] = f.patch;
  EXPECT_TRUE(patch.at("overlay/patches/replicas.yaml"));
  EXPECT_TRUE(patch.at("overlay/memory.yaml"));
  EXPECT_TRUE(patch.at("overlay/svc-port.yaml"));
  EXPECT_FALSE(patch.at("overlay/namespace.yaml"));
  EXPECT_FALSE(patch.at("base/deploy.yaml"));
  EXPECT_FALSE(patch.at("overlay/kustomization.yaml"));
  // A patch named on its own is recognised through the kustomization of a directory above it.
  auto one = in_dir(d, [] { return list_inputs({"overlay/patches/replicas.yaml"}, {}); });
  ASSERT_EQ(one.size(), 1u);
  EXPECT_TRUE(one[0].patch);
}

TEST(Input, KustomizationPatchFileList) {
  auto root = berth::yaml::parse_document(R"(patches: [{path: a.yaml}, {patch: "x: 1"}, 7]
patchesStrategicMerge: [b.yaml, "kind: X\nmetadata: {}\n", {path: q}]
patchesJson6902: [{path: c.yaml, target: {}}]
)",
                                          "k.yaml");
  EXPECT_EQ(kustomization_patch_files(root),
            (std::vector<std::string>{"a.yaml", "c.yaml", "b.yaml"}));
  EXPECT_TRUE(kustomization_patch_files(berth::yaml::parse_document("[]", "k")).empty());
}

TEST(Input, ObjectIdentityAndIgnoreAnnotation) {
  auto root = berth::yaml::parse_document(R"(apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: shop
  annotations:
    berth.dev/ignore: "probe-missing, image-latest-tag"
)",
                                          "d.yaml");
  ObjectInfo info = object_info(root, "d.yaml", 7, false);
  EXPECT_EQ(info.id, 7u);
  EXPECT_EQ(info.file, "d.yaml");
  EXPECT_EQ(info.api_version, "apps/v1");
  EXPECT_EQ(info.kind, "Deployment");
  EXPECT_EQ(info.name, "web");
  EXPECT_EQ(info.ns, "shop");
  EXPECT_EQ(info.loc.line, 1u);
  EXPECT_EQ(info.ignored, (std::vector<std::string>{"probe-missing", "image-latest-tag"}));
  EXPECT_TRUE(info.ignores("probe-missing"));
  EXPECT_FALSE(info.ignores("privileged"));
}

TEST(Input, ObjectIdentityToleratesWrongTypes) {
  auto root = berth::yaml::parse_document(
      "apiVersion: [v1]\nkind: {a: b}\nmetadata: {name: [x], annotations: [1]}\n", "d.yaml");
  ObjectInfo info = object_info(root, "d.yaml", 0, true);
  EXPECT_EQ(info.api_version, "");
  EXPECT_EQ(info.kind, "");
  EXPECT_EQ(info.name, "");
  EXPECT_TRUE(info.patch);
  EXPECT_TRUE(info.ignored.empty());
  ObjectInfo scalar = object_info(berth::yaml::parse_document("7", "d"), "d", 0, false);
  EXPECT_EQ(scalar.kind, "");
}

TEST(Input, IgnoreAnnotationSyntax) {
  EXPECT_EQ(parse_ignore_annotation("*"), std::vector<std::string>{"*"});
  EXPECT_EQ(parse_ignore_annotation(" a ,b  c,,"), (std::vector<std::string>{"a", "b", "c"}));
  EXPECT_TRUE(parse_ignore_annotation("").empty());
}

TEST(Input, ReadTextFile) {
  fs::path d = berth::test::temp_dir("berth-input");
  write_file(d / "a.yaml", "x: 1\n");
  std::string text, error;
  EXPECT_TRUE(read_text_file((d / "a.yaml").string(), text, error));
  EXPECT_EQ(text, "x: 1\n");
  EXPECT_FALSE(read_text_file((d / "none.yaml").string(), text, error));
  EXPECT_FALSE(error.empty());
}
