// Conversion between the node tree and JSON (for `-o json` and JSON input/test oracles).
#pragma once

#include <nlohmann/json.hpp>

#include "yaml/node.h"

namespace berth::yaml {

// Scalars become JSON null/bool/number/string by their resolved type; mapping keys become
// strings; order is kept (ordered_json).
nlohmann::ordered_json to_json(const Node& node);

// JSON → nodes: strings become string scalars, numbers/bools/null plain scalars.
Node from_json(const nlohmann::ordered_json& json);

} // namespace berth::yaml
