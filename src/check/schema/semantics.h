// Kubernetes validation facts the OpenAPI document does not carry (port ranges, DNS names, label
// syntax, Quantity/IntOrString), attached by definition name so built-in and --openapi graphs
// get the same checks.
#pragma once

#include <string_view>
#include <vector>

#include "check/schema/graph.h"

namespace berth::check::schema {

inline constexpr std::string_view kObjectMeta = "io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta";
inline constexpr std::string_view kQuantity = "io.k8s.apimachinery.pkg.api.resource.Quantity";
inline constexpr std::string_view kIntOrString = "io.k8s.apimachinery.pkg.util.intstr.IntOrString";

// The semantic format of `property` in the definition `definition`; Format::None when none.
Format property_format(std::string_view definition, std::string_view property);

// The values the API server accepts for `property` (a string, or each item of a string list)
// of `definition`, which the OpenAPI document does not list; nullptr when not an enum.
const std::vector<std::string_view>* property_enum(std::string_view definition,
                                                   std::string_view property);

} // namespace berth::check::schema
