// Model + profile → everything `berth convert` writes.
#pragma once

#include "generate/output.h"
#include "generate/plan.h"

namespace berth::generate {

Output convert(const model::App& app, const profile::Profile& profile,
               const ConvertOptions& options);

} // namespace berth::generate
