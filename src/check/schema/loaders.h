// Loading schema sources into a registry: --openapi documents and --crds files/directories.
#pragma once

#include <string>
#include <string_view>

namespace berth::check::schema {

class Registry;

// An OpenAPI v2 document (`kubectl get --raw /openapi/v2`), or a bare {"definitions": …}
// map, JSON or YAML. Every definition with x-kubernetes-group-version-kind becomes a kind;
// its group/versions count as complete. Throws berth::Error (file:line:col) when the file
// cannot be read or is not such a document.
void load_openapi_file(Registry& registry, const std::string& path);
void load_openapi_text(Registry& registry, std::string_view text, const std::string& name);

// CustomResourceDefinitions (apiextensions.k8s.io/v1, and v1beta1's single schema) from a
// file or, recursively, a directory's *.yaml/*.yml/*.json files in name order; documents of
// other kinds are ignored. Every served version becomes a kind. Throws berth::Error.
void load_crds_path(Registry& registry, const std::string& path);
void load_crds_text(Registry& registry, std::string_view text, const std::string& name);

} // namespace berth::check::schema
