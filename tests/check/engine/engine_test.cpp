// The engine end to end on files: inputs (Lists, JSON, stdin, directories, excludes, kustomize
// patches), the ignore annotation, malformed files among good ones, and output that does not
// depend on the number of threads.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <sstream>

#include <unistd.h>

#include "check/engine/engine.h"
#include "common/error.h"
#include "support/test_support.h"

using namespace berth::check;
namespace fs = std::filesystem;
using berth::test::write_file;

namespace {

std::string describe(const Finding& f) {
  return f.file + ":" + std::to_string(f.loc.line) + ":" + std::to_string(f.loc.column) + " " +
         f.rule + " [" + f.object + "] " + f.message;
}

std::vector<std::string> describe(const Result& r) {
  std::vector<std::string> out;
  for (const Finding& f : r.findings)
    out.push_back(describe(f));
  return out;
}

// Findings of one rule only (families add their own findings as they land).
std::vector<const Finding*> of_rule(const Result& r, std::string_view rule) {
  std::vector<const Finding*> out;
  for (const Finding& f : r.findings)
    if (f.rule == rule) out.push_back(&f);
  return out;
}

Result run_paths(std::vector<std::string> paths, const std::string& stdin_text = "",
                 unsigned jobs = 1, ConfigFile config = {}) {
  Options o;
  o.paths = std::move(paths);
  o.jobs = jobs;
  o.config = std::move(config);
  std::istringstream in(stdin_text);
  return run(o, in);
}

const char* kDeployment = R"(apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: shop
spec:
  replicas: 2
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
        - name: web
          image: nginx:1.27
          ports: [{containerPort: 80, name: http}]
)";

} // namespace

TEST(Engine, CatalogHasTheInputRulesFirstAndUniqueIds) {
  const Catalog& c = catalog();
  ASSERT_GE(c.rules().size(), 5u);
  for (const char* id : {"yaml-syntax", "input-unreadable", "object-not-mapping",
                         "object-kind-missing", "list-item-invalid"}) {
    const RuleInfo* r = c.find(id);
    ASSERT_NE(r, nullptr) << id;
    EXPECT_EQ(r->family, Family::Input) << id;
  }
  for (const RuleInfo& r : c.rules()) {
    EXPECT_FALSE(r.id.empty());
    EXPECT_TRUE(std::all_of(r.id.begin(), r.id.end(), [](char ch) {
      return (ch >= 'a' && ch <= 'z') || ch == '-' || (ch >= '0' && ch <= '9');
    })) << r.id;
    EXPECT_FALSE(r.summary.empty()) << r.id;
    EXPECT_FALSE(r.fix.empty()) << r.id;
  }
}

TEST(Engine, ListItemsAreObjectsWithTheirOwnPositions) {
  Result r = run_paths({"-"}, R"(apiVersion: v1
kind: List
items:
  - apiVersion: v1
    kind: ConfigMap
    metadata: {name: a}
  - metadata: {name: no-kind}
  - just a string
  - apiVersion: v1
    kind: ConfigMap
    metadata: {name: b}
)");
  EXPECT_EQ(r.documents, 1u);
  EXPECT_EQ(r.objects, 2u);
  auto missing = of_rule(r, "object-kind-missing");
  ASSERT_EQ(missing.size(), 1u) << testing::PrintToString(describe(r));
  EXPECT_EQ(missing[0]->loc.line, 7u);
  EXPECT_EQ(missing[0]->loc.column, 5u);
  EXPECT_EQ(missing[0]->file, "-");
  auto invalid = of_rule(r, "list-item-invalid");
  ASSERT_EQ(invalid.size(), 1u);
  EXPECT_EQ(invalid[0]->loc.line, 8u);
  EXPECT_NE(invalid[0]->message.find("item 3"), std::string::npos) << invalid[0]->message;
  EXPECT_FALSE(r.unusable_input);
}

TEST(Engine, TypedListsAndBadItems) {
  Result r = run_paths({"-"}, R"(apiVersion: v1
kind: ServiceList
items:
  - metadata: {name: x}
---
apiVersion: v1
kind: List
items: {a: b}
---
apiVersion: v1
kind: List
)");
  EXPECT_EQ(r.documents, 3u);
  EXPECT_EQ(of_rule(r, "object-kind-missing").size(), 1u);
  auto invalid = of_rule(r, "list-item-invalid");
  ASSERT_EQ(invalid.size(), 1u);
  EXPECT_EQ(invalid[0]->loc.line, 8u);
}

TEST(Engine, JsonDocumentsWithPositions) {
  fs::path d = berth::test::temp_dir("berth-engine");
  write_file(d / "objs.json", R"({"apiVersion": "v1", "kind": "List", "items": [
  {"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "a"}},
  {"metadata": {"name": "b"}}
]}
)");
  Result r = run_paths({(d / "objs.json").string()});
  EXPECT_EQ(r.objects, 1u);
  auto missing = of_rule(r, "object-kind-missing");
  ASSERT_EQ(missing.size(), 1u);
  EXPECT_EQ(missing[0]->loc.line, 3u);
  EXPECT_EQ(missing[0]->loc.column, 3u);
}

TEST(Engine, NullDocumentsSkippedScalarsAndSequencesReported) {
  Result r = run_paths({"-"}, "---\n# only a comment\n---\n---\n42\n---\n- a\n- b\n");
  EXPECT_EQ(r.objects, 0u);
  auto bad = of_rule(r, "object-not-mapping");
  ASSERT_EQ(bad.size(), 2u) << testing::PrintToString(describe(r));
  EXPECT_EQ(bad[0]->loc.line, 5u);
  EXPECT_NE(bad[0]->message.find("scalar"), std::string::npos);
  EXPECT_NE(bad[1]->message.find("sequence"), std::string::npos);
  EXPECT_EQ(r.files, 1u);
  EXPECT_EQ(r.bytes, std::string("---\n# only a comment\n---\n---\n42\n---\n- a\n- b\n").size());
}

TEST(Engine, KindOfTheWrongTypeIsReportedAtTheField) {
  Result r = run_paths({"-"}, "apiVersion: v1\nkind: {a: b}\nmetadata: {name: x}\n---\n"
                              "apiVersion:\nkind: Pod\n");
  auto missing = of_rule(r, "object-kind-missing");
  ASSERT_EQ(missing.size(), 2u) << testing::PrintToString(describe(r));
  EXPECT_EQ(missing[0]->loc.line, 2u);
  EXPECT_EQ(missing[0]->loc.column, 7u);
  EXPECT_NE(missing[0]->message.find("kind is a mapping"), std::string::npos);
  EXPECT_EQ(missing[1]->loc.line, 5u);
  EXPECT_NE(missing[1]->message.find("apiVersion is null"), std::string::npos);
  EXPECT_EQ(r.objects, 0u);
}

TEST(Engine, StdinCountsAsOneFile) {
  Result r = run_paths({"-"}, kDeployment);
  EXPECT_EQ(r.files, 1u);
  EXPECT_EQ(r.documents, 1u);
  EXPECT_EQ(r.objects, 1u);
  EXPECT_EQ(r.bytes, std::string(kDeployment).size());
  for (const Finding& f : r.findings)
    EXPECT_EQ(f.file, "-") << describe(f);
}

TEST(Engine, DirectoriesRecursiveWithExcludes) {
  fs::path d = berth::test::temp_dir("berth-engine");
  write_file(d / "app/deploy.yaml", kDeployment);
  write_file(d / "app/vendor/thing.yaml", "not: an object\n");
  write_file(d / "app/x.generated.yaml", "not: an object\n");
  write_file(d / "app/.github/workflows/ci.yaml", "on: push\n");
  write_file(d / "app/README.md", "# hi\n");
  ConfigFile config;
  config.exclude = {"vendor/**", "**/*.generated.yaml"};
  Result r = run_paths({(d / "app").string()}, "", 1, config);
  EXPECT_EQ(r.files, 1u);
  EXPECT_EQ(r.objects, 1u);
  EXPECT_TRUE(of_rule(r, "object-kind-missing").empty()) << testing::PrintToString(describe(r));
  Result all = run_paths({(d / "app").string()});
  EXPECT_EQ(all.files, 3u);
  EXPECT_EQ(of_rule(all, "object-kind-missing").size(), 2u);
}

TEST(Engine, KustomizePatchesAreMarkedNotObjects) {
  fs::path d = berth::test::temp_dir("berth-engine");
  write_file(d / "base/deploy.yaml", kDeployment);
  write_file(d / "base/kustomization.yaml", "resources: [deploy.yaml]\n");
  write_file(d / "overlay/kustomization.yaml", R"(resources: [../base]
namespace: shop
patches:
  - path: replicas.yaml
    target: {kind: Deployment, name: web}
patchesJson6902:
  - path: ops.yaml
    target: {kind: Deployment, name: web}
)");
  // A target patch may omit apiVersion/kind; a JSON 6902 patch is a list of operations.
  write_file(d / "overlay/replicas.yaml", "spec:\n  replicas: 3\n");
  write_file(d / "overlay/ops.yaml", "- op: replace\n  path: /spec/replicas\n  value: 3\n");
  write_file(d / "overlay/stray.yaml", "spec:\n  replicas: 3\n"); // not listed: reported
  Result r = run_paths({d.string()});
  auto missing = of_rule(r, "object-kind-missing");
  ASSERT_EQ(missing.size(), 1u) << testing::PrintToString(describe(r));
  EXPECT_NE(missing[0]->file.find("stray.yaml"), std::string::npos);
  EXPECT_TRUE(of_rule(r, "object-not-mapping").empty()) << testing::PrintToString(describe(r));
  // kustomization files are read (syntax) but are not Kubernetes objects
  EXPECT_EQ(r.objects, 1u);
  for (const Finding& f : r.findings)
    EXPECT_EQ(f.file.find("kustomization.yaml"), std::string::npos) << describe(f);
}

TEST(Engine, IgnoreAnnotationSilencesRulesForThatObject) {
  Result r = run_paths({"-"}, R"(metadata:
  name: a
  annotations: {berth.dev/ignore: "object-kind-missing"}
---
metadata:
  name: b
  annotations: {berth.dev/ignore: "*"}
---
metadata:
  name: c
  annotations: {berth.dev/ignore: "some-other-rule"}
)");
  auto missing = of_rule(r, "object-kind-missing");
  ASSERT_EQ(missing.size(), 1u) << testing::PrintToString(describe(r));
  EXPECT_EQ(missing[0]->object, "?/c");
}

TEST(Engine, ConfigDisablesAndRaisesRules) {
  ConfigFile disable;
  disable.disable = {"object-kind-missing"};
  EXPECT_TRUE(of_rule(run_paths({"-"}, "metadata: {name: a}\n", 1, disable), "object-kind-missing")
                  .empty());
  ConfigFile lower;
  lower.severity = {{"object-kind-missing", Severity::Info}};
  Result r = run_paths({"-"}, "metadata: {name: a}\n", 1, lower);
  ASSERT_EQ(of_rule(r, "object-kind-missing").size(), 1u);
  EXPECT_EQ(of_rule(r, "object-kind-missing")[0]->severity, Severity::Info);
}

TEST(Engine, MalformedFileAmongGoodOnes) {
  fs::path d = berth::test::temp_dir("berth-engine");
  write_file(d / "a.yaml", "metadata: {name: a}\n");
  write_file(d / "b.yaml", "metadata: {name: before}\n---\nkey: [unclosed\nother: 1\n");
  write_file(d / "c.yaml", "metadata: {name: c}\n");
  Result r = run_paths({d.string()}, "", 2);
  EXPECT_TRUE(r.unusable_input);
  auto syntax = of_rule(r, "yaml-syntax");
  ASSERT_EQ(syntax.size(), 1u) << testing::PrintToString(describe(r));
  EXPECT_NE(syntax[0]->file.find("b.yaml"), std::string::npos);
  EXPECT_GE(syntax[0]->loc.line, 3u);
  EXPECT_GT(syntax[0]->loc.column, 0u);
  EXPECT_EQ(syntax[0]->severity, Severity::Error);
  std::vector<std::string> names;
  for (const Finding* f : of_rule(r, "object-kind-missing"))
    names.push_back(f->object);
  // The document before the error is still checked, and so are the other files.
  EXPECT_EQ(names, (std::vector<std::string>{"?/a", "?/before", "?/c"}));
}

TEST(Engine, UnreadableFileIsAFindingNotAnAbort) {
  if (::geteuid() == 0) GTEST_SKIP() << "root reads any file";
  fs::path d = berth::test::temp_dir("berth-engine");
  write_file(d / "a.yaml", kDeployment);
  write_file(d / "secret.yaml", kDeployment);
  fs::permissions(d / "secret.yaml", fs::perms::none);
  Result r = run_paths({d.string()});
  fs::permissions(d / "secret.yaml", fs::perms::owner_all);
  EXPECT_TRUE(r.unusable_input);
  auto unreadable = of_rule(r, "input-unreadable");
  ASSERT_EQ(unreadable.size(), 1u);
  EXPECT_NE(unreadable[0]->file.find("secret.yaml"), std::string::npos);
  EXPECT_EQ(r.objects, 1u);
}

TEST(Engine, MissingPathIsAUsageError) {
  EXPECT_THROW(run_paths({"/nonexistent/berth-check/x.yaml"}), berth::Error);
}

TEST(Engine, FindingsSortedAndDeduplicated) {
  fs::path d = berth::test::temp_dir("berth-engine");
  write_file(d / "b.yaml", "metadata: {name: b}\n");
  write_file(d / "a.yaml", "metadata: {name: a}\n---\nmetadata: {name: a2}\n");
  // The same file twice (directory and explicit) is read once.
  Result r = run_paths({d.string(), (d / "a.yaml").string()});
  auto lines = describe(r);
  EXPECT_TRUE(std::is_sorted(r.findings.begin(), r.findings.end()));
  EXPECT_EQ(of_rule(r, "object-kind-missing").size(), 3u) << testing::PrintToString(lines);
}

TEST(Engine, OutputIdenticalWhateverTheThreadCount) {
  fs::path d = berth::test::temp_dir("berth-engine");
  // Many files of different shapes so workers interleave: good objects, objects without kind,
  // Lists, a malformed file, services pointing at deployments in other files.
  for (int i = 0; i < 120; ++i) {
    std::string n = std::to_string(i);
    std::string text;
    switch (i % 5) {
    case 0:
      text = kDeployment;
      break;
    case 1:
      text = "metadata: {name: m" + n + "}\n";
      break;
    case 2:
      text = "apiVersion: v1\nkind: List\nitems:\n  - apiVersion: v1\n    kind: Service\n"
             "    metadata: {name: s" +
             n +
             ", namespace: shop}\n    spec:\n      selector: "
             "{app: web}\n      ports: [{port: 80, targetPort: http}]\n  - 7\n";
      break;
    case 3:
      text = "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d" + n +
             "}\nspec:\n  template:\n    spec:\n      containers:\n        - name: c\n"
             "          image: busybox\n          securityContext: {privileged: true}\n";
      break;
    case 4:
      text = i == 59 ? "a: [\n" : "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c" + n + "}\n";
      break;
    }
    write_file(d / ("dir" + std::to_string(i % 7)) / ("f" + n + ".yaml"), text);
  }
  Result one = run_paths({d.string()}, "", 1);
  Result four = run_paths({d.string()}, "", 4);
  EXPECT_EQ(describe(one), describe(four));
  EXPECT_EQ(one.objects, four.objects);
  EXPECT_EQ(one.documents, four.documents);
  EXPECT_EQ(one.bytes, four.bytes);
  EXPECT_TRUE(one.unusable_input);
  EXPECT_EQ(one.files, 120u);
  for (std::size_t a = 0; a < one.scorecard.areas.size(); ++a)
    EXPECT_EQ(one.scorecard.areas[a].score, four.scorecard.areas[a].score);
  EXPECT_EQ(one.scorecard.overall, four.scorecard.overall);
  // Field by field, not only the description.
  ASSERT_EQ(one.findings.size(), four.findings.size());
  for (std::size_t i = 0; i < one.findings.size(); ++i) {
    EXPECT_EQ(one.findings[i].severity, four.findings[i].severity);
    EXPECT_EQ(one.findings[i].fix, four.findings[i].fix);
    EXPECT_EQ(one.findings[i].ns, four.findings[i].ns);
  }
}
