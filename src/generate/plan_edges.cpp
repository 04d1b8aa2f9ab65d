// Who calls whom: depends_on, links and environment values that name another service.
#include <algorithm>
#include <set>

#include "generate/plan_detail.h"

namespace berth::generate::detail {

namespace {

// Targets of `links: [db, "cache:redis"]`; the loader keeps links verbatim as not representable.
std::vector<std::string> link_targets(const model::Service& s) {
  std::vector<std::string> out;
  for (const model::Dropped& d : s.not_representable) {
    if (d.path.size() != 3 || d.path[2] != "links" || !d.value.is_sequence()) continue;
    for (const yaml::Node& item : d.value.items()) {
      if (!item.is_scalar()) continue;
      std::string text = item.value();
      out.push_back(text.substr(0, text.find(':')));
    }
  }
  return out;
}

void sort_unique(std::vector<std::string>& v) {
  std::sort(v.begin(), v.end());
  v.erase(std::unique(v.begin(), v.end()), v.end());
}

} // namespace

void plan_edges(const model::App&, std::vector<ServicePlan>& plans, Report& report) {
  const ReachIndex reach(plans);
  for (std::size_t i = 0; i < plans.size(); ++i) {
    ServicePlan& sp = plans[i];
    const model::Service& s = *sp.service;
    auto connect = [&](int j) {
      if (j < 0 || static_cast<std::size_t>(j) == i) return;
      sp.connects_to.push_back(plans[j].name);
      plans[j].reached_by.push_back(sp.name);
    };
    for (const model::Dependency& d : s.depends_on) connect(reach.find(d.service));
    std::vector<std::string> links = link_targets(s);
    for (const std::string& l : links) connect(reach.find(l));
    if (!links.empty())
      report.add(s.name, "links", Disposition::Translated,
                 "network edges (and NetworkPolicy allows) to the linked services; reach them by "
                 "their Service name");
    for (const model::EnvVar& e : s.environment) {
      if (!e.value) continue;
      for (const HostRef& r : host_refs(*e.value)) connect(reach.find(r.host));
      if (key_names_host(e.name)) connect(reach.find(*e.value));
    }
  }
  for (ServicePlan& sp : plans) {
    sort_unique(sp.connects_to);
    sort_unique(sp.reached_by);
  }
}

} // namespace berth::generate::detail
