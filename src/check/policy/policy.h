// Policy family: best practices users know from kube-linter, kube-score and Polaris, plus the
// cluster profile's conventions (when --cluster is given).
#pragma once

#include <vector>

#include "check/context.h"
#include "check/index.h"
#include "check/object.h"
#include "check/rule.h"

namespace berth::check::policy {

std::vector<RuleInfo> rules();
// Per-object policies; thread-safe. Patches (ObjectInfo::patch) are skipped by the caller.
void check_object(const Object& object, Context& ctx);
// The few policies a raw kustomize tree can satisfy elsewhere in the set (an overlay's
// `images:` pins a base's untagged image); run once after every object was added.
void check_set(const Index& index, Context& ctx);

} // namespace berth::check::policy
