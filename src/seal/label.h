// Sealing scopes and the RSA-OAEP label each binds a value to (sealed-secrets' scope rules).
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "yaml/node.h"

namespace berth::seal {

enum class Scope { Strict, NamespaceWide, ClusterWide };

inline constexpr std::string_view kNamespaceWideAnnotation = "sealedsecrets.bitnami.com/namespace-wide";
inline constexpr std::string_view kClusterWideAnnotation = "sealedsecrets.bitnami.com/cluster-wide";

// "strict" | "namespace-wide" | "cluster-wide"; nullopt for anything else.
std::optional<Scope> parse_scope(std::string_view text);
std::string_view scope_name(Scope scope);

// strict → "<ns>/<name>", namespace-wide → "<ns>", cluster-wide → "". Throws berth::Error when
// the scope needs a namespace or name that is empty.
std::string label_for(Scope scope, std::string_view ns, std::string_view name);

// Scope declared by an object's metadata.annotations (the controller reads the SealedSecret's
// own annotations); nullopt when neither annotation is "true". Both set → cluster-wide wins,
// as in the controller.
std::optional<Scope> scope_from_metadata(const yaml::Node* metadata);

// Removes both scope annotations, then adds the one `scope` needs (strict needs none). An
// annotations mapping left empty is removed.
void set_scope_annotations(yaml::Node& metadata, Scope scope);

} // namespace berth::seal
