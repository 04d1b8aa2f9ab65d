// berth's YAML node tree: ordered mappings, scalar style and tag kept, source location per node.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/error.h"

namespace berth::yaml {

enum class Kind : std::uint8_t { Scalar, Sequence, Mapping };

// How a scalar was written (or should be treated). Anything but Plain is a string; the emitter
// chooses the final quoting itself, so builders only need Plain (numbers, bools) vs Quoted.
enum class Style : std::uint8_t { Plain, SingleQuoted, DoubleQuoted, Literal, Folded };

// Type of a scalar after YAML 1.2 core-schema resolution (plain scalars only; quoted → String).
enum class ScalarType : std::uint8_t { Null, Bool, Int, Float, String };

class Node;
struct Entry;

class Node {
public:
  Node() = default; // a plain empty scalar: null

  // --- construction -----------------------------------------------------------------------
  static Node str(std::string value);   // a string; emitted quoted only when it must be
  static Node plain(std::string value); // emitted verbatim (numbers, booleans, null)
  static Node integer(std::int64_t value);
  static Node boolean(bool value);
  static Node null();
  static Node sequence();
  static Node mapping();
  static Node scalar(std::string value, Style style);

  // --- common -------------------------------------------------------------------------------
  Kind kind() const { return kind_; }
  bool is_scalar() const { return kind_ == Kind::Scalar; }
  bool is_sequence() const { return kind_ == Kind::Sequence; }
  bool is_mapping() const { return kind_ == Kind::Mapping; }
  const char* kind_name() const; // "scalar", "sequence", "mapping" — for error messages

  const Location& loc() const { return loc_; }
  void set_loc(Location loc) { loc_ = loc; }

  // Tag as written ("!reset", "!!str", "tag:yaml.org,2002:int"); empty when none.
  std::string_view tag() const { return tag_ ? std::string_view(*tag_) : std::string_view(); }
  void set_tag(std::string_view tag);

  // --- scalars ------------------------------------------------------------------------------
  const std::string& value() const { return value_; }
  void set_value(std::string v) { value_ = std::move(v); }
  Style style() const { return style_; }
  void set_style(Style s) { style_ = s; }
  ScalarType type() const; // resolution honours !!str/!!int/... tags and quoting
  bool is_null() const { return is_scalar() && type() == ScalarType::Null; }
  bool is_string() const { return is_scalar() && type() == ScalarType::String; }
  std::optional<bool> as_bool() const;
  std::optional<std::int64_t> as_int() const; // decimal, 0o octal, 0x hex
  std::optional<double> as_float() const;     // ints too; .inf/.nan

  // --- sequences ----------------------------------------------------------------------------
  std::vector<Node>& items() { return items_; }
  const std::vector<Node>& items() const { return items_; }
  Node& push(Node item);

  // --- mappings (insertion order kept; keys are usually scalars) ----------------------------
  std::vector<Entry>& entries() { return entries_; }
  const std::vector<Entry>& entries() const { return entries_; }
  const Node* find(std::string_view key) const; // scalar key lookup, nullptr when absent
  Node* find(std::string_view key);
  bool has(std::string_view key) const { return find(key) != nullptr; }
  // Text of the scalar at `key`; "" when absent, null, or not a scalar (mappings only).
  std::string text(std::string_view key) const;
  Node& set(std::string_view key, Node value); // replaces in place, or appends
  Node& add(Node key, Node value);             // appends without a duplicate check
  bool erase(std::string_view key);

  // Number of items (sequence) or entries (mapping); 0 for scalars.
  std::size_t size() const;

  // Semantic equality: kinds, tags, resolved scalar type and text, order of entries.
  // Quoting style is ignored ('a' == "a" == a), as is location.
  friend bool operator==(const Node& a, const Node& b);

private:
  Kind kind_ = Kind::Scalar;
  Style style_ = Style::Plain;
  const std::string* tag_ = nullptr; // interned
  Location loc_;
  std::string value_;
  std::vector<Node> items_;
  std::vector<Entry> entries_;
};

struct Entry {
  Node key;
  Node value;
};

// Resolves a plain scalar's text with the YAML 1.2 core schema.
ScalarType resolve_plain(std::string_view text);

} // namespace berth::yaml
