// load_project: the order of docker compose v2's loader — files, environment, per-file
// read/include/paths, merge, extends, profiles, env_file, project name.
#include "compose/load.h"

#include <filesystem>

#include "common/error.h"
#include "compose/discovery.h"
#include "compose/dotenv.h"
#include "compose/extends.h"
#include "compose/include.h"
#include "compose/loader.h"
#include "compose/merge.h"
#include "compose/paths.h"
#include "compose/profiles.h"
#include "compose/project_name.h"
#include "compose/service_env.h"

namespace berth::compose {

namespace fs = std::filesystem;
using yaml::Node;

Environment load_environment(const Environment& base, const std::vector<std::string>& files,
                             bool required) {
  Environment from_files;
  for (const auto& path : files) {
    std::error_code ec;
    if (fs::is_directory(path, ec))
      throw Error(Location{intern(path), 0, 0}, "env file is a directory");
    // Interpolation inside the file sees the process environment first, as compose does.
    Environment lookup = from_files;
    for (const auto& [k, v] : base) lookup[k] = v;
    for (auto& e : read_env_file(path, lookup, required)) {
      if (!e.has_value) {
        auto it = lookup.find(e.key);
        if (it == lookup.end()) continue;
        e.value = it->second;
      }
      from_files[e.key] = e.value;
    }
  }
  Environment env = from_files;
  for (const auto& [k, v] : base) env[k] = v; // the process environment wins over .env
  return env;
}

std::string Loader::working_dir() const {
  std::string cwd = fs::current_path().string();
  return options_.working_dir.empty() ? cwd : absolute_path(options_.working_dir, cwd);
}

Node Loader::load_files(const std::vector<std::string>& files, const std::string& project_dir,
                        const Environment& env) {
  Node merged;
  bool first = true;
  for (const auto& path : files) {
    Node tree = read_file(path, env);
    apply_include(tree, path, env, *this);
    // Relative paths of every -f file are relative to the project directory (not to the file).
    resolve_file_paths(tree, project_dir, env);
    if (first) merged = std::move(tree);
    else merge_project(merged, tree);
    first = false;
  }
  apply_extends(merged, project_dir, env, *this);
  // A file merged with nothing (a single -f, or the base of `extends`) still carries its
  // !reset/!override tags; they must not reach the model.
  strip_merge_tags(merged);
  return merged;
}

namespace {

std::string cwd_or(const std::string& dir) {
  std::string cwd = fs::current_path().string();
  return dir.empty() ? cwd : absolute_path(dir, cwd);
}

std::vector<std::string> absolute_all(const std::vector<std::string>& paths,
                                      const std::string& base) {
  std::vector<std::string> out;
  for (const auto& p : paths) out.push_back(p == "-" ? p : absolute_path(p, base));
  return out;
}

// Puts `name` first, as `docker compose config` prints it.
void set_name_first(Node& tree, const std::string& name) {
  tree.erase("name");
  Node copy = Node::mapping();
  copy.set("name", Node::str(name));
  for (auto& e : tree.entries()) copy.add(std::move(e.key), std::move(e.value));
  Location where = tree.loc();
  tree = std::move(copy);
  tree.set_loc(where);
}

} // namespace

LoadedProject load_project(const LoadOptions& options) {
  LoadedProject out;
  Loader loader(options);
  const std::string working_dir = cwd_or(options.working_dir);
  const std::vector<std::string> env_files = absolute_all(options.env_files, working_dir);
  const bool explicit_env_files = !options.env_files.empty();

  // 1. Files: -f, else COMPOSE_FILE (process env or the working dir's .env), else discovery.
  std::vector<std::string> files = absolute_all(options.files, working_dir);
  if (files.empty()) {
    std::string pre_dir = options.project_directory.empty()
                              ? working_dir
                              : absolute_path(options.project_directory, working_dir);
    Environment pre = load_environment(
        options.process_env,
        explicit_env_files ? env_files : std::vector{(fs::path(pre_dir) / ".env").string()},
        explicit_env_files);
    if (auto it = pre.find("COMPOSE_FILE"); it != pre.end() && !it->second.empty()) {
      auto sep = pre.find("COMPOSE_PATH_SEPARATOR");
      files = split_compose_file_var(it->second, sep == pre.end() ? ":" : sep->second,
                                     working_dir);
    }
    if (files.empty()) {
      Discovered found = discover_compose_files(working_dir);
      files = std::move(found.files);
      for (auto& w : found.warnings) loader.warnings.push_back(std::move(w));
    }
  }

  // 2. Project directory and environment (process env over .env / --env-file files).
  out.project_directory = !options.project_directory.empty()
                              ? absolute_path(options.project_directory, working_dir)
                          : files.front() == "-" ? working_dir
                                                 : fs::path(files.front()).parent_path().string();
  out.environment = load_environment(
      options.process_env,
      explicit_env_files ? env_files
                         : std::vector{(fs::path(out.project_directory) / ".env").string()},
      explicit_env_files);
  out.files = files;

  // 3. Files read, includes and paths resolved, merged in order, extends applied.
  out.tree = loader.load_files(files, out.project_directory, out.environment);

  // 4. Profiles, then env_file contents into environment (only for services that remain).
  out.active_profiles = active_profiles(options.profiles, out.environment);
  apply_profiles(out.tree, out.active_profiles, loader.warnings);
  resolve_project_environment(out.tree, out.environment);

  // 5. Name.
  out.name = resolve_project_name(options.project_name, out.environment, out.tree,
                                  out.project_directory);
  set_name_first(out.tree, out.name);
  out.warnings = std::move(loader.warnings);
  return out;
}

} // namespace berth::compose
