// App model → Compose YAML (`berth config`): the normalized project in the long syntax.
#pragma once

#include "model/app.h"
#include "yaml/node.h"

namespace berth::compose {

// Top-level keys in the order docker compose config prints them: name, services, networks,
// volumes, secrets, configs, then x-*. Services and top-level objects sorted by name; service
// keys alphabetical; sub-structures in the canonical long-syntax key order. Durations in Go
// form ("1m30s"), sizes in bytes, x-berth in its normalized form; not_representable keys are
// printed back where they were, so loading the output gives the same model
// (to_model(load(emit(to_compose_yaml(m)))) == m, up to the sorted order of services and
// top-level objects).
yaml::Node to_compose_yaml(const model::App& app);

// One service's mapping (without its not_representable keys).
yaml::Node service_to_yaml(const model::Service& service);

} // namespace berth::compose
