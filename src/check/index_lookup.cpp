// Lookup: hash indexes over the Index facts, built once per set-level pass, and the kustomize
// namespace resolution (which namespace each file's objects really land in).
#include "check/index_lookup.h"

#include <algorithm>
#include <functional>
#include <set>

#include "check/index_read.h"

namespace berth::check {

namespace {

const std::vector<const HpaFacts*> kNoHpas;

// Merges two ascending id lists (input order is kept when ids of two namespaces are joined).
std::vector<std::uint32_t> merged(const std::vector<std::uint32_t>* a,
                                  const std::vector<std::uint32_t>* b) {
  std::vector<std::uint32_t> out;
  if (a) out = *a;
  if (b) {
    std::size_t mid = out.size();
    out.insert(out.end(), b->begin(), b->end());
    std::inplace_merge(out.begin(), out.begin() + static_cast<std::ptrdiff_t>(mid), out.end());
  }
  return out;
}

std::string_view ref_kind_name(RefKind k) {
  switch (k) {
  case RefKind::ConfigMap:
    return "ConfigMap";
  case RefKind::Secret:
    return "Secret";
  case RefKind::PersistentVolumeClaim:
    return "PersistentVolumeClaim";
  case RefKind::ServiceAccount:
    return "ServiceAccount";
  }
  return "";
}

} // namespace

void LabelIndex::reserve(std::size_t items, std::size_t labels) {
  all_.reserve(items);
  by_label_.reserve(labels);
  by_ns_label_.reserve(labels);
}

void LabelIndex::add(std::uint32_t id, const std::string& ns, const Labels& labels) {
  all_.push_back(id);
  by_ns_[ns].push_back(id);
  for (const auto& [k, v] : labels) {
    by_label_[ViewKey{k, v, {}}].push_back(id);
    by_ns_label_[ViewKey{ns, k, v}].push_back(id);
  }
}

std::vector<std::uint32_t> LabelIndex::candidates(std::string_view ns, const Selector& s) const {
  auto bucket = [](const auto& map, const auto& k) -> const Ids* {
    auto it = map.find(k);
    return it == map.end() ? nullptr : &it->second;
  };
  if (s.match_labels.empty()) {
    if (ns.empty()) return all_; // "" can be any namespace
    return merged(bucket(by_ns_, ns), bucket(by_ns_, std::string_view()));
  }
  // The selector's rarest label: every match carries it, so its bucket is enough.
  const Ids *best_a = nullptr, *best_b = nullptr;
  std::size_t best = SIZE_MAX;
  for (const auto& [k, v] : s.match_labels) {
    const Ids *a = nullptr, *b = nullptr;
    if (ns.empty()) {
      a = bucket(by_label_, ViewKey{k, v, {}});
    } else {
      a = bucket(by_ns_label_, ViewKey{ns, k, v});
      b = bucket(by_ns_label_, ViewKey{{}, k, v});
    }
    std::size_t size = (a ? a->size() : 0) + (b ? b->size() : 0);
    if (size < best) {
      best = size;
      best_a = a;
      best_b = b;
    }
    if (size == 0) return {};
  }
  return merged(best_a, best_b);
}

Lookup::Lookup(const IndexData& d) : d_(d) {
  // Every file is normalized once, however many objects it holds.
  files_.reserve(d.objects.size() + d.kustomizations.size() + d.replica_patches.size());
  auto add_file = [&](const std::string& file) {
    auto [it, added] = files_.try_emplace(file);
    if (added) it->second = index_read::normalize_path(file);
  };
  for (const ObjectFacts& f : d.objects)
    add_file(f.object->file);
  for (const KustomizationFacts& k : d.kustomizations)
    add_file(k.object->file);
  for (const ReplicaPatchFacts& p : d.replica_patches)
    add_file(p.object->file);
  resolve_kustomize_namespaces();

  objects_by_name_.reserve(d.objects.size());
  for (std::uint32_t i = 0; i < d.objects.size(); ++i) {
    const ObjectInfo& o = *d.objects[i].object;
    kinds_.insert(o.kind);
    groups_.insert(o.group());
    if (o.kind == "Namespace" && o.group().empty()) declared_.insert(o.name);
    objects_by_name_[ViewKey{o.kind, o.name, {}}].push_back(i);
  }
  provided_.reserve(d.provided.size());
  for (const ProvidedFact& p : d.provided)
    provided_[ViewKey{ref_kind_name(p.kind), p.name, {}}].push_back(&p);
  std::size_t pod_labels = 0;
  for (const PodsFacts& p : d.pods)
    pod_labels += p.labels.size();
  pods_.reserve(d.pods.size(), pod_labels);
  workloads_.reserve(d.pods.size());
  for (std::uint32_t i = 0; i < d.pods.size(); ++i) {
    const PodsFacts& p = d.pods[i];
    pods_.add(i, ns(*p.object), p.labels);
    workloads_[ViewKey{p.object->kind, p.object->name, {}}].push_back(i);
  }
  std::size_t service_labels = 0;
  for (const ServiceFacts& s : d.services)
    service_labels += s.labels.size();
  services_.reserve(d.services.size(), service_labels);
  services_by_name_.reserve(d.services.size());
  for (std::uint32_t i = 0; i < d.services.size(); ++i) {
    services_by_name_[d.services[i].object->name].push_back(i);
    services_.add(i, ns(*d.services[i].object), d.services[i].labels);
  }
  for (const LimitRangeFacts& lr : d.limit_ranges)
    limit_ranges_[ns(*lr.object)].push_back(&lr);
  for (const ReplicaPatchFacts& p : d.replica_patches)
    replica_patches_[ViewKey{p.object->kind, p.object->name, {}}].push_back(&p);
  for (const HpaFacts& h : d.hpas) {
    auto it = workloads_.find(ViewKey{h.target_kind, h.target_name, {}});
    if (it == workloads_.end()) continue;
    const std::string& hns = ns(*h.object);
    for (std::uint32_t i : it->second)
      if (same_namespace(ns(*d.pods[i].object), hns)) hpas_[&d.pods[i]].push_back(&h);
  }
}

// Kustomize applies a kustomization's `namespace:` to everything it includes, and an outer
// kustomization's namespace wins over an inner one. A file reached through several roots (a
// base shared by overlays) lands in several namespaces: it keeps its own metadata.namespace.
void Lookup::resolve_kustomize_namespaces() {
  const auto& ks = d_.kustomizations;
  if (ks.empty()) return;
  std::unordered_map<std::string, std::uint32_t> by_dir;
  for (std::uint32_t i = 0; i < ks.size(); ++i)
    by_dir.try_emplace(ks[i].dir, i);
  std::vector<Ids> parents(ks.size());
  for (std::uint32_t i = 0; i < ks.size(); ++i) {
    for (const std::string& r : ks[i].resources) {
      if (auto it = by_dir.find(r); it != by_dir.end() && it->second != i)
        parents[it->second].push_back(i);
      else
        listed_[r].push_back(i);
    }
    for (const std::string& p : ks[i].patches)
      listed_patches_[p].push_back(i);
  }
  // Namespaces each kustomization's objects can get ("" = none set along some chain).
  std::vector<std::set<std::string>> out(ks.size());
  std::vector<char> state(ks.size(), 0); // 0 new, 1 in progress, 2 done
  std::function<const std::set<std::string>&(std::uint32_t)> resolve =
      [&](std::uint32_t k) -> const std::set<std::string>& {
    if (state[k] != 0) return out[k]; // done, or a cycle (kustomize rejects those anyway)
    state[k] = 1;
    std::set<std::string> result;
    if (parents[k].empty()) result.insert(ks[k].ns);
    for (std::uint32_t p : parents[k])
      for (const std::string& v : resolve(p))
        result.insert(v.empty() ? ks[k].ns : v);
    out[k] = std::move(result);
    state[k] = 2;
    return out[k];
  };
  auto place = [&](const ObjectInfo& o, const std::unordered_map<std::string, Ids>& listing) {
    auto it = listing.find(file_of(o));
    if (it == listing.end()) return;
    std::set<std::string> values;
    for (std::uint32_t k : it->second)
      for (const std::string& v : resolve(k))
        values.insert(v.empty() ? o.ns : v);
    if (values.size() == 1 && *values.begin() != o.ns) override_ns_.emplace(&o, *values.begin());
  };
  for (const ObjectFacts& f : d_.objects)
    place(*f.object, listed_);
  // A patch applies inside its kustomization, so it lands where that kustomization's output does.
  for (const ReplicaPatchFacts& p : d_.replica_patches)
    place(*p.object, listed_patches_);
}

const std::string& Lookup::ns(const ObjectInfo& o) const {
  if (!override_ns_.empty())
    if (auto it = override_ns_.find(&o); it != override_ns_.end()) return it->second;
  return o.ns;
}

const std::string& Lookup::file_of(const ObjectInfo& o) const {
  auto it = files_.find(o.file);
  return it != files_.end() ? it->second : o.file;
}

const std::vector<std::uint32_t>* Lookup::listed_by(const std::string& file) const {
  auto it = listed_.find(file);
  return it == listed_.end() ? nullptr : &it->second;
}

const ObjectInfo* Lookup::find(std::string_view kind, std::string_view ns,
                               std::string_view name) const {
  auto it = objects_by_name_.find(ViewKey{kind, name, {}});
  if (it == objects_by_name_.end()) return nullptr;
  for (std::uint32_t i : it->second)
    if (same_namespace(this->ns(*d_.objects[i].object), ns)) return d_.objects[i].object;
  return nullptr;
}

bool Lookup::provides(RefKind kind, std::string_view ns, std::string_view name) const {
  if (find(ref_kind_name(kind), ns, name)) return true;
  auto it = provided_.find(ViewKey{ref_kind_name(kind), name, {}});
  if (it == provided_.end()) return false;
  for (const ProvidedFact* p : it->second)
    if (same_namespace(p->ns.empty() ? this->ns(*p->object) : p->ns, ns)) return true;
  return false;
}

namespace {

bool controller_label(std::string_view key) {
  return key == "pod-template-hash" || key == "controller-revision-hash" || key == "job-name" ||
         key == "controller-uid" || key.starts_with("statefulset.kubernetes.io/") ||
         key.starts_with("apps.kubernetes.io/") || key.starts_with("batch.kubernetes.io/");
}

} // namespace

std::vector<const PodsFacts*> Lookup::pods_matching(std::string_view ns, const Selector& s,
                                                    std::size_t limit) const {
  const Selector* sel = &s;
  Selector stripped;
  auto on_controller_label = [](const Selector::Requirement& r) { return controller_label(r.key); };
  auto pair_on_controller_label = [](const auto& p) { return controller_label(p.first); };
  if (std::any_of(s.match_labels.begin(), s.match_labels.end(), pair_on_controller_label) ||
      std::any_of(s.expressions.begin(), s.expressions.end(), on_controller_label)) {
    stripped = s;
    std::erase_if(stripped.match_labels, pair_on_controller_label);
    std::erase_if(stripped.expressions, on_controller_label);
    sel = &stripped;
  }
  std::vector<const PodsFacts*> out;
  for (std::uint32_t i : pods_.match(
           ns, *sel, [&](std::uint32_t id) -> const Labels& { return d_.pods[id].labels; }, limit))
    out.push_back(&d_.pods[i]);
  return out;
}

std::vector<const ServiceFacts*> Lookup::services_matching(std::string_view ns,
                                                           const Selector& s) const {
  std::vector<const ServiceFacts*> out;
  for (std::uint32_t i : services_.match(
           ns, s, [&](std::uint32_t id) -> const Labels& { return d_.services[id].labels; }))
    out.push_back(&d_.services[i]);
  return out;
}

std::vector<const PodsFacts*> Lookup::pods_in(std::string_view ns) const {
  return pods_matching(ns, Selector{});
}

const PodsFacts* Lookup::workload(std::string_view kind, std::string_view ns,
                                  std::string_view name) const {
  auto it = workloads_.find(ViewKey{kind, name, {}});
  if (it == workloads_.end()) return nullptr;
  for (std::uint32_t i : it->second)
    if (same_namespace(this->ns(*d_.pods[i].object), ns)) return &d_.pods[i];
  return nullptr;
}

std::optional<std::int64_t> Lookup::patched_replicas(const PodsFacts& p,
                                                     std::string_view ns) const {
  if (replica_patches_.empty()) return std::nullopt;
  auto it = replica_patches_.find(ViewKey{p.object->kind, p.object->name, {}});
  if (it == replica_patches_.end()) return std::nullopt;
  const std::string& own = this->ns(*p.object);
  std::optional<std::int64_t> out;
  for (const ReplicaPatchFacts* patch : it->second) {
    const std::string& pns = this->ns(*patch->object);
    if (!same_namespace(pns, own) || (!ns.empty() && pns != ns && !pns.empty())) continue;
    out = out ? std::max(*out, patch->replicas) : patch->replicas;
  }
  return out;
}

bool Lookup::operator_managed(const Selector& s) const {
  auto owned = [&](std::string_view key) {
    std::size_t slash = key.find('/');
    if (slash == std::string_view::npos) return false;
    std::string_view domain = key.substr(0, slash);
    for (std::string_view g : groups_)
      if (g == domain || (g.size() > domain.size() && g.ends_with(domain) &&
                          g[g.size() - domain.size() - 1] == '.'))
        return true;
    return false;
  };
  return std::any_of(s.match_labels.begin(), s.match_labels.end(),
                     [&](const auto& p) { return owned(p.first); }) ||
         std::any_of(s.expressions.begin(), s.expressions.end(),
                     [&](const Selector::Requirement& r) { return owned(r.key); });
}

const std::vector<const HpaFacts*>& Lookup::hpas_of(const PodsFacts& p) const {
  auto it = hpas_.find(&p);
  return it == hpas_.end() ? kNoHpas : it->second;
}

std::vector<const ServiceFacts*> Lookup::services_named(std::string_view ns,
                                                        std::string_view name) const {
  std::vector<const ServiceFacts*> out;
  auto it = services_by_name_.find(name);
  if (it == services_by_name_.end()) return out;
  for (std::uint32_t i : it->second)
    if (same_namespace(this->ns(*d_.services[i].object), ns)) out.push_back(&d_.services[i]);
  return out;
}

} // namespace berth::check

namespace berth::check {

std::vector<const LimitRangeFacts*> Lookup::limit_ranges_in(std::string_view ns) const {
  std::vector<const LimitRangeFacts*> out;
  auto exact = limit_ranges_.find(ns);
  if (exact != limit_ranges_.end()) out = exact->second;
  if (!ns.empty()) {
    if (auto loose = limit_ranges_.find(std::string_view()); loose != limit_ranges_.end())
      out.insert(out.end(), loose->second.begin(), loose->second.end());
  } else {
    for (const LimitRangeFacts& lr : d_.limit_ranges) // "" can be any namespace
      if (!this->ns(*lr.object).empty()) out.push_back(&lr);
  }
  return out;
}

std::vector<const LimitItem*> Lookup::container_limits(std::string_view ns) const {
  std::vector<const LimitItem*> out;
  for (const LimitRangeFacts* lr : limit_ranges_in(ns))
    for (const LimitItem& item : lr->items)
      if (item.type == "Container") out.push_back(&item);
  return out;
}

} // namespace berth::check

namespace berth::check {

std::string describe_namespace(std::string_view ns) {
  if (ns.empty()) return "the default namespace of the set";
  return "namespace \"" + std::string(ns) + "\"";
}

std::string describe_labels(const Labels& labels) {
  if (labels.empty()) return "{}";
  std::string out;
  for (const auto& [k, v] : labels) {
    if (!out.empty()) out += ", ";
    out += k + "=" + v;
  }
  return out;
}

std::string describe_selector(const Selector& s) {
  if (s.empty()) return "{}";
  std::string out = s.match_labels.empty() ? std::string() : describe_labels(s.match_labels);
  for (const Selector::Requirement& r : s.expressions) {
    if (!out.empty()) out += ", ";
    std::string values;
    for (const std::string& v : r.values)
      values += (values.empty() ? "" : ", ") + v;
    switch (r.op) {
    case Selector::Op::In:
      out += r.key + " in (" + values + ")";
      break;
    case Selector::Op::NotIn:
      out += r.key + " notin (" + values + ")";
      break;
    case Selector::Op::Exists:
      out += r.key;
      break;
    case Selector::Op::DoesNotExist:
      out += "!" + r.key;
      break;
    }
  }
  return out;
}

} // namespace berth::check
