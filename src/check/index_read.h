// Tolerant readers shared by the Index extractors: a field of the wrong type reads as absent
// (schema rules report types; the set-level rules just skip what they cannot read).
#pragma once

#include <string>
#include <string_view>

#include "check/index_data.h"
#include "yaml/node.h"

namespace berth::check::index_read {

// The value at `key` of mapping `n` when it has the wanted shape; nullptr otherwise.
const yaml::Node* mapping_at(const yaml::Node* n, std::string_view key);
const yaml::Node* sequence_at(const yaml::Node* n, std::string_view key);
const yaml::Node* scalar_at(const yaml::Node* n, std::string_view key); // non-null scalars only

// Text of a non-null scalar at `key` ("" otherwise).
std::string text_at(const yaml::Node* n, std::string_view key);
// Integer at `key` (a plain YAML int; a quoted "3" is a schema error and reads as absent).
bool int_at(const yaml::Node* n, std::string_view key, std::int64_t& out);
// `optional: true` on a ConfigMap/Secret reference.
bool is_optional(const yaml::Node* ref);

// A mapping of string → string (labels); non-scalar values are skipped and clear `readable`.
Labels read_labels(const yaml::Node* map, bool* readable = nullptr);
// A LabelSelector (matchLabels/matchExpressions), or with `plain` a Service's flat map.
Selector read_selector(const yaml::Node* parent, std::string_view key, bool plain);
// An int-or-percent scalar ("25%", 1).
IntOrPercent read_int_or_percent(const yaml::Node* n, std::string_view key);
// cpu / memory / ephemeral-storage of a resource map (requests, limits, min, max...).
void read_amounts(const yaml::Node* map, Amounts& out);
// One quantity: cpu-like names in millicores (via quantity_millis), the others in bytes.
bool read_quantity(const yaml::Node& scalar, bool millis, Amount& out);

// Normalized path for matching files against kustomization resources ("./a/../b.yaml" → "b.yaml").
std::string normalize_path(std::string_view path);
// Directory of a normalized file path ("." when none).
std::string parent_dir(const std::string& normalized);

} // namespace berth::check::index_read
