// The reference family's checks, one per topic file; reference.cpp lists the rules and calls
// each with one Lookup built over the whole set.
#pragma once

#include "check/context.h"
#include "check/index_lookup.h"

namespace berth::check::reference {

void check_services(const Lookup& l, Context& ctx);         // services.cpp
void check_routes(const Lookup& l, Context& ctx);           // routes.cpp
void check_service_monitors(const Lookup& l, Context& ctx); // service_monitors.cpp
void check_autoscaling(const Lookup& l, Context& ctx);      // autoscaling.cpp
void check_disruption(const Lookup& l, Context& ctx);       // disruption.cpp
void check_network_policies(const Lookup& l, Context& ctx); // network_policies.cpp
void check_config_refs(const Lookup& l, Context& ctx);      // config_refs.cpp
void check_namespaces(const Lookup& l, Context& ctx);       // namespaces.cpp

// Rules that need the other side of a reference stay silent when the set has none of that kind
// at all (one file checked alone), unless --complete says the set is the whole application.
inline bool expect_kind(const Lookup& l, const Context& ctx, std::string_view kind) {
  return ctx.options().complete || l.has_kind(kind);
}

} // namespace berth::check::reference
