// Facts of objects that make others exist or decide namespaces: SealedSecrets, cert-manager
// Certificates, ExternalSecrets (each yields a Secret) and kustomize Kustomizations.
#include "check/index_extract.h"
#include "check/index_read.h"

namespace berth::check::index_extract {

using namespace index_read;
using yaml::Node;

namespace {

// Remote bases (git URLs, http) are outside the checked set.
bool is_remote(std::string_view entry) {
  return entry.find("://") != std::string_view::npos || entry.rfind("git@", 0) == 0 ||
         entry.rfind("github.com/", 0) == 0;
}

} // namespace

void secret_provider(const Object& o, IndexData& d) {
  const Node* spec = mapping_at(&o.root, "spec");
  std::string_view kind = o.info.kind;
  std::string name, ns;
  if (kind == "SealedSecret") {
    const Node* meta = mapping_at(mapping_at(spec, "template"), "metadata");
    name = text_at(meta, "name");
    ns = text_at(meta, "namespace");
    if (name.empty()) name = o.info.name;
  } else if (kind == "Certificate") {
    name = text_at(spec, "secretName");
  } else if (kind == "ExternalSecret") {
    name = text_at(mapping_at(spec, "target"), "name");
    if (name.empty()) name = o.info.name;
  }
  if (!name.empty()) d.provided.push_back(ProvidedFact{RefKind::Secret, name, ns, &o.info});
}

void kustomization(const Object& o, IndexData& d) {
  KustomizationFacts k;
  k.object = &o.info;
  k.dir = parent_dir(normalize_path(o.info.file));
  if (const Node* ns = scalar_at(&o.root, "namespace")) {
    k.ns = ns->value();
    k.ns_loc = ns->loc();
  }
  for (const char* key : {"resources", "bases", "components"})
    if (const Node* list = sequence_at(&o.root, key))
      for (const Node& r : list->items())
        if (r.is_scalar() && !r.is_null() && !is_remote(r.value()))
          k.resources.push_back(normalize_path(k.dir + "/" + r.value()));
  // Strategic-merge patches: `patches: [{path}]` and the older `patchesStrategicMerge: [path]`
  // (inline patches and JSON 6902 operation lists carry no replicas worth resolving).
  for (const char* key : {"patches", "patchesStrategicMerge"})
    if (const Node* list = sequence_at(&o.root, key))
      for (const Node& p : list->items()) {
        std::string path = p.is_scalar() ? p.value() : text_at(&p, "path");
        if (!path.empty() && path.find('\n') == std::string::npos && !is_remote(path))
          k.patches.push_back(normalize_path(k.dir + "/" + path));
      }
  // The image transformer: an entry matching a container's image name (tag and digest aside)
  // and giving it a tag or digest pins that image in this build.
  if (const Node* list = sequence_at(&o.root, "images"))
    for (const Node& image : list->items()) {
      std::string name = text_at(&image, "name");
      if (!name.empty() &&
          (!text_at(&image, "newTag").empty() || !text_at(&image, "digest").empty()))
        k.pinned_images.push_back(std::move(name));
    }
  // Generated ConfigMaps/Secrets: references to the generator's name are rewritten by kustomize
  // to the hashed name, so the plain name is what pods refer to.
  for (const auto& [key, kind] : {std::pair{"configMapGenerator", RefKind::ConfigMap},
                                  std::pair{"secretGenerator", RefKind::Secret}})
    if (const Node* list = sequence_at(&o.root, key))
      for (const Node& g : list->items()) {
        std::string name = text_at(&g, "name");
        if (name.empty()) continue;
        std::string ns = text_at(&g, "namespace");
        d.provided.push_back(ProvidedFact{kind, name, ns.empty() ? k.ns : ns, &o.info});
      }
  d.kustomizations.push_back(std::move(k));
}

void replica_patch(const Object& o, IndexData& d) {
  std::string_view kind = o.info.kind;
  if (kind != "Deployment" && kind != "StatefulSet" && kind != "ReplicaSet" &&
      kind != "ReplicationController")
    return;
  std::int64_t replicas = 0;
  if (int_at(mapping_at(&o.root, "spec"), "replicas", replicas) && replicas >= 0)
    d.replica_patches.push_back(ReplicaPatchFacts{&o.info, replicas});
}

} // namespace berth::check::index_extract
