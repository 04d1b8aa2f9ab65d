// Per-environment workload patches: replicas, priority class, spreading of replicated pods.
#include <algorithm>

#include "generate/availability.h"
#include "kube/object.h"

namespace berth::generate::availability {

using yaml::Node;

int replicas_in(const ServicePlan& plan, const std::string& env) {
  auto it = plan.replicas.find(env);
  return it == plan.replicas.end() ? 1 : it->second;
}

bool scalable(const ServicePlan& plan) {
  return plan.kind == model::WorkloadKind::Deployment ||
         plan.kind == model::WorkloadKind::StatefulSet;
}

const char* kind_name(model::WorkloadKind kind) {
  switch (kind) {
  case model::WorkloadKind::Deployment: return "Deployment";
  case model::WorkloadKind::StatefulSet: return "StatefulSet";
  case model::WorkloadKind::DaemonSet: return "DaemonSet";
  case model::WorkloadKind::Job: return "Job";
  case model::WorkloadKind::CronJob: return "CronJob";
  }
  return "Deployment";
}

namespace {

const char* api_version(model::WorkloadKind kind) {
  return kind == model::WorkloadKind::Job || kind == model::WorkloadKind::CronJob ? "batch/v1"
                                                                                   : "apps/v1";
}

// Most pods the workload can run in `env`.
int max_pods_in(const ServicePlan& plan, const std::string& env) {
  if (wants_hpa(plan, env)) return plan.service->x_berth->hpa->max;
  return replicas_in(plan, env);
}

} // namespace

std::optional<Node> environment_patch(const Context& ctx, const ServicePlan& plan,
                                      const profile::Environment& env) {
  Node pod_spec = Node::mapping();
  if (!env.priority_class.empty())
    pod_spec.set("priorityClassName", Node::str(env.priority_class));
  if (scalable(plan) && !plan.singleton && max_pods_in(plan, env.name) > 1)
    add_spreading(pod_spec, ctx.plan, plan);

  std::optional<int> replicas;
  if (scalable(plan)) {
    int n = replicas_in(plan, env.name);
    // Under an HPA the count must lie in [min, max], or the first sync fights the autoscaler.
    if (wants_hpa(plan, env.name)) {
      const model::Autoscaling& hpa = *plan.service->x_berth->hpa;
      n = std::clamp(n, hpa.min, hpa.max);
    }
    if (n != 1) replicas = n;
  }
  if (!replicas && pod_spec.size() == 0) return std::nullopt;

  Node patch = kube::make_object(api_version(plan.kind), kind_name(plan.kind), plan.name);
  Node spec = Node::mapping();
  if (replicas) spec.set("replicas", Node::integer(*replicas));
  if (pod_spec.size() > 0) {
    Node template_ = Node::mapping();
    template_.set("spec", std::move(pod_spec));
    if (plan.kind == model::WorkloadKind::CronJob) {
      Node job_spec = Node::mapping();
      job_spec.set("template", std::move(template_));
      Node job = Node::mapping();
      job.set("spec", std::move(job_spec));
      spec.set("jobTemplate", std::move(job));
    } else {
      spec.set("template", std::move(template_));
    }
  }
  patch.set("spec", std::move(spec));
  return patch;
}

} // namespace berth::generate::availability
