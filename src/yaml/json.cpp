// Node tree ↔ JSON: scalars by resolved type, keys as strings, order kept.
#include "yaml/json.h"

#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <string>

namespace berth::yaml {

using json = nlohmann::ordered_json;

namespace {

json int_json(const Node& n) {
  if (auto i = n.as_int()) return *i;
  // Beyond int64 (or written under an explicit !!int tag): an unsigned 64-bit value if it fits,
  // else a double when it is decimal, else the text itself so nothing is silently lost.
  const std::string& s = n.value();
  if (!s.empty() && s.find_first_not_of("+0123456789") == std::string::npos) {
    errno = 0;
    char* end = nullptr;
    unsigned long long u = std::strtoull(s.c_str() + (s[0] == '+'), &end, 10);
    if (errno == 0 && *end == 0 && s[0] != '-') return static_cast<std::uint64_t>(u);
  }
  if (!s.empty() && s.find_first_not_of("+-0123456789") == std::string::npos)
    return std::strtod(s.c_str(), nullptr);
  return s;
}

json float_json(const Node& n) {
  std::optional<double> d = n.as_float();
  if (!d) {
    char* end = nullptr;
    double v = std::strtod(n.value().c_str(), &end);
    if (end && *end == 0 && end != n.value().c_str()) d = v;
  }
  if (!d || !std::isfinite(*d)) return n.value(); // JSON has no .inf/.nan: keep the text
  return *d;
}

json scalar_json(const Node& n) {
  switch (n.type()) {
  case ScalarType::Null: return nullptr;
  case ScalarType::Bool: {
    auto b = n.as_bool();
    return b ? json(*b) : json(n.value());
  }
  case ScalarType::Int: return int_json(n);
  case ScalarType::Float: return float_json(n);
  case ScalarType::String: break;
  }
  return n.value();
}

std::string key_text(const Node& key) {
  if (key.is_scalar()) return key.value();
  return to_json(key).dump(); // non-scalar keys: their compact JSON text
}

} // namespace

json to_json(const Node& node) {
  switch (node.kind()) {
  case Kind::Scalar: return scalar_json(node);
  case Kind::Sequence: {
    json arr = json::array();
    for (const Node& item : node.items()) arr.push_back(to_json(item));
    return arr;
  }
  case Kind::Mapping: {
    json obj = json::object();
    for (const Entry& e : node.entries()) obj[key_text(e.key)] = to_json(e.value);
    return obj;
  }
  }
  return nullptr;
}

Node from_json(const json& j) {
  switch (j.type()) {
  case json::value_t::null: return Node::null();
  case json::value_t::boolean: return Node::boolean(j.get<bool>());
  case json::value_t::number_integer:
  case json::value_t::number_unsigned:
  case json::value_t::number_float: return Node::plain(j.dump());
  case json::value_t::string: return Node::str(j.get<std::string>());
  case json::value_t::array: {
    Node seq = Node::sequence();
    seq.items().reserve(j.size());
    for (const json& item : j) seq.push(from_json(item));
    return seq;
  }
  case json::value_t::object: {
    Node map = Node::mapping();
    map.entries().reserve(j.size());
    for (auto it = j.begin(); it != j.end(); ++it) map.add(Node::str(it.key()), from_json(it.value()));
    return map;
  }
  default: return Node::null(); // binary / discarded: not produced by JSON text
  }
}

} // namespace berth::yaml
