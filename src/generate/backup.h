// Rules of the backup generator (database dump CronJobs, CloudNativePG clusters), one function
// each, exposed for unit tests. generate_backup() composes them.
#pragma once

#include <string>
#include <string_view>

#include "generate/context.h"
#include "yaml/node.h"

namespace berth::generate::backup {

// Families berth knows how to dump: Postgres (pg_dump -Fc), MySQL (mysqldump), MongoDB
// (mongodump --archive).
bool dumpable(DataFamily family);
// x-berth.backup.schedule, else the profile's backup schedule.
std::string schedule_of(const ServicePlan& plan, const profile::Profile& profile);
// "s3://bucket/prefix" → rclone remote "backup:bucket/prefix".
std::string rclone_remote(std::string_view s3_url);
// Where the dumps of one service go in one environment (rclone remote spelling).
std::string remote_for(const Context& ctx, const ServicePlan& plan, std::string_view env);
// The shell script of the dump init container (writes one timestamped file to /backup).
std::string dump_script(const ServicePlan& plan);
// The shell script of the upload container: copy /backup to $BACKUP_REMOTE, then delete
// remote dumps older than the retention.
std::string upload_script(std::int64_t retention_days);

// --- backup.cpp ------------------------------------------------------------------------------
// batch/v1 CronJob "<name>-backup": dump init container (the database's own image, so client
// and server versions match) into an emptyDir, rclone container uploading to S3.
yaml::Node make_backup_cronjob(const Context& ctx, const ServicePlan& plan);
// Patch setting BACKUP_REMOTE of the upload container for one environment.
yaml::Node destination_patch(const Context& ctx, const ServicePlan& plan,
                             const profile::Environment& env);

// --- cnpg.cpp --------------------------------------------------------------------------------
// CloudNativePG's ScheduledBackup takes six fields (seconds first): "0 2 * * *" → "0 0 2 * * *".
std::string cnpg_schedule(std::string_view cron);
// ghcr.io/cloudnative-pg/postgresql:<major> from "postgres:16-alpine"; "" when the tag has no
// major version (the operator's default image is used then).
std::string cnpg_image(std::string_view image);
// postgresql.cnpg.io/v1 Cluster replacing a Postgres StatefulSet, with barman backups to S3.
yaml::Node make_cnpg_cluster(const Context& ctx, const ServicePlan& plan);
yaml::Node make_scheduled_backup(const Context& ctx, const ServicePlan& plan);
// Patch of one environment: instances and the backup destination.
yaml::Node cnpg_environment_patch(const Context& ctx, const ServicePlan& plan,
                                  const profile::Environment& env);

} // namespace berth::generate::backup
