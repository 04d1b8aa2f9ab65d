// MIGRATION.md pieces (exposed for tests and for the CLI's summary on stderr).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "generate/context.h"

namespace berth::generate {

// A few lines: counts per disposition, then every Manual item.
std::string report_summary(const Report& report);

// The conversion report as Markdown: one table per service (application-level first).
// Locations are shown relative to `project_directory` so the file does not depend on where
// the project was checked out. `group` heads each table ("Service `web`"; import: "Object").
std::string report_markdown(const Report& report, const std::string& project_directory,
                            std::string_view group = "Service");

// Cut-over order: services a service calls come before it (data stores first); ties in plan
// order. Services on a dependency cycle come last, in plan order, and are listed in `cycle`.
std::vector<std::string> cutover_order(const AppPlan& plan, std::vector<std::string>* cycle);

// Shell commands copying one service's data from the Compose host into the cluster; empty
// when the service keeps no data.
std::string data_copy_commands(const Context& ctx, const ServicePlan& service,
                               const profile::Environment& env);

// Prerequisite lines ("- ...\n") for the profile's secrets method (keys listed under the
// runbook's `section`) and GitOps tool; shared with import's MIGRATION.md.
std::string secrets_prerequisite(const profile::Profile& p, std::string_view section);
std::string gitops_prerequisite(const profile::Profile& p);
// external-secrets: what to create in the store — a sentence and "| env | remote key |
// properties |" rows read from the ExternalSecrets in out's overlays (environment order), so the
// table always names the keys the tree reads; "" when there are none. Shared with import.
std::string external_secret_keys_table(const profile::Profile& p, const Output& out);

// The whole MIGRATION.md.
std::string migration_markdown(const Context& ctx, const Output& out);

} // namespace berth::generate
