// CloudNativePG Cluster + ScheduledBackup replacing a Postgres StatefulSet (seed 001).
#include <cctype>

#include "generate/backup.h"
#include "kube/object.h"

namespace berth::generate::backup {

using yaml::Node;

std::string cnpg_schedule(std::string_view cron) {
  if (!cron.empty() && cron.front() == '@') return std::string(cron); // @daily, @hourly...
  return "0 " + std::string(cron);
}

std::string cnpg_image(std::string_view image) {
  auto colon = image.rfind(':');
  if (colon == std::string_view::npos || image.find('/', colon) != std::string_view::npos)
    return {};
  std::string_view tag = image.substr(colon + 1);
  std::size_t n = 0;
  while (n < tag.size() && std::isdigit(static_cast<unsigned char>(tag[n]))) ++n;
  if (n == 0) return {};
  return "ghcr.io/cloudnative-pg/postgresql:" + std::string(tag.substr(0, n));
}

namespace {

std::string destination_for(const Context& ctx, const ServicePlan& plan, std::string_view env) {
  std::string d = profile::expand(ctx.profile.backup.destination, ctx.plan.app, env);
  while (!d.empty() && d.back() == '/') d.pop_back();
  return d + "/" + plan.name;
}

std::string env_value(const ServicePlan& plan, std::string_view name, std::string fallback) {
  for (const EnvPlan& e : plan.env)
    if (e.name == name && !e.secret && !e.value.empty()) return e.value;
  return fallback;
}

Node key_ref(const std::string& secret, const char* key) {
  Node r = Node::mapping();
  r.set("name", Node::str(secret));
  r.set("key", Node::str(key));
  return r;
}

Node compression() {
  Node c = Node::mapping();
  c.set("compression", Node::str("gzip"));
  return c;
}

} // namespace

// The application role: POSTGRES_USER unless it is the superuser, which CloudNativePG keeps.
static std::string owner_of(const ServicePlan& plan) {
  std::string user = env_value(plan, "POSTGRES_USER", "app");
  return user == "postgres" ? "app" : user;
}

Node make_cnpg_cluster(const Context& ctx, const ServicePlan& plan) {
  Node obj = kube::make_object("postgresql.cnpg.io/v1", "Cluster", plan.name);
  kube::metadata(obj).set("labels",
                          kube::string_map(kube::standard_labels(ctx.plan.app, plan.name)));
  Node spec = Node::mapping();
  spec.set("instances", Node::integer(1));
  if (std::string image = cnpg_image(plan.image); !image.empty())
    spec.set("imageName", Node::str(image));
  Node inherited = Node::mapping();
  inherited.set("labels", kube::string_map(kube::selector_labels(ctx.plan.app, plan.name)));
  spec.set("inheritedMetadata", std::move(inherited));

  Node initdb = Node::mapping();
  std::string owner = owner_of(plan);
  initdb.set("database", Node::str(env_value(plan, "POSTGRES_DB", owner)));
  initdb.set("owner", Node::str(owner));
  Node secret = Node::mapping();
  secret.set("name", Node::str(plan.name + "-app-credentials"));
  initdb.set("secret", std::move(secret));
  Node bootstrap = Node::mapping();
  bootstrap.set("initdb", std::move(initdb));
  spec.set("bootstrap", std::move(bootstrap));

  Node storage = Node::mapping();
  if (!ctx.profile.storage.class_name.empty())
    storage.set("storageClass", Node::str(ctx.profile.storage.class_name));
  std::string size = ctx.profile.storage.database_size;
  if (plan.service && plan.service->x_berth && !plan.service->x_berth->storage.empty())
    size = plan.service->x_berth->storage.begin()->second;
  storage.set("size", Node::str(size));
  spec.set("storage", std::move(storage));

  const profile::Backup& b = ctx.profile.backup;
  Node store = Node::mapping();
  store.set("destinationPath", Node::str(destination_for(ctx, plan, "base")));
  if (!b.endpoint.empty()) store.set("endpointURL", Node::str(b.endpoint));
  Node creds = Node::mapping();
  creds.set("accessKeyId", key_ref(b.credentials_secret, "AWS_ACCESS_KEY_ID"));
  creds.set("secretAccessKey", key_ref(b.credentials_secret, "AWS_SECRET_ACCESS_KEY"));
  store.set("s3Credentials", std::move(creds));
  store.set("wal", compression());
  store.set("data", compression());
  Node backup = Node::mapping();
  backup.set("barmanObjectStore", std::move(store));
  backup.set("retentionPolicy", Node::str(std::to_string(b.retention_days) + "d"));
  spec.set("backup", std::move(backup));
  obj.set("spec", std::move(spec));
  return obj;
}

Node make_scheduled_backup(const Context& ctx, const ServicePlan& plan) {
  Node obj = kube::make_object("postgresql.cnpg.io/v1", "ScheduledBackup", plan.name + "-backup");
  kube::metadata(obj).set("labels", kube::string_map(kube::standard_labels(
                                        ctx.plan.app, plan.name + "-backup", "backup")));
  Node spec = Node::mapping();
  spec.set("schedule", Node::str(cnpg_schedule(schedule_of(plan, ctx.profile))));
  spec.set("backupOwnerReference", Node::str("self"));
  Node cluster = Node::mapping();
  cluster.set("name", Node::str(plan.name));
  spec.set("cluster", std::move(cluster));
  obj.set("spec", std::move(spec));
  return obj;
}

Node cnpg_environment_patch(const Context& ctx, const ServicePlan& plan,
                            const profile::Environment& env) {
  Node patch = kube::make_object("postgresql.cnpg.io/v1", "Cluster", plan.name);
  Node spec = Node::mapping();
  auto it = plan.replicas.find(env.name);
  spec.set("instances", Node::integer(it == plan.replicas.end() ? 1 : it->second));
  if (!env.priority_class.empty())
    spec.set("priorityClassName", Node::str(env.priority_class));
  Node store = Node::mapping();
  store.set("destinationPath", Node::str(destination_for(ctx, plan, env.name)));
  Node backup = Node::mapping();
  backup.set("barmanObjectStore", std::move(store));
  spec.set("backup", std::move(backup));
  patch.set("spec", std::move(spec));
  return patch;
}

} // namespace berth::generate::backup
