// Kind lookup tables of the registry.
#include "check/schema/registry.h"

#include "common/error.h"

namespace berth::check::schema {

Registry::Registry() = default;

const KindSchema* Registry::find(std::string_view api_version, std::string_view kind) const {
  auto gv = kinds_.find(api_version);
  if (gv == kinds_.end()) return nullptr;
  auto k = gv->second.find(kind);
  return k == gv->second.end() ? nullptr : &k->second;
}

std::vector<const KindSchema*> Registry::versions_of(std::string_view kind) const {
  std::vector<const KindSchema*> out;
  for (const KindSchema* k : order_)
    if (k->kind == kind) out.push_back(k);
  return out;
}

std::vector<std::string_view> Registry::kinds_of(std::string_view api_version) const {
  std::vector<std::string_view> out;
  for (const KindSchema* k : order_)
    if (k->api_version == api_version) out.push_back(k->kind);
  return out;
}

bool Registry::complete(std::string_view api_version) const {
  return complete_.count(api_version) != 0;
}

void Registry::add(std::string_view api_version, std::string_view kind, std::uint32_t type,
                   Source source, const std::string* origin) {
  std::string_view av = *intern(api_version);
  std::string_view k = *intern(kind);
  auto& slot = kinds_[av];
  auto [it, inserted] = slot.try_emplace(k);
  it->second = KindSchema{av, k, type, source, origin};
  if (inserted) order_.push_back(&it->second);
  stats_.kinds = order_.size();
}

void Registry::mark_complete(std::string_view api_version) {
  complete_.insert(*intern(api_version));
}

} // namespace berth::check::schema
