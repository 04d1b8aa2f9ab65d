// Validates one object's node tree against a compiled type, reporting each problem at the
// offending node: types, required fields, enums, formats, bounds, patterns, unknown fields.
#pragma once

#include <cstdint>

#include "check/context.h"
#include "check/object.h"
#include "check/schema/graph.h"

namespace berth::check::schema {

struct ValidateOptions {
  bool patch = false; // a kustomize patch: no `required`, strategic-merge `$` keys allowed
  bool crd = false;   // the kind is a custom resource (messages: unknown fields are pruned)
};

// Walks `root` (the whole object) with `root_type`; findings go to `ctx`. No allocation on the
// success path (the path stack is per thread and reused).
void validate(const Graph& graph, std::uint32_t root_type, const Object& object, Context& ctx,
              const ValidateOptions& options);

} // namespace berth::check::schema
