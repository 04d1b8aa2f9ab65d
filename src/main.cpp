// berth CLI entry point: wiring of commands and flags to the runners in src/cli (no logic here).
#include <CLI/CLI.hpp>

#include <exception>
#include <filesystem>
#include <iostream>

#include <unistd.h>

#include "cli/allocator.h"
#include "cli/check.h"
#include "cli/config.h"
#include "cli/convert.h"
#include "cli/environment.h"
#include "cli/exit_codes.h"
#include "cli/import.h"
#include "cli/init.h"
#include "cli/schemas.h"
#include "cli/seal.h"

namespace {

constexpr const char* kFooter = R"(Exit codes: 0 success, 1 findings at or above --fail-on (check),
2 usage error or unusable input, 70 internal error.
Errors go to stderr as FILE:LINE:COLUMN: error: MESSAGE; stdout carries only the requested output.)";

void add_config(CLI::App& app, berth::cli::ConfigOptions& o, std::string& cwd) {
  CLI::App* cmd = app.add_subcommand(
      "config", "Print the resolved, normalized Compose project (like `docker compose config`)");
  cmd->add_option("-f,--file", o.load.files,
                  "Compose file (repeatable; later files override earlier ones; - for stdin). "
                  "Default: compose.yaml, compose.yml, docker-compose.yml or docker-compose.yaml "
                  "in the current directory or its parents");
  cmd->add_option("--env-file", o.load.env_files,
                  "Environment file for interpolation (repeatable). Default: .env in the project "
                  "directory");
  cmd->add_option("--profile", o.load.profiles,
                  "Activate a profile (repeatable). Default: COMPOSE_PROFILES");
  cmd->add_option("-p,--project-name", o.load.project_name,
                  "Project name. Default: COMPOSE_PROJECT_NAME, top-level `name`, directory name");
  cmd->add_option("--project-directory", o.load.project_directory,
                  "Base directory for relative paths. Default: the first file's directory");
  cmd->add_option("-o,--output", o.format, "Output format")
      ->check(CLI::IsMember({"yaml", "json"}))
      ->default_val("yaml");
  cmd->add_flag("--services", o.services_only, "Print the service names, one per line");
  cmd->add_flag("-q,--quiet", o.quiet, "Only validate; print nothing but errors");
  cmd->footer(kFooter);
  cmd->callback([&] {
    o.load.working_dir = cwd;
    o.load.process_env = berth::cli::process_environment();
  });
}

void add_convert(CLI::App& app, berth::cli::ConvertOptions& o, std::string& cwd) {
  CLI::App* cmd = app.add_subcommand(
      "convert", "Convert a Compose project into a Kustomize/ArgoCD GitOps tree for Kubernetes");
  cmd->add_option("-f,--file", o.load.files,
                  "Compose file (repeatable; later files override earlier ones; - for stdin). "
                  "Default: as for `berth config`");
  cmd->add_option("--env-file", o.load.env_files,
                  "Environment file for interpolation (repeatable). Default: .env in the project "
                  "directory");
  cmd->add_option("--profile", o.load.profiles,
                  "Activate a Compose profile (repeatable). Default: COMPOSE_PROFILES");
  cmd->add_option("-p,--project-name", o.load.project_name, "Project name");
  cmd->add_option("--project-directory", o.load.project_directory,
                  "Base directory for relative paths. Default: the first file's directory");
  cmd->add_option("--cluster", o.cluster,
                  "Cluster profile (berth.yaml). Default: the built-in conventions");
  cmd->add_option("--seal-cert", o.seal_cert,
                  "Sealing certificate (`kubeseal --fetch-cert`): secrets become SealedSecrets. "
                  "Overrides the profile's secrets.cert");
  cmd->add_option("--host", o.host, "Application host. Default: <app>.<profile domain>");
  cmd->add_option("-o,--output", o.output, "Output directory of the tree")->required();
  cmd->add_flag("--force", o.force,
                "Overwrite files edited since berth wrote them, or write into a directory berth "
                "did not create");
  cmd->footer(kFooter);
  cmd->callback([&] {
    o.load.working_dir = cwd;
    o.load.process_env = berth::cli::process_environment();
  });
}

void add_import(CLI::App& app, berth::cli::ImportOptions& o) {
  CLI::App* cmd = app.add_subcommand(
      "import",
      "Manifests exported from another cluster (kubectl get -o yaml, Lists, multi-document "
      "files, directories, Helm output) → a cleaned, API-migrated, K3s-adapted GitOps tree");
  cmd->add_option("input", o.inputs, "Exported manifests: files, directories, - for stdin")
      ->required();
  cmd->add_option("--cluster", o.cluster,
                  "Cluster profile (berth.yaml). Default: the built-in conventions");
  cmd->add_option("--seal-cert", o.seal_cert,
                  "Sealing certificate (`kubeseal --fetch-cert` of the target): exported Secrets "
                  "become SealedSecrets. Overrides the profile's secrets.cert");
  cmd->add_option("--name", o.name,
                  "Application name. Default: the exported namespace (\"shop-prod\" with the "
                  "pattern {app}-prod gives shop)");
  // One value per occurrence, so `--namespace-map a=b export.yaml` leaves the input alone.
  cmd->add_option("--namespace-map", o.namespace_map,
                  "OLD=NEW: treat objects of namespace OLD as namespace NEW (repeatable)")
      ->allow_extra_args(false);
  cmd->add_option("--storage-class-map", o.storage_class_map,
                  "OLD=NEW: storage class NEW for claims of class OLD (repeatable). Default: "
                  "every claim gets the profile's class")
      ->allow_extra_args(false);
  cmd->add_option("--loadbalancer", o.load_balancer,
                  "keep: LoadBalancer Services stay (K3s ServiceLB); ingress: their HTTP ports "
                  "go behind a Traefik Ingress")
      ->check(CLI::IsMember({"keep", "ingress"}))
      ->default_val("keep");
  cmd->add_flag("--keep-node-ports", o.keep_node_ports,
                "Keep Services' nodePort numbers (when something outside points at them)");
  cmd->add_option("-o,--output", o.output, "Output directory of the tree")->required();
  cmd->add_flag("--force", o.force,
                "Overwrite files edited since berth wrote them, or write into a directory berth "
                "did not create");
  cmd->footer(kFooter);
}

void add_seal(CLI::App& app, berth::cli::SealOptions& o, berth::cli::UnsealOptions& u) {
  CLI::App* cmd = app.add_subcommand(
      "seal", "Secret → SealedSecret offline with the sealed-secrets controller's certificate");
  cmd->add_option("input", o.input, "Secret YAML (one or more documents, or a List); - for stdin")
      ->default_val("-");
  cmd->add_option("--cert", o.cert,
                  "Controller certificate (what `kubeseal --fetch-cert` prints) or PEM public key")
      ->required();
  cmd->add_option("--scope", o.scope,
                  "strict (bound to namespace and name), namespace-wide or cluster-wide. Default: "
                  "the Secret's sealedsecrets.bitnami.com/* annotation, else strict")
      ->check(CLI::IsMember({"strict", "namespace-wide", "cluster-wide"}));
  cmd->add_option("-n,--namespace", o.ns, "Namespace (supplies or overrides metadata.namespace)");
  cmd->add_option("--name", o.name, "Name (supplies or overrides metadata.name)");
  cmd->add_option("-o,--output", o.format, "Output format")
      ->check(CLI::IsMember({"yaml", "json"}))
      ->default_val("yaml");
  cmd->add_option("--from-env-file", o.env_file,
                  "Seal KEY=VALUE lines of this file (values literal, # comments) instead of a "
                  "Secret document");
  cmd->add_option("--from-literal", o.literals, "Seal KEY=VALUE (repeatable)");
  cmd->add_option("--type", o.type,
                  "Secret type for --from-literal/--from-env-file. Default: Opaque");
  cmd->add_option("--merge-into", o.merge_into,
                  "Add or replace keys in this existing SealedSecret; prints the result");
  cmd->footer(kFooter);

  CLI::App* un = app.add_subcommand(
      "unseal", "SealedSecret → Secret with the controller's private key (recovery, testing); "
                "prints secret material to stdout");
  un->add_option("input", u.input, "SealedSecret YAML; - for stdin")->default_val("-");
  un->add_option("--key", u.key, "PEM file with the controller's private key(s)")->required();
  un->add_option("-o,--output", u.format, "Output format")
      ->check(CLI::IsMember({"yaml", "json"}))
      ->default_val("yaml");
  un->footer(kFooter);
}

void add_init(CLI::App& app, berth::cli::InitOptions& o) {
  CLI::App* cmd = app.add_subcommand(
      "init",
      "Write a cluster profile (berth.yaml) for `berth convert --cluster`: the defaults, or "
      "your answers to a few questions (on a terminal)");
  cmd->add_flag("--defaults", o.defaults,
                "Write the default profile (seed 000's conventions: K3s, Traefik, local-path, "
                "cert-manager, Sealed Secrets, ArgoCD, kube-prometheus-stack) without questions");
  cmd->add_option("-o,--output", o.output, "Profile file to write. Default: stdout");
  cmd->add_flag("--force", o.force, "Overwrite an existing --output file");
  cmd->footer(kFooter);
  cmd->callback([&] { o.interactive = ::isatty(STDIN_FILENO) == 1; });
}

void add_check(CLI::App& app, berth::cli::CheckOptions& o, std::string& rule) {
  CLI::App* cmd = app.add_subcommand(
      "check", "Validate Kubernetes manifests: schema, policies, cross-references, capacity and "
               "API versions, with a readiness scorecard");
  cmd->add_option("paths", o.paths,
                  "Files, directories or - (stdin). Directories are walked recursively for "
                  "*.yaml, *.yml and *.json in sorted order, skipping hidden files and "
                  "directories (.git, .github, .berth…); multi-document streams, `kind: List` "
                  "and JSON are read");
  cmd->add_option("--cluster", o.cluster,
                  "Cluster profile (berth.yaml): turns on its conventions (ingress class, "
                  "issuer, storage class, monitoring labels) and node capacity");
  cmd->add_option("--openapi", o.openapi,
                  "The cluster's OpenAPI v2 document (`kubectl get --raw /openapi/v2`, or "
                  "`berth schemas pull`). Default: built-in Kubernetes definitions");
  cmd->add_option("--crds", o.crds,
                  "CRD file or directory of CRDs to validate custom "
                  "resources against (repeatable)");
  cmd->add_option("--k8s-version", o.k8s_version,
                  "Target Kubernetes version for deprecated/removed APIs")
      ->default_val("1.32");
  cmd->add_option("-o,--output", o.format, "Output format")
      ->check(CLI::IsMember({"text", "json", "sarif", "junit"}))
      ->default_val("text");
  cmd->add_option("--fail-on", o.fail_on,
                  "Exit 1 when a finding has this severity or higher (none: only 0 or 2)")
      ->check(CLI::IsMember({"error", "warning", "info", "none"}))
      ->default_val("error");
  cmd->add_option("--config", o.config,
                  "Config file (rules.disable/enable/severity, exclude globs). Default: "
                  ".berth-check.yaml in the current directory when present");
  cmd->add_flag("--complete", o.complete,
                "The input is the whole application: references to ConfigMaps, Secrets, PVCs "
                "and ServiceAccounts that are not in it are errors");
  cmd->add_option("-j,--jobs", o.jobs, "Files checked in parallel. Default: one per core");
  cmd->add_flag("--list-rules", o.list_rules,
                "List every rule (id, family, severity, on/off after the config file) and exit");
  cmd->add_flag("--no-color", o.no_color,
                "No colour in text output (also: NO_COLOR set, or stdout not a terminal)");
  cmd->footer(R"(kustomization files are read for what they set, not checked as objects; files they list
as patches are checked as partial objects (schema only).
Ignore a rule for one object with the annotation `berth.dev/ignore: rule-a,rule-b`
(`*` for all). `berth explain RULE` describes a rule.
Exit codes: 0 no finding at or above --fail-on, 1 findings at or above --fail-on,
2 usage error or input that could not be read or parsed (findings are still printed),
70 internal error.)");
  cmd->callback([&] { o.stdout_tty = ::isatty(STDOUT_FILENO) == 1; });

  CLI::App* explain = app.add_subcommand(
      "explain", "Describe a `berth check` rule: family, area, severity, default, what it flags, "
                 "how to fix it");
  explain->add_option("rule", rule, "Rule id (see `berth check --list-rules`)")->required();
  explain->footer(kFooter);
}

void add_schemas(CLI::App& app, berth::cli::SchemasPullOptions& o) {
  CLI::App* cmd = app.add_subcommand("schemas", "Schemas for `berth check`");
  cmd->require_subcommand(1);
  CLI::App* pull = cmd->add_subcommand(
      "pull", "Save the cluster's OpenAPI v2 document by running exactly `kubectl get --raw "
              "/openapi/v2` (current kubectl context), for `berth check --openapi`");
  pull->add_option("-o,--output", o.output, "File to write. Default: stdout");
  pull->footer(kFooter);
  cmd->footer(kFooter);
}

} // namespace

int main(int argc, char** argv) {
  berth::cli::tune_allocator();
  std::ios::sync_with_stdio(false);
  CLI::App app{"berth: move applications onto K3s/Kubernetes, production-grade by default",
               "berth"};
  app.set_version_flag("--version", std::string("berth ") + BERTH_VERSION);
  app.require_subcommand(1);
  app.footer(kFooter);

  std::string cwd = std::filesystem::current_path().string();
  berth::cli::ConfigOptions config;
  add_config(app, config, cwd);
  berth::cli::ConvertOptions convert;
  add_convert(app, convert, cwd);
  berth::cli::ImportOptions import_options;
  add_import(app, import_options);
  berth::cli::SealOptions seal;
  berth::cli::UnsealOptions unseal;
  add_seal(app, seal, unseal);
  berth::cli::InitOptions init;
  add_init(app, init);
  berth::cli::CheckOptions check;
  std::string explain_rule;
  add_check(app, check, explain_rule);
  berth::cli::SchemasPullOptions schemas_pull;
  add_schemas(app, schemas_pull);

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    std::cerr << "berth: error: " << e.what() << "\nRun `berth --help` for usage.\n";
    return berth::cli::kExitInput;
  }

  try {
    if (app.got_subcommand("config")) return berth::cli::run_config(config, std::cout, std::cerr);
    if (app.got_subcommand("convert"))
      return berth::cli::run_convert(convert, std::cout, std::cerr);
    if (app.got_subcommand("import"))
      return berth::cli::run_import(import_options, std::cin, std::cout, std::cerr);
    if (app.got_subcommand("seal"))
      return berth::cli::run_seal(seal, std::cin, std::cout, std::cerr);
    if (app.got_subcommand("unseal"))
      return berth::cli::run_unseal(unseal, std::cin, std::cout, std::cerr);
    if (app.got_subcommand("init"))
      return berth::cli::run_init(init, std::cin, std::cout, std::cerr);
    if (app.got_subcommand("check"))
      return berth::cli::run_check(check, std::cin, std::cout, std::cerr);
    if (app.got_subcommand("explain"))
      return berth::cli::run_explain(explain_rule, std::cout, std::cerr);
    if (app.got_subcommand("schemas"))
      return berth::cli::run_schemas_pull(schemas_pull, std::cout, std::cerr);
  } catch (const std::exception& e) {
    std::cerr << "berth: internal error: " << e.what() << '\n';
    return berth::cli::kExitInternal;
  }
  return berth::cli::kExitInput;
}
