// Compose variable interpolation with compose-go v2's template rules (see interpolate.h).
#include "compose/interpolate.h"

#include <string>

namespace berth::compose {
namespace {

// Bound on ${A:-${B:-${C...}}} nesting so hostile input cannot exhaust the stack.
constexpr int kMaxNesting = 64;

bool is_name_start(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_';
}
bool is_name_char(char c) { return is_name_start(c) || (c >= '0' && c <= '9'); }

// Go's %#v quoting of the template, which compose puts in "Invalid template" errors.
std::string go_quote(std::string_view s) {
  std::string out = "\"";
  for (char c : s) {
    switch (c) {
    case '"': out += "\\\""; break;
    case '\\': out += "\\\\"; break;
    case '\n': out += "\\n"; break;
    case '\t': out += "\\t"; break;
    case '\r': out += "\\r"; break;
    default: out += c;
    }
  }
  return out + "\"";
}

class Substituter {
public:
  Substituter(const Environment& env, const Location& where) : env_(env), where_(where) {}

  std::string run(std::string_view text, int depth) {
    if (depth > kMaxNesting)
      throw Error(where_, "variable interpolation nested more than " +
                              std::to_string(kMaxNesting) + " levels deep");
    std::string out;
    out.reserve(text.size());
    std::size_t i = 0;
    while (i < text.size()) {
      char c = text[i];
      if (c != '$' || i + 1 >= text.size()) { // a trailing "$" stays literal
        out += c;
        ++i;
        continue;
      }
      char next = text[i + 1];
      if (next == '$') { // "$$" escapes a literal "$"
        out += '$';
        i += 2;
      } else if (is_name_start(next)) {
        std::size_t end = i + 1;
        while (end < text.size() && is_name_char(text[end])) ++end;
        out += lookup(text.substr(i + 1, end - i - 1));
        i = end;
      } else if (next == '{') {
        std::size_t close = closing_brace(text, i + 1);
        if (close == std::string_view::npos) invalid(text);
        out += braced(text.substr(i + 2, close - i - 2), text, depth);
        i = close + 1;
      } else { // "$ ", "$1", "$}" … are not expressions and stay literal, as in compose
        out += c;
        ++i;
      }
    }
    return out;
  }

private:
  [[noreturn]] void invalid(std::string_view text) const {
    throw Error(where_, "Invalid template: " + go_quote(text));
  }

  std::string lookup(std::string_view name) const {
    auto it = env_.find(name);
    return it == env_.end() ? std::string() : it->second;
  }

  // Index of the "}" closing the "{" at `open`, counting nested braces. Compose's regex falls
  // back to the last "}" of the text when the braces do not balance, so we do the same.
  static std::size_t closing_brace(std::string_view text, std::size_t open) {
    int depth = 0;
    for (std::size_t i = open; i < text.size(); ++i) {
      if (text[i] == '{') ++depth;
      else if (text[i] == '}' && --depth == 0) return i;
    }
    std::size_t last = text.rfind('}');
    return last != std::string_view::npos && last > open ? last : std::string_view::npos;
  }

  // Body of "${...}" without the braces: NAME, or NAME followed by an operator and its word.
  std::string braced(std::string_view body, std::string_view whole, int depth) {
    std::size_t n = 0;
    if (body.empty() || !is_name_start(body[0])) invalid(whole);
    while (n < body.size() && is_name_char(body[n])) ++n;
    std::string_view name = body.substr(0, n);
    if (n == body.size()) return lookup(name);

    bool colon = body[n] == ':';
    std::size_t op_at = colon ? n + 1 : n;
    if (op_at >= body.size()) invalid(whole);
    char op = body[op_at];
    if (op != '-' && op != '?' && op != '+') invalid(whole);
    std::string_view word = body.substr(op_at + 1);

    auto it = env_.find(name);
    bool set = it != env_.end();
    // With ":" an empty value counts as missing.
    bool present = set && (!colon || !it->second.empty());
    // The word is only interpolated when it is used (compose-go v2 evaluates lazily).
    switch (op) {
    case '-':
      return present ? it->second : run(word, depth + 1);
    case '+':
      return present ? run(word, depth + 1) : (set ? it->second : std::string());
    default: { // '?'
      if (present) return it->second;
      std::string reason = run(word, depth + 1);
      std::string message = "required variable " + std::string(name) + " is missing a value";
      if (!reason.empty()) message += ": " + reason;
      throw Error(where_, message);
    }
    }
  }

  const Environment& env_;
  const Location& where_;
};

// Dotted path of a node for error messages, as compose prints it ("services.web.image"). Only
// needed when interpolation fails, so each level just points at its parent and the text is
// built on demand.
struct PathLink {
  const PathLink* parent = nullptr; // nullptr: the root, whose path is ""
  std::string_view key;             // a mapping key (or the kind of a non-scalar key)
  std::size_t index = 0;            // a sequence index, when key is empty and `in_sequence`
  bool in_sequence = false;

  std::string str() const {
    std::string above = parent ? parent->str() : std::string();
    if (in_sequence) return above + "[" + std::to_string(index) + "]";
    return above.empty() ? std::string(key) : above + "." + std::string(key);
  }
};

void walk(yaml::Node& node, const Environment& env, const PathLink* path) {
  switch (node.kind()) {
  case yaml::Kind::Scalar: {
    if (node.value().find('$') == std::string::npos) return;
    try {
      node.set_value(interpolate(node.value(), env, node.loc()));
    } catch (const Error& e) {
      std::string shown = path ? path->str() : std::string();
      if (shown.empty()) throw;
      throw Error(e.where(), "error while interpolating " + shown + ": " + e.message());
    }
    return;
  }
  case yaml::Kind::Sequence: {
    std::size_t index = 0;
    for (auto& item : node.items()) {
      PathLink link{path, {}, index++, true};
      walk(item, env, &link);
    }
    return;
  }
  case yaml::Kind::Mapping:
    for (auto& entry : node.entries()) {
      PathLink link{path, entry.key.is_scalar() ? std::string_view(entry.key.value())
                                                : std::string_view(entry.key.kind_name())};
      walk(entry.value, env, &link);
    }
    return;
  }
}

} // namespace

std::string interpolate(std::string_view text, const Environment& env, const Location& where) {
  return Substituter(env, where).run(text, 0);
}

void interpolate_tree(yaml::Node& root, const Environment& env) {
  walk(root, env, nullptr);
}

} // namespace berth::compose
