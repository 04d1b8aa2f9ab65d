// PLACEHOLDER (replaced by the capacity family): no rules yet.
#include "check/capacity/capacity.h"

namespace berth::check::capacity {

std::vector<RuleInfo> rules() { return {}; }
void check_set(const Index&, Context&) {}

} // namespace berth::check::capacity
