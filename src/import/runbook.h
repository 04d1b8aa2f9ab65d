// MIGRATION.md of an import: what was left out, secrets, the cut-over order, the per-claim data
// copy between the two clusters, validation, rollback, hardening suggestions and the report.
#pragma once

#include <string>
#include <vector>

#include "generate/output.h"
#include "import/state.h"

namespace berth::import {

// Workloads in cut-over order: what a workload calls (a Service it names in its environment,
// arguments or ConfigMaps) comes before it; data stores first among equals.
std::vector<std::string> import_cutover_order(const State& st);

// Shell commands copying one claim's data from the source cluster ($SRC) to the target ($DST):
// a database dump when the claim belongs to a known database, else a tar stream between two
// temporary pods, with the ownership kept.
std::string claim_copy_commands(const State& st, const Claim& claim);

// `out`: the tree so far (overlays included), whose ExternalSecrets the secrets section lists.
std::string import_migration_markdown(const State& st, const generate::Output& out);

// The CLI's summary on stderr: counts, then the manual steps (hardening suggestions counted,
// listed in MIGRATION.md).
std::string import_summary(const generate::Report& report);

} // namespace berth::import
