// Where each imported object goes in the tree (base/<group>/<kind>[-<name>].yaml) and what each
// environment's overlay adds (sealed Secrets or templates, patches for namespaces and hosts).
#pragma once

#include <string>

#include "generate/context.h"
#include "generate/output.h"
#include "import/state.h"

namespace berth::import {

// Groups: a workload names its group; Services, claims, config, Ingresses, autoscalers and
// budgets join the workload they serve; what serves several or none goes to "_app".
void assign_groups(State& st);

// base/<group>/<file> of every object (file: short kind, plus the name unless it is the
// group's), objects tidied into the key order people write.
void add_base(State& st, generate::Output& out);

// Per environment: the Secrets by secrets.method (SealedSecrets with the profile's or
// --seal-cert certificate, else templates; ExternalSecrets; plain Secrets), Ingress middleware
// references in the environment's namespace, hosts moved by its host_prefix.
void add_overlays(State& st, const generate::Context& ctx, generate::Output& out);

// "deployment", "pvc", "hpa", "pdb", "ingressroute"...: the file name of a kind.
std::string short_kind(std::string_view kind);

// apiVersion, kind, metadata (name, namespace, labels, annotations first), then the rest in
// their order; items of lists with a name get it first (containers, ports, env, volumes).
void tidy(yaml::Node& object);

} // namespace berth::import
