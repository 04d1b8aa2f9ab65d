// Kustomization files of the tree: base, each overlay, each overlay's alerts folder.
#include <algorithm>

#include "generate/gitops.h"

namespace berth::generate {

using yaml::Node;

namespace {

Node kustomization_skeleton() {
  Node k = Node::mapping();
  k.set("apiVersion", Node::str("kustomize.config.k8s.io/v1beta1"));
  k.set("kind", Node::str("Kustomization"));
  return k;
}

Node string_list(std::vector<std::string> items) {
  Node seq = Node::sequence();
  for (std::string& s : items) seq.push(Node::str(std::move(s)));
  return seq;
}

// `path` relative to directory `dir` (which ends with '/'); empty when not inside it.
std::string inside(const std::string& path, const std::string& dir) {
  return path.starts_with(dir) ? path.substr(dir.size()) : std::string();
}

} // namespace

std::string alerts_dir(const std::string& env) { return "overlays/" + env + "/alerts/"; }

bool has_alerts(const Output& out, const std::string& env) {
  auto it = out.overlay.find(env);
  if (it == out.overlay.end()) return false;
  return std::any_of(it->second.begin(), it->second.end(),
                     [&](const Manifest& m) { return m.path.starts_with(alerts_dir(env)); });
}

std::string initial_tag(const profile::Environment& env) { return env.image_tag_prefix + "initial"; }

Node base_kustomization(const Output& out) {
  std::vector<std::string> resources;
  for (const Manifest& m : out.base) {
    std::string rel = inside(m.path, "base/");
    if (!rel.empty()) resources.push_back(rel);
  }
  std::sort(resources.begin(), resources.end());
  resources.erase(std::unique(resources.begin(), resources.end()), resources.end());
  Node k = kustomization_skeleton();
  k.set("resources", string_list(std::move(resources)));
  return k;
}

Node overlay_kustomization(const Context& ctx, const Output& out, const profile::Environment& env) {
  const std::string dir = "overlays/" + env.name + "/";
  std::vector<std::string> resources;
  if (auto it = out.overlay.find(env.name); it != out.overlay.end())
    for (const Manifest& m : it->second) {
      std::string rel = inside(m.path, dir);
      // alerts/ is its own kustomization (another namespace); secrets/ holds templates only.
      if (rel.empty() || rel.starts_with("alerts/") || rel.starts_with("secrets/")) continue;
      resources.push_back(rel);
    }
  std::sort(resources.begin(), resources.end());
  resources.erase(std::unique(resources.begin(), resources.end()), resources.end());
  resources.insert(resources.begin(), "../../base");

  Node k = kustomization_skeleton();
  k.set("namespace", Node::str(profile::namespace_for(env, ctx.plan.app)));
  k.set("resources", string_list(std::move(resources)));

  std::vector<std::string> patch_paths;
  if (auto it = out.patches.find(env.name); it != out.patches.end())
    for (const Patch& p : it->second) {
      std::string rel = inside(p.path, dir);
      if (!rel.empty()) patch_paths.push_back(rel);
    }
  std::sort(patch_paths.begin(), patch_paths.end());
  patch_paths.erase(std::unique(patch_paths.begin(), patch_paths.end()), patch_paths.end());
  if (!patch_paths.empty()) {
    Node patches = Node::sequence();
    for (const std::string& p : patch_paths) {
      Node entry = Node::mapping();
      entry.set("path", Node::str(p));
      patches.push(std::move(entry));
    }
    k.set("patches", std::move(patches));
  }

  Node images = Node::sequence();
  for (const ServicePlan& s : ctx.plan.services) {
    if (!s.built) continue;
    Node image = Node::mapping();
    image.set("name", Node::str(s.image));
    image.set("newTag", Node::str(initial_tag(env))); // CI replaces it with <prefix><sha>
    images.push(std::move(image));
  }
  if (images.size() > 0) k.set("images", std::move(images));

  Node pairs = Node::mapping();
  pairs.set("environment", Node::str(env.name));
  Node label = Node::mapping();
  label.set("pairs", std::move(pairs));
  // Selectors are immutable on Deployments; the environment label stays off them.
  label.set("includeSelectors", Node::boolean(false));
  Node labels = Node::sequence();
  labels.push(std::move(label));
  k.set("labels", std::move(labels));
  return k;
}

Node alerts_kustomization(const Output& out, const std::string& env) {
  std::vector<std::string> resources;
  if (auto it = out.overlay.find(env); it != out.overlay.end())
    for (const Manifest& m : it->second) {
      std::string rel = inside(m.path, alerts_dir(env));
      if (!rel.empty()) resources.push_back(rel);
    }
  std::sort(resources.begin(), resources.end());
  resources.erase(std::unique(resources.begin(), resources.end()), resources.end());
  Node k = kustomization_skeleton();
  k.set("resources", string_list(std::move(resources)));
  return k;
}

} // namespace berth::generate
