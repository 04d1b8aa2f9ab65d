// Capacity family: requests/limits × replicas (HPA max) per namespace vs ResourceQuota and
// LimitRange, and the total vs the profile's node capacity; headroom reported as numbers.
#pragma once

#include <vector>

#include "check/context.h"
#include "check/index.h"
#include "check/rule.h"

namespace berth::check::capacity {

std::vector<RuleInfo> rules();
void check_set(const Index& index, Context& ctx);

} // namespace berth::check::capacity
