// Shape checking primitives for Compose canonicalization: errors, scalar typing, object tables.
#include "compose/canonical_check.h"

#include <algorithm>
#include <cctype>
#include <vector>

#include "common/edit_distance.h"
#include "common/error.h"
#include "compose/units.h"

namespace berth::compose::canon {

void fail(const Node& at, const std::string& path, const std::string& message) {
  throw Error(at.loc(), path.empty() ? message : path + ": " + message);
}

std::string describe(const Node& n) {
  if (n.is_mapping()) return "a mapping";
  if (n.is_sequence()) return "a sequence";
  std::string text = n.value();
  if (text.size() > 60) text = text.substr(0, 57) + "...";
  switch (n.type()) {
  case yaml::ScalarType::Null: return "null";
  case yaml::ScalarType::Bool: return "the boolean " + text;
  case yaml::ScalarType::Int: return "the integer " + text;
  case yaml::ScalarType::Float: return "the number " + text;
  case yaml::ScalarType::String: break;
  }
  return "the string \"" + text + "\"";
}

void fail_expected(const Node& at, const std::string& path, std::string_view expected) {
  fail(at, path, "expected " + std::string(expected) + ", got " + describe(at));
}

std::string join(const std::string& path, std::string_view key) {
  return path.empty() ? std::string(key) : path + "." + std::string(key);
}

std::string index(const std::string& path, std::size_t i) {
  return path + "[" + std::to_string(i) + "]";
}

void run(const Check& check, Node& n, const std::string& path) {
  std::string tag(n.tag());
  if (tag == "!reset") return; // the value is ignored by the merge; any shape is fine
  check(n, path);
  if (tag == "!override" && n.tag() != tag) n.set_tag(tag);
}

namespace {


template <class Fields>
void check_fields(Node& n, const std::string& path, const Fields& fields, std::string_view what) {
  if (!n.is_mapping()) fail_expected(n, path, "a mapping");
  for (yaml::Entry& e : n.entries()) {
    if (!e.key.is_scalar()) fail(e.key, path, "expected a string key, got " + describe(e.key));
    const std::string& key = e.key.value();
    if (key.starts_with("x-")) continue; // extensions are free-form and kept
    auto it = std::find_if(std::begin(fields), std::end(fields),
                           [&](const Field& f) { return f.key == key; });
    if (it == std::end(fields)) {
      std::string message = "unknown " + std::string(what) + " \"" + key + "\"";
      std::string_view best;
      std::size_t best_distance = 3;
      for (const Field& f : fields) {
        std::size_t d = edit_distance(key, f.key);
        if (d < best_distance) best_distance = d, best = f.key;
      }
      if (!best.empty()) {
        message += " (did you mean \"" + std::string(best) + "\"?)";
      } else if (std::size(fields) <= 12) {
        message += " (expected one of";
        for (const Field& f : fields) message += " " + std::string(f.key) + ",";
        message += " or x-*)";
      }
      fail(e.key, path, message);
    }
    if (it->check) run(it->check, e.value, join(path, key));
  }
}

} // namespace

void check_object(Node& n, const std::string& path, std::initializer_list<Field> fields) {
  check_fields(n, path, fields, "key");
}

void check_object(Node& n, const std::string& path, const std::vector<Field>& fields,
                  std::string_view what) {
  check_fields(n, path, fields, what);
}

bool scalar_is(const Node& n, unsigned types) {
  if (!n.is_scalar()) return false;
  switch (n.type()) {
  case yaml::ScalarType::Null: return types & Null;
  case yaml::ScalarType::Bool: return types & Bool;
  case yaml::ScalarType::Int: return types & (Int | Num | Str);
  case yaml::ScalarType::Float: return types & (Num | Str);
  case yaml::ScalarType::String: return types & Str;
  }
  return false;
}

std::string scalar_text(const Node& n) {
  switch (n.type()) {
  case yaml::ScalarType::Bool: return *n.as_bool() ? "true" : "false";
  case yaml::ScalarType::Int:
    if (auto v = n.as_int()) return std::to_string(*v);
    return n.value();
  case yaml::ScalarType::Null: return "";
  default: return n.value();
  }
}

Node make_str(std::string value, const Node& at) {
  Node s = Node::str(std::move(value));
  s.set_loc(at.loc());
  return s;
}
Node make_int(std::int64_t value, const Node& at) {
  Node s = Node::integer(value);
  s.set_loc(at.loc());
  return s;
}
Node make_bool(bool value, const Node& at) {
  Node s = Node::boolean(value);
  s.set_loc(at.loc());
  return s;
}
Node make_map(const Node& at) {
  Node s = Node::mapping();
  s.set_loc(at.loc());
  return s;
}
Node make_seq(const Node& at) {
  Node s = Node::sequence();
  s.set_loc(at.loc());
  return s;
}
Node text_node(const Node& n) { return make_str(scalar_text(n), n); }

Check scalar(unsigned types, std::string expected) {
  return [types, expected](Node& n, const std::string& path) {
    if (!scalar_is(n, types)) fail_expected(n, path, expected);
  };
}

Check string() { return scalar(Str, "a string"); }

Check boolean() {
  return [](Node& n, const std::string& path) {
    if (scalar_is(n, Bool)) return;
    if (scalar_is(n, Str)) {
      std::string v = n.value();
      std::transform(v.begin(), v.end(), v.begin(), [](unsigned char c) { return std::tolower(c); });
      // interpolated values arrive as strings; Compose casts them to booleans
      if (v == "true" || v == "yes" || v == "1") return void(n = make_bool(true, n));
      if (v == "false" || v == "no" || v == "0") return void(n = make_bool(false, n));
    }
    fail_expected(n, path, "a boolean");
  };
}

namespace {
bool is_integer_text(std::string_view s) {
  if (!s.empty() && (s[0] == '-' || s[0] == '+')) s.remove_prefix(1);
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}
} // namespace

Check integer() {
  return [](Node& n, const std::string& path) {
    if (n.is_scalar() && n.type() == yaml::ScalarType::Int) return;
    if (n.is_scalar() && n.type() == yaml::ScalarType::String && is_integer_text(n.value())) {
      // interpolated values arrive as strings; Compose casts them to integers
      Node v = Node::plain(n.value());
      if (auto i = v.as_int()) return void(n = make_int(*i, n));
    }
    fail_expected(n, path, "an integer");
  };
}

Check number() {
  return [](Node& n, const std::string& path) {
    if (n.is_scalar() && n.type() != yaml::ScalarType::Null && n.type() != yaml::ScalarType::Bool)
      return;
    fail_expected(n, path, "a number");
  };
}

Check one_of(std::initializer_list<std::string_view> values) {
  std::vector<std::string> allowed(values.begin(), values.end());
  return [allowed](Node& n, const std::string& path) {
    std::string expected = "one of";
    for (std::size_t i = 0; i < allowed.size(); ++i)
      expected += (i ? ", \"" : " \"") + allowed[i] + "\"";
    if (!scalar_is(n, Str)) fail_expected(n, path, expected);
    if (std::find(allowed.begin(), allowed.end(), n.value()) == allowed.end())
      fail_expected(n, path, expected);
  };
}

Check duration() {
  return [](Node& n, const std::string& path) {
    static const std::string expected = "a duration such as \"1m30s\", \"10s\" or \"500ms\"";
    if (n.is_scalar() && n.type() == yaml::ScalarType::Int) {
      n = text_node(n); // a bare number of seconds; kept as text like every duration
      return;
    }
    if (!scalar_is(n, Str) || !parse_duration_ns(n.value())) fail_expected(n, path, expected);
  };
}

Check string_list() {
  return [](Node& n, const std::string& path) {
    if (!n.is_sequence()) fail_expected(n, path, "a sequence of strings");
    for (std::size_t i = 0; i < n.items().size(); ++i) {
      Node& item = n.items()[i];
      if (!scalar_is(item, Str)) fail_expected(item, index(path, i), "a string");
      if (item.type() != yaml::ScalarType::String) item = text_node(item);
    }
  };
}

Check string_or_list() {
  return [](Node& n, const std::string& path) {
    if (scalar_is(n, Str)) {
      Node seq = make_seq(n);
      seq.push(text_node(n));
      n = std::move(seq);
      return;
    }
    if (!n.is_sequence()) fail_expected(n, path, "a string or a sequence of strings");
    string_list()(n, path);
  };
}

Check command() {
  return [](Node& n, const std::string& path) {
    if (n.is_null() || scalar_is(n, Str)) return;
    if (!n.is_sequence()) fail_expected(n, path, "a string or a sequence of strings");
    string_list()(n, path);
  };
}

Check list_or_dict(bool keep_null) {
  return [keep_null](Node& n, const std::string& path) {
    auto value_of = [keep_null](const Node& v) {
      if (v.is_null()) return keep_null ? v : make_str("", v);
      return text_node(v);
    };
    if (n.is_mapping()) {
      for (yaml::Entry& e : n.entries()) {
        if (!e.key.is_scalar() || e.key.is_null())
          fail(e.key, path, "expected a string key, got " + describe(e.key));
        std::string key_path = join(path, e.key.value());
        if (!e.value.is_scalar())
          fail_expected(e.value, key_path, "a string, number, boolean or null");
        if (e.key.type() != yaml::ScalarType::String) e.key = text_node(e.key);
        std::string tag(e.value.tag());
        if (tag == "!reset") continue;
        e.value = value_of(e.value);
        if (tag == "!override") e.value.set_tag(tag);
      }
      return;
    }
    if (!n.is_sequence())
      fail_expected(n, path, "a mapping or a sequence of \"KEY=VALUE\" strings");
    Node map = make_map(n);
    for (std::size_t i = 0; i < n.items().size(); ++i) {
      const Node& item = n.items()[i];
      if (!scalar_is(item, Str)) fail_expected(item, index(path, i), "a \"KEY=VALUE\" string");
      std::string text = scalar_text(item);
      std::size_t eq = text.find('=');
      std::string key = text.substr(0, eq);
      if (key.empty()) fail(item, index(path, i), "expected \"KEY=VALUE\", got \"" + text + "\"");
      Node value = eq == std::string::npos
                       ? (keep_null ? [&] { Node v = Node::null(); v.set_loc(item.loc()); return v; }()
                                    : make_str("", item))
                       : make_str(text.substr(eq + 1), item);
      // a later entry for the same key wins, as with Compose's list → map conversion
      if (Node* existing = map.find(key))
        *existing = std::move(value);
      else
        map.add(make_str(key, item), std::move(value));
    }
    n = std::move(map);
  };
}

Check object(std::vector<Field> fields) {
  return [fields = std::move(fields)](Node& n, const std::string& path) {
    check_object(n, path, fields);
  };
}

Check list_of(Check item) {
  return [item](Node& n, const std::string& path) {
    if (!n.is_sequence()) fail_expected(n, path, "a sequence");
    for (std::size_t i = 0; i < n.items().size(); ++i) run(item, n.items()[i], index(path, i));
  };
}

Check map_of(Check value, std::string what) {
  return [value, what](Node& n, const std::string& path) {
    if (!n.is_mapping()) fail_expected(n, path, "a mapping of " + what);
    for (yaml::Entry& e : n.entries()) {
      if (!e.key.is_scalar() || e.key.is_null())
        fail(e.key, path, "expected a string key, got " + describe(e.key));
      if (value) run(value, e.value, join(path, e.key.value()));
    }
  };
}

Check any() {
  return [](Node&, const std::string&) {};
}

} // namespace berth::compose::canon
