// CronJob deadlines, concurrency and history; Job TTL and backoff.
#include <gtest/gtest.h>

#include "check/policy/policy_fixture.h"

namespace berth::check::policy::test {
namespace {

const std::string kCronJob = R"(apiVersion: batch/v1
kind: CronJob
metadata:
  name: backup
spec:
  schedule: "0 2 * * *"
  concurrencyPolicy: Forbid
  startingDeadlineSeconds: 600
  successfulJobsHistoryLimit: 3
  failedJobsHistoryLimit: 3
  jobTemplate:
    spec:
      backoffLimit: 2
      template:
        spec:
          restartPolicy: OnFailure
          containers:
            - name: dump
              image: postgres:17
)";

const std::string kJob = R"(apiVersion: batch/v1
kind: Job
metadata:
  name: migrate
spec:
  ttlSecondsAfterFinished: 86400
  backoffLimit: 0
  template:
    spec:
      restartPolicy: Never
      containers:
        - name: migrate
          image: app:1.0
)";

const char* kJobRules[] = {"cronjob-starting-deadline-missing", "cronjob-concurrency-policy",
                           "cronjob-history-limits", "job-ttl-missing",
                           "job-backoff-limit-missing"};

bool any_job_rule(const PolicyRun& r) {
  for (const char* rule : kJobRules)
    if (r.has(rule)) return true;
  return false;
}

TEST(Jobs, CleanObjectsPass) {
  EXPECT_FALSE(any_job_rule(run(kCronJob))) << run(kCronJob).dump();
  EXPECT_FALSE(any_job_rule(run(kJob))) << run(kJob).dump();
}

TEST(Jobs, CronJobDeadlineAndConcurrencyPointAtTheSpec) {
  Finding f = only(run(replace(kCronJob, "  startingDeadlineSeconds: 600\n", "")),
                   "cronjob-starting-deadline-missing");
  EXPECT_EQ(at(f), "6:3");
  EXPECT_EQ(f.severity, Severity::Warning);
  Finding c = only(run(replace(kCronJob, "  concurrencyPolicy: Forbid\n", "")),
                   "cronjob-concurrency-policy");
  EXPECT_EQ(at(c), "6:3");
  EXPECT_EQ(c.severity, Severity::Info);
  EXPECT_FALSE(run(replace(kCronJob, "Forbid", "Allow")).has("cronjob-concurrency-policy"));
}

TEST(Jobs, CronJobHistoryLimits) {
  Finding none =
      only(run(replace(kCronJob, "failedJobsHistoryLimit: 3", "failedJobsHistoryLimit: 0")),
           "cronjob-history-limits");
  EXPECT_EQ(at(none), "10:27");
  Finding many = only(
      run(replace(kCronJob, "successfulJobsHistoryLimit: 3", "successfulJobsHistoryLimit: 50")),
      "cronjob-history-limits");
  EXPECT_EQ(at(many), "9:31");
  EXPECT_FALSE(
      run(replace(kCronJob, "successfulJobsHistoryLimit: 3", "successfulJobsHistoryLimit: 0"))
          .has("cronjob-history-limits"));
}

TEST(Jobs, BackoffLimitOnJobsAndJobTemplates) {
  Finding f =
      only(run(replace(kCronJob, "      backoffLimit: 2\n", "")), "job-backoff-limit-missing");
  EXPECT_EQ(at(f), "13:7"); // the job template's spec
  Finding j = only(run(replace(kJob, "  backoffLimit: 0\n", "")), "job-backoff-limit-missing");
  EXPECT_EQ(at(j), "6:3");
}

TEST(Jobs, TtlForStandaloneJobsOnly) {
  std::string no_ttl = replace(kJob, "  ttlSecondsAfterFinished: 86400\n", "");
  Finding f = only(run(no_ttl), "job-ttl-missing");
  EXPECT_EQ(at(f), "6:3");
  EXPECT_EQ(f.severity, Severity::Info);
  // A GitOps hook delete policy does the cleaning; Jobs a CronJob owns are its business.
  EXPECT_FALSE(run(replace(no_ttl, "  name: migrate\n",
                           "  name: migrate\n  annotations:\n"
                           "    argocd.argoproj.io/hook-delete-policy: HookSucceeded\n"))
                   .has("job-ttl-missing"));
  EXPECT_FALSE(run(replace(no_ttl, "  name: migrate\n",
                           "  name: migrate\n  ownerReferences:\n"
                           "    - {apiVersion: batch/v1, kind: CronJob, name: x, uid: u}\n"))
                   .has("job-ttl-missing"));
  EXPECT_FALSE(run(kCronJob).has("job-ttl-missing"));
}

} // namespace
} // namespace berth::check::policy::test
