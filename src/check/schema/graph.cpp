// Graph building: types appended with their properties laid out contiguously and hashed.
#include "check/schema/graph.h"

#include <bit>

#include "check/schema/pattern.h"

namespace berth::check::schema {

Graph::Graph() = default;
Graph::~Graph() = default;
Graph::Graph(Graph&&) noexcept = default;
Graph& Graph::operator=(Graph&&) noexcept = default;

std::uint32_t Graph::reserve() {
  types_.emplace_back();
  return static_cast<std::uint32_t>(types_.size() - 1);
}

void Graph::define(std::uint32_t index, Type type, const std::vector<Prop>& props,
                   const std::vector<EnumValue>& enums) {
  type.props_first = static_cast<std::uint32_t>(props_.size());
  type.props_count = static_cast<std::uint32_t>(props.size());
  type.required_count = 0;
  for (const Prop& p : props) {
    props_.push_back(p);
    props_.back().hash = hash_key(p.name);
    if (p.required) ++type.required_count;
  }
  type.slots_first = static_cast<std::uint32_t>(slots_.size());
  type.slots_mask = 0;
  if (!props.empty()) {
    // Load factor ≤ 0.5 keeps probe chains short; sizes stay tiny (most types have <20 fields).
    std::uint32_t size = std::bit_ceil(static_cast<std::uint32_t>(props.size() * 2));
    type.slots_mask = size - 1;
    slots_.resize(slots_.size() + size, 0);
    for (std::uint32_t k = 0; k < props.size(); ++k) {
      std::uint32_t h = props_[type.props_first + k].hash;
      std::uint32_t i = h & type.slots_mask;
      while (slots_[type.slots_first + i] != 0)
        i = (i + 1) & type.slots_mask;
      slots_[type.slots_first + i] = k + 1;
    }
  }
  type.enum_first = static_cast<std::uint32_t>(enums_.size());
  type.enum_count = static_cast<std::uint32_t>(enums.size());
  enums_.insert(enums_.end(), enums.begin(), enums.end());
  types_[index] = std::move(type);
}

std::uint32_t Graph::add_pattern(std::unique_ptr<Pattern> pattern) {
  patterns_.push_back(std::move(pattern));
  return static_cast<std::uint32_t>(patterns_.size() - 1);
}

} // namespace berth::check::schema
