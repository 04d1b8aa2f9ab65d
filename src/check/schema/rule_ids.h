// Rule ids of the schema family (one place, so the validator and the catalog cannot disagree).
#pragma once

#include <string_view>

namespace berth::check::schema::rule {

inline constexpr std::string_view kKindMissing = "schema-kind-missing";
inline constexpr std::string_view kKindUnknown = "schema-kind-unknown";
inline constexpr std::string_view kKindNotKnown = "schema-kind-not-known";
inline constexpr std::string_view kKindUnchecked = "schema-kind-unchecked";
inline constexpr std::string_view kRequired = "schema-required";
inline constexpr std::string_view kType = "schema-type";
inline constexpr std::string_view kEnum = "schema-enum";
inline constexpr std::string_view kFormat = "schema-format";
inline constexpr std::string_view kRange = "schema-range";
inline constexpr std::string_view kPattern = "schema-pattern";
inline constexpr std::string_view kUnknownField = "schema-unknown-field";
inline constexpr std::string_view kNullPruned = "schema-null-pruned";
inline constexpr std::string_view kNameInvalid = "schema-name-invalid";
inline constexpr std::string_view kLabelInvalid = "schema-label-invalid";
inline constexpr std::string_view kPortInvalid = "schema-port-invalid";

} // namespace berth::check::schema::rule
