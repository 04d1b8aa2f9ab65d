// Shape checking and rewriting primitives shared by the Compose canonicalization files.
#pragma once

#include <cstdint>
#include <functional>
#include <initializer_list>
#include <string>
#include <string_view>

#include "yaml/node.h"

namespace berth::compose::canon {

using yaml::Node;

// Scalar types a field accepts (bit set). Num covers integers and floats.
enum : unsigned { Str = 1, Int = 2, Num = 4, Bool = 8, Null = 16 };

// A check validates the node at `path` and may rewrite it into its canonical form in place.
using Check = std::function<void(Node& node, const std::string& path)>;

struct Field {
  std::string_view key;
  Check check;
};

// Throws berth::Error at `at`'s location: "<path>: <message>".
[[noreturn]] void fail(const Node& at, const std::string& path, const std::string& message);
// "expected <expected>, got <what n is>".
[[noreturn]] void fail_expected(const Node& at, const std::string& path, std::string_view expected);
// Human description of a node for messages: `a mapping`, `the string "x"`, `the integer 3`.
std::string describe(const Node& n);

std::string join(const std::string& path, std::string_view key);
std::string index(const std::string& path, std::size_t i);

// Runs `check` on `n`, skipping `!reset` values (their content is ignored by the merge) and
// keeping `!reset`/`!override` tags on the rewritten node.
void run(const Check& check, Node& n, const std::string& path);

// Validates a mapping with a fixed set of keys (plus x-* extensions) and runs each field's check.
void check_object(Node& n, const std::string& path, std::initializer_list<Field> fields);
// Same, for fields given as a vector (tables built once).
void check_object(Node& n, const std::string& path, const std::vector<Field>& fields,
                  std::string_view what = "key");

// True for scalar types in `types` (strings accept every non-null, non-bool scalar because a
// plain `80` written where text is expected is still text).
bool scalar_is(const Node& n, unsigned types);
// Text of a scalar the way Compose stringifies it: booleans lower-case, integers in decimal.
std::string scalar_text(const Node& n);
// A string node holding scalar_text(n), at n's location.
Node text_node(const Node& n);
Node make_str(std::string value, const Node& at);
Node make_int(std::int64_t value, const Node& at);
Node make_bool(bool value, const Node& at);
Node make_map(const Node& at);
Node make_seq(const Node& at);

// --- check factories -----------------------------------------------------------------------
Check scalar(unsigned types, std::string expected); // validates only
Check string();                                     // any non-null, non-bool scalar
Check boolean();                                    // bool or a string ("true" after interpolation)
Check integer();                                    // int or numeric string
Check number();                                     // int/float or string
Check one_of(std::initializer_list<std::string_view> values);
Check duration();                                   // Go duration string, validated when possible
Check string_list();                                // sequence of strings (numbers stringified)
Check string_or_list();                             // string → [string]; list of strings
Check command();                                    // null, string or list of strings, kept
// list ["K=V", "K"] or map → map; `null_value` is what a bare "K" or a null value becomes
// (environment keeps null, labels use "").
Check list_or_dict(bool keep_null);
Check object(std::vector<Field> fields);
Check list_of(Check item);
Check map_of(Check value, std::string what); // mapping with free keys, each value checked
Check any();                                 // kept as-is (free-form content such as storage_opt)

} // namespace berth::compose::canon
