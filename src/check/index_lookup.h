// Queries over a finished Index for the set-level rules: effective namespaces (what kustomize
// will set), objects by kind/name, pods by label selector, HPAs by target — all hash lookups,
// so rules stay linear in the size of the input.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "check/index_data.h"

namespace berth::check {

// Hash keys of one, two or three strings viewed in place: the views point into the IndexData
// (and the Lookup's own namespace overrides), which outlive every Lookup over them, so building
// the indexes copies no strings.
struct ViewKey {
  std::string_view a, b, c;
  bool operator==(const ViewKey&) const = default;
};
struct ViewKeyHash {
  std::size_t operator()(const ViewKey& k) const noexcept {
    std::hash<std::string_view> h;
    std::size_t x = h(k.a);
    x ^= h(k.b) + 0x9e3779b97f4a7c15ULL + (x << 6) + (x >> 2);
    x ^= h(k.c) + 0x9e3779b97f4a7c15ULL + (x << 6) + (x >> 2);
    return x;
  }
};
template <class V> using ViewMap = std::unordered_map<ViewKey, V, ViewKeyHash>;
using ViewSet = std::unordered_set<std::string_view>;

// Message helpers shared by the set-level families.
// `namespace "shop"`, or "the default namespace of the set" for "".
std::string describe_namespace(std::string_view ns);
// "app=web, tier=api" (labels) / "app=web, tier in (a, b), !canary" (selectors); "{}" if empty.
std::string describe_labels(const Labels& labels);
std::string describe_selector(const Selector& s);

// Items (pods or Services) by namespace and label, for label-selector queries that touch only
// the candidates of the selector's rarest label in the namespaces involved.
class LabelIndex {
public:
  // `ns` and `labels` must outlive the index (they are viewed, not copied).
  void add(std::uint32_t id, const std::string& ns, const Labels& labels);
  void reserve(std::size_t items, std::size_t labels);
  // Ids (ascending, i.e. input order) of items in a namespace that can be `ns` whose labels
  // match `s` (labels_of(id) gives an item's labels); at most `limit`.
  template <class LabelsOf>
  std::vector<std::uint32_t> match(std::string_view ns, const Selector& s, LabelsOf&& labels_of,
                                   std::size_t limit = SIZE_MAX) const;

private:
  using Ids = std::vector<std::uint32_t>;
  std::vector<std::uint32_t> candidates(std::string_view ns, const Selector& s) const;
  ViewMap<Ids> by_ns_label_; // {ns, key, value}
  ViewMap<Ids> by_label_;    // {key, value}, every namespace
  std::unordered_map<std::string_view, Ids> by_ns_;
  Ids all_;
};

class Lookup {
public:
  explicit Lookup(const IndexData& data);
  const IndexData& data() const { return d_; }

  // --- namespaces -----------------------------------------------------------------------------
  // The namespace an object ends up in: the `namespace:` of the kustomization(s) including its
  // file when they all agree, else metadata.namespace as written. "" is "the default namespace
  // of the set": no namespace is written and none is set by a kustomization (kubectl -n or an
  // overlay decides later).
  const std::string& ns(const ObjectInfo& o) const;
  // Two effective namespaces can be the same at deploy time: equal, or one of them is "".
  static bool same_namespace(std::string_view a, std::string_view b) {
    return a == b || a.empty() || b.empty();
  }
  // A `kind: Namespace` object of that name is in the set.
  bool namespace_declared(std::string_view name) const { return declared_.count(name); }
  bool declares_namespaces() const { return !declared_.empty(); }

  // --- objects --------------------------------------------------------------------------------
  // Some object of this kind is in the set (rules that need the other side of a reference stay
  // silent when there is none at all: the input is then obviously partial).
  bool has_kind(std::string_view kind) const { return kinds_.count(kind); }
  // First object (input order) of kind/name in a namespace that can be `ns`; nullptr if none.
  const ObjectInfo* find(std::string_view kind, std::string_view ns, std::string_view name) const;
  // A ConfigMap/Secret/PVC/ServiceAccount of that name exists, or is made by a SealedSecret,
  // Certificate, ExternalSecret, kustomize generator or volumeClaimTemplate.
  bool provides(RefKind kind, std::string_view ns, std::string_view name) const;

  // --- pods -----------------------------------------------------------------------------------
  // Pod-creating objects whose pod labels match `s` in a namespace that can be `ns`, in input
  // order. An empty selector matches every pod of the namespace. Labels controllers add to the
  // pods they create (pod-template-hash, statefulset.kubernetes.io/pod-name, job-name...) are
  // not in templates: requirements on them are taken as met.
  std::vector<const PodsFacts*> pods_matching(std::string_view ns, const Selector& s,
                                              std::size_t limit = SIZE_MAX) const;
  bool any_pod_matches(std::string_view ns, const Selector& s) const {
    return !pods_matching(ns, s, 1).empty();
  }
  // Pod-creating objects of a namespace (compatible), input order.
  std::vector<const PodsFacts*> pods_in(std::string_view ns) const;
  // Workload of kind/name (first in input order) in a namespace that can be `ns`.
  const PodsFacts* workload(std::string_view kind, std::string_view ns,
                            std::string_view name) const;
  // The selector names a label of an operator whose objects are in the set (key prefix
  // cnpg.io/ with a postgresql.cnpg.io Cluster): the operator creates those pods or Services,
  // so "matches nothing in the set" proves nothing.
  bool operator_managed(const Selector& s) const;
  // HPAs whose scaleTargetRef names this workload, input order.
  const std::vector<const HpaFacts*>& hpas_of(const PodsFacts& p) const;
  // spec.replicas a kustomize patch sets for this workload when deployed in namespace `ns`
  // (the patch's kustomization namespace; "" = in any of them, the largest); nullopt if none.
  std::optional<std::int64_t> patched_replicas(const PodsFacts& p, std::string_view ns) const;

  // --- services -------------------------------------------------------------------------------
  std::vector<const ServiceFacts*> services_named(std::string_view ns, std::string_view name) const;
  // Services whose metadata.labels match `s` in a namespace that can be `ns`, input order
  // ("" = any namespace).
  std::vector<const ServiceFacts*> services_matching(std::string_view ns, const Selector& s) const;

  // --- limit ranges ---------------------------------------------------------------------------
  // LimitRange items of type Container that apply in a namespace: those of exactly that
  // namespace first, then those of namespaces that can be it ("" on either side).
  std::vector<const LimitItem*> container_limits(std::string_view ns) const;
  // LimitRanges (all items) applying in a namespace, same order.
  std::vector<const LimitRangeFacts*> limit_ranges_in(std::string_view ns) const;

  // --- kustomize ------------------------------------------------------------------------------
  // The normalized path of an object's file (see index_read::normalize_path).
  const std::string& file_of(const ObjectInfo& o) const;
  // Kustomizations (indexes into data().kustomizations) listing this normalized file directly.
  const std::vector<std::uint32_t>* listed_by(const std::string& file) const;

private:
  using Ids = std::vector<std::uint32_t>;
  void resolve_kustomize_namespaces();

  const IndexData& d_;
  std::unordered_map<const ObjectInfo*, std::string> override_ns_;
  std::unordered_map<std::string_view, std::string> files_; // ObjectInfo::file → normalized
  std::unordered_map<std::string, Ids> listed_;             // normalized file → kustomizations
  ViewSet declared_, kinds_, groups_;
  ViewMap<Ids> objects_by_name_;                       // {kind, name} → d_.objects
  ViewMap<std::vector<const ProvidedFact*>> provided_; // {kind, name}
  LabelIndex pods_, services_;                         // by pod template / Service labels
  ViewMap<Ids> workloads_;                             // {kind, name} → d_.pods
  std::unordered_map<std::string_view, Ids> services_by_name_;
  std::unordered_map<const PodsFacts*, std::vector<const HpaFacts*>> hpas_;
  std::unordered_map<std::string_view, std::vector<const LimitRangeFacts*>> limit_ranges_;
  ViewMap<std::vector<const ReplicaPatchFacts*>> replica_patches_; // {kind, name}
  std::unordered_map<std::string, Ids> listed_patches_; // normalized patch file → kustomizations
};

template <class LabelsOf>
std::vector<std::uint32_t> LabelIndex::match(std::string_view ns, const Selector& s,
                                             LabelsOf&& labels_of, std::size_t limit) const {
  std::vector<std::uint32_t> out;
  for (std::uint32_t id : candidates(ns, s)) {
    if (!s.matches(labels_of(id))) continue;
    out.push_back(id);
    if (out.size() >= limit) break;
  }
  return out;
}

} // namespace berth::check
