// Loading exports: kubectl Lists (YAML and JSON), multi-document files, directories with files
// that are not manifests, stdin, and clear errors for what is not an object.
#include <gtest/gtest.h>

#include "import/load.h"
#include "support/test_support.h"

namespace berth::import {
namespace {

namespace fs = std::filesystem;

std::vector<std::string> refs(const Loaded& l) {
  std::vector<std::string> r;
  for (const SourceObject& o : l.objects)
    r.push_back(o.object.text("kind") + "/" + o.object.find("metadata")->text("name"));
  return r;
}

TEST(ImportLoad, FlattensListsAndNestedLists) {
  fs::path dir = berth::test::temp_dir("import-load");
  berth::test::write_file(dir / "export.yaml", R"(apiVersion: v1
kind: List
items:
- {apiVersion: v1, kind: ConfigMap, metadata: {name: a}}
- apiVersion: v1
  kind: ServiceList
  items:
  - {apiVersion: v1, kind: Service, metadata: {name: b}}
metadata: {resourceVersion: ""}
---
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: c}
)");
  Loaded l = load_exports({(dir / "export.yaml").string()});
  EXPECT_EQ(refs(l), (std::vector<std::string>{"ConfigMap/a", "Service/b", "Deployment/c"}));
  EXPECT_EQ(l.objects[0].at.line, 4u); // items keep their own position
  EXPECT_TRUE(l.warnings.empty());
}

TEST(ImportLoad, ReadsKubectlJson) {
  fs::path dir = berth::test::temp_dir("import-load");
  berth::test::write_file(dir / "export.json", R"({"apiVersion": "v1", "kind": "List", "items": [
    {"apiVersion": "v1", "kind": "Secret", "metadata": {"name": "s"}, "data": {"k": "dg=="}}]})");
  Loaded l = load_exports({(dir / "export.json").string()});
  EXPECT_EQ(refs(l), (std::vector<std::string>{"Secret/s"}));
}

TEST(ImportLoad, DirectoriesAreSortedAndSkipWhatIsNotAManifest) {
  fs::path dir = berth::test::temp_dir("import-load");
  berth::test::write_file(dir / "b.yaml", "{apiVersion: v1, kind: Service, metadata: {name: b}}\n");
  berth::test::write_file(dir / "sub/a.yml",
                          "{apiVersion: v1, kind: Service, metadata: {name: a}}\n");
  berth::test::write_file(dir / "values.yaml", "replicaCount: 2\n");
  berth::test::write_file(dir / "kustomization.yaml",
                          "apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\n");
  berth::test::write_file(dir / ".git/x.yaml",
                          "{apiVersion: v1, kind: Service, metadata: {name: x}}\n");
  berth::test::write_file(dir / "notes.txt", "not yaml: [");
  Loaded l = load_exports({dir.string()});
  EXPECT_EQ(refs(l), (std::vector<std::string>{"Service/b", "Service/a"}));
  ASSERT_EQ(l.warnings.size(), 2u);
  EXPECT_NE(l.warnings[0].find("kustomization"), std::string::npos) << l.warnings[0];
  EXPECT_NE(l.warnings[1].find("values.yaml: no Kubernetes objects"), std::string::npos);
}

TEST(ImportLoad, StdinAndErrorsWithPositions) {
  Loaded l = load_exports({"-"}, "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\n");
  EXPECT_EQ(refs(l), (std::vector<std::string>{"ConfigMap/x"}));

  try {
    load_exports({"-"}, "---\napiVersion: v1\nkind: ConfigMap\nmetadata: {}\n");
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_EQ(e.where().line, 4u);
    EXPECT_NE(e.message().find("metadata.name"), std::string::npos) << e.message();
  }
  EXPECT_THROW(load_exports({"-"}, "- 1\n- 2\n"), Error);
  EXPECT_THROW(load_exports({"-"}, "{kind: Service, metadata: {name: a}}\n"), Error); // apiVersion
  EXPECT_THROW(load_exports({"-"}, "{apiVersion: v1, kind: [x]}\n"), Error);
  EXPECT_THROW(load_exports({"-"}, "a: [\n"), Error); // malformed YAML
  fs::path dir = berth::test::temp_dir("import-load");
  berth::test::write_file(dir / "kustomization.yaml",
                          "apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\n");
  EXPECT_THROW(load_exports({(dir / "kustomization.yaml").string()}), Error);
  EXPECT_THROW(load_exports({(dir / "missing.yaml").string()}), Error);
}

} // namespace
} // namespace berth::import
