// Host path resolution for the loader: what docker compose makes absolute and against what.
#include "compose/paths.h"

#include <filesystem>

namespace berth::compose {

namespace fs = std::filesystem;
using yaml::Node;

std::string expand_user(std::string_view path, const Environment& env) {
  if (path.empty() || path[0] != '~') return std::string(path);
  if (path.size() > 1 && path[1] != '/') return std::string(path); // ~user: not ours to guess
  auto home = env.find("HOME");
  if (home == env.end() || home->second.empty()) return std::string(path);
  return home->second + std::string(path.substr(1));
}

std::string absolute_path(std::string_view path, std::string_view base_dir) {
  fs::path p(path);
  if (p.is_relative()) p = fs::path(base_dir) / p;
  std::string out = p.lexically_normal().string();
  while (out.size() > 1 && out.back() == '/') out.pop_back();
  return out;
}

bool is_remote_context(std::string_view c) {
  // docker compose treats these as remote: URLs (http, https, git, ssh, docker-image://…),
  // git@host:repo and github.com/… shorthands.
  return c.find("://") != std::string_view::npos || c.starts_with("git@") ||
         c.starts_with("github.com/");
}

namespace {

// Rewrites a scalar string path in place (keeping its node and location).
void resolve_scalar(Node* node, std::string_view base_dir, const Environment& env) {
  if (!node || !node->is_scalar() || node->is_null() || node->value().empty()) return;
  node->set_value(absolute_path(expand_user(node->value(), env), base_dir));
  node->set_style(yaml::Style::DoubleQuoted);
}

void resolve_build(Node& build, std::string_view base_dir, const Environment& env) {
  if (build.is_scalar()) { // not canonicalized: `build: ./dir`
    if (!is_remote_context(build.value())) resolve_scalar(&build, base_dir, env);
    return;
  }
  if (!build.is_mapping()) return;
  Node* context = build.find("context");
  if (context && context->is_scalar() && !is_remote_context(context->value()))
    resolve_scalar(context, base_dir, env);
  if (Node* extra = build.find("additional_contexts"); extra && extra->is_mapping()) {
    for (auto& e : extra->entries()) {
      const std::string& v = e.value.value();
      // "service:name" and "docker-image://…" name other things than directories.
      if (e.value.is_scalar() && !is_remote_context(v) && !v.starts_with("service:"))
        resolve_scalar(&e.value, base_dir, env);
    }
  }
}

void resolve_volumes(Node& volumes, std::string_view base_dir, const Environment& env) {
  if (!volumes.is_sequence()) return;
  for (Node& v : volumes.items()) {
    if (!v.is_mapping()) continue;
    const Node* type = v.find("type");
    if (!type || type->value() != "bind") continue;
    resolve_scalar(v.find("source"), base_dir, env);
  }
}

void resolve_path_list(Node& list, std::string_view base_dir, const Environment& env,
                       std::string_view key_in_item) {
  if (list.is_scalar()) return resolve_scalar(&list, base_dir, env);
  if (!list.is_sequence()) return;
  for (Node& item : list.items()) {
    if (item.is_scalar()) resolve_scalar(&item, base_dir, env);
    else if (item.is_mapping()) resolve_scalar(item.find(key_in_item), base_dir, env);
  }
}

} // namespace

void resolve_service_paths(Node& service, std::string_view base_dir, const Environment& env) {
  if (!service.is_mapping()) return;
  if (Node* build = service.find("build")) resolve_build(*build, base_dir, env);
  if (Node* volumes = service.find("volumes")) resolve_volumes(*volumes, base_dir, env);
  if (Node* env_file = service.find("env_file")) resolve_path_list(*env_file, base_dir, env, "path");
  if (Node* labels = service.find("label_file")) resolve_path_list(*labels, base_dir, env, "path");
}

void resolve_file_paths(Node& file, std::string_view base_dir, const Environment& env) {
  if (!file.is_mapping()) return;
  if (Node* services = file.find("services"); services && services->is_mapping())
    for (auto& e : services->entries()) resolve_service_paths(e.value, base_dir, env);
  for (const char* kind : {"secrets", "configs"}) {
    Node* section = file.find(kind);
    if (!section || !section->is_mapping()) continue;
    for (auto& e : section->entries())
      if (e.value.is_mapping()) resolve_scalar(e.value.find("file"), base_dir, env);
  }
}

} // namespace berth::compose
