// Backups: dump CronJobs (scripts, object, per-env destination) and the CloudNativePG path.
#include <gtest/gtest.h>

#include "generate/backup.h"
#include "yaml/emit.h"

namespace berth::generate {
namespace {

struct World {
  model::App app;
  profile::Profile profile = profile::default_profile();
  AppPlan plan;
  World() {
    app.name = "shop";
    plan.app = "shop";
  }
  void add(std::string name, DataFamily family, std::string image) {
    model::Service s;
    s.name = name;
    s.image = image;
    app.services.push_back(s);
    ServicePlan p;
    p.name = name;
    p.family = family;
    p.image = image;
    p.kind = model::WorkloadKind::StatefulSet;
    p.secret_name = name + "-secret";
    p.config_name = name + "-config";
    if (auto port = default_port(family)) {
      PortPlan pp;
      pp.name = "db";
      pp.port = *port;
      p.ports.push_back(pp);
    }
    p.replicas = {{"staging", 1}, {"production", 1}};
    plan.services.push_back(p);
  }
  Context ctx() {
    for (std::size_t i = 0; i < plan.services.size(); ++i)
      plan.services[i].service = &app.services[i];
    return Context{app, profile, plan};
  }
};

TEST(Backup, Helpers) {
  EXPECT_TRUE(backup::dumpable(DataFamily::Postgres));
  EXPECT_TRUE(backup::dumpable(DataFamily::MySQL));
  EXPECT_TRUE(backup::dumpable(DataFamily::MongoDB));
  EXPECT_FALSE(backup::dumpable(DataFamily::Redis));
  EXPECT_FALSE(backup::dumpable(DataFamily::None));
  EXPECT_EQ(backup::rclone_remote("s3://bucket/a/b/"), "backup:bucket/a/b");
  EXPECT_EQ(backup::cnpg_schedule("0 2 * * *"), "0 0 2 * * *");
  EXPECT_EQ(backup::cnpg_schedule("@daily"), "@daily");
  EXPECT_EQ(backup::cnpg_image("postgres:16-alpine"), "ghcr.io/cloudnative-pg/postgresql:16");
  EXPECT_EQ(backup::cnpg_image("docker.io/library/postgres:15.4"),
            "ghcr.io/cloudnative-pg/postgresql:15");
  EXPECT_EQ(backup::cnpg_image("postgres:latest"), "");
  EXPECT_EQ(backup::cnpg_image("postgres"), "");
  EXPECT_EQ(backup::cnpg_image("localhost:5000/postgres"), "");
}

TEST(Backup, ScheduleFromXBerthElseProfile) {
  World w;
  w.add("db", DataFamily::Postgres, "postgres:16");
  Context ctx = w.ctx();
  EXPECT_EQ(backup::schedule_of(w.plan.services[0], w.profile), "0 2 * * *");
  w.app.services[0].x_berth = model::XBerth{};
  w.app.services[0].x_berth->backup = model::BackupSpec{"30 4 * * *", {}};
  EXPECT_EQ(backup::schedule_of(w.plan.services[0], w.profile), "30 4 * * *");
  EXPECT_EQ(backup::remote_for(ctx, w.plan.services[0], "production"),
            "backup:example-backups/shop/production/db");
}

TEST(Backup, DumpScripts) {
  World w;
  w.add("db", DataFamily::Postgres, "postgres:16");
  w.add("mysql", DataFamily::MySQL, "mysql:8");
  w.add("mongo", DataFamily::MongoDB, "mongo:7");
  w.ctx();
  EXPECT_EQ(backup::dump_script(w.plan.services[0]),
            "set -eu\n"
            "export PGPASSWORD=\"${POSTGRES_PASSWORD:-}\"\n"
            "pg_dump -h db -p 5432 -U \"${POSTGRES_USER:-postgres}\" "
            "-d \"${POSTGRES_DB:-${POSTGRES_USER:-postgres}}\" -Fc "
            "-f \"/backup/db-$(date -u +%Y%m%dT%H%M%SZ).dump\"\n");
  std::string my = backup::dump_script(w.plan.services[1]);
  EXPECT_NE(my.find("--single-transaction"), std::string::npos);
  EXPECT_NE(my.find("-h mysql -P 3306"), std::string::npos);
  EXPECT_NE(my.find("MYSQL_PWD"), std::string::npos); // never on the command line
  std::string mongo = backup::dump_script(w.plan.services[2]);
  EXPECT_NE(mongo.find("mongodump --host=mongo --port=27017"), std::string::npos);
  EXPECT_NE(mongo.find("--archive="), std::string::npos);
  EXPECT_EQ(backup::upload_script(7),
            "set -eu\nrclone copy /backup \"$BACKUP_REMOTE\" --s3-no-check-bucket\n"
            "rclone delete \"$BACKUP_REMOTE\" --min-age 7d\n");
}

TEST(Backup, CronJobObject) {
  World w;
  w.add("db", DataFamily::Postgres, "postgres:16");
  Context ctx = w.ctx();
  yaml::Node cj = backup::make_backup_cronjob(ctx, w.plan.services[0]);
  EXPECT_EQ(cj.text("apiVersion"), "batch/v1");
  EXPECT_EQ(cj.text("kind"), "CronJob");
  EXPECT_EQ(cj.find("metadata")->text("name"), "db-backup");
  EXPECT_FALSE(cj.find("metadata")->has("namespace"));
  const yaml::Node& spec = *cj.find("spec");
  EXPECT_EQ(spec.text("schedule"), "0 2 * * *");
  EXPECT_EQ(spec.text("concurrencyPolicy"), "Forbid");
  EXPECT_EQ(spec.text("startingDeadlineSeconds"), "600");
  EXPECT_EQ(spec.text("successfulJobsHistoryLimit"), "3");
  const yaml::Node& pod = *spec.find("jobTemplate")->find("spec")->find("template")->find("spec");
  EXPECT_EQ(pod.text("restartPolicy"), "OnFailure");
  EXPECT_EQ(pod.text("automountServiceAccountToken"), "false"); // no API access needed
  EXPECT_EQ(pod.find("securityContext")->text("runAsNonRoot"), "true");
  const yaml::Node& dump = pod.find("initContainers")->items()[0];
  EXPECT_EQ(dump.text("name"), "dump");
  EXPECT_EQ(dump.text("image"), "postgres:16");
  EXPECT_EQ(dump.find("envFrom")->items()[0].find("configMapRef")->text("name"), "db-config");
  EXPECT_EQ(dump.find("envFrom")->items()[1].find("secretRef")->text("name"), "db-secret");
  EXPECT_EQ(dump.find("securityContext")->text("readOnlyRootFilesystem"), "true");
  EXPECT_TRUE(dump.find("resources")->has("limits"));
  const yaml::Node& up = pod.find("containers")->items()[0];
  EXPECT_EQ(up.text("name"), "upload");
  EXPECT_EQ(up.find("envFrom")->items()[0].find("secretRef")->text("name"),
            "backup-s3-credentials");
  EXPECT_EQ(up.find("env")->items()[2].text("name"), "RCLONE_CONFIG_BACKUP_TYPE");
  EXPECT_EQ(up.find("env")->items()[3].text("value"), "AWS");
  EXPECT_EQ(pod.find("volumes")->items()[0].text("name"), "backup");
}

TEST(Backup, DestinationPatchExact) {
  World w;
  w.add("db", DataFamily::Postgres, "postgres:16");
  Context ctx = w.ctx();
  const profile::Environment& prod = *profile::find_environment(w.profile, "production");
  EXPECT_EQ(yaml::emit(backup::destination_patch(ctx, w.plan.services[0], prod)),
            R"(apiVersion: batch/v1
kind: CronJob
metadata:
  name: db-backup
spec:
  jobTemplate:
    spec:
      template:
        spec:
          priorityClassName: production
          containers:
            - name: upload
              env:
                - name: BACKUP_REMOTE
                  value: backup:example-backups/shop/production/db
)");
}

TEST(Backup, GeneratorDumpsDatabasesOnly) {
  World w;
  w.add("db", DataFamily::Postgres, "postgres:16");
  w.add("cache", DataFamily::Redis, "redis:7");
  w.app.services[1].x_berth = model::XBerth{};
  w.app.services[1].x_berth->backup = model::BackupSpec{"0 1 * * *", {}};
  Context ctx = w.ctx();
  Output out;
  generate_backup(ctx, out);
  // The dump CronJob and its two NetworkPolicies, for the database only.
  ASSERT_EQ(out.base.size(), 3u);
  EXPECT_EQ(out.base[0].path, "base/db/cronjob-backup.yaml");
  EXPECT_EQ(out.base[1].path, "base/db/networkpolicy-backup.yaml");
  EXPECT_EQ(out.base[2].path, "base/db/networkpolicy-from-backup.yaml");
  ASSERT_EQ(out.patches["staging"].size(), 1u);
  EXPECT_EQ(out.patches["staging"][0].path, "overlays/staging/patches/db-backup.yaml");
  bool redis_manual = false;
  for (const ReportEntry& e : out.report.entries)
    if (e.service == "cache" && e.key == "x-berth.backup")
      redis_manual = e.disposition == Disposition::Manual;
  EXPECT_TRUE(redis_manual);
}

TEST(Backup, CloudNativePgReplacesStatefulSet) {
  World w;
  w.profile.database.strategy = "cloudnative-pg";
  w.add("db", DataFamily::Postgres, "postgres:16-alpine");
  Context ctx = w.ctx();
  Output out;
  out.add_base("base/db/statefulset.yaml", yaml::Node::mapping());
  out.add_base("base/db/service-headless.yaml", yaml::Node::mapping());
  yaml::Node svc = yaml::Node::mapping();
  yaml::Node spec = yaml::Node::mapping();
  spec.set("selector", yaml::Node::mapping());
  yaml::Node ports = yaml::Node::sequence();
  yaml::Node port = yaml::Node::mapping();
  port.set("name", yaml::Node::str("db"));
  port.set("port", yaml::Node::integer(5432));
  port.set("targetPort", yaml::Node::str("db"));
  ports.push(port);
  spec.set("ports", ports);
  svc.set("spec", spec);
  out.add_base("base/db/service.yaml", svc);
  out.add_patch("production", "overlays/production/patches/db.yaml", yaml::Node::mapping());
  generate_backup(ctx, out);
  std::vector<std::string> paths;
  for (const Manifest& m : out.base) paths.push_back(m.path);
  EXPECT_EQ(paths, (std::vector<std::string>{"base/db/service.yaml", "base/db/cluster.yaml",
                                             "base/db/scheduledbackup.yaml"}));
  const yaml::Node& s = *out.base[0].object.find("spec");
  EXPECT_EQ(s.find("selector")->text("cnpg.io/cluster"), "db");
  EXPECT_EQ(s.find("selector")->text("cnpg.io/instanceRole"), "primary");
  EXPECT_EQ(s.find("ports")->items()[0].text("targetPort"), "5432");
  const yaml::Node& cluster = *out.base[1].object.find("spec");
  EXPECT_EQ(cluster.text("imageName"), "ghcr.io/cloudnative-pg/postgresql:16");
  EXPECT_EQ(cluster.find("bootstrap")->find("initdb")->text("owner"), "app");
  EXPECT_EQ(cluster.find("storage")->text("size"), "10Gi");
  EXPECT_EQ(cluster.find("backup")->text("retentionPolicy"), "7d");
  EXPECT_EQ(out.base[2].object.find("spec")->text("schedule"), "0 0 2 * * *");
  ASSERT_EQ(out.patches["production"].size(), 1u);
  EXPECT_EQ(out.patches["production"][0].path, "overlays/production/patches/db-cluster.yaml");
  EXPECT_EQ(out.patches["production"][0].patch.find("spec")->find("backup")
                ->find("barmanObjectStore")->text("destinationPath"),
            "s3://example-backups/shop/production/db");
}

} // namespace
} // namespace berth::generate

namespace berth::generate {
namespace {

// Default-deny would block the dump pods: they get exactly the database port and the S3
// endpoint, and the database accepts them.
TEST(Backup, NetworkPoliciesLetTheDumpReachDatabaseAndS3) {
  World w;
  w.add("db", DataFamily::Postgres, "postgres:16");
  w.profile.backup.endpoint = "https://s3.eu-central.example.com:8443/";
  Context ctx = w.ctx();
  Output out;
  generate_backup(ctx, out);
  auto find = [&](const std::string& path) -> const yaml::Node* {
    for (const Manifest& m : out.base)
      if (m.path == path) return &m.object;
    return nullptr;
  };
  const yaml::Node* egress = find("base/db/networkpolicy-backup.yaml");
  ASSERT_TRUE(egress);
  EXPECT_EQ(yaml::emit(*egress->find("spec")), R"(podSelector:
  matchLabels:
    app.kubernetes.io/name: db-backup
    app.kubernetes.io/part-of: shop
policyTypes:
  - Egress
egress:
  - to:
      - podSelector:
          matchLabels:
            app.kubernetes.io/name: db
            app.kubernetes.io/part-of: shop
    ports:
      - protocol: TCP
        port: 5432
  - ports:
      - protocol: TCP
        port: 8443
)");
  const yaml::Node* ingress = find("base/db/networkpolicy-from-backup.yaml");
  ASSERT_TRUE(ingress);
  EXPECT_EQ(ingress->find("metadata")->text("name"), "db-from-backup");
  const yaml::Node& from = ingress->find("spec")->find("ingress")->items()[0];
  EXPECT_EQ(from.find("from")->items()[0].find("podSelector")->find("matchLabels")->text(
                "app.kubernetes.io/name"),
            "db-backup");
  EXPECT_EQ(from.find("ports")->items()[0].text("port"), "5432");
}

} // namespace
} // namespace berth::generate
