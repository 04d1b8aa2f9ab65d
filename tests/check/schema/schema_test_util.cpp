// Schema family test helpers (ObjectInfo from the tree, a Context with the family's rules).
#include "check/schema/schema_test_util.h"

#include "check/context.h"
#include "check/schema/builtin.h"
#include "check/schema/loaders.h"
#include "check/schema/schema.h"
#include "support/test_support.h"
#include "yaml/parse.h"

namespace berth::check::schema::test {

const Registry& builtin_registry() {
  static const std::unique_ptr<Registry> r = [] {
    auto reg = std::make_unique<Registry>();
    load_builtin(*reg);
    return reg;
  }();
  return *r;
}

const Registry* shared_registry() {
  static const std::unique_ptr<Registry> r = []() -> std::unique_ptr<Registry> {
    auto shared = berth::test::shared_dir();
    if (shared.empty()) return nullptr;
    Options options;
    options.openapi = (shared / "schemas/kubernetes/definitions.json").string();
    options.crds.push_back((shared / "schemas/crds").string());
    return load_registry(options);
  }();
  return r.get();
}

namespace {

const Catalog& catalog() {
  static const Catalog c(rules());
  return c;
}

} // namespace

std::vector<Finding> check_yaml(const std::string& yaml, const Registry& registry, bool patch,
                                const std::string& file) {
  Options options;
  Context ctx(options, catalog(), registry);
  std::vector<yaml::Node> docs = yaml::parse_stream(yaml, file);
  std::size_t id = 0;
  for (const yaml::Node& doc : docs) {
    if (doc.is_null()) continue;
    ObjectInfo info;
    info.id = id++;
    info.file = file;
    info.api_version = doc.is_mapping() ? doc.text("apiVersion") : "";
    info.kind = doc.is_mapping() ? doc.text("kind") : "";
    const yaml::Node* meta = doc.is_mapping() ? doc.find("metadata") : nullptr;
    info.name = meta && meta->is_mapping() ? meta->text("name") : "";
    info.ns = meta && meta->is_mapping() ? meta->text("namespace") : "";
    info.loc = doc.loc();
    info.patch = patch;
    check_object(Object{info, doc}, ctx);
  }
  return ctx.findings();
}

std::vector<Finding> check_yaml(const std::string& yaml, bool patch) {
  return check_yaml(yaml, builtin_registry(), patch);
}

std::vector<std::string> of_rule(const std::vector<Finding>& findings, const std::string& rule) {
  std::vector<std::string> out;
  for (const Finding& f : findings)
    if (f.rule == rule)
      out.push_back(f.rule + "@" + std::to_string(f.loc.line) + ":" + std::to_string(f.loc.column) +
                    ": " + f.message);
  return out;
}

std::string dump(const std::vector<Finding>& findings) {
  std::string out;
  for (const Finding& f : findings)
    out += f.rule + "@" + std::to_string(f.loc.line) + ":" + std::to_string(f.loc.column) + " " +
           f.object + ": " + f.message + (f.fix.empty() ? "" : " [fix: " + f.fix + "]") + "\n";
  return out;
}

bool has(const std::vector<Finding>& findings, const std::string& rule, unsigned line,
         unsigned col) {
  for (const Finding& f : findings)
    if (f.rule == rule && f.loc.line == line && f.loc.column == col) return true;
  return false;
}

} // namespace berth::check::schema::test
