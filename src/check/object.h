// One Kubernetes object of the checked input: identity kept for the whole run, tree per pass.
#pragma once

#include <cstddef>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "common/error.h"
#include "yaml/node.h"

namespace berth::check {

// Identity of an object, kept after its tree is gone (findings of set-level rules point here).
struct ObjectInfo {
  // Increasing in input order (files in argument/walk order, objects in file), unique, not
  // dense: the engine numbers (file << 32 | object in file) so threads need not agree on counts.
  std::size_t id = 0;
  std::string file;          // path as given/walked; "-" for stdin
  std::string api_version;   // as written ("apps/v1"); "" when missing
  std::string kind;          // as written; "" when missing
  std::string name;          // metadata.name ("" when missing; generateName is not resolved)
  std::string ns;            // metadata.namespace as written ("" when none)
  Location loc;              // start of the object (its mapping)
  // Rules silenced for this object by the `berth.dev/ignore: a,b` annotation ("*" = all).
  std::vector<std::string> ignored;
  // A strategic-merge/JSON patch referenced by a kustomization (partial object): schema checks
  // run without `required`; policy/reference/capacity rules skip it.
  bool patch = false;

  std::string_view group() const;   // "" for the core group ("v1"), "apps" for "apps/v1"
  std::string_view version() const; // "v1"
  std::string display() const;      // "Deployment/web"
  bool ignores(std::string_view rule) const;
};

// What a per-object checker sees: the identity and the parsed tree (a mapping).
struct Object {
  const ObjectInfo& info;
  const yaml::Node& root;
};

// Convenience lookups for checkers (nullptr when any step is absent or not a mapping/sequence).
const yaml::Node* path(const yaml::Node& root, std::initializer_list<std::string_view> keys);

// The pod template spec of a workload (Pod: spec; Deployment/StatefulSet/DaemonSet/ReplicaSet/
// Job: spec.template.spec; CronJob: spec.jobTemplate.spec.template.spec); nullptr otherwise.
const yaml::Node* pod_spec(const Object& o);
// Its metadata (labels of the pods): spec.template.metadata etc.; nullptr when absent.
const yaml::Node* pod_metadata(const Object& o);
// True for the kinds that have a pod template (including Pod itself).
bool has_pod_template(std::string_view kind);

} // namespace berth::check
