// What generation produces: objects placed in the Kustomize tree, other files, the report.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "generate/report.h"
#include "yaml/node.h"

namespace berth::generate {

// One Kubernetes object and the file it goes to, relative to the output directory
// ("base/backend/deployment.yaml", "overlays/production/namespace.yaml"). One object per file.
struct Manifest {
  std::string path;
  yaml::Node object;
};

// A strategic-merge patch of one overlay (file relative to the output directory) and the
// object it targets.
struct Patch {
  std::string path; // "overlays/production/patches/backend-replicas.yaml"
  yaml::Node patch; // apiVersion/kind/metadata.name of the target + the changed fields
};

// A non-manifest file (ArgoCD apps are manifests too but live outside the Kustomize tree, so
// they are files; CI workflows; MIGRATION.md; Secret templates that must not be applied).
struct TextFile {
  std::string path;
  std::string content;
};

struct Output {
  std::vector<Manifest> base;                              // listed in base/kustomization.yaml
  std::map<std::string, std::vector<Manifest>> overlay;    // env → extra overlay resources
  std::map<std::string, std::vector<Patch>> patches;       // env → patches
  std::vector<TextFile> files;                             // everything else
  Report report;

  void add_base(std::string path, yaml::Node object) {
    base.push_back({std::move(path), std::move(object)});
  }
  void add_overlay(const std::string& env, std::string path, yaml::Node object) {
    overlay[env].push_back({std::move(path), std::move(object)});
  }
  void add_patch(const std::string& env, std::string path, yaml::Node patch) {
    patches[env].push_back({std::move(path), std::move(patch)});
  }
  void add_file(std::string path, std::string content) {
    files.push_back({std::move(path), std::move(content)});
  }
};

} // namespace berth::generate
