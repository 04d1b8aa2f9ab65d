// berth CLI entry point: wiring of commands and flags to the runners in src/cli (no logic here).
#include <CLI/CLI.hpp>

#include <exception>
#include <filesystem>
#include <iostream>

#include "cli/config.h"
#include "cli/environment.h"
#include "cli/exit_codes.h"

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

} // namespace

int main(int argc, char** argv) {
  std::ios::sync_with_stdio(false);
  CLI::App app{"berth: move applications onto K3s/Kubernetes, production-grade by default",
               "berth"};
  app.set_version_flag("--version", std::string("berth ") + BERTH_VERSION);
  app.require_subcommand(1);
  app.footer(kFooter);

  std::string cwd = std::filesystem::current_path().string();
  berth::cli::ConfigOptions config;
  add_config(app, config, cwd);

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
  } catch (const std::exception& e) {
    std::cerr << "berth: internal error: " << e.what() << '\n';
    return berth::cli::kExitInternal;
  }
  return berth::cli::kExitInput;
}
