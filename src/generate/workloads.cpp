// generate_workloads: one workload object per service (Deployment, StatefulSet, DaemonSet, Job,
// CronJob) built around the shared pod template; rollout strategy and Job policies.
//
// Decisions: base replicas are 1 (the availability generator patches them per environment);
// revisionHistoryLimit 3 (Git is the real history, 3 ReplicaSets is enough for
// `kubectl rollout undo`); priorityClassName is left to the availability generator's patches.
#include "generate/workloads.h"
#include "generate/naming.h"
#include "kube/object.h"

namespace berth::generate::workloads {

using yaml::Node;

namespace {

// A Job's pod template is immutable and the Job goes away after its TTL: how each GitOps tool
// is told to replace it instead of failing to patch it.
std::string job_sync_hint(const Context& ctx) {
  const std::string head = "Job: its pod template is immutable and it is deleted 24 h after it "
                           "finishes; ";
  if (ctx.profile.gitops.tool == "flux")
    return head + "annotate it `kustomize.toolkit.fluxcd.io/force: enabled` so Flux recreates it "
                  "when it changes, or it is re-created on every reconciliation after its TTL";
  return head + "configure ArgoCD to replace it (sync option Replace=true) or to ignore it once "
                "done, or it is re-run on every sync";
}

Node int_or_percent(int parallelism) {
  // Swarm's parallelism 0 means "all at once".
  return parallelism <= 0 ? Node::str("100%") : Node::integer(parallelism);
}

Node selector(const Context& ctx, const ServicePlan& plan) {
  Node sel = Node::mapping();
  sel.set("matchLabels", kube::string_map(kube::selector_labels(ctx.plan.app, plan.name)));
  return sel;
}

Node with_labels(const Context& ctx, const ServicePlan& plan, std::string_view api,
                 std::string_view kind) {
  Node obj = kube::make_object(api, kind, plan.name);
  kube::metadata(obj).set("labels",
                          kube::string_map(kube::standard_labels(ctx.plan.app, plan.name)));
  return obj;
}

void report_restart(const model::Service& s, bool run_to_completion, Report& report) {
  if (s.restart.empty()) return;
  if (run_to_completion) {
    report.add(s.name, "restart", Disposition::Translated,
               "Job restartPolicy " + job_restart_policy(s) + ", backoffLimit " +
                   std::to_string(job_backoff_limit(s)));
  } else if (s.restart == "always" || s.restart == "unless-stopped") {
    report.add(s.name, "restart", Disposition::Translated, "restartPolicy Always");
  } else {
    report.add(s.name, "restart", Disposition::Dropped,
               "restart: " + s.restart +
                   ": pods of a long-running workload are always restarted; use x-berth.kind "
                   "job for run-once services",
               s.at.loc);
  }
}

// The GitOps tool, as rollback hints name it.
std::string gitops_tool_name(const Context& ctx) {
  return ctx.profile.gitops.tool == "flux" ? "Flux" : "ArgoCD";
}

void report_update_config_rest(const Context& ctx, const model::Service& s, Report& report) {
  const auto& d = s.deploy;
  if (d.update_config) {
    const auto& u = *d.update_config;
    if (u.delay_ns || u.monitor_ns || !u.failure_action.empty() || u.max_failure_ratio)
      report.add(s.name, "deploy.update_config", Disposition::Dropped,
                 "delay/monitor/failure_action/max_failure_ratio: Kubernetes rolls out on "
                 "readiness; roll back with " +
                     gitops_tool_name(ctx) + " or `kubectl rollout undo`",
                 s.at.loc);
  }
  if (d.rollback_config)
    report.add(s.name, "deploy.rollback_config", Disposition::Dropped,
               "rollbacks are a Git revert (" + gitops_tool_name(ctx) +
                   ") or `kubectl rollout undo`",
               s.at.loc);
}

} // namespace

Node deployment_strategy(const ServicePlan& plan, bool has_rwo_volume, Report& report) {
  const model::Service& s = *plan.service;
  Node strategy = Node::mapping();
  if (plan.singleton || has_rwo_volume) {
    strategy.set("type", Node::str("Recreate"));
    report.add(s.name, plan.singleton ? "x-berth.singleton" : "volumes", Disposition::Inferred,
               plan.singleton
                   ? "strategy Recreate: never two pods at once"
                   : "strategy Recreate: the pod mounts a ReadWriteOnce volume, which two "
                     "versions of the process must not write at once",
               s.at.loc);
    return strategy;
  }
  Node rolling = Node::mapping();
  const auto& u = s.deploy.update_config;
  if (u && u->order == "stop-first") {
    rolling.set("maxSurge", Node::integer(0));
    rolling.set("maxUnavailable",
                u->parallelism ? int_or_percent(*u->parallelism) : Node::integer(1));
    report.add(s.name, "deploy.update_config", Disposition::Translated,
               "RollingUpdate maxSurge 0, maxUnavailable = parallelism (stop-first)");
  } else if (u && (u->parallelism || u->order == "start-first")) {
    rolling.set("maxSurge", u->parallelism ? int_or_percent(*u->parallelism) : Node::str("25%"));
    rolling.set("maxUnavailable", Node::integer(0));
    report.add(s.name, "deploy.update_config",
               u->order.empty() ? Disposition::Inferred : Disposition::Translated,
               std::string("RollingUpdate maxSurge = parallelism, maxUnavailable 0 (start-first") +
                   (u->order.empty() ? "; Compose's default is stop-first, berth keeps the old "
                                       "pod until the new one is ready)"
                                     : ")"));
  } else {
    rolling.set("maxSurge", Node::str("25%"));
    rolling.set("maxUnavailable", Node::integer(0));
  }
  strategy.set("type", Node::str("RollingUpdate"));
  strategy.set("rollingUpdate", std::move(rolling));
  return strategy;
}

int job_backoff_limit(const model::Service& s) {
  const auto& rp = s.deploy.restart_policy;
  if (rp && rp->condition == "none") return 0;
  if (rp && rp->max_attempts) return *rp->max_attempts;
  if (s.restart.starts_with("on-failure:")) {
    try {
      return std::stoi(s.restart.substr(11));
    } catch (...) {
    }
  }
  return 3;
}

std::string job_restart_policy(const model::Service& s) {
  const auto& rp = s.deploy.restart_policy;
  return rp && rp->condition == "none" ? "Never" : "OnFailure";
}

Node make_workload(const Context& ctx, const ServicePlan& plan, Output& out) {
  const model::Service& s = *plan.service;
  PodStorage storage = pod_storage(ctx, plan, out);
  Node tmpl = make_pod_template(ctx, plan, out, storage);
  bool run_to_completion =
      plan.kind == model::WorkloadKind::Job || plan.kind == model::WorkloadKind::CronJob;
  report_restart(s, run_to_completion, out.report);
  if (!run_to_completion) report_update_config_rest(ctx, s, out.report);
  if (!s.image.empty() && !plan.built)
    out.report.add(s.name, "image", Disposition::Translated, "containers[0].image");

  switch (plan.kind) {
  case model::WorkloadKind::StatefulSet: {
    Node obj = with_labels(ctx, plan, "apps/v1", "StatefulSet");
    Node spec = Node::mapping();
    spec.set("serviceName", Node::str(headless_service_name(plan)));
    spec.set("replicas", Node::integer(1));
    spec.set("podManagementPolicy", Node::str("OrderedReady"));
    Node update = Node::mapping();
    update.set("type", Node::str("RollingUpdate"));
    spec.set("updateStrategy", std::move(update));
    spec.set("revisionHistoryLimit", Node::integer(3));
    spec.set("selector", selector(ctx, plan));
    spec.set("template", std::move(tmpl));
    if (storage.claim_templates.size())
      spec.set("volumeClaimTemplates", std::move(storage.claim_templates));
    obj.set("spec", std::move(spec));
    return obj;
  }
  case model::WorkloadKind::DaemonSet: {
    Node obj = with_labels(ctx, plan, "apps/v1", "DaemonSet");
    Node spec = Node::mapping();
    spec.set("revisionHistoryLimit", Node::integer(3));
    spec.set("selector", selector(ctx, plan));
    Node rolling = Node::mapping();
    rolling.set("maxUnavailable", Node::integer(1));
    Node update = Node::mapping();
    update.set("type", Node::str("RollingUpdate"));
    update.set("rollingUpdate", std::move(rolling));
    spec.set("updateStrategy", std::move(update));
    spec.set("template", std::move(tmpl));
    obj.set("spec", std::move(spec));
    return obj;
  }
  case model::WorkloadKind::Job:
  case model::WorkloadKind::CronJob: {
    tmpl.find("spec")->set("restartPolicy", Node::str(job_restart_policy(s)));
    Node job = Node::mapping();
    job.set("backoffLimit", Node::integer(job_backoff_limit(s)));
    if (plan.kind == model::WorkloadKind::Job) {
      job.set("ttlSecondsAfterFinished", Node::integer(86400));
      job.set("template", std::move(tmpl));
      Node obj = with_labels(ctx, plan, "batch/v1", "Job");
      obj.set("spec", std::move(job));
      out.report.add(s.name, "x-berth.kind", Disposition::Manual, job_sync_hint(ctx), s.at.loc);
      return obj;
    }
    job.set("template", std::move(tmpl));
    Node job_tmpl = Node::mapping();
    Node job_meta = Node::mapping();
    job_meta.set("labels", kube::string_map(kube::standard_labels(ctx.plan.app, plan.name)));
    job_tmpl.set("metadata", std::move(job_meta));
    job_tmpl.set("spec", std::move(job));
    Node spec = Node::mapping();
    std::string schedule = s.x_berth ? s.x_berth->schedule : std::string();
    spec.set("schedule", Node::str(schedule.empty() ? "0 3 * * *" : schedule));
    if (schedule.empty())
      out.report.add(s.name, "x-berth.schedule", Disposition::Manual,
                     "cronjob without schedule: 0 3 * * * used; set x-berth.schedule", s.at.loc);
    else
      out.report.add(s.name, "x-berth.schedule", Disposition::Translated,
                     "CronJob schedule (cluster time zone, UTC on K3s by default)",
                     s.x_berth->at.loc);
    spec.set("concurrencyPolicy", Node::str("Forbid"));
    spec.set("startingDeadlineSeconds", Node::integer(300));
    spec.set("successfulJobsHistoryLimit", Node::integer(3));
    spec.set("failedJobsHistoryLimit", Node::integer(1));
    spec.set("jobTemplate", std::move(job_tmpl));
    Node obj = with_labels(ctx, plan, "batch/v1", "CronJob");
    obj.set("spec", std::move(spec));
    return obj;
  }
  case model::WorkloadKind::Deployment:
  default: {
    Node obj = with_labels(ctx, plan, "apps/v1", "Deployment");
    Node spec = Node::mapping();
    spec.set("replicas", Node::integer(1));
    spec.set("revisionHistoryLimit", Node::integer(3));
    spec.set("selector", selector(ctx, plan));
    spec.set("strategy", deployment_strategy(plan, !storage.pvcs.empty(), out.report));
    spec.set("template", std::move(tmpl));
    obj.set("spec", std::move(spec));
    return obj;
  }
  }
}

} // namespace berth::generate::workloads

namespace berth::generate {

namespace {
const char* file_kind(model::WorkloadKind k) {
  switch (k) {
  case model::WorkloadKind::StatefulSet:
    return "statefulset";
  case model::WorkloadKind::DaemonSet:
    return "daemonset";
  case model::WorkloadKind::Job:
    return "job";
  case model::WorkloadKind::CronJob:
    return "cronjob";
  default:
    return "deployment";
  }
}
} // namespace

void generate_workloads(const Context& ctx, Output& out) {
  for (const auto& plan : ctx.plan.services) {
    yaml::Node workload = workloads::make_workload(ctx, plan, out);
    out.add_base("base/" + plan.name + "/" + file_kind(plan.kind) + ".yaml", std::move(workload));
  }
}

} // namespace berth::generate
