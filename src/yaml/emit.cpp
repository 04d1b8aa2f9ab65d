// The one YAML emitter: walks a node tree and writes deterministic block-style YAML.
//
// Layout: 2-space indent; a collection under a mapping key starts on the next line, indented
// (kubectl/kustomize style "key:\n  - a"); a collection inside a sequence entry or explicit
// key/value starts on the indicator's line ("- k: v", "- - a"). Flow style only for empty
// collections. An untagged empty plain scalar is written `null`; a tagged one as the tag alone.
#include "yaml/emit.h"

#include "yaml/quote.h"

namespace berth::yaml {

namespace {

// YAML 1.2 limits implicit keys to 1024 characters; longer ones use "? key".
constexpr std::size_t kMaxImplicitKey = 1024;
constexpr std::string_view kCoreTagPrefix = "tag:yaml.org,2002:";

bool is_str_tag(std::string_view tag) { return tag == "!!str" || tag == "tag:yaml.org,2002:str"; }

// Characters allowed unescaped in a tag shorthand suffix (YAML ns-tag-char).
bool tag_char(char c) {
  if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) return true;
  return std::string_view("-#;/?:@&=+$_.~*'()%").find(c) != std::string_view::npos;
}

void append_tag_suffix(std::string& out, std::string_view suffix) {
  static constexpr char hex[] = "0123456789ABCDEF";
  for (char c : suffix) {
    if (tag_char(c)) {
      out += c;
    } else {
      auto b = static_cast<unsigned char>(c);
      out += '%';
      out += hex[b >> 4];
      out += hex[b & 15];
    }
  }
}

// A tag as it must be written: shorthand as given ("!reset", "!!int"), core-schema URIs as
// "!!suffix", any other URI verbatim "!<uri>".
void append_tag(std::string& out, std::string_view tag) {
  if (tag.starts_with("!<") || tag == "!") {
    out += tag;
  } else if (tag.starts_with("!!")) {
    out += "!!";
    append_tag_suffix(out, tag.substr(2));
  } else if (tag.starts_with("!")) {
    out += '!';
    append_tag_suffix(out, tag.substr(1));
  } else if (tag.starts_with(kCoreTagPrefix)) {
    out += "!!";
    append_tag_suffix(out, tag.substr(kCoreTagPrefix.size()));
  } else {
    out += "!<";
    out += tag;
    out += '>';
  }
}

enum class Form : std::uint8_t { Verbatim, Null, TagOnly, Plain, Quoted, Literal };

// Where a node is being written; decides line breaks and which scalar forms are allowed.
enum class Ctx : std::uint8_t { Top, MapValue, Compact, ImplicitKey };

class Emitter {
public:
  explicit Emitter(std::string& out) : out_(out) {}

  void document(const Node& doc) { value(doc, 0, Ctx::Top); }

private:
  std::string& out_;

  // The tag written before a node; !!str on a scalar is dropped (quoting keeps it a string).
  static std::string_view shown_tag(const Node& n) {
    std::string_view tag = n.tag();
    if (n.is_scalar() && is_str_tag(tag)) return {};
    return tag;
  }

  static Form scalar_form(const Node& n, Ctx ctx) {
    const std::string& v = n.value();
    if (n.style() == Style::Plain && !is_str_tag(n.tag())) {
      if (v.empty()) return n.tag().empty() ? Form::Null : Form::TagOnly;
      // Numbers, bools and nulls as built by code or parsed plain: already safe tokens.
      if (resolve_plain(v) != ScalarType::String) return Form::Verbatim;
    }
    if (!needs_quotes(v)) return Form::Plain;
    if (ctx != Ctx::ImplicitKey && quote::literal_ok(v) &&
        !(ctx == Ctx::Top && quote::literal_needs_indicator(v)))
      return Form::Literal;
    return Form::Quoted;
  }

  // A space between tokens on one line; none at the start of a line or after indentation.
  void sep() {
    if (!out_.empty() && out_.back() != '\n' && out_.back() != ' ') out_ += ' ';
  }
  void pad(int column) { out_.append(static_cast<std::size_t>(column), ' '); }

  // Writes a scalar after its indicator; `col` is the indentation of the enclosing collection
  // (block scalar content goes two columns deeper). Ends the line except for implicit keys.
  void scalar(const Node& n, int col, Ctx ctx) { scalar(n, col, ctx, scalar_form(n, ctx)); }

  void scalar(const Node& n, int col, Ctx ctx, Form form) {
    if (std::string_view tag = shown_tag(n); !tag.empty()) {
      sep();
      append_tag(out_, tag);
    }
    switch (form) {
    case Form::TagOnly: break;
    case Form::Null: sep(), out_ += "null"; break;
    case Form::Verbatim:
    case Form::Plain: sep(), out_ += n.value(); break;
    case Form::Quoted: sep(), quote_checked(n); break;
    case Form::Literal: sep(), literal(n.value(), col); return;
    }
    if (ctx != Ctx::ImplicitKey) out_ += '\n';
  }

  void quote_checked(const Node& n) {
    try {
      quote::append_double_quoted(out_, n.value());
    } catch (const Error& e) {
      throw Error(n.loc(), e.message());
    }
  }

  void literal(std::string_view text, int col) {
    out_ += '|';
    if (quote::literal_needs_indicator(text)) out_ += '2'; // content sits 2 columns in
    std::size_t body_end = text.size();
    if (text.back() != '\n') {
      out_ += '-';
    } else {
      --body_end;
      if (body_end > 0 && text[body_end - 1] == '\n') out_ += '+';
    }
    out_ += '\n';
    std::string_view body = text.substr(0, body_end);
    for (std::size_t start = 0;;) {
      std::size_t end = body.find('\n', start);
      std::string_view line = body.substr(start, end == std::string_view::npos ? end : end - start);
      if (!line.empty()) pad(col + 2), out_ += line;
      out_ += '\n';
      if (end == std::string_view::npos) break;
      start = end + 1;
    }
  }

  // Writes `n` after its indicator ("key:", "-", "?", ":") at column `col`, or at top level.
  void value(const Node& n, int col, Ctx ctx) {
    if (n.is_scalar()) return scalar(n, col, ctx);
    std::string_view tag = shown_tag(n);
    if (n.size() == 0) {
      if (!tag.empty()) sep(), append_tag(out_, tag);
      sep();
      out_ += n.is_sequence() ? "[]\n" : "{}\n";
      return;
    }
    int inner = ctx == Ctx::Top ? 0 : col + 2;
    bool inline_first = false;
    if (!tag.empty()) {
      sep();
      append_tag(out_, tag);
      out_ += '\n';
    } else if (ctx == Ctx::MapValue) {
      out_ += '\n';
    } else if (ctx == Ctx::Compact) {
      out_ += ' ';
      inline_first = true;
    }
    if (n.is_sequence()) sequence(n, inner, inline_first);
    else mapping(n, inner, inline_first);
  }

  void sequence(const Node& n, int col, bool inline_first) {
    bool first = true;
    for (const Node& item : n.items()) {
      if (!(first && inline_first)) pad(col);
      first = false;
      out_ += '-';
      value(item, col, Ctx::Compact);
    }
  }

  void mapping(const Node& n, int col, bool inline_first) {
    bool first = true;
    for (const Entry& e : n.entries()) {
      if (!(first && inline_first)) pad(col);
      first = false;
      if (implicit_key(e.key)) {
        out_ += ':';
        value(e.value, col, Ctx::MapValue);
      } else {
        out_ += '?';
        value(e.key, col, Ctx::Compact);
        pad(col);
        out_ += ':';
        value(e.value, col, Ctx::Compact);
      }
    }
  }

  // Writes a simple key in place and returns true, or writes nothing and returns false when the
  // key needs the explicit "? " form (collections, tag-only, over-long keys).
  bool implicit_key(const Node& key) {
    if (!key.is_scalar()) return false;
    // Computed once: the quoting scan is most of what a key costs.
    Form form = scalar_form(key, Ctx::ImplicitKey);
    if (form == Form::TagOnly) return false;
    std::size_t mark = out_.size();
    scalar(key, 0, Ctx::ImplicitKey, form);
    if (out_.size() - mark <= kMaxImplicitKey) return true;
    out_.resize(mark);
    return false;
  }
};

} // namespace

std::string emit(const Node& doc) {
  std::string out;
  Emitter(out).document(doc);
  return out;
}

void emit_into(std::string& out, const Node& doc) {
  out.clear();
  Emitter(out).document(doc);
}

std::string emit_stream(const std::vector<Node>& docs) {
  std::string out;
  for (std::size_t i = 0; i < docs.size(); ++i) {
    if (i > 0) out += "---\n";
    Emitter(out).document(docs[i]);
  }
  return out;
}

} // namespace berth::yaml
