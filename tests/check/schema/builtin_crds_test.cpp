// The built-in custom resource schemas against the real CRDs in ../shared/schemas/crds: every
// built-in field exists there with the same type (and enum); closed built-in types list every
// field of the real one; `object`/open types may say less.
#include <gtest/gtest.h>

#include <map>
#include <set>

#include "check/schema/builtin.h"
#include "check/schema/source_file.h"
#include "support/test_support.h"

namespace berth::check::schema {
namespace {

const yaml::Node* deref(const yaml::Node& defs, const yaml::Node* s) {
  while (s && s->is_mapping() && s->find("$ref")) {
    std::string r = s->find("$ref")->value();
    s = defs.find(r.substr(r.rfind('/') + 1));
  }
  return s;
}

bool flag(const yaml::Node& s, const char* key) {
  const yaml::Node* n = s.find(key);
  return n && n->as_bool().value_or(false);
}

std::set<std::string> strings(const yaml::Node* list) {
  std::set<std::string> out;
  if (list && list->is_sequence())
    for (const yaml::Node& n : list->items())
      out.insert(n.value());
  return out;
}

class Comparer {
public:
  Comparer(const yaml::Node& defs, std::vector<std::string>& diffs) : defs_(defs), diffs_(diffs) {}

  void compare(const yaml::Node* ours_in, const yaml::Node& theirs, const std::string& path) {
    const yaml::Node* ours = deref(defs_, ours_in);
    if (!ours) return diff(path, "unresolvable built-in ref");
    bool unchecked =
        flag(*ours, "x-kubernetes-preserve-unknown-fields") && !ours->find("properties");
    if (flag(*ours, "x-kubernetes-int-or-string")) {
      if (!flag(theirs, "x-kubernetes-int-or-string"))
        diff(path, "built-in int-or-string, CRD is not");
      return;
    }
    std::string type = ours->text("type"), their_type = theirs.text("type");
    if (!type.empty() && type != their_type)
      return diff(path,
                  "built-in " + type + ", CRD " + (their_type.empty() ? "untyped" : their_type));
    if (std::string f = ours->text("format"); !f.empty() && f != theirs.text("format"))
      diff(path, "built-in format " + f + ", CRD " + theirs.text("format"));
    if (ours->find("enum") && strings(ours->find("enum")) != strings(theirs.find("enum")))
      diff(path, "enum differs");
    if (unchecked) return;
    if (const yaml::Node* items = ours->find("items")) {
      if (const yaml::Node* t = theirs.find("items")) compare(items, *t, path + "[]");
      return;
    }
    if (const yaml::Node* ap = ours->find("additionalProperties"); ap && ap->is_mapping()) {
      const yaml::Node* t = theirs.find("additionalProperties");
      if (!t || !t->is_mapping()) return diff(path, "built-in map, CRD is not");
      compare(ap, *t, path + "{}");
      return;
    }
    const yaml::Node* props = ours->find("properties");
    if (!props) return;
    const yaml::Node* their_props = theirs.find("properties");
    bool open = flag(*ours, "x-kubernetes-preserve-unknown-fields");
    for (const yaml::Entry& e : props->entries()) {
      if (path.empty() && (e.key.value() == "metadata")) continue;
      const yaml::Node* t = their_props ? their_props->find(e.key.value()) : nullptr;
      if (!t) {
        diff(path + "." + e.key.value(), "not in the CRD");
        continue;
      }
      compare(&e.value, *t, path + "." + e.key.value());
    }
    std::set<std::string> our_req = strings(ours->find("required"));
    std::set<std::string> their_req = strings(theirs.find("required"));
    their_req.erase("metadata");
    if (path.empty()) our_req.erase("metadata");
    if (!open && their_props)
      for (const yaml::Entry& e : their_props->entries())
        if (!props->find(e.key.value()))
          diff(path + "." + e.key.value(), "missing from the built-in");
    for (const std::string& r : our_req)
      if (!their_req.count(r)) diff(path, "built-in requires " + r + ", the CRD does not");
    if (!open)
      for (const std::string& r : their_req)
        if (!our_req.count(r)) diff(path, "the CRD requires " + r + ", the built-in does not");
  }

private:
  const yaml::Node& defs_;
  std::vector<std::string>& diffs_;
  void diff(const std::string& path, const std::string& what) {
    diffs_.push_back((path.empty() ? std::string(".") : path) + ": " + what);
  }
};

TEST(SchemaBuiltinCrds, MatchTheRealCrds) {
  auto shared = berth::test::shared_dir();
  if (shared.empty()) GTEST_SKIP() << "../shared is absent";
  // group/version/kind → the real CRD version's schema (documents kept alive in `docs`).
  std::vector<std::vector<yaml::Node>> docs;
  std::map<std::string, const yaml::Node*> real;
  for (const auto& entry : std::filesystem::directory_iterator(shared / "schemas/crds")) {
    std::string path = entry.path().string();
    docs.push_back(parse_source(read_source_file(path), path));
    for (const yaml::Node& crd : docs.back()) {
      const yaml::Node* spec = crd.is_mapping() ? crd.find("spec") : nullptr;
      if (!spec) continue;
      for (const yaml::Node& v : spec->find("versions")->items())
        if (const yaml::Node* s = v.find("schema"))
          real[spec->text("group") + "/" + v.text("name") + " " +
               spec->find("names")->text("kind")] = s->find("openAPIV3Schema");
    }
  }
  const BuiltinSchemas& b = builtin_schemas();
  std::size_t compared = 0;
  // ../shared/schemas has no Flux or External Secrets CRDs; those built-ins are checked
  // against berth's own output by the schema tests and the npm oracles in the e2e tests.
  const std::set<std::string> not_shared = {"source.toolkit.fluxcd.io/v1 GitRepository",
                                            "kustomize.toolkit.fluxcd.io/v1 Kustomization",
                                            "external-secrets.io/v1 ExternalSecret"};
  for (const BuiltinRoot& r : b.roots) {
    if (!r.crd || not_shared.count(r.api_version + " " + r.kind)) continue;
    auto it = real.find(r.api_version + " " + r.kind);
    ASSERT_NE(it, real.end()) << "no real CRD for " << r.api_version << " " << r.kind;
    std::vector<std::string> diffs;
    Comparer(b.definitions, diffs).compare(b.definitions.find(r.definition), *it->second, "");
    std::string all;
    for (const auto& d : diffs)
      all += "  " + d + "\n";
    EXPECT_TRUE(diffs.empty()) << r.api_version << " " << r.kind << ":\n" << all;
    ++compared;
  }
  EXPECT_EQ(compared, 9u);
}

} // namespace
} // namespace berth::check::schema
