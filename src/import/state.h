// What the import stages share while they turn exported objects into a tree: the kept objects,
// the decoded Secrets, the routing each Ingress needs per environment, the report.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "generate/report.h"
#include "import/load.h"
#include "import/options.h"
#include "profile/profile.h"
#include "seal/secret_input.h"
#include "yaml/node.h"

namespace berth::import {

// An object that goes into the tree.
struct Kept {
  yaml::Node object;
  Location at;       // in the export; none for objects berth made (Middlewares...)
  std::string ref;   // "Deployment/vaultwarden": how reports name it
  std::string group; // base/<group>/ (layout decides; "_app" for application-wide objects)
  std::string owner; // for objects berth made: ref of the object they serve (group follows it)
  bool made = false; // made by berth, not exported
};

// An object left out of the tree, and why.
struct LeftOut {
  std::string ref;
  std::string reason;
  Location at;
  std::string ns; // its namespace in the export (names the application when nothing kept has one)
};

// A Secret: never written, sealed per environment or templated.
struct SecretItem {
  std::string ref;
  seal::SecretInput input;             // values decoded; metadata cleaned
  std::vector<std::string> added_keys; // keys berth added (Traefik's `users` for basic auth)
  // Made by berth from a workload's literal env values: that workload ("deployment/web");
  // empty for Secrets of the export.
  std::string workload;
};

// What an Ingress needs that depends on the environment's namespace.
struct Routing {
  // Middlewares of the application, referenced as <namespace>-<name>@kubernetescrd.
  std::vector<std::string> middlewares;
  // References to elsewhere (another namespace, a file provider), kept verbatim.
  std::vector<std::string> foreign;
};

// A claim whose data must be copied (MIGRATION.md).
struct Claim {
  std::string name;               // PVC name (the same on both sides)
  std::string workload;           // "statefulset/postgres", "deployment/vaultwarden"; empty: unused
  std::vector<std::string> users; // every workload mounting it (the writer first)
  std::string image;              // the workload's first container image
  std::string size;               // requested storage
  std::string uid, gid;           // owner the workload runs as (runAsUser/fsGroup), when known
  std::string mount;              // where the workload mounts it
  std::string access;             // access modes, comma separated
};

struct State {
  State(const profile::Profile& p, const ImportOptions& o) : profile(p), options(o) {}

  const profile::Profile& profile;
  const ImportOptions& options;
  std::string app;                        // application name (DNS-1123)
  std::string source_namespace;           // as exported ("" when objects carried none)
  std::vector<Kept> objects;              // kept, in input order
  std::vector<LeftOut> left_out;          // in input order
  std::vector<SecretItem> secrets;        // in input order
  std::map<std::string, Routing> routing; // Ingress name → its middlewares
  std::vector<Claim> claims;
  generate::Report report;

  // Report helpers: `ref` groups the entries of one object.
  void add(const std::string& ref, std::string key, generate::Disposition d, std::string detail,
           Location at = {}) {
    report.add(ref, std::move(key), d, std::move(detail), at);
  }
  Kept* find(std::string_view kind, std::string_view name);
  const Kept* find_const(std::string_view kind, std::string_view name) const;
  // Objects berth adds get the object they serve as owner (their group follows it).
  Kept& make(yaml::Node object, std::string owner);
};

// "Kind/name" of an object.
std::string ref_of(const yaml::Node& object);
// metadata.name (empty when absent).
std::string name_of(const yaml::Node& object);

// The stages, in the order import_app runs them (one file each).
void select_objects(std::vector<SourceObject>&& objects, State& state); // classify.cpp
void resolve_namespaces(State& state);                                  // namespaces.cpp
void clean_objects(State& state);                                       // clean.cpp
void collect_secrets(State& state);                                     // secrets.cpp
void extract_env_secrets(State& state);                                 // env_secrets.cpp
void adapt_storage(State& state);                                       // storage.cpp
void adapt_services(State& state);                                      // services.cpp
void adapt_ingresses(State& state);                                     // ingress.cpp
void check_references(State& state);                                    // references.cpp
void suggest_hardening(State& state);                                   // harden.cpp

} // namespace berth::import
