// The compiled schema type graph: flat arrays of types and properties, hashed property lookup,
// read-only once built (shared by the worker threads without locks).
#pragma once

#include <cstdint>
#include <limits>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace berth::check::schema {

// JSON value kinds a type accepts (bit set); 0 = any value.
enum Accept : std::uint8_t {
  kObject = 1,
  kArray = 2,
  kString = 4,
  kInteger = 8,
  kNumber = 16, // integers are numbers too; the validator knows
  kBoolean = 32,
};

// Checks beyond the JSON type: OpenAPI formats and the Kubernetes validation rules that the
// OpenAPI document does not carry (port ranges, DNS names, label syntax), attached by
// semantics.cpp to the properties that have them.
enum class Format : std::uint8_t {
  None,
  Int32,
  Int64,
  Byte,             // base64
  DateTime,         // RFC 3339
  Date,             // RFC 3339 full-date
  Quantity,         // Kubernetes resource quantity (string form)
  Port,             // 1–65535
  PortOrZero,       // 0 (unset) or 1–65535
  PortOrName,       // int-or-string: 1–65535 or an IANA_SVC_NAME
  IanaSvcName,      // ≤15 chars, [a-z0-9-], a letter, no "--", no leading/trailing '-'
  Dns1123Label,     // ≤63 chars
  Dns1123Subdomain, // ≤253 chars
  ObjectName,       // metadata.name: rule by kind at the root, DNS-1123 subdomain elsewhere
  LabelMap,         // mapping of label keys to label values
  AnnotationMap,    // mapping of qualified-name keys to any strings, total ≤256 KiB
  LabelKey,         // one qualified name (label selector requirement key)
  ConfigKeyMap,     // ConfigMap/Secret data keys: [-._a-zA-Z0-9]+, ≤253
};

inline constexpr std::uint32_t kNoType = std::numeric_limits<std::uint32_t>::max();
inline constexpr std::uint32_t kUnbounded = std::numeric_limits<std::uint32_t>::max();

// What an object does with keys it does not declare.
enum class Additional : std::uint8_t {
  Reject, // unknown field (strict, like the API server)
  Any,    // free-form (preserve-unknown-fields, additionalProperties: true, RawExtension…)
  Schema, // a map: every other value has type `additional_type`
};

enum TypeFlag : std::uint16_t {
  kNullable = 1,   // null is a value here (CRD `nullable: true`)
  kPruneNulls = 2, // CRD semantics: a non-nullable null is dropped by the API server
  kHasMinimum = 4,
  kHasMaximum = 8,
  kExclusiveMinimum = 16,
  kExclusiveMaximum = 32,
  kEmbedded = 64, // x-kubernetes-embedded-resource: apiVersion/kind/metadata implied
};

// A scalar an enum allows, kept in the form the validator compares: strings by text, numbers
// and booleans by their canonical text.
struct EnumValue {
  std::uint8_t accept; // one Accept bit (kString, kInteger, kNumber, kBoolean) or 0 for null
  std::string text;
};

struct Type {
  std::uint8_t accept = 0;
  Format format = Format::None;
  Additional additional = Additional::Reject;
  std::uint16_t flags = 0;
  std::uint32_t additional_type = kNoType;
  std::uint32_t items = kNoType;
  std::uint32_t props_first = 0, props_count = 0; // Graph::props()
  std::uint32_t slots_first = 0, slots_mask = 0;  // Graph::slots(); mask = size - 1
  std::uint32_t required_count = 0;
  std::uint32_t enum_first = 0, enum_count = 0; // Graph::enums()
  std::uint32_t pattern = kNoType;              // Graph::patterns() index
  std::uint32_t min_items = 0, max_items = kUnbounded;
  std::uint32_t min_length = 0, max_length = kUnbounded;
  std::uint32_t min_props = 0, max_props = kUnbounded;
  double minimum = 0, maximum = 0;
  const std::string* name = nullptr; // definition name or schema path (messages), interned
};

struct Prop {
  std::string_view name; // interned storage
  std::uint32_t hash = 0;
  std::uint32_t type = kNoType;
  Format format = Format::None; // semantic format of this property (overrides the type's)
  bool required = false;
};

// FNV-1a; property tables and lookups must agree on it.
inline std::uint32_t hash_key(std::string_view key) {
  std::uint32_t h = 2166136261u;
  for (unsigned char c : key)
    h = (h ^ c) * 16777619u;
  return h;
}

class Pattern; // pattern.h

class Graph {
public:
  Graph();
  ~Graph();
  Graph(Graph&&) noexcept;
  Graph& operator=(Graph&&) noexcept;

  const Type& type(std::uint32_t index) const { return types_[index]; }
  std::size_t type_count() const { return types_.size(); }
  // Properties of `t` in declaration order.
  const Prop* props_begin(const Type& t) const { return props_.data() + t.props_first; }
  const Prop* props_end(const Type& t) const {
    return props_.data() + t.props_first + t.props_count;
  }
  // The declared property `key` of `t`, nullptr when it has none (no allocation).
  const Prop* find(const Type& t, std::string_view key) const {
    if (t.props_count == 0) return nullptr;
    std::uint32_t h = hash_key(key);
    for (std::uint32_t i = h & t.slots_mask;; i = (i + 1) & t.slots_mask) {
      std::uint32_t slot = slots_[t.slots_first + i];
      if (slot == 0) return nullptr;
      const Prop& p = props_[t.props_first + slot - 1];
      if (p.hash == h && p.name == key) return &p;
    }
  }
  const EnumValue* enums_begin(const Type& t) const { return enums_.data() + t.enum_first; }
  const EnumValue* enums_end(const Type& t) const {
    return enums_.data() + t.enum_first + t.enum_count;
  }
  const Pattern& pattern(std::uint32_t index) const { return *patterns_[index]; }

  // --- building (single-threaded, before the graph is shared) ----------------------------
  std::uint32_t reserve(); // a new empty type; fill it with `define`
  void define(std::uint32_t index, Type type, const std::vector<Prop>& props,
              const std::vector<EnumValue>& enums);
  std::uint32_t add_pattern(std::unique_ptr<Pattern> pattern);
  std::uint32_t add(Type type) { // a type without properties or enums
    std::uint32_t i = reserve();
    define(i, std::move(type), {}, {});
    return i;
  }
  Type& mutable_type(std::uint32_t index) { return types_[index]; }
  Prop* mutable_props(const Type& t) { return props_.data() + t.props_first; }

private:
  std::vector<Type> types_;
  std::vector<Prop> props_;
  std::vector<std::uint32_t> slots_; // prop index within the type + 1; 0 = empty
  std::vector<EnumValue> enums_;
  std::vector<std::unique_ptr<Pattern>> patterns_;
};

} // namespace berth::check::schema
