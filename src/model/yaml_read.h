// Typed reads from YAML nodes with errors at file:line:column naming the path and the
// expected shape — shared by the x-berth reader and the Compose → model step.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "yaml/node.h"

namespace berth::model {

// "mapping", "sequence", "null", "integer 5", "string \"abc\"" — the found side of an error.
std::string describe(const yaml::Node& n);

// Throws berth::Error at n: "<path>: expected <expected>, got <describe(n)>".
[[noreturn]] void fail_expected(const yaml::Node& n, std::string_view path,
                                std::string_view expected);

const yaml::Node& expect_mapping(const yaml::Node& n, std::string_view path);
const yaml::Node& expect_sequence(const yaml::Node& n, std::string_view path);

// Any non-null scalar's text (numbers and booleans as written).
std::string read_string(const yaml::Node& n, std::string_view path);
// Integer, also from a string of digits (Compose values are often strings after interpolation).
std::int64_t read_int(const yaml::Node& n, std::string_view path);
// Integer within [lo, hi].
std::int64_t read_int_in(const yaml::Node& n, std::string_view path, std::int64_t lo,
                         std::int64_t hi);
double read_number(const yaml::Node& n, std::string_view path);
// Boolean, also from the strings "true"/"false" (schema allows both).
bool read_bool(const yaml::Node& n, std::string_view path);
// Sequence of scalars; a single scalar when `allow_scalar` (string_or_list).
std::vector<std::string> read_string_list(const yaml::Node& n, std::string_view path,
                                          bool allow_scalar = false);
// Mapping of scalars (null → ""), or a list of "KEY=VALUE" strings.
std::map<std::string, std::string> read_string_map(const yaml::Node& n, std::string_view path);

} // namespace berth::model
