// Compose → App model: typed extraction from the loader's merged, canonical tree.
#pragma once

#include <span>
#include <string_view>

#include "compose/load.h"
#include "model/app.h"

namespace berth::compose {

// What the converter does with one service key of the Compose Specification.
enum class KeyDisposition {
  Mapped,      // read into a typed model field
  Conditional, // typed for values Kubernetes can express, else recorded as not_representable
  Dropped,     // always recorded in Service::not_representable with the reason
  Loader,      // resolved by the loader before conversion (recorded as dropped if still present)
};

struct ServiceKeyRule {
  std::string_view key;
  KeyDisposition disposition;
  std::string_view reason; // for Dropped/Conditional/Loader: why, and what to do instead
};

// Every service property of the Compose Specification, in the order the converter reads them.
std::span<const ServiceKeyRule> service_key_rules();
const ServiceKeyRule* find_service_key_rule(std::string_view key);

// Builds the model. Throws berth::Error at file:line:column with the expected shape on values
// of the wrong type, unknown service keys, invalid x-berth blocks and dangling references
// (x-berth.storage naming a volume the service does not mount).
model::App to_model(const LoadedProject& project);

} // namespace berth::compose
