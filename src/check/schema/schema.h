// Schema family: apiVersion/kind known, required fields, types, enums, formats, unknown fields —
// against built-in definitions, the cluster's OpenAPI v2 document (--openapi) and CRDs (--crds).
#pragma once

#include <memory>
#include <vector>

#include "check/context.h"
#include "check/object.h"
#include "check/options.h"
#include "check/rule.h"

namespace berth::check::schema {

class Registry; // defined in schema/registry.h

// Built-in kinds, plus --openapi and --crds when given. Throws berth::Error (file:line:col) when
// those files cannot be read or are not what they claim to be.
std::unique_ptr<Registry> load_registry(const Options& options);

std::vector<RuleInfo> rules();
void check_object(const Object& object, Context& ctx); // thread-safe (Registry is read-only)

} // namespace berth::check::schema
