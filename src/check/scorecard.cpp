// PLACEHOLDER (replaced with the documented formula): every area 10.
#include "check/scorecard.h"

namespace berth::check {

Scorecard compute_scorecard(const std::vector<Finding>&, const Catalog&, std::size_t) {
  Scorecard s;
  for (std::size_t i = 0; i < s.areas.size(); ++i) s.areas[i].area = static_cast<Area>(i);
  return s;
}

} // namespace berth::check
