// Project name selection and validation by docker compose's rules.
#include "compose/project_name.h"

#include <filesystem>

#include "common/error.h"

namespace berth::compose {

namespace {
bool allowed(char c) {
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
}

std::string invalid(std::string_view name, std::string_view source) {
  return "\"" + std::string(name) + "\" (from " + std::string(source) +
         ") is not a valid project name: it must contain only characters from [a-z0-9_-] and "
         "start with [a-z0-9]";
}
} // namespace

std::string normalize_project_name(std::string_view name) {
  std::string out;
  for (char c : name) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (allowed(c)) out += c;
  }
  std::size_t first = out.find_first_not_of("_-");
  return first == std::string::npos ? std::string() : out.substr(first);
}

bool is_valid_project_name(std::string_view name) {
  return !name.empty() && normalize_project_name(name) == name;
}

std::string resolve_project_name(const std::string& explicit_name, const Environment& env,
                                 const yaml::Node& tree, const std::string& project_dir) {
  if (!explicit_name.empty()) {
    if (!is_valid_project_name(explicit_name)) throw Error(invalid(explicit_name, "-p"));
    return explicit_name;
  }
  if (auto it = env.find("COMPOSE_PROJECT_NAME"); it != env.end() && !it->second.empty()) {
    if (!is_valid_project_name(it->second))
      throw Error(invalid(it->second, "COMPOSE_PROJECT_NAME"));
    return it->second;
  }
  if (const yaml::Node* name = tree.is_mapping() ? tree.find("name") : nullptr;
      name && !name->is_null()) {
    if (!name->is_scalar() || !is_valid_project_name(name->value()))
      throw Error(name->loc(), name->is_scalar() ? invalid(name->value(), "top-level `name`")
                                                 : "`name`: expected a string, got a " +
                                                       std::string(name->kind_name()));
    return name->value();
  }
  std::string base = std::filesystem::path(project_dir).filename().string();
  std::string normalized = normalize_project_name(base);
  if (normalized.empty())
    throw Error("cannot derive a project name from directory \"" + project_dir +
                "\"; set one with -p, COMPOSE_PROJECT_NAME or a top-level `name:`");
  return normalized;
}

} // namespace berth::compose
