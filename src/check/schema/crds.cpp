// --crds: CustomResourceDefinition documents → one kind per served version (Crd dialect).
#include <algorithm>
#include <filesystem>

#include "check/schema/compile.h"
#include "check/schema/loaders.h"
#include "check/schema/registry.h"
#include "check/schema/source_file.h"
#include "common/error.h"

namespace berth::check::schema {

namespace {

const yaml::Node& need(const yaml::Node& parent, std::string_view key, const char* what) {
  const yaml::Node* n = parent.is_mapping() ? parent.find(key) : nullptr;
  if (!n || n->is_null())
    throw Error(parent.loc(), "CustomResourceDefinition without " + std::string(what));
  return *n;
}

std::string need_text(const yaml::Node& parent, std::string_view key, const char* what) {
  const yaml::Node& n = need(parent, key, what);
  if (!n.is_scalar() || n.value().empty())
    throw Error(n.loc(), std::string(what) + " must be a non-empty string");
  return n.value();
}

void load_crd(Registry& registry, Compiler& compiler, const yaml::Node& crd,
              const std::string* origin) {
  const yaml::Node& spec = need(crd, "spec", "spec");
  if (!spec.is_mapping()) throw Error(spec.loc(), "spec must be a mapping");
  std::string group = need_text(spec, "group", "spec.group");
  std::string kind = need_text(need(spec, "names", "spec.names"), "kind", "spec.names.kind");
  // v1beta1: one schema for every version (spec.validation), versions optional (spec.version).
  const yaml::Node* shared = nullptr;
  if (const yaml::Node* validation = spec.find("validation");
      validation && validation->is_mapping())
    shared = validation->find("openAPIV3Schema");
  const yaml::Node* versions = spec.find("versions");
  auto add = [&](const std::string& version, const yaml::Node* schema) {
    std::uint32_t type;
    if (schema) {
      type = compiler.resource(*schema, group + "/" + version + "/" + kind);
    } else { // no schema: anything goes (the API server keeps unknown fields)
      yaml::Node open = yaml::Node::mapping();
      open.set("type", yaml::Node::str("object"));
      open.set("x-kubernetes-preserve-unknown-fields", yaml::Node::boolean(true));
      type = compiler.resource(open, kind);
    }
    registry.add(group + "/" + version, kind, type, Source::Crd, origin);
  };
  if (versions && versions->is_sequence() && versions->size() > 0) {
    for (const yaml::Node& v : versions->items()) {
      std::string name = need_text(v, "name", "spec.versions[].name");
      const yaml::Node* served = v.find("served");
      if (served && served->as_bool() == false) continue;
      const yaml::Node* schema = shared;
      if (const yaml::Node* s = v.find("schema"); s && s->is_mapping())
        if (const yaml::Node* root = s->find("openAPIV3Schema")) schema = root;
      add(name, schema);
    }
  } else if (const yaml::Node* version = spec.find("version"); version && version->is_scalar()) {
    add(version->value(), shared);
  } else {
    throw Error(spec.loc(), "CustomResourceDefinition without spec.versions");
  }
}

void load_document(Registry& registry, Compiler& compiler, const yaml::Node& doc,
                   const std::string* origin) {
  if (!doc.is_mapping()) return;
  std::string kind = doc.text("kind");
  if (kind == "List" || (kind.ends_with("List") && doc.find("items"))) {
    if (const yaml::Node* items = doc.find("items"); items && items->is_sequence())
      for (const yaml::Node& item : items->items())
        load_document(registry, compiler, item, origin);
    return;
  }
  if (kind == "CustomResourceDefinition") load_crd(registry, compiler, doc, origin);
}

} // namespace

void load_crds_text(Registry& registry, std::string_view text, const std::string& name) {
  std::vector<yaml::Node> docs = parse_source(text, name);
  Compiler compiler(registry.mutable_graph(), Dialect::Crd, nullptr, registry.object_meta());
  const std::string* origin = intern(name);
  for (const yaml::Node& doc : docs) {
    if (doc.is_sequence()) { // a JSON array of CRDs
      for (const yaml::Node& item : doc.items())
        load_document(registry, compiler, item, origin);
      continue;
    }
    load_document(registry, compiler, doc, origin);
  }
  auto& stats = registry.stats();
  stats.types = registry.graph().type_count();
  stats.patterns += compiler.patterns();
  stats.skipped_patterns.insert(stats.skipped_patterns.end(), compiler.skipped_patterns().begin(),
                                compiler.skipped_patterns().end());
}

void load_crds_path(Registry& registry, const std::string& path) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (!fs::is_directory(path, ec)) {
    load_crds_text(registry, read_source_file(path), path);
    return;
  }
  std::vector<std::string> files;
  for (fs::recursive_directory_iterator it(path, ec), end; !ec && it != end; it.increment(ec)) {
    if (!it->is_regular_file(ec)) continue;
    std::string ext = it->path().extension().string();
    if (ext == ".yaml" || ext == ".yml" || ext == ".json") files.push_back(it->path().string());
  }
  if (ec) throw Error(Location{intern(path), 0, 0}, "cannot read directory: " + ec.message());
  std::sort(files.begin(), files.end());
  for (const std::string& f : files)
    load_crds_text(registry, read_source_file(f), f);
}

} // namespace berth::check::schema
