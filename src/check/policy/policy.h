// Policy family: best practices users know from kube-linter, kube-score and Polaris, plus the
// cluster profile's conventions (when --cluster is given).
#pragma once

#include <vector>

#include "check/context.h"
#include "check/object.h"
#include "check/rule.h"

namespace berth::check::policy {

std::vector<RuleInfo> rules();
// Per-object policies; thread-safe. Patches (ObjectInfo::patch) are skipped by the caller.
void check_object(const Object& object, Context& ctx);

} // namespace berth::check::policy
