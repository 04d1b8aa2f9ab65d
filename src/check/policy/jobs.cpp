// Batch work: CronJobs with a start deadline, a deliberate concurrency policy and sane history;
// Jobs that clean up after themselves and retry a bounded number of times.
#include "check/policy/topics.h"

namespace berth::check::policy {

namespace {

constexpr std::string_view kDeadline = "cronjob-starting-deadline-missing";
constexpr std::string_view kConcurrency = "cronjob-concurrency-policy";
constexpr std::string_view kHistory = "cronjob-history-limits";
constexpr std::string_view kTtl = "job-ttl-missing";
constexpr std::string_view kBackoff = "job-backoff-limit-missing";

const RuleInfo kRules[] = {
    {kDeadline, Family::Policy, Area::Reliability, Severity::Warning, true,
     "A CronJob has no startingDeadlineSeconds.",
     "Set spec.startingDeadlineSeconds (e.g. 600): a run that cannot start within that time "
     "is skipped instead of counted as missed.",
     "Without a deadline, the controller counts every schedule missed since the last run; "
     "after more than 100 (a controller outage, a suspended CronJob, a clock jump) it stops "
     "scheduling the CronJob altogether and only logs an event — the nightly backup silently "
     "stops. A deadline bounds the count."},
    {kConcurrency, Family::Policy, Area::Reliability, Severity::Info, true,
     "A CronJob does not state its concurrencyPolicy (the default, Allow, lets runs overlap).",
     "Set spec.concurrencyPolicy: Forbid for work that must not overlap (backups, "
     "migrations, reports), Replace for work where only the newest run matters, Allow "
     "explicitly otherwise.",
     "When a run takes longer than the schedule interval, Allow starts the next one beside it: "
     "two backups writing the same file, two reports sending the same mail. Info: overlapping "
     "is sometimes fine, but it should be a decision."},
    {kHistory, Family::Policy, Area::Reliability, Severity::Info, true,
     "A CronJob keeps no failed Job (failedJobsHistoryLimit: 0) or more than 10 finished Jobs.",
     "Keep failedJobsHistoryLimit at 1–3 so failures can be inspected, and "
     "successfulJobsHistoryLimit at 3 or less.",
     "With no failed Job kept, the pods and logs of a failure are deleted at once and nobody "
     "can see why the run failed. Large limits keep many finished pods around. The defaults "
     "(3 successful, 1 failed) are fine."},
    {kTtl, Family::Policy, Area::Reliability, Severity::Info, true,
     "A standalone Job has no ttlSecondsAfterFinished.",
     "Set spec.ttlSecondsAfterFinished (e.g. 86400), or, under Argo CD, a "
     "argocd.argoproj.io/hook-delete-policy annotation.",
     "Finished Jobs and their pods stay forever and the next apply of the same Job fails (its "
     "template is immutable). kube-linter (job-ttl-seconds-after-finished) flags it. Under "
     "GitOps a TTL alone makes the tool re-create the deleted Job, so a hook delete policy "
     "(Argo CD or Helm annotation) also satisfies the rule. CronJob Jobs are cleaned by the "
     "history limits instead."},
    {kBackoff, Family::Policy, Area::Reliability, Severity::Info, true,
     "A Job (or CronJob job template) does not set backoffLimit.",
     "Set spec.backoffLimit to the number of retries the work tolerates (0–3 for "
     "non-idempotent work), and activeDeadlineSeconds as an overall bound.",
     "The default of 6 retries with exponential back-off repeats a failing, possibly "
     "non-idempotent operation for several minutes. Info: the default is bounded, but retries "
     "should be a decision."},
};

bool hook_deleted(const Object& object) {
  const yaml::Node* annotations = get(get(object.root, "metadata"), "annotations");
  return get(annotations, "argocd.argoproj.io/hook-delete-policy") ||
         get(annotations, "helm.sh/hook-delete-policy");
}

void check_job_spec(const Object& object, const yaml::Node& spec, Context& ctx) {
  if (!get(spec, "backoffLimit") && !get(spec, "backoffLimitPerIndex") && ctx.enabled(kBackoff))
    ctx.report(kBackoff, &object.info, spec.loc(),
               object.info.kind + " " + object.info.name +
                   " does not set backoffLimit (default: 6 retries)");
}

void check_cronjob(const Object& object, const yaml::Node& spec, Context& ctx) {
  const ObjectInfo* info = &object.info;
  if (!get(&spec, "startingDeadlineSeconds") && ctx.enabled(kDeadline))
    ctx.report(kDeadline, info, spec.loc(),
               "CronJob " + info->name +
                   " has no startingDeadlineSeconds: after 100 missed schedules it stops "
                   "running");
  if (!get(&spec, "concurrencyPolicy") && ctx.enabled(kConcurrency))
    ctx.report(kConcurrency, info, spec.loc(),
               "CronJob " + info->name +
                   " does not set concurrencyPolicy, so runs may overlap (default Allow)");
  for (std::string_view field : {"successfulJobsHistoryLimit", "failedJobsHistoryLimit"}) {
    const yaml::Node* n = get(&spec, field);
    std::optional<std::int64_t> v = integer(n);
    if (!v || !ctx.enabled(kHistory)) continue;
    if (*v == 0 && field == "failedJobsHistoryLimit")
      ctx.report(kHistory, info, n->loc(),
                 "CronJob " + info->name +
                     " keeps no failed Job (failedJobsHistoryLimit: 0): failures leave nothing "
                     "to inspect");
    else if (*v > 10)
      ctx.report(kHistory, info, n->loc(),
                 "CronJob " + info->name + " keeps " + std::to_string(*v) + " finished Jobs (" +
                     std::string(field) + ")");
  }
  const yaml::Node* job_spec = get(get(&spec, "jobTemplate"), "spec");
  if (job_spec && job_spec->is_mapping()) check_job_spec(object, *job_spec, ctx);
}

} // namespace

void job_rules(std::vector<RuleInfo>& out) {
  out.insert(out.end(), std::begin(kRules), std::end(kRules));
}

void check_job(const Object& object, Context& ctx) {
  const yaml::Node* spec = get(object.root, "spec");
  if (!spec || !spec->is_mapping()) return;
  if (object.info.kind == "CronJob") {
    check_cronjob(object, *spec, ctx);
    return;
  }
  // Jobs a CronJob (or another controller) owns are cleaned up by their owner.
  bool owned = non_empty(get(get(object.root, "metadata"), "ownerReferences"));
  if (!owned && !get(spec, "ttlSecondsAfterFinished") && !hook_deleted(object) && ctx.enabled(kTtl))
    ctx.report(kTtl, &object.info, spec->loc(),
               "Job " + object.info.name +
                   " has no ttlSecondsAfterFinished: the finished Job and its pods stay forever");
  check_job_spec(object, *spec, ctx);
}

} // namespace berth::check::policy
