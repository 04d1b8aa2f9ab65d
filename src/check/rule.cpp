// The rule catalog: lookup by id; duplicate ids are a programming error caught at start-up.
#include "check/rule.h"

#include <stdexcept>

namespace berth::check {

Catalog::Catalog(std::vector<RuleInfo> rules) : rules_(std::move(rules)) {
  for (std::size_t i = 0; i < rules_.size(); ++i) {
    if (!by_id_.emplace(rules_[i].id, i).second)
      throw std::logic_error("duplicate rule id " + std::string(rules_[i].id));
  }
}

const RuleInfo* Catalog::find(std::string_view id) const {
  auto it = by_id_.find(id);
  return it == by_id_.end() ? nullptr : &rules_[it->second];
}

} // namespace berth::check
