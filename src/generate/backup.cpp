// Database dump CronJobs (seed 000: postgresql-backup-cronjob, rclone to S3) and generate_backup.
#include <algorithm>

#include "generate/backup.h"
#include "generate/network.h"
#include "kube/object.h"

namespace berth::generate::backup {

using yaml::Node;

bool dumpable(DataFamily family) {
  return family == DataFamily::Postgres || family == DataFamily::MySQL ||
         family == DataFamily::MongoDB;
}

std::string schedule_of(const ServicePlan& plan, const profile::Profile& profile) {
  const model::Service* s = plan.service;
  if (s && s->x_berth && s->x_berth->backup && !s->x_berth->backup->schedule.empty())
    return s->x_berth->backup->schedule;
  return profile.backup.schedule;
}

std::string rclone_remote(std::string_view s3_url) {
  std::string_view path = s3_url;
  if (path.substr(0, 5) == "s3://") path.remove_prefix(5);
  while (!path.empty() && path.back() == '/') path.remove_suffix(1);
  return "backup:" + std::string(path);
}

std::string remote_for(const Context& ctx, const ServicePlan& plan, std::string_view env) {
  // One folder per service, so the retention sweep only ever deletes this service's dumps.
  return rclone_remote(profile::expand(ctx.profile.backup.destination, ctx.plan.app, env)) + "/" +
         plan.name;
}

namespace {

int db_port(const ServicePlan& plan) {
  if (auto p = default_port(plan.family))
    if (plan.port(*p)) return *p;
  if (!plan.ports.empty()) return plan.ports.front().port;
  return default_port(plan.family).value_or(0);
}

} // namespace

std::string dump_script(const ServicePlan& plan) {
  const std::string host = plan.name;
  const std::string port = std::to_string(db_port(plan));
  const std::string stamp = "/backup/" + plan.name + "-$(date -u +%Y%m%dT%H%M%SZ)";
  // The credentials are the database's own variables (its ConfigMap and Secret), with the
  // official images' defaults.
  switch (plan.family) {
  case DataFamily::Postgres:
    return "set -eu\n"
           "export PGPASSWORD=\"${POSTGRES_PASSWORD:-}\"\n"
           "pg_dump -h " + host + " -p " + port +
           " -U \"${POSTGRES_USER:-postgres}\" -d \"${POSTGRES_DB:-${POSTGRES_USER:-postgres}}\""
           " -Fc -f \"" + stamp + ".dump\"\n";
  case DataFamily::MySQL:
    return "set -eu\n"
           "root=\"${MYSQL_ROOT_PASSWORD:-${MARIADB_ROOT_PASSWORD:-}}\"\n"
           "if [ -n \"$root\" ]; then\n"
           "  export MYSQL_PWD=\"$root\"; user=root; dbs=--all-databases\n"
           "else\n"
           "  export MYSQL_PWD=\"${MYSQL_PASSWORD:-${MARIADB_PASSWORD:-}}\"\n"
           "  user=\"${MYSQL_USER:-${MARIADB_USER:-root}}\"\n"
           "  dbs=\"--databases ${MYSQL_DATABASE:-${MARIADB_DATABASE:-}}\"\n"
           "fi\n"
           "dump=$(command -v mysqldump || command -v mariadb-dump)\n"
           "f=\"" + stamp + ".sql\"\n"
           "\"$dump\" -h " + host + " -P " + port +
           " -u \"$user\" --single-transaction --routines --triggers --events $dbs > \"$f\"\n"
           "gzip \"$f\"\n";
  case DataFamily::MongoDB:
    return "set -eu\n"
           "set --\n"
           "if [ -n \"${MONGO_INITDB_ROOT_USERNAME:-}\" ]; then\n"
           "  set -- --username=\"$MONGO_INITDB_ROOT_USERNAME\" "
           "--password=\"${MONGO_INITDB_ROOT_PASSWORD:-}\" --authenticationDatabase=admin\n"
           "fi\n"
           "mongodump --host=" + host + " --port=" + port + " \"$@\" --archive=\"" + stamp +
           ".archive.gz\" --gzip\n";
  default: return {};
  }
}

std::string upload_script(std::int64_t retention_days) {
  return "set -eu\n"
         "rclone copy /backup \"$BACKUP_REMOTE\" --s3-no-check-bucket\n"
         "rclone delete \"$BACKUP_REMOTE\" --min-age " + std::to_string(retention_days) + "d\n";
}

namespace {

const char* const kRcloneImage = "rclone/rclone:1.68.2";
constexpr std::int64_t kBackupUid = 999; // the postgres/mysql/mongodb images' own user

Node env_var(const std::string& name, const std::string& value) {
  Node e = Node::mapping();
  e.set("name", Node::str(name));
  e.set("value", Node::str(value));
  return e;
}

Node ref(const char* kind, const std::string& name) {
  Node r = Node::mapping();
  r.set("name", Node::str(name));
  Node from = Node::mapping();
  from.set(kind, std::move(r));
  return from;
}

Node mount(const char* name, const char* path) {
  Node m = Node::mapping();
  m.set("name", Node::str(name));
  m.set("mountPath", Node::str(path));
  return m;
}

Node resources(const char* cpu_req, const char* mem_req, const char* cpu_lim, const char* mem_lim) {
  Node req = Node::mapping();
  req.set("cpu", Node::str(cpu_req));
  req.set("memory", Node::str(mem_req));
  Node lim = Node::mapping();
  lim.set("cpu", Node::str(cpu_lim));
  lim.set("memory", Node::str(mem_lim));
  Node r = Node::mapping();
  r.set("requests", std::move(req));
  r.set("limits", std::move(lim));
  return r;
}

Node container_security() {
  Node sc = Node::mapping();
  sc.set("allowPrivilegeEscalation", Node::boolean(false));
  sc.set("readOnlyRootFilesystem", Node::boolean(true));
  Node caps = Node::mapping();
  Node drop = Node::sequence();
  drop.push(Node::str("ALL"));
  caps.set("drop", std::move(drop));
  sc.set("capabilities", std::move(caps));
  return sc;
}

Node shell(const std::string& script) {
  Node cmd = Node::sequence();
  cmd.push(Node::str("/bin/sh"));
  cmd.push(Node::str("-c"));
  cmd.push(Node::str(script));
  return cmd;
}

Node dump_container(const ServicePlan& plan) {
  Node c = Node::mapping();
  c.set("name", Node::str("dump"));
  c.set("image", Node::str(plan.image));
  c.set("command", shell(dump_script(plan)));
  Node from = Node::sequence();
  if (!plan.config_name.empty()) from.push(ref("configMapRef", plan.config_name));
  if (!plan.secret_name.empty()) from.push(ref("secretRef", plan.secret_name));
  if (from.items().size() > 0) c.set("envFrom", std::move(from));
  c.set("resources", resources("100m", "128Mi", "1", "512Mi"));
  c.set("securityContext", container_security());
  Node mounts = Node::sequence();
  mounts.push(mount("backup", "/backup"));
  mounts.push(mount("tmp", "/tmp"));
  c.set("volumeMounts", std::move(mounts));
  return c;
}

Node upload_env(const Context& ctx, const std::string& remote) {
  const profile::Backup& b = ctx.profile.backup;
  Node env = Node::sequence();
  env.push(env_var("BACKUP_REMOTE", remote));
  env.push(env_var("HOME", "/tmp")); // rclone's cache and config dir; the root FS is read-only
  env.push(env_var("RCLONE_CONFIG_BACKUP_TYPE", "s3"));
  env.push(env_var("RCLONE_CONFIG_BACKUP_PROVIDER", b.endpoint.empty() ? "AWS" : "Other"));
  env.push(env_var("RCLONE_CONFIG_BACKUP_ENV_AUTH", "true"));
  if (!b.endpoint.empty()) env.push(env_var("RCLONE_CONFIG_BACKUP_ENDPOINT", b.endpoint));
  return env;
}

Node upload_container(const Context& ctx, const ServicePlan& plan) {
  Node c = Node::mapping();
  c.set("name", Node::str("upload"));
  c.set("image", Node::str(kRcloneImage));
  c.set("command", shell(upload_script(ctx.profile.backup.retention_days)));
  c.set("env", upload_env(ctx, remote_for(ctx, plan, "base")));
  Node from = Node::sequence();
  from.push(ref("secretRef", ctx.profile.backup.credentials_secret));
  c.set("envFrom", std::move(from));
  c.set("resources", resources("50m", "64Mi", "500m", "256Mi"));
  c.set("securityContext", container_security());
  Node mounts = Node::sequence();
  mounts.push(mount("backup", "/backup"));
  mounts.push(mount("tmp", "/tmp"));
  c.set("volumeMounts", std::move(mounts));
  return c;
}

Node pod_security() {
  Node sc = Node::mapping();
  sc.set("runAsNonRoot", Node::boolean(true));
  sc.set("runAsUser", Node::integer(kBackupUid));
  sc.set("runAsGroup", Node::integer(kBackupUid));
  sc.set("fsGroup", Node::integer(kBackupUid));
  Node seccomp = Node::mapping();
  seccomp.set("type", Node::str("RuntimeDefault"));
  sc.set("seccompProfile", std::move(seccomp));
  return sc;
}

Node empty_dir(const char* name) {
  Node v = Node::mapping();
  v.set("name", Node::str(name));
  v.set("emptyDir", Node::mapping());
  return v;
}

std::string job_name(const ServicePlan& plan) { return plan.name + "-backup"; }

} // namespace

Node make_backup_cronjob(const Context& ctx, const ServicePlan& plan) {
  const std::string name = job_name(plan);
  Node obj = kube::make_object("batch/v1", "CronJob", name);
  kube::metadata(obj).set("labels",
                          kube::string_map(kube::standard_labels(ctx.plan.app, name, "backup")));

  Node pod = Node::mapping();
  pod.set("restartPolicy", Node::str("OnFailure"));
  // The dump talks to the database and S3, never to the Kubernetes API.
  pod.set("automountServiceAccountToken", Node::boolean(false));
  if (!ctx.profile.registry.pull_secret.empty() && plan.built) {
    Node pulls = Node::sequence();
    Node p = Node::mapping();
    p.set("name", Node::str(ctx.profile.registry.pull_secret));
    pulls.push(std::move(p));
    pod.set("imagePullSecrets", std::move(pulls));
  }
  pod.set("securityContext", pod_security());
  Node init = Node::sequence();
  init.push(dump_container(plan));
  pod.set("initContainers", std::move(init));
  Node containers = Node::sequence();
  containers.push(upload_container(ctx, plan));
  pod.set("containers", std::move(containers));
  Node volumes = Node::sequence();
  volumes.push(empty_dir("backup"));
  volumes.push(empty_dir("tmp"));
  pod.set("volumes", std::move(volumes));

  Node tmpl_meta = Node::mapping();
  tmpl_meta.set("labels", kube::string_map(kube::standard_labels(ctx.plan.app, name, "backup")));
  Node tmpl = Node::mapping();
  tmpl.set("metadata", std::move(tmpl_meta));
  tmpl.set("spec", std::move(pod));

  Node job_spec = Node::mapping();
  job_spec.set("backoffLimit", Node::integer(2));
  job_spec.set("activeDeadlineSeconds", Node::integer(3600));
  job_spec.set("template", std::move(tmpl));
  Node job = Node::mapping();
  job.set("spec", std::move(job_spec));

  Node spec = Node::mapping();
  spec.set("schedule", Node::str(schedule_of(plan, ctx.profile)));
  spec.set("concurrencyPolicy", Node::str("Forbid"));
  spec.set("startingDeadlineSeconds", Node::integer(600));
  spec.set("successfulJobsHistoryLimit", Node::integer(3));
  spec.set("failedJobsHistoryLimit", Node::integer(3));
  spec.set("jobTemplate", std::move(job));
  obj.set("spec", std::move(spec));
  return obj;
}

Node destination_patch(const Context& ctx, const ServicePlan& plan,
                       const profile::Environment& env) {
  Node c = Node::mapping();
  c.set("name", Node::str("upload"));
  Node envs = Node::sequence();
  envs.push(env_var("BACKUP_REMOTE", remote_for(ctx, plan, env.name)));
  c.set("env", std::move(envs));
  Node containers = Node::sequence();
  containers.push(std::move(c));
  Node pod = Node::mapping();
  // Same priority as the environment's workloads: a backup that gets preempted is no backup.
  if (!env.priority_class.empty())
    pod.set("priorityClassName", Node::str(env.priority_class));
  pod.set("containers", std::move(containers));
  Node tmpl = Node::mapping();
  tmpl.set("spec", std::move(pod));
  Node job_spec = Node::mapping();
  job_spec.set("template", std::move(tmpl));
  Node job = Node::mapping();
  job.set("spec", std::move(job_spec));
  Node spec = Node::mapping();
  spec.set("jobTemplate", std::move(job));
  Node patch = kube::make_object("batch/v1", "CronJob", job_name(plan));
  patch.set("spec", std::move(spec));
  return patch;
}

} // namespace berth::generate::backup

// --- generate_backup ---------------------------------------------------------------------------
namespace berth::generate {

using namespace backup;

namespace {

bool starts_with(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }

// Points the workload generator's Service at the CloudNativePG primary, so clients keep the
// Compose host name; CNPG pods carry the selector labels through inheritedMetadata.
bool retarget_service(Output& out, const ServicePlan& plan) {
  for (Manifest& m : out.base) {
    if (m.path != "base/" + plan.name + "/service.yaml") continue;
    yaml::Node* spec = m.object.find("spec");
    if (!spec) return false;
    yaml::Node* sel = spec->find("selector");
    if (!sel) return false;
    sel->set("cnpg.io/cluster", yaml::Node::str(plan.name));
    sel->set("cnpg.io/instanceRole", yaml::Node::str("primary"));
    if (yaml::Node* ports = spec->find("ports"))
      for (yaml::Node& p : ports->items())
        if (yaml::Node* port = p.find("port")) p.set("targetPort", *port);
    return true;
  }
  return false;
}

void cloudnative_pg(const Context& ctx, const ServicePlan& plan, Output& out) {
  const model::Service& s = *plan.service;
  const std::string dir = "base/" + plan.name + "/";
  std::erase_if(out.base, [&](const Manifest& m) {
    return m.path == dir + "statefulset.yaml" || m.path == dir + "service-headless.yaml" ||
           starts_with(m.path, dir + "pvc-");
  });
  bool service_ok = retarget_service(out, plan);
  out.add_base(dir + "cluster.yaml", make_cnpg_cluster(ctx, plan));
  out.add_base(dir + "scheduledbackup.yaml", make_scheduled_backup(ctx, plan));
  for (const profile::Environment& env : ctx.profile.environments) {
    const std::string patch_dir = "overlays/" + env.name + "/patches/";
    // The availability patch targeted the StatefulSet, which no longer exists.
    std::erase_if(out.patches[env.name],
                  [&](const Patch& p) { return p.path == patch_dir + plan.name + ".yaml"; });
    out.add_patch(env.name, patch_dir + plan.name + "-cluster.yaml",
                  cnpg_environment_patch(ctx, plan, env));
  }
  out.report.add(s.name, "image", Disposition::Translated,
                 "CloudNativePG Cluster (profile database strategy) instead of a StatefulSet; "
                 "barman backups to " + ctx.profile.backup.destination + " on " +
                     cnpg_schedule(schedule_of(plan, ctx.profile)),
                 s.at.loc);
  out.report.add(s.name, "cloudnative-pg", Disposition::Manual,
                 "create the kubernetes.io/basic-auth Secret " + plan.name +
                     "-app-credentials (username/password of the application role, the password "
                     "the clients use) and the Secret " + ctx.profile.backup.credentials_secret +
                     " in each namespace; allow the cnpg-system namespace to reach the pods "
                     "(ports 5432, 8000); import the existing data (pg_dump/pg_restore)",
                 s.at.loc);
  if (!service_ok)
    out.report.add(s.name, "cloudnative-pg", Disposition::Manual,
                   "no Service " + plan.name + " found to point at the primary: clients must use " +
                       plan.name + "-rw", s.at.loc);
}

// Port of the S3 endpoint the upload goes to: explicit in the profile's URL, else HTTPS.
int s3_port(const profile::Profile& p) {
  const std::string& url = p.backup.endpoint;
  std::size_t host = url.find("://");
  host = host == std::string::npos ? 0 : host + 3;
  std::size_t end = url.find('/', host);
  std::string authority = url.substr(host, end == std::string::npos ? end : end - host);
  std::size_t colon = authority.rfind(':');
  if (colon != std::string::npos && colon + 1 < authority.size() &&
      authority.find_first_not_of("0123456789", colon + 1) == std::string::npos)
    return std::stoi(authority.substr(colon + 1));
  return url.starts_with("http://") ? 80 : 443;
}

// The namespace denies everything by default: the dump pods may reach the database and the
// S3 endpoint (DNS is allowed namespace-wide), and the database accepts them.
std::pair<Node, Node> backup_network_policies(const Context& ctx, const ServicePlan& plan) {
  const std::string job = job_name(plan);
  const int port = db_port(plan);
  Node egress_policy = kube::make_object("networking.k8s.io/v1", "NetworkPolicy", job);
  kube::metadata(egress_policy)
      .set("labels", kube::string_map(kube::standard_labels(ctx.plan.app, job, "backup")));
  Node spec = Node::mapping();
  spec.set("podSelector", net::match_labels(kube::selector_labels(ctx.plan.app, job)));
  spec.set("policyTypes", Node::sequence());
  spec.find("policyTypes")->push(Node::str("Egress"));
  Node to_db = Node::mapping();
  Node peers = Node::sequence();
  peers.push(net::pods_of(ctx, plan.name));
  to_db.set("to", std::move(peers));
  to_db.set("ports", Node::sequence()).push(net::port_entry("TCP", port));
  Node to_s3 = Node::mapping(); // no `to`: the object store is outside the cluster
  to_s3.set("ports", Node::sequence()).push(net::port_entry("TCP", s3_port(ctx.profile)));
  Node egress = Node::sequence();
  egress.push(std::move(to_db));
  egress.push(std::move(to_s3));
  spec.set("egress", std::move(egress));
  egress_policy.set("spec", std::move(spec));

  Node ingress_policy =
      kube::make_object("networking.k8s.io/v1", "NetworkPolicy", plan.name + "-from-backup");
  kube::metadata(ingress_policy)
      .set("labels", kube::string_map(kube::standard_labels(ctx.plan.app, plan.name)));
  Node ispec = Node::mapping();
  ispec.set("podSelector", net::match_labels(kube::selector_labels(ctx.plan.app, plan.name)));
  ispec.set("policyTypes", Node::sequence()).push(Node::str("Ingress"));
  Node from = Node::mapping();
  Node sources = Node::sequence();
  sources.push(net::pods_of(ctx, job));
  from.set("from", std::move(sources));
  from.set("ports", Node::sequence()).push(net::port_entry("TCP", port));
  ispec.set("ingress", Node::sequence()).push(std::move(from));
  ingress_policy.set("spec", std::move(ispec));
  return {std::move(egress_policy), std::move(ingress_policy)};
}

void dump_cronjob(const Context& ctx, const ServicePlan& plan, Output& out) {
  const model::Service& s = *plan.service;
  out.add_base("base/" + plan.name + "/cronjob-backup.yaml", make_backup_cronjob(ctx, plan));
  auto [egress, ingress] = backup_network_policies(ctx, plan);
  out.add_base("base/" + plan.name + "/networkpolicy-backup.yaml", std::move(egress));
  out.add_base("base/" + plan.name + "/networkpolicy-from-backup.yaml", std::move(ingress));
  for (const profile::Environment& env : ctx.profile.environments)
    out.add_patch(env.name, "overlays/" + env.name + "/patches/" + plan.name + "-backup.yaml",
                  destination_patch(ctx, plan, env));
  out.report.add(s.name, "backup", Disposition::Manual,
                 "the dump CronJob " + plan.name + "-backup reads S3 credentials "
                 "(AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY) from the Secret " +
                     ctx.profile.backup.credentials_secret +
                     ", which must exist in each namespace (NetworkPolicies " + plan.name +
                     "-backup and " + plan.name + "-from-backup let it reach " + plan.name +
                     " and the S3 endpoint)",
                 s.at.loc);
}

} // namespace

void generate_backup(const Context& ctx, Output& out) {
  for (const ServicePlan& plan : ctx.plan.services) {
    if (!plan.service) continue;
    const model::Service& s = *plan.service;
    const model::BackupSpec* asked =
        s.x_berth && s.x_berth->backup ? &*s.x_berth->backup : nullptr;
    if (!dumpable(plan.family)) {
      if (asked)
        out.report.add(s.name, "x-berth.backup", Disposition::Manual,
                       std::string("berth has no dump command for a ") +
                           (plan.family == DataFamily::None ? "service that is not a database"
                                                            : to_string(plan.family)) +
                           ": back its volumes up with a volume snapshot or the store's own tool",
                       asked->at.loc);
      continue;
    }
    if (asked)
      out.report.add(s.name, "x-berth.backup", Disposition::Translated,
                     "backups on " + asked->schedule, asked->at.loc);
    else
      out.report.add(s.name, "backup", Disposition::Inferred,
                     std::string("a ") + to_string(plan.family) +
                         " database is backed up on the profile schedule " +
                         ctx.profile.backup.schedule + ", kept " +
                         std::to_string(ctx.profile.backup.retention_days) + " days",
                     s.at.loc);
    if (ctx.profile.database.strategy == "cloudnative-pg" && plan.family == DataFamily::Postgres)
      cloudnative_pg(ctx, plan, out);
    else
      dump_cronjob(ctx, plan, out);
  }
}

} // namespace berth::generate
