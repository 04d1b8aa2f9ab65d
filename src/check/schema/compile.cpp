// Schema compiler: resolves $refs, reads types/formats/enums/bounds/extensions, applies the
// Kubernetes semantics table, and lays every object's properties out in a hash table.
#include "check/schema/compile.h"

#include <cmath>

#include "check/schema/pattern.h"
#include "check/schema/semantics.h"

namespace berth::check::schema {

namespace {

[[noreturn]] void bad(const yaml::Node& at, const std::string& message) {
  throw Error(at.loc(), message);
}

std::uint8_t accept_of(const yaml::Node& type) {
  if (!type.is_scalar()) bad(type, "schema `type` must be a string");
  const std::string& t = type.value();
  if (t == "object") return kObject;
  if (t == "array") return kArray;
  if (t == "string") return kString;
  if (t == "integer") return kInteger;
  if (t == "number") return kNumber | kInteger;
  if (t == "boolean") return kBoolean;
  if (t == "null") return 0;
  bad(type, "unknown schema type \"" + t + "\"");
}

bool flag(const yaml::Node* n, std::string_view key) {
  if (!n) return false;
  std::optional<bool> b = n->as_bool();
  if (!b) bad(*n, std::string(key) + " must be true or false");
  return *b;
}

std::uint32_t count(const yaml::Node* n, std::string_view key, std::uint32_t fallback) {
  if (!n) return fallback;
  std::optional<std::int64_t> v = n->as_int();
  if (!v || *v < 0) bad(*n, std::string(key) + " must be a non-negative integer");
  return *v > 0xFFFFFFFEll ? kUnbounded - 1 : static_cast<std::uint32_t>(*v);
}

bool number(const yaml::Node* n, std::string_view key, double& out) {
  if (!n) return false;
  std::optional<double> v = n->is_scalar() ? n->as_float() : std::nullopt;
  if (!v || std::isnan(*v)) bad(*n, std::string(key) + " must be a number");
  out = *v;
  return true;
}

// "#/definitions/X" (v2) or "#/components/schemas/X" (v3) → "X".
std::string_view ref_name(const yaml::Node& ref) {
  if (!ref.is_scalar()) bad(ref, "$ref must be a string");
  std::string_view r = ref.value();
  for (std::string_view prefix : {"#/definitions/", "#/components/schemas/"})
    if (r.substr(0, prefix.size()) == prefix) return r.substr(prefix.size());
  bad(ref, "unsupported $ref \"" + ref.value() + "\" (only local #/definitions/ references)");
}

EnumValue enum_value(const yaml::Node& v) {
  switch (v.type()) {
  case yaml::ScalarType::String:
    return {kString, v.value()};
  case yaml::ScalarType::Bool:
    return {kBoolean, *v.as_bool() ? "true" : "false"};
  case yaml::ScalarType::Int: {
    std::optional<std::int64_t> i = v.as_int();
    return {kInteger, i ? std::to_string(*i) : v.value()};
  }
  case yaml::ScalarType::Float:
    return {kNumber, v.value()};
  case yaml::ScalarType::Null:
    return {0, "null"};
  }
  return {kString, v.value()};
}

// The keywords a schema may carry, gathered in one pass over its mapping (schemas are read
// keyword by keyword below; one pass instead of a lookup per keyword).
struct Keys {
  const yaml::Node *type = nullptr, *format = nullptr, *int_or_string = nullptr, *any_of = nullptr,
                   *one_of = nullptr, *nullable = nullptr, *embedded = nullptr, *preserve = nullptr,
                   *minimum = nullptr, *maximum = nullptr, *exclusive_minimum = nullptr,
                   *exclusive_maximum = nullptr, *min_items = nullptr, *max_items = nullptr,
                   *min_length = nullptr, *max_length = nullptr, *min_props = nullptr,
                   *max_props = nullptr, *pattern = nullptr, *enumeration = nullptr,
                   *properties = nullptr, *items = nullptr, *additional = nullptr,
                   *required = nullptr;

  explicit Keys(const yaml::Node& s) {
    for (const yaml::Entry& e : s.entries()) {
      if (!e.key.is_scalar()) continue;
      const std::string& k = e.key.value();
      const yaml::Node* v = &e.value;
      if (k == "type")
        type = v;
      else if (k == "properties")
        properties = v;
      else if (k == "items")
        items = v;
      else if (k == "format")
        format = v;
      else if (k == "required")
        required = v;
      else if (k == "additionalProperties")
        additional = v;
      else if (k == "enum")
        enumeration = v;
      else if (k.starts_with("x-kubernetes-")) {
        std::string_view x = std::string_view(k).substr(13);
        if (x == "int-or-string")
          int_or_string = v;
        else if (x == "preserve-unknown-fields")
          preserve = v;
        else if (x == "embedded-resource")
          embedded = v;
      } else if (k == "nullable")
        nullable = v;
      else if (k == "anyOf")
        any_of = v;
      else if (k == "oneOf")
        one_of = v;
      else if (k == "pattern")
        pattern = v;
      else if (k == "minimum")
        minimum = v;
      else if (k == "maximum")
        maximum = v;
      else if (k == "exclusiveMinimum")
        exclusive_minimum = v;
      else if (k == "exclusiveMaximum")
        exclusive_maximum = v;
      else if (k == "minItems")
        min_items = v;
      else if (k == "maxItems")
        max_items = v;
      else if (k == "minLength")
        min_length = v;
      else if (k == "maxLength")
        max_length = v;
      else if (k == "minProperties")
        min_props = v;
      else if (k == "maxProperties")
        max_props = v;
    }
  }
};

} // namespace

Compiler::Compiler(Graph& graph, Dialect dialect, const yaml::Node* definitions,
                   std::uint32_t object_meta)
    : graph_(graph), dialect_(dialect), definitions_(definitions), object_meta_(object_meta) {}

std::uint32_t Compiler::any_type() {
  if (any_ == kNoType) {
    Type t;
    t.additional = Additional::Any;
    any_ = graph_.add(std::move(t));
  }
  return any_;
}

std::uint32_t Compiler::definition(std::string_view name, const Location& where) {
  auto it = done_.find(std::string(name));
  if (it != done_.end()) return it->second;
  const yaml::Node* def =
      definitions_ && definitions_->is_mapping() ? definitions_->find(name) : nullptr;
  if (!def) throw Error(where, "$ref to an undefined definition \"" + std::string(name) + "\"");
  std::uint32_t index = graph_.reserve();
  done_.emplace(std::string(name), index); // before compiling: recursive definitions
  compile_into(index, *def, name);
  return index;
}

std::uint32_t Compiler::resource(const yaml::Node& node, std::string_view name) {
  return compile_into(graph_.reserve(), node, name, nullptr, true);
}

std::uint32_t Compiler::schema(const yaml::Node& node, std::string_view name) {
  if (node.is_mapping()) {
    if (const yaml::Node* ref = node.find("$ref")) return definition(ref_name(*ref), ref->loc());
    // OpenAPI v3 wraps a $ref with siblings as allOf: [{$ref}]
    const yaml::Node* all = node.find("allOf");
    if (all && all->is_sequence() && all->size() == 1 && all->items()[0].is_mapping() &&
        !node.has("properties") && !node.has("type"))
      if (const yaml::Node* ref = all->items()[0].find("$ref"))
        return definition(ref_name(*ref), ref->loc());
  }
  return compile_into(graph_.reserve(), node, name);
}

// A property's schema with the semantics table's enum (for $refs the enum does not apply).
std::uint32_t Compiler::inline_schema(const yaml::Node& node, const Values* extra_enum) {
  if (!extra_enum || !node.is_mapping() || node.has("$ref") || node.has("allOf"))
    return schema(node);
  return compile_into(graph_.reserve(), node, {}, extra_enum);
}

std::uint32_t Compiler::compile_into(std::uint32_t index, const yaml::Node& s,
                                     std::string_view name, const Values* extra_enum,
                                     bool resource) {
  if (!s.is_mapping()) bad(s, "a schema must be a mapping");
  if (++depth_ > 256) bad(s, "schema nested deeper than 256 levels");
  struct Leave {
    std::size_t& d;
    ~Leave() { --d; }
  } leave{depth_};

  Keys k(s);
  Type t;
  t.name = name.empty() ? nullptr : intern(name);
  bool crd = dialect_ == Dialect::Crd;
  bool has_type = false;
  if (const yaml::Node* type = k.type) {
    t.accept = accept_of(*type);
    has_type = t.accept != 0;
  }
  if (const yaml::Node* f = k.format; f && f->is_scalar()) {
    const std::string& fmt = f->value();
    if (fmt == "int32")
      t.format = Format::Int32;
    else if (fmt == "int64")
      t.format = Format::Int64;
    else if (fmt == "byte")
      t.format = Format::Byte;
    else if (fmt == "date-time")
      t.format = Format::DateTime;
    else if (fmt == "date")
      t.format = Format::Date;
    else if (fmt == "int-or-string")
      t.accept = kString | kInteger, has_type = true;
  }
  if (flag(k.int_or_string, "x-kubernetes-int-or-string")) {
    t.accept = kString | kInteger;
    has_type = true;
  }
  if (!has_type) {
    // No `type`: the union of anyOf/oneOf branch types when each branch names one.
    std::uint8_t mask = 0;
    bool all_typed = false;
    for (const yaml::Node* branches : {k.any_of, k.one_of}) {
      if (!branches || !branches->is_sequence() || branches->size() == 0) continue;
      all_typed = true;
      for (const yaml::Node& b : branches->items()) {
        const yaml::Node* bt = b.is_mapping() ? b.find("type") : nullptr;
        if (!bt) {
          all_typed = false;
          break;
        }
        mask |= accept_of(*bt);
      }
      break;
    }
    t.accept = all_typed ? mask : 0;
  }
  if (!has_type && t.accept == 0) { // untyped but shaped: properties/items say what it is
    if (k.properties || k.additional)
      t.accept = kObject;
    else if (k.items)
      t.accept = kArray;
  }
  if (name == kQuantity) {
    t.accept = kString | kNumber | kInteger;
    t.format = Format::Quantity;
  } else if (name == kIntOrString) {
    t.accept = kString | kInteger;
  }

  if (flag(k.nullable, "nullable")) t.flags |= kNullable;
  if (crd) t.flags |= kPruneNulls;
  bool embedded = flag(k.embedded, "x-kubernetes-embedded-resource") || resource;
  if (embedded) t.flags |= kEmbedded;
  bool preserve = flag(k.preserve, "x-kubernetes-preserve-unknown-fields");

  if (number(k.minimum, "minimum", t.minimum)) t.flags |= kHasMinimum;
  if (number(k.maximum, "maximum", t.maximum)) t.flags |= kHasMaximum;
  if (const yaml::Node* e = k.exclusive_minimum; e && e->as_bool().value_or(false))
    t.flags |= kExclusiveMinimum;
  if (const yaml::Node* e = k.exclusive_maximum; e && e->as_bool().value_or(false))
    t.flags |= kExclusiveMaximum;
  t.min_items = count(k.min_items, "minItems", 0);
  t.max_items = count(k.max_items, "maxItems", kUnbounded);
  t.min_length = count(k.min_length, "minLength", 0);
  t.max_length = count(k.max_length, "maxLength", kUnbounded);
  t.min_props = count(k.min_props, "minProperties", 0);
  t.max_props = count(k.max_props, "maxProperties", kUnbounded);

  if (const yaml::Node* p = k.pattern) {
    if (!p->is_scalar()) bad(*p, "pattern must be a string");
    ++patterns_;
    std::string why;
    if (auto compiled = Pattern::compile(p->value(), &why))
      t.pattern = graph_.add_pattern(std::move(compiled));
    else
      skipped_patterns_.push_back(p->loc().str() + ": " + why);
  }

  std::vector<EnumValue> enums;
  if (const yaml::Node* e = k.enumeration) {
    if (!e->is_sequence()) bad(*e, "enum must be a list");
    for (const yaml::Node& v : e->items())
      if (v.is_scalar()) enums.push_back(enum_value(v));
  }
  const yaml::Node* items = k.items;
  if (extra_enum && enums.empty() && !(items && items->is_mapping()))
    for (std::string_view v : *extra_enum)
      enums.push_back({kString, std::string(v)});

  std::vector<Prop> props;
  const yaml::Node* properties = k.properties;
  if (properties) {
    if (!properties->is_mapping()) bad(*properties, "properties must be a mapping");
    props.reserve(properties->size());
    for (const yaml::Entry& e : properties->entries()) {
      Prop p;
      p.name = *intern(e.key.value());
      p.type = name.empty() ? schema(e.value) : inline_schema(e.value, property_enum(name, p.name));
      if (!name.empty()) p.format = property_format(name, p.name);
      props.push_back(p);
    }
  }
  if (items) {
    if (items->is_mapping())
      t.items = inline_schema(*items, extra_enum);
    else if (!items->is_sequence())
      bad(*items, "items must be a schema");
  }

  const yaml::Node* additional = k.additional;
  if (additional) {
    if (additional->is_mapping()) {
      t.additional = Additional::Schema;
      t.additional_type = schema(*additional);
    } else {
      std::optional<bool> b = additional->as_bool();
      if (!b) bad(*additional, "additionalProperties must be a schema or a boolean");
      t.additional = *b ? Additional::Any : Additional::Reject;
    }
  } else if (preserve) {
    t.additional = Additional::Any;
  } else if (!crd && !properties) {
    t.additional = Additional::Any; // free-form built-in object (RawExtension, FieldsV1…)
  }
  if (preserve && t.additional == Additional::Reject) t.additional = Additional::Any;

  if (embedded) {
    // apiVersion/kind/metadata are implied; metadata is validated as ObjectMeta.
    auto ensure = [&](std::string_view key, std::uint32_t type) {
      for (Prop& p : props)
        if (p.name == key) {
          if (type != kNoType) p.type = type;
          return;
        }
      Prop p;
      p.name = key;
      p.type = type == kNoType ? any_type() : type;
      props.push_back(p);
    };
    ensure("apiVersion", kNoType);
    ensure("kind", kNoType);
    ensure("metadata", object_meta_);
  }

  if (const yaml::Node* required = k.required) {
    if (!required->is_sequence()) bad(*required, "required must be a list");
    for (const yaml::Node& r : required->items()) {
      if (!r.is_scalar()) bad(r, "required entries must be strings");
      bool found = false;
      for (Prop& p : props)
        if (p.name == r.value()) p.required = found = true;
      if (!found) { // required but undeclared: accept any value, insist on presence
        Prop p;
        p.name = *intern(r.value());
        p.type = any_type();
        p.required = true;
        props.push_back(p);
      }
    }
  }
  graph_.define(index, std::move(t), props, enums);
  return index;
}

} // namespace berth::check::schema
