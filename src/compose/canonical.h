// Short → long syntax for every Compose key that has both, on the node tree (before merging).
#pragma once

#include "yaml/node.h"

namespace berth::compose {

// Rewrites one Compose file's tree (after interpolation) in place so every short syntax
// becomes the long syntax the Compose Specification defines — the form `docker compose config`
// prints (compose-go's transform): ports → [{name?, mode, host_ip?, target (int), published?
// (string, may be a range), protocol, app_protocol?}] (ranges expanded one entry per container
// port), expose → ["80", "8000-8010"] strings, volumes → [{type, source?, target, read_only?,
// consistency?, bind: {propagation?, create_host_path, selinux?} | volume: {nocopy?}}] (long
// forms validated and kept), devices → [{source, target, permissions}], depends_on →
// {svc: {condition, restart?, required}}, environment/build.args → {KEY: "value"|null},
// labels/annotations/sysctls → {KEY: "value"}, extra_hosts → {host: [ip, ...]}, env_file →
// [{path, required, format?}], secrets/configs → [{source, target?, uid?, gid?, mode?}],
// networks (service) → {name: {aliases, ...}|null}, build (string) → {context}, dns/dns_search/
// tmpfs (string → list), ulimits (int → {soft, hard}), healthcheck.test string →
// ["CMD-SHELL", s], durations kept as strings (validated). command/entrypoint strings kept (split
// later); extends and include are validated and left as written (the loader resolves them).
// Interpolated strings in typed fields are cast ("3" → 3 for replicas, "true" → true).
// Null collection keys of a service (`environment:` with nothing under it) are removed; null
// top-level sections and resources become {}. Relative bind paths are NOT resolved here.
// Every key is checked against the spec (x-* kept anywhere): unknown keys and wrong shapes
// throw berth::Error at file:line:column naming the path and the expected shape, e.g.
// `services.web.ports[2]: expected "[HOST_IP:][HOST:]CONTAINER[/PROTO]", got "80:80:80:80"`.
// A file without `services` (legacy v1 layout) is not rejected for its unknown keys.
// `!reset`/`!override` tags stay on the canonical nodes for the merge (see merge.h);
// `!reset` values are not checked. Locations of the original nodes are kept on the new ones.
void canonicalize_file(yaml::Node& file);

} // namespace berth::compose
