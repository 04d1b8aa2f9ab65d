// Short → long syntax for every Compose key that has both, on the node tree (before merging).
#pragma once

#include "yaml/node.h"

namespace berth::compose {

// Rewrites one Compose file's tree (after interpolation) in place so every short syntax
// becomes the long syntax the Compose Specification defines — the form `docker compose config`
// prints: ports → [{target, published, host_ip, protocol, mode, name?, app_protocol?}] (ranges
// expanded), expose → ["80", "8000-8010"] strings, volumes → [{type, source, target, read_only,
// bind: {create_host_path, selinux}, volume: {nocopy}, tmpfs: {size}}], depends_on →
// {svc: {condition, required, restart}}, environment → {KEY: value|null}, labels/annotations/
// sysctls/extra_hosts → maps, env_file → [{path, required, format?}], secrets/configs →
// [{source, target?, uid?, gid?, mode?}], networks (service) → {name: {aliases, ...}|null},
// build (string) → {context}, command/entrypoint strings kept (split later), ulimits
// (int → {soft, hard}), healthcheck.test string → ["CMD-SHELL", s], devices, dns (string →
// list), tmpfs (string → list), blkio, logging, etc. Relative bind paths are NOT resolved here
// (the loader knows the project dir). Locations of the original nodes are kept on the new ones.
// Throws berth::Error naming file:line:column and the expected shape on malformed values,
// e.g. `ports[2]: expected "[HOST:]CONTAINER[/PROTO]", got "80:80:80:80"`.
void canonicalize_file(yaml::Node& file);

} // namespace berth::compose
