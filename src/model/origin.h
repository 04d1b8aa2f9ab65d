// Source positions carried by the model, and the record of input Kubernetes cannot express.
#pragma once

#include <string>
#include <vector>

#include "common/error.h"
#include "yaml/node.h"

namespace berth::model {

// Where a model element came from. Always compares equal, so model equality (used by the
// round-trip property) is about content, not about which file a value was read from.
struct Origin {
  Location loc;
  friend bool operator==(const Origin&, const Origin&) { return true; }
};

// An input key (service key, or a sub-key such as deploy.endpoint_mode) that Kubernetes cannot
// express. The value is kept verbatim so `berth config` can print it back and the conversion
// report can show it.
struct Dropped {
  // From the project root: {"services", "web", "container_name"},
  // {"services", "web", "ports", "[0]", "x-note"}, {"volumes", "data", "driver_opts"}.
  std::vector<std::string> path;
  std::string reason;            // why, and what to do instead
  yaml::Node value;
  Origin at;

  std::string key() const; // "services.web.ports[0].x-note"
  friend bool operator==(const Dropped&, const Dropped&) = default;
};

} // namespace berth::model
