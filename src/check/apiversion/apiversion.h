// API-version family: apiVersion/kind pairs deprecated or removed in --k8s-version (table in
// kube/api_catalog), with the replacement.
#pragma once

#include <vector>

#include "check/context.h"
#include "check/object.h"
#include "check/rule.h"

namespace berth::check::apiversion {

std::vector<RuleInfo> rules();
void check_object(const Object& object, Context& ctx); // thread-safe

} // namespace berth::check::apiversion
