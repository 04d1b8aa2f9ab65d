// Parser of berth's schema DSL (format in builtin_texts.h) and the built-in registry loader.
// Packages named crd.* describe custom resources: their schemas follow CRD (structural)
// rules, so `object`/`any` become x-kubernetes-preserve-unknown-fields and intstr/quantity/
// time are inline as in real CRDs.
#include "check/schema/builtin.h"

#include <map>
#include <sstream>
#include <stdexcept>
#include <unordered_set>

#include "check/schema/builtin_texts.h"
#include "check/schema/compile.h"
#include "check/schema/kinds.h"
#include "check/schema/registry.h"
#include "check/schema/semantics.h"

namespace berth::check::schema {

namespace {

using yaml::Node;

struct Field {
  std::string name;
  bool required = false;
  std::string type;
  std::vector<std::string> enums;
  std::vector<std::pair<std::string, std::string>> flags;
  int line = 0;
};

struct TypeDef {
  std::string package, name, api_version;
  bool open = false;
  std::vector<Field> fields;
  int line = 0;
  std::string full() const { return package + "." + name; }
  bool crd() const { return package.starts_with("crd."); }
};

const std::map<std::string_view, std::string_view>& aliases() {
  static const std::map<std::string_view, std::string_view> a = {
      {"core", "io.k8s.api.core.v1"},
      {"meta", "io.k8s.apimachinery.pkg.apis.meta.v1"},
      {"apps", "io.k8s.api.apps.v1"},
      {"batch", "io.k8s.api.batch.v1"},
      {"networking", "io.k8s.api.networking.v1"},
      {"autoscaling", "io.k8s.api.autoscaling.v2"},
      {"policy", "io.k8s.api.policy.v1"},
      {"scheduling", "io.k8s.api.scheduling.v1"},
  };
  return a;
}

[[noreturn]] void fail(int line, const std::string& message) {
  throw std::logic_error("built-in schema line " + std::to_string(line) + ": " + message);
}

std::vector<std::string> split(std::string_view line) {
  std::vector<std::string> out;
  std::istringstream in{std::string(line)};
  for (std::string w; in >> w;)
    out.push_back(w);
  return out;
}

std::vector<TypeDef> parse_text(std::string_view text, int& line_no) {
  std::vector<TypeDef> types;
  std::string package;
  std::size_t pos = 0;
  while (pos <= text.size()) {
    std::size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(pos, end - pos);
    pos = end + 1;
    ++line_no;
    if (std::size_t hash = line.find('#'); hash != std::string_view::npos)
      line = line.substr(0, hash);
    std::vector<std::string> words = split(line);
    if (words.empty()) continue;
    bool indented = line.front() == ' ';
    if (!indented && words[0] == "package") {
      if (words.size() != 2) fail(line_no, "package takes one name");
      package = words[1];
      continue;
    }
    if (!indented) {
      if (package.empty()) fail(line_no, "type before any package");
      TypeDef t;
      t.package = package;
      t.name = words[0];
      t.line = line_no;
      for (std::size_t i = 1; i < words.size(); ++i) {
        if (words[i].starts_with('@'))
          t.api_version = words[i].substr(1);
        else if (words[i] == "open")
          t.open = true;
        else
          fail(line_no, "unknown type flag " + words[i]);
      }
      types.push_back(std::move(t));
      continue;
    }
    if (types.empty()) fail(line_no, "field before any type");
    if (words.size() < 2) fail(line_no, "a field needs a name and a type");
    Field f;
    f.line = line_no;
    f.name = words[0];
    if (f.name.ends_with('!')) {
      f.required = true;
      f.name.pop_back();
    }
    f.type = words[1];
    for (std::size_t i = 2; i < words.size(); ++i) {
      const std::string& w = words[i];
      if (w.starts_with("enum=") || w.find('|') != std::string::npos) {
        std::string_view list = w;
        if (list.starts_with("enum=")) list.remove_prefix(5);
        std::size_t start = 0;
        while (true) {
          std::size_t bar = list.find('|', start);
          f.enums.emplace_back(
              list.substr(start, bar == std::string_view::npos ? bar : bar - start));
          if (bar == std::string_view::npos) break;
          start = bar + 1;
        }
      } else if (std::size_t eq = w.find('='); eq != std::string::npos) {
        f.flags.emplace_back(w.substr(0, eq), w.substr(eq + 1));
      } else if (w == "nullable" || w == "preserve") {
        f.flags.emplace_back(w, "true");
      } else {
        fail(line_no, "unknown field flag " + w);
      }
    }
    types.back().fields.push_back(std::move(f));
  }
  return types;
}

class Builder {
public:
  explicit Builder(const std::vector<TypeDef>& types) : types_(types) {
    names_.insert("io.k8s.apimachinery.pkg.apis.meta.v1.FieldsV1"); // see primitives()
    for (const TypeDef& t : types) {
      if (!names_.insert(t.full()).second) fail(t.line, "duplicate type " + t.full());
    }
  }

  BuiltinSchemas build() {
    BuiltinSchemas out;
    out.definitions = Node::mapping();
    primitives(out.definitions);
    for (const TypeDef& t : types_) {
      out.definitions.set(t.full(), definition(t));
      if (!t.api_version.empty()) out.roots.push_back({t.full(), t.api_version, t.name, t.crd()});
    }
    return out;
  }

private:
  const std::vector<TypeDef>& types_;
  std::unordered_set<std::string> names_;

  static Node ref(std::string_view name) {
    Node n = Node::mapping();
    n.set("$ref", Node::str("#/definitions/" + std::string(name)));
    return n;
  }
  static Node typed(std::string_view type, std::string_view format = {}) {
    Node n = Node::mapping();
    n.set("type", Node::str(std::string(type)));
    if (!format.empty()) n.set("format", Node::str(std::string(format)));
    return n;
  }
  static Node one_of(std::string_view a, std::string_view b) {
    Node branches = Node::sequence();
    branches.push(typed(a));
    branches.push(typed(b));
    Node n = Node::mapping();
    n.set("oneOf", std::move(branches));
    return n;
  }

  static void primitives(Node& defs) {
    defs.set(std::string(kQuantity), one_of("string", "number"));
    defs.set(std::string(kIntOrString), one_of("string", "integer"));
    defs.set("io.k8s.apimachinery.pkg.apis.meta.v1.Time", typed("string", "date-time"));
    defs.set("io.k8s.apimachinery.pkg.apis.meta.v1.MicroTime", typed("string", "date-time"));
    defs.set("io.k8s.apimachinery.pkg.apis.meta.v1.FieldsV1", typed("object"));
  }

  std::string resolve(const TypeDef& owner, const std::string& name, int line) const {
    if (std::size_t dot = name.find('.'); dot != std::string::npos) {
      auto a = aliases().find(std::string_view(name).substr(0, dot));
      if (a == aliases().end()) fail(line, "unknown package alias in " + name);
      std::string full = std::string(a->second) + name.substr(dot);
      if (!names_.count(full)) fail(line, "unknown type " + full);
      return full;
    }
    for (std::string_view package :
         {std::string_view(owner.package), aliases().at("core"), aliases().at("meta")}) {
      std::string full = std::string(package) + "." + name;
      if (names_.count(full)) return full;
    }
    fail(line, "unknown type " + name);
  }

  Node type_node(const TypeDef& owner, const std::string& t, int line) const {
    bool crd = owner.crd();
    if (t.size() >= 2 && t.front() == '[' && t.back() == ']') {
      Node n = typed("array");
      n.set("items", type_node(owner, t.substr(1, t.size() - 2), line));
      return n;
    }
    if (t.size() >= 2 && t.front() == '{' && t.back() == '}') {
      Node n = typed("object");
      n.set("additionalProperties", type_node(owner, t.substr(1, t.size() - 2), line));
      return n;
    }
    if (t == "string") return typed("string");
    if (t == "int32") return typed("integer", "int32");
    if (t == "int64") return typed("integer", "int64");
    if (t == "integer") return typed("integer");
    if (t == "number") return typed("number");
    if (t == "double") return typed("number", "double");
    if (t == "boolean") return typed("boolean");
    if (t == "byte") return typed("string", "byte");
    if (t == "datetime") return typed("string", "date-time");
    if (t == "object" || t == "any") {
      Node n = t == "object" ? typed("object") : Node::mapping();
      if (crd) n.set("x-kubernetes-preserve-unknown-fields", Node::boolean(true));
      return n;
    }
    if (t == "intstr" || t == "quantity") {
      if (!crd) return ref(t == "intstr" ? kIntOrString : kQuantity);
      Node branches = Node::sequence();
      branches.push(typed("integer"));
      branches.push(typed("string"));
      Node n = Node::mapping();
      n.set("anyOf", std::move(branches));
      n.set("x-kubernetes-int-or-string", Node::boolean(true));
      return n;
    }
    if (t == "time" || t == "microtime") {
      if (crd) return typed("string", "date-time");
      return ref(t == "time" ? "io.k8s.apimachinery.pkg.apis.meta.v1.Time"
                             : "io.k8s.apimachinery.pkg.apis.meta.v1.MicroTime");
    }
    return ref(resolve(owner, t, line));
  }

  Node field_node(const TypeDef& owner, const Field& f) const {
    Node n = type_node(owner, f.type, f.line);
    if (!f.enums.empty()) {
      Node values = Node::sequence();
      for (const std::string& e : f.enums)
        values.push(Node::str(e));
      Node* target = n.find("items") ? n.find("items") : &n;
      target->set("enum", std::move(values));
    }
    for (const auto& [key, value] : f.flags) {
      if (key == "nullable")
        n.set("nullable", Node::boolean(true));
      else if (key == "preserve")
        n.set("x-kubernetes-preserve-unknown-fields", Node::boolean(true));
      else if (key == "min")
        n.set("minimum", Node::plain(value));
      else if (key == "max")
        n.set("maximum", Node::plain(value));
      else if (key == "minItems" || key == "maxItems" || key == "minLength" || key == "maxLength")
        n.set(key, Node::plain(value));
      else
        fail(f.line, "unknown field flag " + key);
    }
    return n;
  }

  Node definition(const TypeDef& t) const {
    Node props = Node::mapping();
    Node required = Node::sequence();
    if (!t.api_version.empty()) {
      props.set("apiVersion", typed("string"));
      props.set("kind", typed("string"));
      if (!t.crd())
        props.set("metadata", ref("io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta"));
      else
        props.set("metadata", typed("object"));
    }
    for (const Field& f : t.fields) {
      if (props.find(f.name)) fail(f.line, "duplicate field " + f.name);
      props.set(f.name, field_node(t, f));
      if (f.required) required.push(Node::str(f.name));
    }
    Node d = typed("object");
    d.set("properties", std::move(props));
    if (required.size() > 0) d.set("required", std::move(required));
    if (t.open) d.set("x-kubernetes-preserve-unknown-fields", Node::boolean(true));
    if (!t.api_version.empty()) {
      std::string_view av = t.api_version;
      std::size_t slash = av.find('/');
      Node gvk = Node::mapping();
      gvk.set("group",
              Node::str(slash == std::string_view::npos ? "" : std::string(av.substr(0, slash))));
      gvk.set("kind", Node::str(t.name));
      gvk.set("version",
              Node::str(std::string(slash == std::string_view::npos ? av : av.substr(slash + 1))));
      Node list = Node::sequence();
      list.push(std::move(gvk));
      d.set("x-kubernetes-group-version-kind", std::move(list));
    }
    return d;
  }
};

} // namespace

BuiltinSchemas parse_builtin(const std::vector<std::string_view>& texts) {
  std::vector<TypeDef> types;
  int line = 0;
  for (std::string_view text : texts) {
    std::vector<TypeDef> more = parse_text(text, line);
    types.insert(types.end(), std::make_move_iterator(more.begin()),
                 std::make_move_iterator(more.end()));
  }
  return Builder(types).build();
}

const BuiltinSchemas& builtin_schemas() {
  static const BuiltinSchemas schemas = parse_builtin(
      {builtin_text::meta(), builtin_text::pod(), builtin_text::core(), builtin_text::workloads(),
       builtin_text::network(), builtin_text::crds(), builtin_text::gitops_crds()});
  return schemas;
}

void load_builtin(Registry& registry) {
  const BuiltinSchemas& b = builtin_schemas();
  Graph& graph = registry.mutable_graph();
  static const std::string* origin = intern("built-in");
  Compiler k8s(graph, Dialect::OpenApi, &b.definitions);
  std::uint32_t meta = k8s.definition(kObjectMeta);
  registry.set_object_meta(meta);
  Compiler crd(graph, Dialect::Crd, &b.definitions, meta);
  for (const BuiltinRoot& r : b.roots) {
    std::uint32_t type = r.crd ? crd.resource(*b.definitions.find(r.definition), r.definition)
                               : k8s.definition(r.definition);
    registry.add(r.api_version, r.kind, type, r.crd ? Source::BuiltInCrd : Source::BuiltIn, origin);
  }
  for (const ApiKind& k : kubernetes_kinds())
    registry.mark_complete(k.api_version);
  registry.stats().types = graph.type_count();
}

} // namespace berth::check::schema
