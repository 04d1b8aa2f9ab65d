// Node tree construction, lookup and YAML 1.2 core-schema scalar resolution.
#include "yaml/node.h"

#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <limits>

namespace berth::yaml {

Node Node::scalar(std::string value, Style style) {
  Node n;
  n.value_ = std::move(value);
  n.style_ = style;
  return n;
}
Node Node::str(std::string value) { return scalar(std::move(value), Style::DoubleQuoted); }
Node Node::plain(std::string value) { return scalar(std::move(value), Style::Plain); }
Node Node::integer(std::int64_t value) { return plain(std::to_string(value)); }
Node Node::boolean(bool value) { return plain(value ? "true" : "false"); }
Node Node::null() { return plain("null"); }
Node Node::sequence() {
  Node n;
  n.kind_ = Kind::Sequence;
  return n;
}
Node Node::mapping() {
  Node n;
  n.kind_ = Kind::Mapping;
  return n;
}

const char* Node::kind_name() const {
  switch (kind_) {
  case Kind::Scalar: return "scalar";
  case Kind::Sequence: return "sequence";
  case Kind::Mapping: return "mapping";
  }
  return "?";
}

void Node::set_tag(std::string_view tag) { tag_ = tag.empty() ? nullptr : intern(tag); }

namespace {

bool is_digits(std::string_view s, bool (*ok)(char)) {
  if (s.empty()) return false;
  for (char c : s)
    if (!ok(c)) return false;
  return true;
}
bool dec(char c) { return c >= '0' && c <= '9'; }
bool oct(char c) { return c >= '0' && c <= '7'; }
bool hex(char c) { return dec(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }

bool is_int(std::string_view s) {
  if (s.size() > 2 && s[0] == '0' && s[1] == 'o') return is_digits(s.substr(2), oct);
  if (s.size() > 2 && s[0] == '0' && s[1] == 'x') return is_digits(s.substr(2), hex);
  if (!s.empty() && (s[0] == '-' || s[0] == '+')) s.remove_prefix(1);
  return is_digits(s, dec);
}

bool is_float(std::string_view s) {
  if (!s.empty() && (s[0] == '-' || s[0] == '+')) s.remove_prefix(1);
  if (s == ".inf" || s == ".Inf" || s == ".INF") return true;
  if (s == ".nan" || s == ".NaN" || s == ".NAN") return true;
  // [0-9]*(\.[0-9]*)?([eE][-+]?[0-9]+)? with at least one digit in the mantissa
  std::size_t i = 0, digits = 0;
  while (i < s.size() && dec(s[i])) ++i, ++digits;
  if (i < s.size() && s[i] == '.') {
    ++i;
    while (i < s.size() && dec(s[i])) ++i, ++digits;
  }
  if (digits == 0) return false;
  if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
    ++i;
    if (i < s.size() && (s[i] == '-' || s[i] == '+')) ++i;
    std::size_t e = i;
    while (i < s.size() && dec(s[i])) ++i;
    if (i == e) return false;
  }
  return i == s.size();
}

} // namespace

ScalarType resolve_plain(std::string_view s) {
  if (s.empty() || s == "~" || s == "null" || s == "Null" || s == "NULL") return ScalarType::Null;
  if (s == "true" || s == "True" || s == "TRUE" || s == "false" || s == "False" || s == "FALSE")
    return ScalarType::Bool;
  if (is_int(s)) return ScalarType::Int;
  if (is_float(s)) return ScalarType::Float;
  return ScalarType::String;
}

ScalarType Node::type() const {
  std::string_view t = tag();
  if (!t.empty()) {
    if (t == "!!str" || t == "tag:yaml.org,2002:str") return ScalarType::String;
    if (t == "!!int" || t == "tag:yaml.org,2002:int") return ScalarType::Int;
    if (t == "!!float" || t == "tag:yaml.org,2002:float") return ScalarType::Float;
    if (t == "!!bool" || t == "tag:yaml.org,2002:bool") return ScalarType::Bool;
    if (t == "!!null" || t == "tag:yaml.org,2002:null") return ScalarType::Null;
    if (t == "!") return ScalarType::String; // non-specific tag: a string
  }
  if (style_ != Style::Plain) return ScalarType::String;
  return resolve_plain(value_);
}

std::optional<bool> Node::as_bool() const {
  if (!is_scalar() || type() != ScalarType::Bool) return std::nullopt;
  return value_[0] == 't' || value_[0] == 'T';
}

std::optional<std::int64_t> Node::as_int() const {
  if (!is_scalar() || style_ != Style::Plain || !is_int(value_)) return std::nullopt;
  std::string_view s = value_;
  int base = 10;
  if (s.size() > 2 && s[0] == '0' && (s[1] == 'o' || s[1] == 'x')) {
    base = s[1] == 'o' ? 8 : 16;
    s.remove_prefix(2);
  }
  std::string text(s);
  errno = 0;
  char* end = nullptr;
  long long v = std::strtoll(text.c_str(), &end, base);
  if (errno == ERANGE || *end) return std::nullopt;
  return static_cast<std::int64_t>(v);
}

std::optional<double> Node::as_float() const {
  if (!is_scalar() || style_ != Style::Plain) return std::nullopt;
  if (auto i = as_int()) return static_cast<double>(*i);
  if (!is_float(value_)) return std::nullopt;
  std::string_view s = value_;
  bool neg = !s.empty() && s[0] == '-';
  std::string_view body = (!s.empty() && (s[0] == '-' || s[0] == '+')) ? s.substr(1) : s;
  if (body.size() == 4 && body[0] == '.' && (body[1] == 'i' || body[1] == 'I'))
    return neg ? -std::numeric_limits<double>::infinity() : std::numeric_limits<double>::infinity();
  if (body.size() == 4 && body[0] == '.' && (body[1] == 'n' || body[1] == 'N'))
    return std::numeric_limits<double>::quiet_NaN();
  return std::strtod(value_.c_str(), nullptr);
}

Node& Node::push(Node item) { return items_.emplace_back(std::move(item)); }

const Node* Node::find(std::string_view key) const {
  for (const Entry& e : entries_)
    if (e.key.is_scalar() && e.key.value_ == key) return &e.value;
  return nullptr;
}

Node* Node::find(std::string_view key) {
  return const_cast<Node*>(static_cast<const Node*>(this)->find(key));
}

std::string Node::text(std::string_view key) const {
  const Node* n = is_mapping() ? find(key) : nullptr;
  return n && n->is_scalar() && !n->is_null() ? n->value_ : std::string();
}

Node& Node::set(std::string_view key, Node value) {
  if (Node* existing = find(key)) {
    *existing = std::move(value);
    return *existing;
  }
  return add(Node::str(std::string(key)), std::move(value));
}

Node& Node::add(Node key, Node value) {
  // Built in place: no temporary Entry to move. (Reserving room for a few entries at the first
  // one saves the moves on growth but, measured, costs a third more memory: many mappings hold
  // a single key.)
  return entries_.emplace_back(std::move(key), std::move(value)).value;
}

bool Node::erase(std::string_view key) {
  for (auto it = entries_.begin(); it != entries_.end(); ++it)
    if (it->key.is_scalar() && it->key.value_ == key) {
      entries_.erase(it);
      return true;
    }
  return false;
}

std::size_t Node::size() const {
  switch (kind_) {
  case Kind::Sequence: return items_.size();
  case Kind::Mapping: return entries_.size();
  default: return 0;
  }
}

bool operator==(const Node& a, const Node& b) {
  if (a.kind_ != b.kind_ || a.tag_ != b.tag_) return false;
  switch (a.kind_) {
  case Kind::Scalar: {
    ScalarType ta = a.type(), tb = b.type();
    if (ta != tb) return false;
    if (ta == ScalarType::Null) return true; // "~" == "null" == ""
    return a.value_ == b.value_;
  }
  case Kind::Sequence: return a.items_ == b.items_;
  case Kind::Mapping:
    if (a.entries_.size() != b.entries_.size()) return false;
    for (std::size_t i = 0; i < a.entries_.size(); ++i)
      if (!(a.entries_[i].key == b.entries_[i].key) || !(a.entries_[i].value == b.entries_[i].value))
        return false;
    return true;
  }
  return false;
}

} // namespace berth::yaml
