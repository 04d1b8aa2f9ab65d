// Allocation-free readers the policy topics use on every object: a field of a mapping, a scalar's
// text, booleans and integers as the API reads them (wrong types read as "absent"), ASCII text
// tests.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "yaml/node.h"

namespace berth::check::policy {

// The value at `key` when `n` is a mapping that has it; nullptr otherwise (also for n == nullptr).
inline const yaml::Node* get(const yaml::Node* n, std::string_view key) {
  return n && n->is_mapping() ? n->find(key) : nullptr;
}
inline const yaml::Node* get(const yaml::Node& n, std::string_view key) {
  return get(&n, key);
}

// Text of a non-null scalar; "" for anything else. A view into the tree (valid while it lives).
std::string_view text(const yaml::Node* n);
inline std::string_view text_at(const yaml::Node* n, std::string_view key) {
  return text(get(n, key));
}

// A YAML boolean (true/false in any core-schema spelling); nullopt for strings ("true" quoted is
// a type error the schema family reports) and everything else.
std::optional<bool> boolean(const yaml::Node* n);
inline bool is_true(const yaml::Node* n) {
  return boolean(n) == true;
}
inline bool is_false(const yaml::Node* n) {
  return boolean(n) == false;
}

// A plain integer scalar (decimal, or 0x/0o); nullopt otherwise.
std::optional<std::int64_t> integer(const yaml::Node* n);

// Sequence items / mapping entries; empty for anything else, so loops need no type checks.
const std::vector<yaml::Node>& items(const yaml::Node* n);
const std::vector<yaml::Entry>& entries(const yaml::Node* n);
// A non-empty sequence or mapping.
bool non_empty(const yaml::Node* n);

// ASCII case-insensitive comparisons (identifiers, capability names, env names).
bool iequals(std::string_view a, std::string_view b);
bool icontains(std::string_view haystack, std::string_view needle);
bool istarts_with(std::string_view s, std::string_view prefix);
bool iends_with(std::string_view s, std::string_view suffix);

} // namespace berth::check::policy
