// What every generator reads: the model, the cluster profile and the plan.
#pragma once

#include "generate/output.h"
#include "generate/plan.h"

namespace berth::generate {

struct Context {
  const model::App& app;
  const profile::Profile& profile;
  const AppPlan& plan;
};

// The generators, one per concern, each in its own file; convert() calls them in this order.
void generate_workloads(const Context& ctx, Output& out);    // workloads.cpp, pod_spec.cpp, probes.cpp ...
void generate_config(const Context& ctx, Output& out);       // config.cpp: ConfigMaps, Secrets, files
void generate_network(const Context& ctx, Output& out);      // services.cpp, ingress.cpp, network_policy.cpp
void generate_availability(const Context& ctx, Output& out); // availability.cpp: replicas, HPA, PDB
void generate_observability(const Context& ctx, Output& out);// monitoring.cpp: ServiceMonitor, rules
void generate_backup(const Context& ctx, Output& out);       // backup.cpp: dump CronJobs / CNPG
void generate_environments(const Context& ctx, Output& out); // environments.cpp: ns, quota, limits
void generate_gitops(const Context& ctx, Output& out);       // gitops.cpp: kustomizations, ArgoCD, CI
void generate_runbook(const Context& ctx, Output& out);      // runbook.cpp: MIGRATION.md + report

} // namespace berth::generate
