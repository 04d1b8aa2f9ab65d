// Reference family: selectors match pods, ports exist, backends/targets exist, referenced
// ConfigMaps/Secrets/PVCs/ServiceAccounts exist, namespaces consistent.
#pragma once

#include <vector>

#include "check/context.h"
#include "check/index.h"
#include "check/rule.h"

namespace berth::check::reference {

std::vector<RuleInfo> rules();
void check_set(const Index& index, Context& ctx); // after all objects were added

} // namespace berth::check::reference
