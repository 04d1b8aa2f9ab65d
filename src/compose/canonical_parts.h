// Checks for the Compose keys whose short syntax needs real parsing, shared between the
// canonicalization files (ports, volumes, service, top level).
#pragma once

#include "compose/canonical_check.h"

namespace berth::compose::canon {

// services.*.ports: short strings/ints → [{mode, host_ip?, target, published?, protocol}].
Check ports();
// services.*.expose: ["80", "8000-8010", "9000/udp"] as strings.
Check expose();
// services.*.volumes: short "[SOURCE:]TARGET[:MODE]" → long mounts.
Check service_volumes();
// services.*.devices: "HOST[:CONTAINER[:PERMISSIONS]]" → [{source, target, permissions}].
Check devices();
// services.*.deploy.
Check deploy();
// services.*.build.
Check build();
// One service definition (every key of the spec).
void service(Node& n, const std::string& path);

} // namespace berth::compose::canon
