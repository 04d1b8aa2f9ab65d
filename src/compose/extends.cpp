// `extends` resolution with cross-file loading and cycle detection.
#include "compose/extends.h"

#include <algorithm>
#include <filesystem>
#include <map>
#include <memory>

#include "common/error.h"
#include "compose/merge.h"
#include "compose/paths.h"

namespace berth::compose {

namespace fs = std::filesystem;
using yaml::Node;

namespace {

// Keys of a base service that never reach the extending one: dependencies stay explicit in the
// file that declares them (compose spec, "extends: exceptions and limitations").
constexpr const char* kNotInherited[] = {"extends", "depends_on", "volumes_from"};
constexpr std::size_t kMaxDepth = 256;

class Resolver {
public:
  Resolver(const std::string& project_dir, const Environment& env, Loader& loader)
      : project_dir_(project_dir), env_(env), loader_(loader) {}

  void resolve_all(Node& tree, const std::string& file_label) {
    Node* services = tree.find("services");
    if (!services || !services->is_mapping()) return;
    for (auto& e : services->entries()) resolve(tree, file_label, e.key.value());
  }

private:
  struct Frame {
    std::string file;
    std::string service;
  };

  std::string frame_text(const std::string& file, const std::string& service) const {
    return fs::path(file).filename().string() + ":" + service;
  }

  // Resolves services[name] of `tree` (the tree of `file_label`) in place.
  void resolve(Node& tree, const std::string& file_label, const std::string& name) {
    Node* service = tree.find("services")->find(name);
    if (!service || !service->is_mapping()) return;
    const Node* ext_node = service->find("extends");
    if (!ext_node) return;
    Node ext = *ext_node;

    for (const auto& f : stack_)
      if (f.file == file_label && f.service == name) {
        std::string chain;
        for (const auto& g : stack_) chain += frame_text(g.file, g.service) + " -> ";
        throw Error(ext.loc(), "circular extends: " + chain + frame_text(file_label, name));
      }

    std::string base_name;
    const Node* file_node = nullptr;
    if (ext.is_scalar() && !ext.is_null()) {
      base_name = ext.value();
    } else if (ext.is_mapping()) {
      const Node* s = ext.find("service");
      if (!s || !s->is_scalar() || s->value().empty())
        throw Error(ext.loc(), "extends: `service` is required (the name of the service to "
                               "extend)");
      base_name = s->value();
      file_node = ext.find("file");
      for (const auto& kv : ext.entries())
        if (kv.key.value() != "service" && kv.key.value() != "file")
          throw Error(kv.key.loc(), "extends: unknown key `" + kv.key.value() +
                                        "` (expected service, file)");
    } else {
      throw Error(ext.loc(), "extends: expected a service name or {service, file}, got a " +
                                 std::string(ext.kind_name()));
    }

    // Bounded so a hostile file cannot exhaust the stack with a long non-cyclic chain.
    if (stack_.size() >= kMaxDepth)
      throw Error(ext.loc(), "extends: chain deeper than " + std::to_string(kMaxDepth) +
                                 " services");
    stack_.push_back({file_label, name});
    Node base;
    if (file_node && !file_node->is_null()) {
      if (!file_node->is_scalar() || file_node->value().empty())
        throw Error(file_node->loc(), "extends.file: expected a path string");
      std::string declaring_dir = project_dir_;
      if (file_node->loc().file && *file_node->loc().file != "-")
        declaring_dir = fs::path(*file_node->loc().file).parent_path().string();
      std::string path = absolute_path(expand_user(file_node->value(), env_), declaring_dir);
      Node& other = other_file(path, file_node->loc());
      Node* other_services = other.find("services");
      if (!other_services || !other_services->find(base_name))
        throw Error(ext.loc(), "extends: service \"" + base_name + "\" not found in " + path);
      resolve(other, path, base_name);
      base = *other_services->find(base_name);
    } else {
      Node* services = tree.find("services");
      if (!services->find(base_name))
        throw Error(ext.loc(), "extends: service \"" + base_name + "\" not found" +
                                   (file_label.empty() ? "" : " in " + file_label));
      resolve(tree, file_label, base_name);
      base = *services->find(base_name);
    }
    stack_.pop_back();

    if (!base.is_mapping())
      throw Error(base.loc(), "extends: service \"" + base_name + "\" must be a mapping");
    for (const char* key : kNotInherited) base.erase(key);
    // Re-find: resolving the base may have reallocated the services mapping.
    service = tree.find("services")->find(name);
    Node local = *service;
    local.erase("extends");
    merge_service(base, local);
    base.set_loc(local.loc());
    *service = std::move(base);
  }

  // Another file's tree, read once, its paths resolved against its own directory.
  Node& other_file(const std::string& path, const Location& where) {
    auto it = files_.find(path);
    if (it != files_.end()) return *it->second;
    Node tree;
    try {
      tree = loader_.read_file(path, env_);
    } catch (const Error& e) {
      if (e.where().file) throw;
      throw Error(where, "extends.file: " + e.message());
    }
    tree.erase("include"); // only the extended service matters; its file's includes do not
    resolve_file_paths(tree, fs::path(path).parent_path().string(), env_);
    if (!tree.find("services")) tree.set("services", Node::mapping());
    return *files_.emplace(path, std::make_unique<Node>(std::move(tree))).first->second;
  }

  const std::string& project_dir_;
  const Environment& env_;
  Loader& loader_;
  std::vector<Frame> stack_;
  std::map<std::string, std::unique_ptr<Node>> files_;
};

} // namespace

void apply_extends(Node& tree, const std::string& project_dir, const Environment& env,
                   Loader& loader) {
  Resolver resolver(project_dir, env, loader);
  resolver.resolve_all(tree, "");
}

} // namespace berth::compose
