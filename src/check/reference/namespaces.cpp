// Namespace consistency: within one kustomization (or one directory without one) an object
// whose explicit namespace differs from the group's usual one, as seed 004's `gauzian` vs
// `gauzian-v2`.
#include <algorithm>
#include <unordered_map>

#include "check/index_read.h"
#include "check/reference/checks.h"
#include "common/edit_distance.h"

namespace berth::check::reference {

namespace {

bool cluster_scoped(const ObjectInfo& o) {
  static constexpr std::string_view kKinds[] = {"Namespace",
                                                "Node",
                                                "PersistentVolume",
                                                "StorageClass",
                                                "ClusterRole",
                                                "ClusterRoleBinding",
                                                "CustomResourceDefinition",
                                                "PriorityClass",
                                                "IngressClass",
                                                "RuntimeClass",
                                                "CSIDriver",
                                                "CSINode",
                                                "VolumeSnapshotClass",
                                                "ValidatingWebhookConfiguration",
                                                "MutatingWebhookConfiguration",
                                                "ValidatingAdmissionPolicy",
                                                "ValidatingAdmissionPolicyBinding",
                                                "APIService",
                                                "ClusterIssuer",
                                                "ClusterSecretStore",
                                                "PodSecurityPolicy",
                                                "FlowSchema",
                                                "PriorityLevelConfiguration",
                                                "GatewayClass",
                                                "ClusterPolicy"};
  return std::find(std::begin(kKinds), std::end(kKinds), o.kind) != std::end(kKinds);
}

// "gauzian" vs "gauzian-v2", "shop-prod" vs "shop-prd": one name looks like a variant of the
// other (a prefix ending at a separator or digit, or a small typo).
bool variant(std::string_view a, std::string_view b) {
  if (a.size() > b.size()) std::swap(a, b);
  if (b.substr(0, a.size()) == a && a.size() >= 2) {
    char next = b[a.size()];
    if (next == '-' || next == '.' || next == '_' || (next >= '0' && next <= '9')) return true;
  }
  // Lengths more than 2 apart cannot be within distance 2: skip the table for those.
  return a.size() >= 4 && b.size() <= a.size() + 2 && edit_distance(a, b) <= 2;
}

struct Group {
  std::string label; // "kustomization k8s/kustomization.yaml", "directory k8s"
  std::vector<const ObjectFacts*> members;
};

void check_group(const Lookup& l, const Group& g, Context& ctx) {
  std::vector<std::pair<std::string, std::size_t>> counts; // first-seen order
  for (const ObjectFacts* f : g.members) {
    auto it = std::find_if(counts.begin(), counts.end(),
                           [&](const auto& c) { return c.first == f->object->ns; });
    if (it == counts.end())
      counts.emplace_back(f->object->ns, 1);
    else
      ++it->second;
  }
  if (counts.size() < 2) return;
  auto dominant = counts.begin();
  for (auto it = counts.begin(); it != counts.end(); ++it)
    if (it->second > dominant->second) dominant = it;
  const std::string& usual = dominant->first;
  for (const auto& [ns, n] : counts) {
    if (ns == usual || l.namespace_declared(ns)) continue;
    if (!l.namespace_declared(usual) && !variant(ns, usual)) continue;
    std::string undeclared = l.declares_namespaces()
                                 ? "; no Namespace \"" + ns + "\" is defined in the set"
                                 : std::string();
    for (const ObjectFacts* f : g.members) {
      if (f->object->ns != ns) continue;
      ctx.report("namespace-inconsistent", f->object, f->ns_loc,
                 "metadata.namespace \"" + ns + "\" differs from \"" + usual + "\" used by " +
                     std::to_string(dominant->second) + " other object(s) of " + g.label +
                     undeclared,
                 "Set metadata.namespace: " + usual + " (or `namespace: " + usual +
                     "` in the kustomization).");
    }
  }
}

} // namespace

void check_namespaces(const Lookup& l, Context& ctx) {
  const IndexData& d = l.data();
  std::vector<Group> groups;
  std::unordered_map<std::string, std::size_t> by_key;
  for (const ObjectFacts& f : d.objects) {
    const ObjectInfo& o = *f.object;
    if (o.ns.empty() || cluster_scoped(o)) continue;
    const std::string& file = l.file_of(o);
    std::string key, label;
    if (const auto* listed = l.listed_by(file)) {
      const KustomizationFacts& k = d.kustomizations[listed->front()];
      if (!k.ns.empty()) continue; // kustomize sets every object's namespace anyway
      key = "k\n" + std::to_string(listed->front());
      label = "kustomization " + k.object->file;
    } else {
      std::string dir = index_read::parent_dir(file);
      key = "d\n" + dir;
      label = "directory " + dir;
    }
    auto [it, added] = by_key.emplace(key, groups.size());
    if (added) groups.push_back(Group{label, {}});
    groups[it->second].members.push_back(&f);
  }
  for (const Group& g : groups)
    check_group(l, g, ctx);
}

} // namespace berth::check::reference
