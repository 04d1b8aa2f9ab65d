// --openapi loading: ../shared definitions.json (kinds, strict checks, timing), bare and full
// v2 documents in JSON and YAML, and file:line:col errors for documents berth cannot use.
#include <gtest/gtest.h>

#include <chrono>

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

Registry with_openapi(const std::string& text, const std::string& name = "openapi.json") {
  Registry r;
  load_builtin(r);
  load_openapi_text(r, text, name);
  return r;
}

std::string error_of(const std::string& text, const std::string& name = "openapi.json") {
  try {
    with_openapi(text, name);
  } catch (const Error& e) {
    return e.what();
  }
  return "no error";
}

TEST(SchemaOpenApi, SharedDefinitionsLoadFastAndCheckEveryKind) {
  auto shared = berth::test::shared_dir();
  if (shared.empty()) GTEST_SKIP() << "../shared is absent";
  std::string path = (shared / "schemas/kubernetes/definitions.json").string();
  std::string text = berth::test::read_file(path);
  Registry r;
  load_builtin(r);
  auto start = std::chrono::steady_clock::now();
  load_openapi_text(r, text, path);
  double ms =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  std::printf("[ info ] definitions.json (%zu bytes): loaded in %.1f ms, %zu kinds, %zu types\n",
              text.size(), ms, r.stats().kinds, r.stats().types);
  const KindSchema* d = r.find("apps/v1", "Deployment");
  ASSERT_NE(d, nullptr);
  EXPECT_EQ(d->source, Source::OpenApi);
  EXPECT_TRUE(r.complete("rbac.authorization.k8s.io/v1"));
  EXPECT_FALSE(r.complete("apps/v1beta1")); // only DeleteOptions/WatchEvent there

  // Kinds without a built-in schema are now checked strictly.
  auto f = check_yaml(R"(apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata: {name: reader}
rules:
  - apiGroups: [""]
    resources: [pods]
    verb: [get]
)",
                      r);
  ASSERT_EQ(f.size(), 2u) << dump(f);
  EXPECT_TRUE(has(f, "schema-unknown-field", 7, 5)) << dump(f);
  EXPECT_TRUE(has(f, "schema-required", 5, 5)) << dump(f); // rules[0].verbs
  EXPECT_NE(f[0].fix.find("\"verbs\""), std::string::npos) << f[0].fix;
  // The semantics table applies to --openapi graphs too (ports, enums, names).
  f = check_yaml("apiVersion: v1\nkind: Service\nmetadata: {name: s}\nspec:\n"
                 "  type: Loadbalancer\n  ports: [{port: 70000}]\n",
                 r);
  EXPECT_TRUE(has(f, "schema-enum", 5, 9)) << dump(f);
  EXPECT_TRUE(has(f, "schema-port-invalid", 6, 18)) << dump(f);
  // A misspelt kind in a group/version the document lists completely.
  f = check_yaml("apiVersion: storage.k8s.io/v1\nkind: StorageClas\nmetadata: {name: s}\n", r);
  ASSERT_EQ(f.size(), 1u) << dump(f);
  EXPECT_EQ(f[0].rule, "schema-kind-unknown");
}

TEST(SchemaOpenApi, FullDocumentInYamlWithIntOrStringFormat) {
  Registry r = with_openapi(R"(swagger: "2.0"
info: {title: Kubernetes, version: v1.30.0}
paths: {/api/v1/namespaces: {get: {}}}
definitions:
  io.example.v1.Widget:
    type: object
    x-kubernetes-group-version-kind: [{group: example.io, version: v1, kind: Widget}]
    required: [spec]
    properties:
      apiVersion: {type: string}
      kind: {type: string}
      metadata: {$ref: "#/definitions/io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta"}
      spec:
        type: object
        properties:
          port: {type: string, format: int-or-string}
          raw: {type: object}
          size: {$ref: "#/definitions/io.k8s.apimachinery.pkg.api.resource.Quantity"}
  io.k8s.apimachinery.pkg.api.resource.Quantity: {type: string}
  io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta:
    type: object
    properties:
      name: {type: string}
      labels: {type: object, additionalProperties: {type: string}}
)",
                            "openapi.yaml");
  EXPECT_TRUE(r.complete("example.io/v1"));
  auto f =
      check_yaml("apiVersion: example.io/v1\nkind: Widget\nmetadata: {name: w, labels: {a: b}}\n"
                 "spec: {port: 80, raw: {any: thing}, size: 2}\n",
                 r);
  EXPECT_TRUE(f.empty()) << dump(f);
  f = check_yaml("apiVersion: example.io/v1\nkind: Widget\nmetadata: {name: w}\n"
                 "spec: {port: [80], size: 2 GB}\n",
                 r);
  EXPECT_TRUE(has(f, "schema-type", 4, 14)) << dump(f);
  EXPECT_TRUE(has(f, "schema-format", 4, 26)) << dump(f); // Quantity by definition name
  f = check_yaml("apiVersion: example.io/v1\nkind: Gadget\nmetadata: {name: w}\n", r);
  ASSERT_EQ(f.size(), 1u) << dump(f);
  EXPECT_EQ(f[0].rule, "schema-kind-unknown");
}

TEST(SchemaOpenApi, BadDocumentsAreErrorsWithPositions) {
  EXPECT_EQ(error_of("{\"definitions\": {\n  \"a\": {\"type\": \"object\"\n}"),
            "openapi.json:3:2: expected ',' or '}' in an object");
  EXPECT_EQ(error_of("[1, 2]"), "openapi.json:1:1: expected one OpenAPI v2 document (a JSON "
                                "object with \"definitions\")");
  EXPECT_EQ(error_of("{\"swagger\": \"2.0\"}"),
            "openapi.json:1:1: no \"definitions\" in the document (expected the output of kubectl "
            "get --raw /openapi/v2)");
  EXPECT_NE(error_of("{\"openapi\": \"3.0.0\", \"components\": {}}").find("OpenAPI v3"),
            std::string::npos);
  EXPECT_EQ(error_of("{\"definitions\": {\"x\": {\"type\": \"object\"}}}"),
            "openapi.json:1:17: no definition carries x-kubernetes-group-version-kind: not a "
            "Kubernetes OpenAPI document");
  EXPECT_EQ(error_of(R"({"definitions": {
  "a.W": {
    "x-kubernetes-group-version-kind": [{"group": "a", "version": "v1", "kind": "W"}],
    "properties": {"spec": {"$ref": "#/definitions/a.Missing"}}
  }
}})"),
            "openapi.json:4:37: $ref to an undefined definition \"a.Missing\"");
  EXPECT_EQ(error_of(R"({"definitions": {
  "a.W": {
    "x-kubernetes-group-version-kind": [{"group": "a", "version": "v1", "kind": "W"}],
    "properties": {"spec": {"type": "obj"}}
  }
}})"),
            "openapi.json:4:37: unknown schema type \"obj\"");
}

TEST(SchemaOpenApi, MissingFileIsAnError) {
  Registry r;
  try {
    load_openapi_file(r, "/nonexistent/openapi.json");
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_EQ(std::string(e.what()), "/nonexistent/openapi.json: no such file");
  }
}

} // namespace
} // namespace berth::check::schema
