// The capacity family's checks, one per topic file; capacity.cpp lists the rules and calls each
// with one Lookup built over the whole set.
#pragma once

#include "check/context.h"
#include "check/index_lookup.h"

namespace berth::check::capacity {

void check_quotas(const Lookup& l, Context& ctx);       // quota.cpp
void check_limit_ranges(const Lookup& l, Context& ctx); // limit_range.cpp
void check_nodes(const Lookup& l, Context& ctx);        // nodes.cpp

} // namespace berth::check::capacity
