// ingress-nginx annotations → Traefik: each annotation translated (a Middleware, a Service
// annotation, a path rewrite) or reported with the reason it has no equivalent.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "import/state.h"

namespace berth::import {

inline constexpr std::string_view kNginxPrefix = "nginx.ingress.kubernetes.io/";

// Translates and removes the nginx annotations of `ingress`: Middlewares it needs are appended
// to `made` (object, owner ref) and named in `routing` (in the order Traefik applies them).
void translate_nginx(State& st, Kept& ingress, Routing& routing,
                     std::vector<std::pair<yaml::Node, std::string>>& made);

// nginx sizes ("8m", "512k", "1g", "100") in bytes; nullopt when unreadable.
std::optional<std::int64_t> nginx_size(std::string_view text);

// For rewrite-target: the prefix a regular-expression path strips when it has the usual
// "<prefix>(/|$)(.*)" shape rewritten to "/$2" ("/api(/|$)(.*)" → "/api"); empty otherwise.
std::string strip_prefix_of(std::string_view path, std::string_view target);

// The literal start of a regular-expression path, up to its first special character
// ("/api/v[0-9]+/" → "/api/v"), without a trailing '(' group; "/" when nothing is literal.
std::string literal_prefix(std::string_view path);

} // namespace berth::import
