// MIGRATION.md: what to install, which secrets to fill, the cut-over order, data copy,
// validation and rollback, then the conversion report.
#include <algorithm>
#include <functional>
#include <map>
#include <queue>
#include <set>
#include <sstream>

#include "generate/config.h"
#include "generate/environments.h"
#include "generate/runbook.h"

namespace berth::generate {

namespace {

const profile::Environment* production_env(const profile::Profile& p) {
  return p.environments.empty() ? nullptr : &p.environments.back();
}

std::string kind_name(const ServicePlan& s) {
  switch (s.kind) {
  case model::WorkloadKind::Deployment: return "Deployment";
  case model::WorkloadKind::StatefulSet: return "StatefulSet";
  case model::WorkloadKind::DaemonSet: return "DaemonSet";
  case model::WorkloadKind::Job: return "Job";
  case model::WorkloadKind::CronJob: return "CronJob";
  }
  return "Deployment";
}

// rollout status applies to these kinds only.
const char* rollout_resource(const ServicePlan& s) {
  switch (s.kind) {
  case model::WorkloadKind::Deployment: return "deployment/";
  case model::WorkloadKind::StatefulSet: return "statefulset/";
  case model::WorkloadKind::DaemonSet: return "daemonset/";
  default: return nullptr;
  }
}

// `kubectl exec` target: the first pod of a StatefulSet, else the Deployment.
std::string pod_ref(const ServicePlan& s) {
  return s.stateful() ? s.name + "-0" : "deploy/" + s.name;
}

std::string docker_volume(const Context& ctx, const std::string& key) {
  if (const model::Volume* v = ctx.app.volume(key); v && !v->name.empty()) return v->name;
  return ctx.app.name + "_" + key;
}

std::string fence(const std::string& commands) { return "```sh\n" + commands + "```\n"; }

bool is_kind(const yaml::Node& object, std::string_view kind) {
  const yaml::Node* k = object.find("kind");
  return k && k->is_scalar() && k->value() == kind;
}

bool is_secret_with_values(const yaml::Node& object) {
  return is_kind(object, "Secret") && (object.find("stringData") || object.find("data"));
}

} // namespace

std::string secrets_prerequisite(const profile::Profile& p, std::string_view section) {
  if (p.secrets.method == "external-secrets")
    return "- the External Secrets Operator (0.16.2 or later: the tree uses "
           "external-secrets.io/v1) with a ClusterSecretStore `" +
           p.secrets.store + "` that can read the keys listed under \"" + std::string(section) +
           "\"\n";
  if (p.secrets.method == "plain") return {};
  return "- the Sealed Secrets controller `" + p.secrets.controller_name + "` in `" +
         p.secrets.controller_namespace + "`\n";
}

std::string gitops_prerequisite(const profile::Profile& p) {
  const profile::GitOps& g = p.gitops;
  if (g.tool == "flux")
    return "- Flux (`flux bootstrap ...`) in `" + g.flux_namespace + "` with read access to `" +
           g.repo_url + "`\n";
  return "- ArgoCD in `" + g.argocd_namespace + "` with access to `" + g.repo_url + "` (project `" +
         g.project + "`)\n";
}

std::string external_secret_keys_table(const profile::Profile& p, const Output& out) {
  std::string rows;
  for (const profile::Environment& env : p.environments) {
    auto it = out.overlay.find(env.name);
    if (it == out.overlay.end()) continue;
    for (const Manifest& m : it->second) {
      if (!is_kind(m.object, "ExternalSecret")) continue;
      const yaml::Node* spec = m.object.find("spec");
      const yaml::Node* data = spec ? spec->find("data") : nullptr;
      if (!data || !data->is_sequence()) continue;
      std::string key, properties;
      for (const yaml::Node& d : data->items()) {
        const yaml::Node* ref = d.find("remoteRef");
        if (!ref) continue;
        key = ref->text("key");
        properties += (properties.empty() ? "`" : ", `") + ref->text("property") + "`";
      }
      if (!key.empty()) rows += "| " + env.name + " | `" + key + "` | " + properties + " |\n";
    }
  }
  if (rows.empty()) return {};
  return "\nCreate these keys in the store behind ClusterSecretStore `" +
         p.secrets.store +
         "` (one key per Secret and environment, one property per Secret key); the External "
         "Secrets Operator then writes the Secrets the workloads use:\n\n"
         "| Environment | Remote key | Properties |\n|---|---|---|\n" +
         rows;
}

std::vector<std::string> cutover_order(const AppPlan& plan, std::vector<std::string>* cycle) {
  // Kahn's algorithm; among the services whose dependencies are all placed, the earliest in
  // plan order goes next (a min-heap of plan indices), so ties keep the Compose order.
  const std::size_t n = plan.services.size();
  std::map<std::string, std::size_t> index;
  for (std::size_t i = 0; i < n; ++i) index.emplace(plan.services[i].name, i);
  std::vector<std::size_t> waiting(n, 0);
  std::vector<std::vector<std::size_t>> dependents(n);
  for (std::size_t i = 0; i < n; ++i)
    for (const std::string& d : plan.services[i].connects_to) {
      auto it = index.find(d);
      if (it == index.end() || it->second == i) continue; // unknown or self: no constraint
      ++waiting[i];
      dependents[it->second].push_back(i);
    }
  std::priority_queue<std::size_t, std::vector<std::size_t>, std::greater<>> ready;
  for (std::size_t i = 0; i < n; ++i)
    if (waiting[i] == 0) ready.push(i);
  std::vector<bool> placed(n, false);
  std::vector<std::string> order;
  while (!ready.empty()) {
    std::size_t i = ready.top();
    ready.pop();
    placed[i] = true;
    order.push_back(plan.services[i].name);
    for (std::size_t j : dependents[i])
      if (--waiting[j] == 0) ready.push(j);
  }
  for (std::size_t i = 0; i < n; ++i) {
    if (placed[i]) continue;
    order.push_back(plan.services[i].name);
    if (cycle) cycle->push_back(plan.services[i].name);
  }
  return order;
}

std::string data_copy_commands(const Context& ctx, const ServicePlan& s,
                               const profile::Environment& env) {
  if (!s.service) return {};
  const std::string ns = profile::namespace_for(env, ctx.plan.app);
  const std::string svc = s.service->name;
  const std::string pod = pod_ref(s);
  const std::string kexec = "kubectl -n " + ns + " exec -i " + pod + " -- ";
  std::ostringstream c;
  switch (s.family) {
  case DataFamily::Postgres:
    c << "docker compose exec -T " << svc
      << " sh -c 'pg_dump -U \"$POSTGRES_USER\" -d \"${POSTGRES_DB:-$POSTGRES_USER}\" -Fc' \\\n  | "
      << kexec
      << "sh -c 'pg_restore -U \"$POSTGRES_USER\" -d \"${POSTGRES_DB:-$POSTGRES_USER}\" "
         "--clean --if-exists --no-owner'\n";
    return c.str();
  case DataFamily::MySQL:
    // MariaDB 11 images ship only the mariadb-* names; MySQL images only mysql*.
    c << "docker compose exec -T " << svc
      << " sh -c 'exec \"$(command -v mariadb-dump || command -v mysqldump)\" -uroot "
         "-p\"${MARIADB_ROOT_PASSWORD:-$MYSQL_ROOT_PASSWORD}\" --all-databases "
         "--single-transaction --routines --events' \\\n  | "
      << kexec
      << "sh -c 'exec \"$(command -v mariadb || command -v mysql)\" -uroot "
         "-p\"${MARIADB_ROOT_PASSWORD:-$MYSQL_ROOT_PASSWORD}\"'\n";
    return c.str();
  case DataFamily::MongoDB:
    c << "docker compose exec -T " << svc << " mongodump --archive \\\n  | " << kexec
      << "mongorestore --archive --drop\n";
    return c.str();
  case DataFamily::Redis: {
    // A Redis without a named volume is a cache: nothing to copy.
    std::string dir;
    for (const model::Mount& m : s.service->volumes)
      if (m.is_named_volume()) dir = m.target;
    if (dir.empty()) return {};
    const std::string pod = s.stateful() ? s.name + "-0"
                                         : "\"$(kubectl -n " + ns + " get pod -l app.kubernetes.io/name=" +
                                               s.name + " -o name | head -1 | cut -d/ -f2)\"";
    c << "docker compose exec -T " << svc << " redis-cli SAVE\n"
      << "docker cp \"$(docker compose ps -q " << svc << ")\":" << dir << "/dump.rdb ./dump.rdb\n"
      << "kubectl -n " << ns << " cp ./dump.rdb " << pod << ":" << dir << "/dump.rdb\n"
      << "# with appendonly: copy " << dir << "/appendonlydir the same way, then restart:\n"
      << "kubectl -n " << ns << " delete pod " << pod << "\n";
    return c.str();
  }
  default: break;
  }
  bool any = false;
  for (const model::Mount& m : s.service->volumes) {
    if (!m.is_named_volume()) continue;
    if (!any) c << "docker compose stop " << svc << "   # a consistent copy needs a stopped writer\n";
    any = true;
    c << "docker run --rm -v " << docker_volume(ctx, m.source) << ":/data alpine tar -C /data "
      << "--numeric-owner -cf - . \\\n  | " << kexec << "tar -C " << m.target
      << " --numeric-owner -xf -\n";
  }
  return c.str();
}

std::string migration_markdown(const Context& ctx, const Output& out) {
  const profile::Profile& p = ctx.profile;
  const std::string& app = ctx.plan.app;
  const bool flux = p.gitops.tool == "flux";
  std::ostringstream md;
  md << "# Migrating " << app << " from Docker Compose to Kubernetes\n\n"
     << "Generated by `berth convert`. Read it top to bottom once before starting.\n\n";

  md << "## Overview\n\n| Service | Kind | Image | Replicas |\n|---|---|---|---|\n";
  for (const ServicePlan& s : ctx.plan.services) {
    std::string replicas;
    for (const profile::Environment& env : p.environments) {
      auto it = s.replicas.find(env.name);
      if (!replicas.empty()) replicas += ", ";
      replicas += env.name + " " + (it == s.replicas.end() ? "-" : std::to_string(it->second));
    }
    md << "| `" << s.name << "` | " << kind_name(s) << " | `" << s.image
       << (s.built ? "` (built)" : "`") << " | " << replicas << " |\n";
  }
  md << "\nEnvironments:\n\n";
  for (const profile::Environment& env : p.environments)
    md << "- **" << env.name << "**: namespace `" << profile::namespace_for(env, app)
       << "`, tree `overlays/" << env.name << "`, "
       << (flux ? "Flux Kustomization `" : "ArgoCD Application `") << app << "-" << env.name
       << "`\n";

  md << "\n## Prerequisites\n\nThe cluster must already run:\n\n"
     << "- Traefik with ingress class `" << p.ingress.class_name << "` and entrypoint `"
     << p.ingress.entrypoint << "` (pods in `" << p.ingress.traefik_namespace << "`)\n"
     << "- cert-manager with the ClusterIssuer `" << p.ingress.cluster_issuer << "`\n"
     << secrets_prerequisite(p, "Secrets to fill") << "- kube-prometheus-stack (Prometheus in `"
     << p.observability.monitoring_namespace << "`, rules in `" << p.observability.rules_namespace
     << "`)\n"
     << gitops_prerequisite(p) << "- the StorageClass `" << p.storage.class_name << "`\n";
  if (p.database.strategy == "cloudnative-pg") md << "- the CloudNativePG operator\n";
  if (!p.backup.credentials_secret.empty())
    md << "- the Secret `" << p.backup.credentials_secret
       << "` (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY) in each namespace, for backups\n";
  md << "\nThis tree belongs at `" << profile::expand(p.gitops.path, app)
     << "` of the GitOps repository.\n";
  if (flux)
    md << "\nFlux does not read `flux/` by itself: commit `flux/*.yaml` under the path your `flux "
          "bootstrap` syncs (e.g. `clusters/<cluster>/`), or apply them once with `kubectl apply "
          "-f flux/`. Each overlay contains its Namespace, so Flux creates the namespaces (it "
          "applies Namespaces before the objects in them).\n";

  md << "\n## Secrets to fill\n\n";
  if (p.secrets.method == "plain")
    md << "**Plain Secrets are in Git** (`secrets.method: plain`): the overlays hold Secrets with "
          "their real values (`overlays/<env>/secret-*.yaml`); for development clusters only.\n\n";
  else
    md << "No secret value is written in this tree.\n\n";
  std::vector<std::string> templates;
  for (const TextFile& f : out.files)
    if (f.path.ends_with(".template.yaml")) templates.push_back(f.path);
  std::sort(templates.begin(), templates.end());
  std::ostringstream other;
  for (const ReportEntry& e : out.report.entries) {
    if (e.disposition != Disposition::Manual) continue;
    const bool secret = e.key.starts_with("environment.") || e.key.starts_with("secrets") ||
                        e.key == "registry.pull_secret" ||
                        e.detail.find(".template.yaml") != std::string::npos;
    (secret ? md : other) << "- " << (e.service.empty() ? "" : "`" + e.service + "`: ")
                          << e.detail << "\n";
  }
  if (!templates.empty() && p.secrets.method == "plain") {
    // The only templates in plain mode are registry pull secrets: kubectl writes them filled.
    md << "\nWrite each environment's pull secret into its overlay (USER and TOKEN of the "
          "registry; the Secret is committed like the others):\n\n```sh\n";
    for (const profile::Environment& env : p.environments)
      if (std::find(templates.begin(), templates.end(),
                    pull_secret_template_path(env, p.registry.pull_secret)) != templates.end())
        md << pull_secret_create_command(ctx, env, p.registry.pull_secret) << "\n";
    md << "```\n";
  } else if (!templates.empty() && p.secrets.method != "sealed-secrets") {
    // Only Secrets berth has no values for are templated in these modes (registry credentials):
    // without a sealing controller they are created in the cluster, never committed.
    md << "\nFor each template: fill a copy OUTSIDE the repository and apply it to its namespace"
       << (p.secrets.method == "external-secrets"
               ? " (or store the value in the secret store and write an ExternalSecret for it)"
               : "")
       << ", then delete the copy (never commit it):\n\n```sh\n";
    for (const std::string& t : templates)
      md << "kubectl apply -f FILLED.yaml   # filled copy of " << t << "\n";
    md << "```\n";
  } else if (!templates.empty()) {
    const std::string cert = p.secrets.cert.empty() ? "sealed-secrets.pem" : p.secrets.cert;
    md << "\nFor each template: copy it OUTSIDE the repository, replace every `REPLACE_ME`, "
          "seal the copy into the overlay, add it to the overlay's resources, then delete the "
          "copy (never commit it):\n\n```sh\n";
    if (p.secrets.cert.empty())
      md << "kubeseal --fetch-cert --controller-namespace " << p.secrets.controller_namespace
         << " --controller-name " << p.secrets.controller_name << " > " << cert << "\n";
    for (const std::string& t : templates) {
      // overlays/<env>/secrets/<name>.template.yaml → overlays/<env>/sealedsecret-<short>.yaml,
      // the file name the config generator uses for sealed Secrets ("<svc>-secret" → <svc>).
      auto secrets = t.find("/secrets/");
      std::string dir = t.substr(0, secrets);
      std::string name = t.substr(secrets + 9, t.size() - secrets - 9 - std::string(".template.yaml").size());
      std::string shortname = name.ends_with("-secret") ? name.substr(0, name.size() - 7) : name;
      std::string sealed = "sealedsecret-" + shortname + ".yaml";
      md << "berth seal --cert " << cert << " < FILLED-" << name << ".yaml > " << dir << "/" << sealed
         << "   # filled copy of " << t << "\n"
         << "(cd " << dir << " && kustomize edit add resource " << sealed << ")\n";
    }
    md << "```\n";
  }
  if (p.secrets.method == "external-secrets") md << external_secret_keys_table(p, out);
  if (!other.str().empty())
    md << "\n## Other manual steps\n\n" << other.str();

  md << "\n## Cut-over order\n\nDeploy and verify in this order (a service comes after "
        "everything it calls):\n\n";
  std::vector<std::string> cycle;
  std::vector<std::string> order = cutover_order(ctx.plan, &cycle);
  for (std::size_t i = 0; i < order.size(); ++i)
    md << i + 1 << ". `" << order[i] << "`\n";
  if (!cycle.empty()) {
    md << "\nNote: these services call each other in a cycle, so they are cut over together: ";
    for (std::size_t i = 0; i < cycle.size(); ++i) md << (i ? ", `" : "`") << cycle[i] << "`";
    md << ".\n";
  }

  const profile::Environment* prod = production_env(p);
  if (prod) {
    std::ostringstream copies;
    for (const ServicePlan& s : ctx.plan.services) {
      std::string cmds = data_copy_commands(ctx, s, *prod);
      if (cmds.empty()) continue;
      copies << "\n### `" << s.name << "`\n\n" << fence(cmds);
    }
    if (!copies.str().empty())
      md << "\n## Data copy\n\nStop writes on the Compose host (maintenance mode), wait for the "
            "pods to be Ready, then run from the Compose project directory (namespace of "
         << prod->name << "; replace it for another environment):\n" << copies.str();
  }

  md << "\n## Validation\n\n```sh\n";
  for (const profile::Environment& env : p.environments) {
    const std::string ns = profile::namespace_for(env, app);
    for (const ServicePlan& s : ctx.plan.services)
      if (const char* r = rollout_resource(s))
        md << "kubectl -n " << ns << " rollout status " << r << s.name << " --timeout=5m\n";
    md << "kubectl -n " << ns << " get pods,svc,ingress,pvc\n";
  }
  for (const ServicePlan& s : ctx.plan.services)
    for (const RoutePlan& r : s.routes)
      md << "curl -fsSI https://" << r.host << r.path << "\n";
  md << "```\n\n- every pod Ready (readiness probes pass) and no restarts in "
        "`kubectl get pods`\n- certificates issued: `kubectl get certificate -A`\n";
  if (flux)
    md << "- Flux Kustomizations Ready: `flux get kustomizations -n " << p.gitops.flux_namespace
       << "`\n";
  else
    md << "- ArgoCD Applications Synced and Healthy\n";

  md << "\n## Rollback\n\n";
  if (flux)
    md << "- A bad release: revert the commit in the GitOps repository, then `flux reconcile "
          "kustomization "
       << app << "-<env> -n " << p.gitops.flux_namespace << " --with-source`.\n"
       << "- Abandon the cut-over: point DNS back to the Compose host, `docker compose up -d` "
          "there, then stop the cluster copy: `flux suspend kustomization "
       << app << "-<env> -n " << p.gitops.flux_namespace
       << "` first, then `kubectl -n <namespace> scale "
          "deploy,statefulset --all --replicas=0`.\n";
  else
    md << "- A bad release: `argocd app rollback " << app << "-<env>` (or revert the commit in "
       << "the GitOps repository).\n"
       << "- Abandon the cut-over: point DNS back to the Compose host, `docker compose up -d` "
          "there, then stop the cluster copy: `kubectl -n <namespace> scale deploy,statefulset "
          "--all --replicas=0` (disable ArgoCD auto-sync first).\n";
  md << "- Data written in the cluster after the cut-over is not on the Compose host: copy it "
        "back with the commands above, reversed.\n";

  md << "\n## Conversion report\n\n";
  for (const std::string& w : out.report.warnings)
    md << "**Warning:** " << w << ".\n\n";
  md << "What became of every Compose key (translated, inferred, dropped, manual).\n"
     << report_markdown(out.report, ctx.app.project_directory);
  return md.str();
}

void generate_runbook(const Context& ctx, Output& out) {
  if (ctx.profile.secrets.method == "plain") {
    bool any = false;
    for (const auto& [env, manifests] : out.overlay)
      for (const Manifest& m : manifests)
        any = any || is_secret_with_values(m.object);
    if (any) {
      out.report.warn(kPlainSecretsWarning);
      out.report.add("", "secrets.method", Disposition::Translated,
                     "Secrets with their values in overlays/<env>/secret-*.yaml, as asked "
                     "(development clusters only)");
    }
  }
  out.add_file("MIGRATION.md", migration_markdown(ctx, out));
}

} // namespace berth::generate
