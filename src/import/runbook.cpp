// MIGRATION.md for `berth import`: the plan of a cluster-to-cluster move (seed 003), from the
// prerequisites to the data copy, validation and rollback, then the full import report.
#include "import/runbook.h"

#include <algorithm>
#include <map>
#include <set>
#include <sstream>

#include "generate/plan.h"
#include "generate/runbook.h"
#include "import/workload.h"
#include "kube/names.h"

namespace berth::import {

using generate::Disposition;
using yaml::Node;

namespace {

const profile::Environment* production(const profile::Profile& p) {
  return p.environments.empty() ? nullptr : &p.environments.back();
}

std::string target_namespace(const State& st) {
  const profile::Environment* env = production(st.profile);
  return env ? profile::namespace_for(*env, st.app) : st.app;
}

std::string source_namespace(const State& st) {
  return st.source_namespace.empty() ? "SOURCE_NAMESPACE" : st.source_namespace;
}

std::string fence(const std::string& commands) {
  return "```sh\n" + commands + "```\n";
}

std::vector<std::string> tokens(const std::string& text) {
  std::vector<std::string> out;
  std::string cur;
  for (char c : text) {
    bool host = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.';
    if (host) {
      cur += c;
    } else if (!cur.empty()) {
      out.push_back(cur);
      cur.clear();
    }
  }
  if (!cur.empty()) out.push_back(cur);
  return out;
}

void collect_text(const Node& n, std::string& out) {
  if (n.is_scalar()) {
    out += n.value();
    out += ' ';
  } else if (n.is_sequence()) {
    for (const Node& i : n.items())
      collect_text(i, out);
  } else {
    for (const auto& e : n.entries())
      collect_text(e.value, out);
  }
}

// What a workload says about the hosts it calls: env values, command, args, its ConfigMaps
// (`config_maps`: name → data).
std::string calls_text(const std::map<std::string, const Node*>& config_maps, const Node& spec) {
  std::string text;
  for (const Node* c : containers(spec))
    for (const char* key : {"env", "command", "args"})
      if (const Node* n = c->find(key)) collect_text(*n, text);
  for (const std::string& cm : pod_refs(spec).config_maps)
    if (auto it = config_maps.find(cm); it != config_maps.end()) collect_text(*it->second, text);
  return text;
}

std::string first_image(const Node& object) {
  const Node* spec = pod_spec(object);
  const Node* cs = spec ? spec->find("containers") : nullptr;
  if (cs && cs->is_sequence() && !cs->items().empty() && cs->items()[0].is_mapping())
    return cs->items()[0].text("image");
  return {};
}

std::string replicas_of(const Node& object) {
  const std::string kind = object.text("kind");
  if (kind == "CronJob" || kind == "Job" || kind == "DaemonSet" || kind == "Pod") return "-";
  const Node* spec = object.find("spec");
  std::string r = spec && spec->is_mapping() ? spec->text("replicas") : std::string();
  return r.empty() ? "1" : r;
}

// kubectl exec target of a workload: the first pod of a StatefulSet, else TYPE/NAME.
std::string exec_target(const std::string& workload) {
  auto slash = workload.find('/');
  std::string kind = workload.substr(0, slash), name = workload.substr(slash + 1);
  if (kind == "statefulset") return name + "-0";
  if (kind == "deployment") return "deploy/" + name;
  return workload;
}

std::string copy_pod(const std::string& claim) {
  return kube::dns1123_label("copy-" + claim);
}

std::string run_copy_pod(const std::string& ctx, const std::string& ns, const std::string& claim) {
  const std::string pod = copy_pod(claim);
  return "kubectl --context \"$" + ctx + "\" -n " + ns + " run " + pod +
         " --restart=Never --image=alpine:3.20 --overrides='{\"spec\":{\"containers\":[{\"name\":"
         "\"copy\",\"image\":\"alpine:3.20\",\"command\":[\"sleep\",\"86400\"],\"volumeMounts\":"
         "[{\"name\":\"data\",\"mountPath\":\"/data\"}]}],\"volumes\":[{\"name\":\"data\","
         "\"persistentVolumeClaim\":{\"claimName\":\"" +
         claim +
         "\"}}]}}'\n"
         "kubectl --context \"$" +
         ctx + "\" -n " + ns + " wait --for=condition=Ready pod/" + pod + " --timeout=5m\n";
}

// Stops a workload: scale to 0, or suspend a CronJob.
std::string stop_command(const std::string& kubectl, const std::string& workload) {
  if (workload.starts_with("cronjob/"))
    return kubectl + " patch " + workload + " -p '{\"spec\":{\"suspend\":true}}'\n";
  if (workload.starts_with("deployment/") || workload.starts_with("statefulset/"))
    return kubectl + " scale " + workload + " --replicas=0\n";
  return "# " + workload + ": stop it by hand (it cannot be scaled)\n";
}

bool data_store(const Node& object) {
  return generate::data_family(first_image(object)) != generate::DataFamily::None;
}

bool first_claim_of(const State& st, const Claim& c) {
  for (const Claim& other : st.claims)
    if (other.workload == c.workload) return &other == &c;
  return true;
}

// Stops the GitOps tool from undoing the cut-over's manual scaling.
std::string pause_command(const profile::Profile& p, const std::string& app_env) {
  if (p.gitops.tool == "flux")
    return "flux --context \"$DST\" suspend kustomization " + app_env + " -n " +
           p.gitops.flux_namespace + "\n";
  return "argocd app set " + app_env + " --sync-policy none\n";
}

// jq program printing a Secret's values as one JSON object (property → value): the exported
// Secret's data decoded, or the literal env values berth moved out of a workload.
std::string jq_properties(const SecretItem& s) {
  if (!s.workload.empty()) {
    std::string names;
    for (const seal::SecretValue& v : s.input.values)
      names += (names.empty() ? "" : " or ") + std::string(".name == \"") + v.key + "\"";
    return "[.. | objects | select(has(\"value\") and (" + names + ")) | {(.name): .value}] | add";
  }
  // Traefik's `users` (added by berth for basic auth): the `auth` value, else user:hash lines.
  if (std::find(s.added_keys.begin(), s.added_keys.end(), "users") != s.added_keys.end())
    return ".data | map_values(@base64d) | . + {users: (.auth // (to_entries | "
           "map(\"\\(.key):\\(.value)\\n\") | join(\"\")))}";
  return ".data | map_values(@base64d)";
}

// The command printing one Secret's properties from the source cluster.
std::string copy_values_command(const State& st, const SecretItem& s) {
  const std::string object = s.workload.empty() ? "secret " + s.input.name : s.workload;
  return "kubectl --context \"$SRC\" -n " + source_namespace(st) + " get " + object +
         " -o json | jq '" + jq_properties(s) + "'\n";
}

std::string secrets_section(const State& st, const generate::Output& out) {
  const profile::Profile& p = st.profile;
  std::ostringstream md;
  if (p.secrets.method == "plain") {
    md << "**Plain Secrets are in Git** (`secrets.method: plain`): the overlays hold the exported "
          "Secrets with their decoded values (`overlays/<env>/secret-*.yaml`); for development "
          "clusters only.\n\n";
    if (st.secrets.empty()) return md.str() + "The export holds no Secrets.\n";
    for (const SecretItem& s : st.secrets)
      md << "- `" << s.input.name << "` → `overlays/<env>/secret-" << s.input.name << ".yaml`\n";
    return md.str();
  }
  md << "No secret value is written in this tree.\n\n";
  if (st.secrets.empty()) return md.str() + "The export holds no Secrets.\n";
  if (p.secrets.method == "external-secrets") {
    // The table reads the ExternalSecrets written, as convert's does: one source for the keys.
    md << "Each Secret is an ExternalSecret per environment "
          "(`overlays/<env>/externalsecret-<name>.yaml`).\n"
       << generate::external_secret_keys_table(p, out)
       << "\nThe values are in the source cluster. Each command prints one Secret's properties "
          "as a JSON object (property → value): pipe it into your store's CLI for each "
          "environment's key, never into a file in this repository:\n\n";
    std::string commands;
    for (const SecretItem& s : st.secrets)
      commands += "# " + st.app + "/<env>/" + s.input.name + "\n" + copy_values_command(st, s);
    md << fence(commands);
    return md.str();
  }
  if (!p.secrets.cert.empty()) {
    md << "The exported Secrets are sealed for the target's controller, per environment:\n\n";
    for (const SecretItem& s : st.secrets)
      md << "- `" << s.input.name << "` → `overlays/<env>/sealedsecret-" << s.input.name
         << ".yaml`\n";
    return md.str();
  }
  md << "No sealing certificate was given, so each Secret is a template with `REPLACE_ME` "
        "values. Easiest: fetch the target controller's certificate and import again; the "
        "values read from the export are then sealed:\n\n"
     << fence("kubeseal --context \"$DST\" --fetch-cert --controller-namespace " +
              p.secrets.controller_namespace + " --controller-name " + p.secrets.controller_name +
              " > sealed-secrets.pem\nberth import " +
              (st.options.inputs.empty() ? std::string("EXPORT") : st.options.inputs[0]) +
              " --seal-cert sealed-secrets.pem -o DIR\n")
     << "\nOr fill each template outside the repository and seal it (the header of each file "
        "says how):\n\n";
  for (const SecretItem& s : st.secrets)
    md << "- `overlays/<env>/secrets/" << s.input.name << ".template.yaml` ("
       << s.input.values.size() << " key(s))\n";
  return md.str();
}

} // namespace

std::vector<std::string> import_cutover_order(const State& st) {
  struct W {
    std::string ref;
    const Kept* kept;
    bool data;
    std::map<std::string, std::string> labels;
  };
  std::vector<W> ws;
  for (const Kept& k : st.objects)
    if (!k.made && is_workload(k.object.text("kind")))
      ws.push_back({kubectl_ref(k.object), &k,
                    generate::data_family(first_image(k.object)) != generate::DataFamily::None,
                    pod_labels(k.object)});
  std::stable_sort(ws.begin(), ws.end(), [](const W& a, const W& b) { return a.data && !b.data; });
  // Service name → the workload it selects.
  std::map<std::string, std::string> served_by;
  for (const Kept& s : st.objects) {
    if (s.object.text("kind") != "Service") continue;
    const Node* spec = s.object.find("spec");
    const Node* selector = spec && spec->is_mapping() ? spec->find("selector") : nullptr;
    for (const W& w : ws)
      if (selects(selector, w.labels, false)) {
        served_by[name_of(s.object)] = w.ref;
        break;
      }
  }
  std::map<std::string, const Node*> config_maps;
  for (const Kept& k : st.objects)
    if (k.object.text("kind") == "ConfigMap")
      if (const Node* data = k.object.find("data")) config_maps.emplace(name_of(k.object), data);
  generate::AppPlan plan;
  plan.app = st.app;
  for (const W& w : ws) {
    generate::ServicePlan sp;
    sp.name = w.ref;
    if (const Node* spec = pod_spec(w.kept->object)) {
      std::set<std::string> calls;
      // "db", "db.shop", "db.shop.svc.cluster.local" all name Service db.
      for (const std::string& t : tokens(calls_text(config_maps, *spec)))
        if (auto it = served_by.find(t.substr(0, t.find('.')));
            it != served_by.end() && it->second != w.ref)
          calls.insert(it->second);
      sp.connects_to.assign(calls.begin(), calls.end());
    }
    plan.services.push_back(std::move(sp));
  }
  return generate::cutover_order(plan, nullptr);
}

std::string claim_copy_commands(const State& st, const Claim& c) {
  const std::string src = source_namespace(st), dst = target_namespace(st);
  const std::string ksrc = "kubectl --context \"$SRC\" -n " + src,
                    kdst = "kubectl --context \"$DST\" -n " + dst;
  std::ostringstream s;
  generate::DataFamily family = generate::data_family(c.image);
  const bool database = !c.workload.empty() && (family == generate::DataFamily::Postgres ||
                                                family == generate::DataFamily::MySQL ||
                                                family == generate::DataFamily::MongoDB);
  if (database) {
    if (!first_claim_of(st, c))
      return "# copied with the dump of " + c.workload + " above (replicas restore from it)\n";
    const std::string from = ksrc + " exec " + exec_target(c.workload) + " -- ";
    const std::string to = kdst + " exec -i " + exec_target(c.workload) + " -- ";
    s << "# " << c.workload << " is a " << generate::to_string(family)
      << " database: a logical dump, safe across versions and filesystems (the target's "
      << c.workload << " runs, empty; its clients are stopped on both sides)\n";
    switch (family) {
    case generate::DataFamily::Postgres:
      s << from
        << "sh -c 'pg_dump -U \"$POSTGRES_USER\" -d \"${POSTGRES_DB:-$POSTGRES_USER}\" -Fc' \\\n  "
           "| "
        << to
        << "sh -c 'pg_restore -U \"$POSTGRES_USER\" -d \"${POSTGRES_DB:-$POSTGRES_USER}\" "
           "--clean --if-exists --no-owner'\n"
        << "# validate: the same tables and row estimates on both sides\n";
      for (const std::string& k : {ksrc, kdst})
        s << k << " exec " << exec_target(c.workload)
          << " -- sh -c 'psql -U \"$POSTGRES_USER\" -d \"${POSTGRES_DB:-$POSTGRES_USER}\" -Atc "
             "\"SELECT relname, n_live_tup FROM pg_stat_user_tables ORDER BY 1\"'\n";
      break;
    case generate::DataFamily::MySQL:
      s << from
        << "sh -c 'exec \"$(command -v mariadb-dump || command -v mysqldump)\" -uroot "
           "-p\"${MARIADB_ROOT_PASSWORD:-$MYSQL_ROOT_PASSWORD}\" --all-databases "
           "--single-transaction --routines --events' \\\n  | "
        << to
        << "sh -c 'exec \"$(command -v mariadb || command -v mysql)\" -uroot "
           "-p\"${MARIADB_ROOT_PASSWORD:-$MYSQL_ROOT_PASSWORD}\"'\n"
        << "# validate: the same tables and row counts on both sides\n";
      for (const std::string& k : {ksrc, kdst})
        s << k << " exec " << exec_target(c.workload)
          << " -- sh -c 'exec \"$(command -v mariadb || command -v mysql)\" -uroot "
             "-p\"${MARIADB_ROOT_PASSWORD:-$MYSQL_ROOT_PASSWORD}\" -Nse \"SELECT table_schema, "
             "table_name, table_rows FROM information_schema.tables ORDER BY 1, 2\"'\n";
      break;
    default:
      s << from << "mongodump --archive \\\n  | " << to << "mongorestore --archive --drop\n";
      break;
    }
    return s.str();
  }
  s << "# " << c.name << (c.size.empty() ? "" : " (" + c.size + ")")
    << (c.workload.empty() ? ": no workload mounts it"
                           : ": " + c.workload + " mounts it at " + c.mount)
    << "\n";
  if (!c.workload.empty()) {
    if (family == generate::DataFamily::Redis)
      s << ksrc << " exec " << exec_target(c.workload)
        << " -- redis-cli SAVE   # flush to disk first\n";
    s << "# a consistent copy needs every user of the claim stopped on both sides\n";
    for (const std::string& k : {ksrc, kdst})
      for (const std::string& u : c.users)
        s << stop_command(k, u);
  }
  s << run_copy_pod("SRC", src, c.name) << run_copy_pod("DST", dst, c.name);
  const std::string pod = copy_pod(c.name);
  s << ksrc << " exec " << pod << " -- tar -C /data --numeric-owner -cf - . \\\n  | " << kdst
    << " exec -i " << pod << " -- tar -C /data --numeric-owner -xf -\n";
  if (!c.uid.empty()) {
    std::string group = c.gid.empty() ? c.uid : c.gid;
    s << kdst << " exec " << pod << " -- chown -R " << c.uid << ":" << group << " /data   # "
      << c.workload << " runs as UID " << c.uid << " (GID " << group << ")\n";
  } else {
    s << "# ownership: --numeric-owner keeps the source's UIDs/GIDs as they are\n";
  }
  s << "# validate: both sides print the same count, size and owners\n";
  for (const std::string& k : {ksrc, kdst})
    s << k << " exec " << pod
      << " -- sh -c 'find /data | wc -l; du -s /data; ls -ln /data | head -5'\n";
  s << ksrc << " delete pod " << pod << "\n" << kdst << " delete pod " << pod << "\n";
  return s.str();
}

std::string import_summary(const generate::Report& report) {
  std::map<Disposition, int> counts;
  int hardening = 0;
  for (const generate::ReportEntry& e : report.entries) {
    counts[e.disposition]++;
    if (e.key.starts_with("hardening.")) ++hardening;
  }
  std::ostringstream s;
  for (const std::string& w : report.warnings)
    s << "berth: warning: " << w << '\n';
  s << "berth: report: " << counts[Disposition::Translated] << " translated, "
    << counts[Disposition::Inferred] << " inferred, " << counts[Disposition::Dropped]
    << " dropped, " << counts[Disposition::Manual] - hardening << " manual, " << hardening
    << " hardening suggestion(s)\n";
  for (const generate::ReportEntry& e : report.entries)
    if (e.disposition == Disposition::Manual && !e.key.starts_with("hardening."))
      s << "berth: manual: " << (e.service.empty() ? "" : e.service + ": ") << e.key << ": "
        << e.detail << '\n';
  return s.str();
}

std::string import_migration_markdown(const State& st, const generate::Output& out) {
  const profile::Profile& p = st.profile;
  const std::string src = source_namespace(st), dst = target_namespace(st);
  const profile::Environment* prod = production(p);
  const bool flux = p.gitops.tool == "flux";
  std::ostringstream md;
  std::string inputs;
  for (const std::string& i : st.options.inputs)
    inputs += (inputs.empty() ? "`" : ", `") + i + "`";
  md << "# Migrating " << st.app << " from another Kubernetes cluster to K3s\n\n"
     << "Generated by `berth import` from " << (inputs.empty() ? "the export" : inputs)
     << ". Read it top to bottom once before starting.\n\n"
     << "The commands use two kubectl contexts: the source cluster and the target (K3s):\n\n"
     << fence("export SRC=source-cluster DST=k3s   # kubectl config get-contexts\n")
     << "\nSource namespace `" << src << "` → application `" << st.app << "`; the exported "
     << "workloads land in **" << (prod ? prod->name : "the last environment") << "** (namespace `"
     << dst << "`).\n";

  md << "\n## Overview\n\n| Workload | Image | Replicas |\n|---|---|---|\n";
  for (const Kept& k : st.objects)
    if (!k.made && is_workload(k.object.text("kind")))
      md << "| `" << kubectl_ref(k.object) << "` | `" << first_image(k.object) << "` | "
         << replicas_of(k.object) << " |\n";
  md << "\nEnvironments:\n\n";
  for (const profile::Environment& env : p.environments)
    md << "- **" << env.name << "**: namespace `" << profile::namespace_for(env, st.app)
       << "`, tree `overlays/" << env.name << "`, "
       << (flux ? "Flux Kustomization `" : "ArgoCD Application `") << st.app << "-" << env.name
       << "`\n";

  if (!st.left_out.empty()) {
    md << "\n## Left out of the tree\n\nObjects of the export that controllers or the cluster "
          "create, or that have no place in the target:\n\n| Object | Why |\n|---|---|\n";
    for (const LeftOut& l : st.left_out)
      md << "| `" << l.ref << "` | " << l.reason << " |\n";
  }

  md << "\n## Prerequisites\n\nThe target cluster must already run:\n\n"
     << "- Traefik with ingress class `" << p.ingress.class_name << "` and entrypoints `web` and `"
     << p.ingress.entrypoint << "` (K3s' default)\n"
     << "- cert-manager with the ClusterIssuer `" << p.ingress.cluster_issuer << "`\n"
     << generate::secrets_prerequisite(p, "Secrets") << generate::gitops_prerequisite(p)
     << "- the StorageClass `" << p.storage.class_name << "`\n";
  bool dns = std::any_of(st.report.entries.begin(), st.report.entries.end(), [](const auto& e) {
    return e.key.starts_with("annotations.external-dns.");
  });
  if (dns)
    md << "- external-dns with the source's DNS provider, or DNS records set by hand (see the "
          "manual steps)\n";
  md << "\nThis tree belongs at `" << profile::expand(p.gitops.path, st.app)
     << "` of the GitOps repository.\n";
  if (flux)
    md << "\nFlux does not read `flux/` by itself: commit `flux/*.yaml` under the path your `flux "
          "bootstrap` syncs (e.g. `clusters/<cluster>/`), or apply them once with `kubectl "
          "--context \"$DST\" apply -f flux/`.\n";

  md << "\n## Secrets\n\n" << secrets_section(st, out);

  std::ostringstream other;
  for (const generate::ReportEntry& e : st.report.entries)
    if (e.disposition == Disposition::Manual && !e.key.starts_with("hardening.") && e.key != "data")
      other << "- " << (e.service.empty() ? "" : "`" + e.service + "`: ") << e.detail << "\n";
  if (!other.str().empty()) md << "\n## Other manual steps\n\n" << other.str();

  // Start/stop commands of the cut-over: data stores run throughout (the dumps need them).
  std::map<std::string, const Kept*> workloads;
  for (const Kept& k : st.objects)
    if (!k.made && is_workload(k.object.text("kind"))) workloads[kubectl_ref(k.object)] = &k;
  std::vector<std::string> order = import_cutover_order(st);
  const std::string app_env = st.app + "-" + (prod ? prod->name : std::string("production"));
  const std::string ksrc = "kubectl --context \"$SRC\" -n " + src;
  const std::string kdst = "kubectl --context \"$DST\" -n " + dst;
  std::ostringstream stop_src, stop_dst, start;
  for (const std::string& w : order) {
    const Node& object = workloads[w]->object;
    if (data_store(object)) continue;
    stop_src << stop_command(ksrc, w);
    stop_dst << stop_command(kdst, w);
    if (w.starts_with("cronjob/"))
      start << kdst << " patch " << w << " -p '{\"spec\":{\"suspend\":false}}'\n";
    else if (w.starts_with("deployment/") || w.starts_with("statefulset/"))
      start << kdst << " scale " << w << " --replicas=" << replicas_of(object) << "\n"
            << kdst << " rollout status " << w << " --timeout=5m\n";
  }
  md << "\n## Cut-over\n\n"
     << "1. A day before: lower the TTL of the DNS records of the application's hosts.\n"
     << "2. Commit this tree and create the "
     << (flux ? "Flux GitRepository and Kustomization (`flux/" + st.app + "-source.yaml`, `flux/"
              : std::string("ArgoCD Application (`argocd/"))
     << app_env << ".yaml`); let it sync once (claims, data stores, Secrets), then pause "
     << (flux ? "reconciliation" : "auto-sync")
     << " while data moves and stop the target's other workloads, so nothing writes into the "
        "empty stores:\n\n"
     << fence(pause_command(p, app_env) + stop_dst.str())
     << "\n3. Announce maintenance and stop the writers in the source (its data stores keep "
        "running for the dumps):\n\n"
     << fence(stop_src.str().empty() ? "# only data stores: nothing to stop\n" : stop_src.str())
     << "\n4. Copy the data (next section).\n"
     << "5. Start the target's workloads in this order, each Ready before the next (a workload "
        "comes after what it calls; data stores first):\n\n";
  for (std::size_t i = 0; i < order.size(); ++i)
    md << "   " << i + 1 << ". `" << order[i] << "`\n";
  md << "\n"
     << fence(start.str().empty() ? "# they already run\n" : start.str())
     << "\n6. Validate (below), switch DNS to the K3s node, "
     << (flux ? "resume reconciliation (`flux --context \"$DST\" resume kustomization " + app_env +
                    " -n " + p.gitops.flux_namespace + "`).\n"
              : "re-enable auto-sync (`argocd app set " + app_env +
                    " --sync-policy automated --self-heal --auto-prune`).\n");

  md << "\n## Data copy\n\n";
  if (st.claims.empty()) {
    md << "No PersistentVolumeClaims: nothing to copy.\n";
  } else {
    md << "Every claim of the export, copied from `" << src << "` (source) to `" << dst
       << "` (target). Run with the writers stopped, and the target's claims created by the sync "
          "of step 2.\n";
    for (const Claim& c : st.claims)
      md << "\n### `" << c.name << "`\n\n" << fence(claim_copy_commands(st, c));
  }
  md << "\nBackups on K3s: local-path volumes are directories on the node (hostPath), and "
        "Velero's file-system backup (Kopia/Restic) skips hostPath volumes, so a Velero schedule "
        "alone does not back these claims up. Dump the databases on a schedule (berth convert's "
        "backup CronJobs do) and back up `/var/lib/rancher/k3s/storage` on the node.\n";

  md << "\n## Validation\n\n```sh\n";
  for (const Kept& k : st.objects) {
    const std::string kind = k.object.text("kind");
    if (!k.made && (kind == "Deployment" || kind == "StatefulSet" || kind == "DaemonSet"))
      md << "kubectl --context \"$DST\" -n " << dst << " rollout status " << kubectl_ref(k.object)
         << " --timeout=5m\n";
  }
  md << "kubectl --context \"$DST\" -n " << dst << " get pods,svc,ingress,pvc\n";
  std::set<std::string> hosts;
  for (const Kept& k : st.objects) {
    if (k.object.text("kind") != "Ingress" || name_of(k.object).ends_with("-redirect")) continue;
    const Node* spec = k.object.find("spec");
    const Node* rules = spec && spec->is_mapping() ? spec->find("rules") : nullptr;
    if (rules && rules->is_sequence())
      for (const Node& r : rules->items())
        if (r.is_mapping() && !r.text("host").empty() && hosts.insert(r.text("host")).second)
          md << "curl -fsSI --resolve " << r.text("host") << ":443:<K3S-NODE-IP> https://"
             << r.text("host") << "/\n";
  }
  md << "```\n\n- every pod Ready and no restarts; the data checks above print the same on both "
        "sides\n- certificates issued: `kubectl --context \"$DST\" get certificate -A`\n"
        "- the application works through the new address before DNS moves (`--resolve`)\n";

  md << "\n## Rollback\n\n"
     << "The source cluster is only read (exports and copies), so it stays the fallback:\n\n"
     << "- before the DNS switch: scale the source's workloads back up; nothing else changed.\n"
     << "- after: point DNS back at the source, scale it up, and stop the target "
        "(`kubectl --context \"$DST\" -n "
     << dst << " scale deploy,statefulset --all --replicas=0`, "
     << (flux ? "its Flux Kustomization suspended" : "ArgoCD auto-sync paused")
     << " first). Data "
        "written in the target meanwhile must be copied back: the commands above with $SRC and "
        "$DST swapped.\n"
     << "- keep the source and its volumes for a few days after the move.\n";

  std::ostringstream hardening;
  for (const generate::ReportEntry& e : st.report.entries)
    if (e.key.starts_with("hardening."))
      hardening << "- " << (e.service.empty() ? "" : "`" + e.service + "`: ") << "**"
                << e.key.substr(10) << "**: " << e.detail << "\n";
  if (!hardening.str().empty())
    md << "\n## Hardening suggestions\n\nWhat berth convert would have done; not applied, since "
          "changing how someone's workload runs is their call:\n\n"
       << hardening.str();

  md << "\n## Import report\n\n";
  for (const std::string& w : st.report.warnings)
    md << "**Warning:** " << w << ".\n\n";
  md << "What became of every exported object (translated, inferred, dropped, manual).\n"
     << generate::report_markdown(st.report, st.options.base_directory, "Object");
  return md.str();
}

} // namespace berth::import
