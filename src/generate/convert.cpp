// Runs the plan and every generator in a fixed order (the order is part of determinism).
#include "generate/convert.h"

#include "generate/context.h"

namespace berth::generate {

Output convert(const model::App& app, const profile::Profile& profile,
               const ConvertOptions& options) {
  Output out;
  AppPlan plan = plan_app(app, profile, options, out.report);
  Context ctx{app, profile, plan};
  generate_workloads(ctx, out);
  generate_config(ctx, out);
  generate_network(ctx, out);
  generate_availability(ctx, out);
  generate_observability(ctx, out);
  generate_backup(ctx, out);
  generate_environments(ctx, out);
  // Last: they index what the others produced.
  generate_gitops(ctx, out);
  generate_runbook(ctx, out);
  return out;
}

} // namespace berth::generate
