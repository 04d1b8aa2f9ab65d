// --crds loading: the 25 real CRDs of ../shared (timing, a ServiceMonitor typo and a pattern
// mismatch), and small CRDs for each structural-schema feature, v1beta1, directories, errors.
#include <gtest/gtest.h>

#include <chrono>
#include <random>

#include "check/schema/builtin.h"
#include "check/schema/loaders.h"
#include "check/schema/registry.h"
#include "check/schema/schema_test_util.h"
#include "common/error.h"
#include "support/test_support.h"

namespace berth::check::schema {
namespace {

using test::check_yaml;
using test::dump;
using test::has;

Registry with_crds(const std::string& text, const std::string& name = "crd.yaml") {
  Registry r;
  load_builtin(r);
  load_crds_text(r, text, name);
  return r;
}

std::string error_of(const std::string& text) {
  try {
    with_crds(text);
  } catch (const Error& e) {
    return e.what();
  }
  return "no error";
}

TEST(SchemaCrds, SharedCrdsLoadAndCatchTyposAndPatterns) {
  auto shared = berth::test::shared_dir();
  if (shared.empty()) GTEST_SKIP() << "../shared is absent";
  Registry r;
  load_builtin(r);
  auto start = std::chrono::steady_clock::now();
  load_crds_path(r, (shared / "schemas/crds").string());
  double ms =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  std::printf("[ info ] 25 CRDs: loaded in %.1f ms, %zu kinds, %zu types, %zu patterns (%zu "
              "skipped)\n",
              ms, r.stats().kinds, r.stats().types, r.stats().patterns,
              r.stats().skipped_patterns.size());
  for (const std::string& s : r.stats().skipped_patterns)
    std::printf("  skipped: %s\n", s.c_str());
  EXPECT_TRUE(r.stats().skipped_patterns.empty());
  const KindSchema* sm = r.find("monitoring.coreos.com/v1", "ServiceMonitor");
  ASSERT_NE(sm, nullptr);
  EXPECT_EQ(sm->source, Source::Crd);
  ASSERT_NE(r.find("argoproj.io/v1alpha1", "ApplicationSet"), nullptr);

  auto f = check_yaml(R"(apiVersion: monitoring.coreos.com/v1
kind: ServiceMonitor
metadata:
  name: web
  labels: {release: kube-prometheus-stack}
spec:
  selector:
    matchLabels: {app: web}
  endpoints:
    - port: http
      path: /metrics
      interval: 5 minutes
      scrapeTimout: 10s
)",
                      r);
  EXPECT_TRUE(has(f, "schema-pattern", 12, 17)) << dump(f);
  EXPECT_TRUE(has(f, "schema-unknown-field", 13, 7)) << dump(f);
  EXPECT_EQ(f.size(), 2u) << dump(f);
  for (const Finding& x : f) {
    if (x.rule == "schema-unknown-field") {
      EXPECT_NE(x.fix.find("\"scrapeTimeout\""), std::string::npos) << x.fix;
    }
  }
}

const char* kWidgetCrd = R"(apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata: {name: widgets.example.io}
spec:
  group: example.io
  names: {kind: Widget, plural: widgets}
  scope: Namespaced
  versions:
    - name: v1alpha1
      served: false
      storage: false
    - name: v1
      served: true
      storage: true
      schema:
        openAPIV3Schema:
          type: object
          required: [spec]
          properties:
            spec:
              type: object
              required: [size]
              properties:
                size: {type: string, enum: [small, large]}
                code: {type: string, pattern: '^[A-Z]{3}-[0-9]+$', maxLength: 10}
                replicas: {type: integer, minimum: 1, maximum: 5}
                port: {x-kubernetes-int-or-string: true, anyOf: [{type: integer}, {type: string}]}
                note: {type: string, nullable: true}
                tags: {type: array, maxItems: 2, items: {type: string}}
                limits: {type: object, additionalProperties: {type: integer}}
                strict: {type: object}
                extra: {type: object, x-kubernetes-preserve-unknown-fields: true}
                template:
                  type: object
                  x-kubernetes-embedded-resource: true
                  x-kubernetes-preserve-unknown-fields: true
)";

TEST(SchemaCrds, StructuralSchemaFeatures) {
  Registry r = with_crds(kWidgetCrd);
  EXPECT_EQ(r.find("example.io/v1alpha1", "Widget"), nullptr); // not served
  ASSERT_NE(r.find("example.io/v1", "Widget"), nullptr);
  auto ok = check_yaml(R"(apiVersion: example.io/v1
kind: Widget
metadata: {name: w, labels: {app: w}}
spec:
  size: small
  code: ABC-12
  replicas: 3
  port: http
  note: null
  tags: [a, b]
  limits: {cpu: 2}
  strict: {}
  extra: {anything: [goes]}
  template: {apiVersion: v1, kind: Pod, metadata: {name: p}, spec: {whatever: 1}}
)",
                       r);
  EXPECT_TRUE(ok.empty()) << dump(ok);
  auto f = check_yaml(R"(apiVersion: example.io/v1
kind: Widget
metadata: {name: w}
spec:
  size: medium
  code: abc-12
  replicas: 9
  port: [1]
  tags: [a, b, c]
  limits: {cpu: two}
  strict: {x: 1}
  template: {metadata: {labels: {"bad key": x}}}
  bogus: true
)",
                      r);
  EXPECT_TRUE(has(f, "schema-enum", 5, 9)) << dump(f);
  EXPECT_TRUE(has(f, "schema-pattern", 6, 9)) << dump(f);
  EXPECT_TRUE(has(f, "schema-range", 7, 13)) << dump(f);
  EXPECT_TRUE(has(f, "schema-type", 8, 9)) << dump(f);
  EXPECT_TRUE(has(f, "schema-range", 9, 9)) << dump(f);
  EXPECT_TRUE(has(f, "schema-type", 10, 17)) << dump(f);
  EXPECT_TRUE(has(f, "schema-unknown-field", 11, 12)) << dump(f);
  EXPECT_TRUE(has(f, "schema-label-invalid", 12, 34)) << dump(f);
  EXPECT_TRUE(has(f, "schema-unknown-field", 13, 3)) << dump(f);
  EXPECT_EQ(f.size(), 9u) << dump(f);
  // A version the CRD does not serve (or does not list) is an error: the CRD is authoritative.
  f = check_yaml("apiVersion: example.io/v1alpha1\nkind: Widget\nmetadata: {name: w}\n", r);
  ASSERT_EQ(f.size(), 1u) << dump(f);
  EXPECT_EQ(f[0].rule, "schema-kind-unknown");
  EXPECT_NE(f[0].message.find("example.io/v1"), std::string::npos) << f[0].message;
  // Required fields of the spec.
  f = check_yaml("apiVersion: example.io/v1\nkind: Widget\nmetadata: {name: w}\nspec: {}\n", r);
  EXPECT_TRUE(has(f, "schema-required", 4, 7)) << dump(f);
}

TEST(SchemaCrds, V1beta1SchemaAndLists) {
  Registry r = with_crds(R"(apiVersion: v1
kind: List
items:
  - apiVersion: apiextensions.k8s.io/v1beta1
    kind: CustomResourceDefinition
    metadata: {name: gadgets.example.io}
    spec:
      group: example.io
      version: v1
      names: {kind: Gadget}
      validation:
        openAPIV3Schema:
          properties:
            spec: {properties: {size: {type: integer}}}
)");
  auto f = check_yaml("apiVersion: example.io/v1\nkind: Gadget\nmetadata: {name: g}\n"
                      "spec: {size: big}\n",
                      r);
  EXPECT_TRUE(has(f, "schema-type", 4, 14)) << dump(f);
}

TEST(SchemaCrds, DirectoriesAreReadRecursivelyIgnoringOtherDocuments) {
  auto dir = berth::test::temp_dir("berth-crds");
  berth::test::write_file(dir / "a/widget.yaml", kWidgetCrd);
  berth::test::write_file(dir / "b/other.yml",
                          "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\n");
  berth::test::write_file(dir / "notes.txt", "not yaml: [");
  Registry r;
  load_builtin(r);
  load_crds_path(r, dir.string());
  EXPECT_NE(r.find("example.io/v1", "Widget"), nullptr);
}

TEST(SchemaCrds, BadCrdsAreErrorsWithPositions) {
  EXPECT_EQ(error_of("apiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\n"
                     "spec:\n  names: {kind: X}\n  versions: []\n"),
            "crd.yaml:4:3: CustomResourceDefinition without spec.group");
  EXPECT_EQ(error_of("apiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\n"
                     "spec:\n  group: x.io\n  names: {kind: X}\n  versions:\n    - name: v1\n"
                     "      schema:\n        openAPIV3Schema:\n          type: objekt\n"),
            "crd.yaml:10:17: unknown schema type \"objekt\"");
  EXPECT_EQ(error_of("apiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\n"
                     "spec:\n  group: x.io\n  names: {kind: X}\n  versions:\n    - name: v1\n"
                     "      schema:\n        openAPIV3Schema:\n          properties: [a]\n"),
            "crd.yaml:10:23: properties must be a mapping");
  EXPECT_EQ(error_of("kind: [unclosed\n"),
            "crd.yaml:2:1: invalid YAML: flow sequence without a closing bracket");
}

TEST(SchemaCrds, UnsupportedPatternsAreSkippedAndCounted) {
  Registry r = with_crds(R"(apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
spec:
  group: x.io
  names: {kind: X}
  versions:
    - name: v1
      served: true
      schema:
        openAPIV3Schema:
          properties:
            a: {type: string, pattern: '^\p{L}+$'}
)");
  ASSERT_EQ(r.stats().skipped_patterns.size(), 1u);
  EXPECT_EQ(r.stats().skipped_patterns[0].substr(0, 14), "crd.yaml:12:40")
      << r.stats().skipped_patterns[0];
  EXPECT_TRUE(
      check_yaml("apiVersion: x.io/v1\nkind: X\nmetadata: {name: x}\na: '123'\n", r).empty());
}

} // namespace
} // namespace berth::check::schema

namespace berth::check::schema {
namespace {

// Random mutations of a CRD: loading either works or throws berth::Error, never anything else.
TEST(SchemaCrds, MutatedCrdsLoadOrFailCleanly) {
  std::mt19937 rng(777);
  const char alphabet[] = "{}[]:,-\"' \n0123456789abcxyz.^$|()\\*+?";
  std::size_t loaded = 0;
  for (int i = 0; i < 400; ++i) {
    std::string text = kWidgetCrd;
    for (int e = 0, n = 1 + static_cast<int>(rng() % 3); e < n; ++e) {
      std::size_t pos = rng() % text.size();
      if (rng() % 2)
        text[pos] = alphabet[rng() % (sizeof alphabet - 1)];
      else
        text.erase(pos, 1 + rng() % 6);
    }
    try {
      Registry r; // no built-in set: the CRD alone (metadata then accepts anything)
      load_crds_text(r, text, "crd.yaml");
      (void)check_yaml("apiVersion: example.io/v1\nkind: Widget\nmetadata: {name: w}\n"
                       "spec: {size: small, code: ABC-1, tags: [a]}\n",
                       r);
      ++loaded;
    } catch (const Error&) {
    }
  }
  EXPECT_GT(loaded, 50u);
}

} // namespace
} // namespace berth::check::schema
