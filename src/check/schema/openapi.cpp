// --openapi: an OpenAPI v2 document's definitions with x-kubernetes-group-version-kind → kinds.
#include "check/schema/compile.h"
#include "check/schema/loaders.h"
#include "check/schema/registry.h"
#include "check/schema/semantics.h"
#include "check/schema/source_file.h"
#include "common/error.h"

namespace berth::check::schema {

namespace {

// Shared meta kinds that every group/version lists; they do not make a group/version known.
bool meta_kind(std::string_view kind) {
  return kind == "DeleteOptions" || kind == "WatchEvent";
}

std::string text_of(const yaml::Node* n, const char* what, const yaml::Node& at) {
  if (!n)
    throw Error(at.loc(), std::string("x-kubernetes-group-version-kind entry without ") + what);
  if (!n->is_scalar()) throw Error(n->loc(), std::string(what) + " must be a string");
  return n->value();
}

} // namespace

void load_openapi_text(Registry& registry, std::string_view text, const std::string& name) {
  std::vector<yaml::Node> docs = parse_source(text, name);
  Location file{intern(name), 1, 1};
  if (docs.size() != 1 || !docs[0].is_mapping())
    throw Error(docs.empty() ? file : docs[0].loc(),
                "expected one OpenAPI v2 document (a JSON object with \"definitions\")");
  const yaml::Node& doc = docs[0];
  const yaml::Node* defs = doc.find("definitions");
  if (!defs) {
    if (doc.find("openapi") || doc.find("components"))
      throw Error(doc.loc(),
                  "an OpenAPI v3 document; berth reads v2 (kubectl get --raw /openapi/v2)");
    throw Error(doc.loc(), "no \"definitions\" in the document (expected the output of "
                           "kubectl get --raw /openapi/v2)");
  }
  if (!defs->is_mapping()) throw Error(defs->loc(), "\"definitions\" must be an object");

  Graph& graph = registry.mutable_graph();
  Compiler compiler(graph, Dialect::OpenApi, defs);
  if (defs->find(kObjectMeta)) {
    compiler.set_object_meta(compiler.definition(kObjectMeta));
    registry.set_object_meta(compiler.definition(kObjectMeta));
  }
  const std::string* origin = intern(name);
  std::size_t kinds = 0;
  for (const yaml::Entry& e : defs->entries()) {
    const yaml::Node* gvks =
        e.value.is_mapping() ? e.value.find("x-kubernetes-group-version-kind") : nullptr;
    if (!gvks) continue;
    if (!gvks->is_sequence())
      throw Error(gvks->loc(), "x-kubernetes-group-version-kind must be a list");
    for (const yaml::Node& g : gvks->items()) {
      if (!g.is_mapping())
        throw Error(g.loc(), "x-kubernetes-group-version-kind entries must be objects");
      std::string group = text_of(g.find("group"), "group", g);
      std::string version = text_of(g.find("version"), "version", g);
      std::string kind = text_of(g.find("kind"), "kind", g);
      if (meta_kind(kind) || kind.ends_with("List")) continue;
      std::string api_version = group.empty() ? version : group + "/" + version;
      registry.add(api_version, kind, compiler.definition(e.key.value(), e.key.loc()),
                   Source::OpenApi, origin);
      registry.mark_complete(api_version);
      ++kinds;
    }
  }
  if (kinds == 0)
    throw Error(defs->loc(), "no definition carries x-kubernetes-group-version-kind: not a "
                             "Kubernetes OpenAPI document");
  auto& stats = registry.stats();
  stats.types = graph.type_count();
  stats.patterns += compiler.patterns();
  stats.skipped_patterns.insert(stats.skipped_patterns.end(), compiler.skipped_patterns().begin(),
                                compiler.skipped_patterns().end());
}

void load_openapi_file(Registry& registry, const std::string& path) {
  load_openapi_text(registry, read_source_file(path), path);
}

} // namespace berth::check::schema
