// Facts of scaling and budget objects: HPAs, PDBs, ResourceQuotas, LimitRanges and PVCs.
#include "check/index_extract.h"
#include "check/index_read.h"

namespace berth::check::index_extract {

using namespace index_read;
using yaml::Node;

namespace {

bool resource_of(std::string_view name, Resource& out) {
  if (name == "cpu")
    out = kCpu;
  else if (name == "memory")
    out = kMemory;
  else
    return false;
  return true;
}

// A quota resource counted in millicores: cpu, requests.cpu, limits.cpu.
bool is_cpu_resource(std::string_view r) {
  return r == "cpu" || (r.size() > 4 && r.substr(r.size() - 4) == ".cpu");
}

} // namespace

void hpa(const Object& o, IndexData& d) {
  const Node* spec = mapping_at(&o.root, "spec");
  HpaFacts f;
  f.object = &o.info;
  const Node* target = mapping_at(spec, "scaleTargetRef");
  f.target_kind = text_at(target, "kind");
  f.target_name = text_at(target, "name");
  f.target_loc = target ? target->loc() : (spec ? spec->loc() : o.info.loc);
  if (const Node* n = scalar_at(target, "name")) f.target_loc = n->loc();
  f.min_loc = f.max_loc = spec ? spec->loc() : o.info.loc;
  // int32 in the API: anything else is a schema error and reads as absent here.
  std::int64_t n = 0;
  if (int_at(spec, "minReplicas", n) && n >= 0 && n <= INT32_MAX) {
    f.min = n;
    f.min_loc = spec->find("minReplicas")->loc();
  }
  if (int_at(spec, "maxReplicas", n) && n >= 0 && n <= INT32_MAX) {
    f.max = n;
    f.max_loc = spec->find("maxReplicas")->loc();
  }

  // autoscaling/v1: targetCPUUtilizationPercentage.
  if (const Node* v1 = scalar_at(spec, "targetCPUUtilizationPercentage"))
    f.utilization.push_back(HpaFacts::Metric{kCpu, "", v1->loc()});
  static const std::vector<Node> kNone;
  const Node* metrics = sequence_at(spec, "metrics");
  for (const Node& m : metrics ? metrics->items() : kNone) {
    std::string type = text_at(&m, "type");
    const Node* res = nullptr;
    if (type == "Resource")
      res = mapping_at(&m, "resource");
    else if (type == "ContainerResource")
      res = mapping_at(&m, "containerResource");
    if (!res) continue;
    Resource r;
    if (!resource_of(text_at(res, "name"), r)) continue;
    // v2: target.type Utilization; v2beta1: targetAverageUtilization.
    bool utilization = text_at(mapping_at(res, "target"), "type") == "Utilization" ||
                       scalar_at(res, "targetAverageUtilization");
    if (!utilization) continue;
    f.utilization.push_back(HpaFacts::Metric{r, text_at(res, "container"), res->loc()});
  }
  // autoscaling/v2 without metrics defaults to 80% average CPU utilization.
  if (!metrics && !scalar_at(spec, "targetCPUUtilizationPercentage") && o.info.version() == "v2")
    f.utilization.push_back(HpaFacts::Metric{kCpu, "", spec ? spec->loc() : o.info.loc});
  d.hpas.push_back(std::move(f));
}

void pdb(const Object& o, IndexData& d) {
  const Node* spec = mapping_at(&o.root, "spec");
  PdbFacts f;
  f.object = &o.info;
  f.selector = read_selector(spec, "selector", /*plain=*/false);
  f.min_available = read_int_or_percent(spec, "minAvailable");
  f.max_unavailable = read_int_or_percent(spec, "maxUnavailable");
  d.pdbs.push_back(std::move(f));
}

void quota(const Object& o, IndexData& d) {
  const Node* spec = mapping_at(&o.root, "spec");
  QuotaFacts f;
  f.object = &o.info;
  f.scoped = sequence_at(spec, "scopes") != nullptr || mapping_at(spec, "scopeSelector") != nullptr;
  if (const Node* hard = mapping_at(spec, "hard"))
    for (const yaml::Entry& e : hard->entries()) {
      if (!e.key.is_scalar()) continue;
      Amount a;
      if (!read_quantity(e.value, is_cpu_resource(e.key.value()), a)) continue;
      f.hard.push_back(QuotaFacts::Hard{e.key.value(), a.value, a.loc});
    }
  d.quotas.push_back(std::move(f));
}

void limit_range(const Object& o, IndexData& d) {
  LimitRangeFacts f;
  f.object = &o.info;
  static const std::vector<Node> kNone;
  const Node* limits = sequence_at(mapping_at(&o.root, "spec"), "limits");
  for (const Node& l : limits ? limits->items() : kNone) {
    if (!l.is_mapping()) continue;
    LimitItem item;
    item.type = text_at(&l, "type");
    item.loc = l.loc();
    read_amounts(mapping_at(&l, "min"), item.min);
    read_amounts(mapping_at(&l, "max"), item.max);
    read_amounts(mapping_at(&l, "default"), item.default_limit);
    read_amounts(mapping_at(&l, "defaultRequest"), item.default_request);
    if (const Node* ratio = mapping_at(&l, "maxLimitRequestRatio"))
      for (std::size_t r = 0; r < kResourceCount; ++r) {
        static constexpr const char* kNames[] = {"cpu", "memory", "ephemeral-storage"};
        if (const Node* v = ratio->find(kNames[r])) read_quantity(*v, true, item.ratio[r]);
      }
    if (const Node* v = scalar_at(mapping_at(&l, "min"), "storage"))
      read_quantity(*v, false, item.storage_min);
    if (const Node* v = scalar_at(mapping_at(&l, "max"), "storage"))
      read_quantity(*v, false, item.storage_max);
    // The API server's defaulting of a Container item: default ← max, defaultRequest ←
    // default, then ← min. Applied here so every consumer sees what pods actually get.
    if (item.type == "Container")
      for (std::size_t r = 0; r < kResourceCount; ++r) {
        if (!item.default_limit[r].set) item.default_limit[r] = item.max[r];
        if (!item.default_request[r].set) item.default_request[r] = item.default_limit[r];
        if (!item.default_request[r].set) item.default_request[r] = item.min[r];
      }
    f.items.push_back(std::move(item));
  }
  d.limit_ranges.push_back(std::move(f));
}

void pvc(const Object& o, IndexData& d) {
  PvcFacts f;
  f.object = &o.info;
  const Node* requests =
      mapping_at(mapping_at(mapping_at(&o.root, "spec"), "resources"), "requests");
  if (const Node* s = scalar_at(requests, "storage")) read_quantity(*s, false, f.storage);
  d.pvcs.push_back(std::move(f));
}

} // namespace berth::check::index_extract
