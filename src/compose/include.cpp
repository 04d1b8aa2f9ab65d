// `include` resolution: load each included application and import its resources.
#include "compose/include.h"

#include <algorithm>
#include <filesystem>

#include "common/error.h"
#include "compose/paths.h"

namespace berth::compose {

namespace fs = std::filesystem;
using yaml::Node;

namespace {

struct IncludeEntry {
  std::vector<std::string> paths;
  std::string project_directory;
  std::vector<std::string> env_files;
  bool env_files_given = false;
  Location where;
};

std::vector<std::string> string_list(const Node& node, std::string_view base_dir,
                                     std::string_view what) {
  std::vector<std::string> out;
  auto one = [&](const Node& n) {
    if (!n.is_scalar() || n.is_null() || n.value().empty())
      throw Error(n.loc(), "include " + std::string(what) + ": expected a path string, got " +
                               (n.is_scalar() ? "an empty value" : "a " +
                                                                      std::string(n.kind_name())));
    out.push_back(absolute_path(n.value(), base_dir));
  };
  if (node.is_sequence()) {
    for (const Node& item : node.items()) one(item);
  } else {
    one(node);
  }
  return out;
}

IncludeEntry parse_entry(const Node& item, std::string_view base_dir) {
  IncludeEntry e;
  e.where = item.loc();
  if (item.is_scalar()) {
    e.paths = string_list(item, base_dir, "path");
  } else if (item.is_mapping()) {
    for (const auto& kv : item.entries()) {
      const std::string& k = kv.key.value();
      if (k == "path") {
        e.paths = string_list(kv.value, base_dir, "path");
      } else if (k == "project_directory") {
        e.project_directory = string_list(kv.value, base_dir, "project_directory").front();
      } else if (k == "env_file") {
        e.env_files = string_list(kv.value, base_dir, "env_file");
        e.env_files_given = true;
      } else if (!k.starts_with("x-")) {
        throw Error(kv.key.loc(), "include: unknown key `" + k +
                                      "` (expected path, project_directory, env_file)");
      }
    }
    if (e.paths.empty()) throw Error(item.loc(), "include: `path` is required");
  } else {
    throw Error(item.loc(), "include: expected a path or a mapping with `path`, got a " +
                                std::string(item.kind_name()));
  }
  if (e.project_directory.empty()) e.project_directory = fs::path(e.paths.front()).parent_path();
  return e;
}

void import_resources(Node& into, const Node& included, const std::string& included_file) {
  for (const char* kind : {"services", "networks", "volumes", "secrets", "configs", "models"}) {
    const Node* from = included.find(kind);
    if (!from || !from->is_mapping() || from->entries().empty()) continue;
    Node* to = into.find(kind);
    if (!to || to->is_null()) to = &into.set(kind, Node::mapping());
    if (!to->is_mapping())
      throw Error(to->loc(), std::string("`") + kind + "`: expected a mapping, got a " +
                                 to->kind_name());
    for (const auto& e : from->entries()) {
      const std::string& name = e.key.value();
      if (const Node* mine = to->find(name)) {
        if (*mine == e.value) continue; // identical definitions do not conflict
        auto it = std::find_if(to->entries().begin(), to->entries().end(),
                               [&](const yaml::Entry& x) { return x.key.value() == name; });
        throw Error(it->key.loc(), std::string(kind) + "." + name +
                                       " conflicts with the imported resource defined at " +
                                       (e.key.loc().str().empty() ? included_file
                                                                  : e.key.loc().str()));
      }
      to->add(e.key, e.value);
    }
  }
}

std::string chain_text(const std::vector<std::string>& chain, const std::string& last) {
  std::string out;
  for (const auto& f : chain) out += f + " -> ";
  return out + last;
}

} // namespace

void apply_include(Node& file_tree, const std::string& file_path, const Environment& env,
                   Loader& loader) {
  const Node* include = file_tree.find("include");
  if (!include) return;
  Node list = *include;
  file_tree.erase("include");
  if (list.is_null()) return;
  if (!list.is_sequence())
    throw Error(list.loc(), "`include`: expected a list, got a " + std::string(list.kind_name()));

  std::string base_dir = file_path == "-" ? loader.working_dir()
                                          : fs::path(file_path).parent_path().string();
  loader.include_chain.push_back(file_path);
  for (const Node& item : list.items()) {
    IncludeEntry entry = parse_entry(item, base_dir);
    for (const auto& p : entry.paths)
      if (std::find(loader.include_chain.begin(), loader.include_chain.end(), p) !=
          loader.include_chain.end())
        throw Error(entry.where, "include cycle: " + chain_text(loader.include_chain, p));

    // The included application's own .env supplies defaults; the including project's
    // environment wins so it can customize what it includes.
    std::vector<std::string> env_files = entry.env_files;
    bool required = entry.env_files_given;
    if (!entry.env_files_given) env_files = {(fs::path(entry.project_directory) / ".env").string()};
    Environment included_env = load_environment(env, env_files, required);

    Node included = loader.load_files(entry.paths, entry.project_directory, included_env);
    import_resources(file_tree, included, entry.paths.front());
  }
  loader.include_chain.pop_back();
}

} // namespace berth::compose
