// YAML text → node trees: the libfyaml event path (errors as berth::Error) and parse_stream.
#include "yaml/parse.h"

#include <libfyaml.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <memory>
#include <mutex>
#include <utility>

#include "yaml/libfyaml_path.h"
#include "yaml/tree_builder.h"
#include "yaml/utf8.h"

namespace berth::yaml {

namespace {

// Owns a libfyaml parser whose diagnostics are collected (never printed).
class FyParser {
public:
  FyParser() {
    fy_diag_cfg dcfg;
    fy_diag_cfg_default(&dcfg);
    dcfg.fp = nullptr;
    dcfg.output_fn = [](fy_diag*, void*, const char*, size_t) {}; // silence: we report ourselves
    dcfg.colorize = false;
    diag_ = fy_diag_create(&dcfg);
    if (!diag_) throw Error("cannot create the YAML parser's diagnostics (out of memory?)");
    fy_diag_set_collect_errors(diag_, true);
    fy_parse_cfg cfg{};
    // Depth is bounded by TreeBuilder (ParseOptions::max_depth); libfyaml's event parser itself
    // keeps its state on the heap. No recycling: keeps ASan able to see misuse.
    cfg.flags = static_cast<fy_parse_cfg_flags>(FYPCF_QUIET | FYPCF_DISABLE_DEPTH_LIMIT |
                                                FYPCF_DEFAULT_VERSION_AUTO | FYPCF_JSON_NONE);
    cfg.diag = diag_;
    parser_ = fy_parser_create(&cfg);
    if (!parser_) {
      fy_diag_destroy(diag_);
      throw Error("cannot create the YAML parser (out of memory?)");
    }
  }
  ~FyParser() {
    if (!parser_) return;
    fy_parser_destroy(parser_);
    fy_diag_destroy(diag_);
  }

  // libfyaml 0.7.12 double-frees in fy_parser_destroy after some errors (found by fuzzing:
  // "? x:\t-" → "cannot use tab for indentation of block entry"). Such a parser is never
  // destroyed; it stays reachable here so leak checkers stay quiet. Only malformed input pays.
  void abandon() {
    static std::mutex mu;
    // Never destroyed, so the list (and the parsers) stay reachable even after static teardown.
    static auto* abandoned = new std::vector<std::pair<fy_parser*, fy_diag*>>();
    std::lock_guard lock(mu);
    abandoned->emplace_back(parser_, diag_);
    parser_ = nullptr;
    diag_ = nullptr;
  }
  FyParser(const FyParser&) = delete;
  FyParser& operator=(const FyParser&) = delete;

  fy_parser* get() const { return parser_; }
  fy_diag* diag() const { return diag_; }

private:
  fy_diag* diag_ = nullptr;
  fy_parser* parser_ = nullptr;
};

struct EventDeleter {
  fy_parser* parser;
  void operator()(fy_event* e) const { fy_parser_event_free(parser, e); }
};

std::string_view token_text(fy_token* t) {
  if (!t) return {};
  size_t len = 0;
  const char* s = fy_token_get_text(t, &len);
  return s ? std::string_view(s, len) : std::string_view();
}

// Standard tags in "!!x" short form (what node.cpp recognises); others as libfyaml resolved them.
std::string normalize_tag(std::string_view tag) {
  constexpr std::string_view core = "tag:yaml.org,2002:";
  if (tag.substr(0, core.size()) == core) return "!!" + std::string(tag.substr(core.size()));
  return std::string(tag);
}

// Decodes a single-quoted scalar from its source text, quotes included (YAML 1.2 §7.3.2: '' is a
// quote; line breaks fold to a space, or to n-1 newlines after n breaks; line-edge blanks go).
// Done here because libfyaml 0.7.12's fy_token_get_text leaks a buffer on runs of 5+ ''.
std::string decode_single_quoted(std::string_view raw) {
  std::string_view body = raw.substr(1, raw.size() - 2);
  std::string out;
  out.reserve(body.size());
  std::size_t i = 0;
  bool first_line = true;
  bool after_empty = false; // empty lines since the last content line
  while (i <= body.size()) {
    std::size_t nl = body.find('\n', i);
    std::string_view line =
        body.substr(i, nl == std::string_view::npos ? std::string_view::npos : nl - i);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    const bool last_line = nl == std::string_view::npos;
    if (!first_line) line.remove_prefix(std::min(line.find_first_not_of(" \t"), line.size()));
    if (!last_line) line = line.substr(0, line.find_last_not_of(" \t") + 1);
    if (!first_line) {
      // Fold: the break before this line is a space unless empty lines followed it.
      if (line.empty() && !last_line) {
        out.push_back('\n');
        after_empty = true;
      } else {
        if (!after_empty) out.push_back(' ');
        after_empty = false;
      }
    }
    for (std::size_t k = 0; k < line.size(); ++k) {
      out.push_back(line[k]);
      if (line[k] == '\'' && k + 1 < line.size() && line[k + 1] == '\'') ++k;
    }
    first_line = false;
    if (last_line) break;
    i = nl + 1;
  }
  return out;
}

Style to_style(enum fy_scalar_style s) {
  switch (s) {
  case FYSS_SINGLE_QUOTED:
    return Style::SingleQuoted;
  case FYSS_DOUBLE_QUOTED:
    return Style::DoubleQuoted;
  case FYSS_LITERAL:
    return Style::Literal;
  case FYSS_FOLDED:
    return Style::Folded;
  default:
    return Style::Plain;
  }
}

// Translates one stream of events into TreeBuilder calls and keeps track of positions. `text`
// may start at any document start of a larger stream: line numbers are shifted by
// `line_offset`, and `last` is the position the earlier documents left for empty scalars.
class EventPump {
public:
  EventPump(std::string_view text, const std::string* file, TreeBuilder& builder,
            const ParseOptions& options, unsigned line_offset, const Location& last)
      : text_(text), file_(file), builder_(builder), options_(options), line_offset_(line_offset),
        last_(last) {}

  LibfyamlStop run(const std::function<void(Node&&)>& on_document, bool one_document) {
    if (fy_parser_set_string(parser_.get(), text_.data(), text_.size()) != 0)
      throw Error(Location{file_, 0, 0}, "cannot start the YAML parser on this input");
    bool ended = false; // a document has been delivered
    for (;;) {
      std::unique_ptr<fy_event, EventDeleter> ev(fy_parser_parse(parser_.get()),
                                                 EventDeleter{parser_.get()});
      if (!ev) {
        if (fy_parser_get_stream_error(parser_.get()) || fy_diag_got_error(parser_.diag()))
          fail_from_diag();
        break;
      }
      if (ev->type == FYET_DOCUMENT_START) {
        const Resume r = resume_at(ev.get());
        if (r == Resume::Never) one_document = false;
        if (one_document && ended && r == Resume::Here) {
          const fy_mark* m = fy_token_start_mark(ev->document_start.document_start);
          return LibfyamlStop{false, m->input_pos,
                              static_cast<unsigned>(m->line) + 1 + line_offset_, last_};
        }
      }
      handle(ev.get());
      if (ev->type == FYET_DOCUMENT_END) {
        ended = true;
        for (Node& doc : builder_.take())
          on_document(std::move(doc));
      }
      if (ev->type == FYET_STREAM_END) break;
    }
    return LibfyamlStop{true, 0, 0, last_};
  }

private:
  enum class Resume { Here, NotHere, Never };

  // Whether another reader may take over at this document start: only at a plain "---" in
  // column 1. After directives (%YAML, %TAG) libfyaml keeps the rest of the stream, so any
  // state they leave behind stays libfyaml's.
  Resume resume_at(fy_event* e) const {
    const auto& d = e->document_start;
    if (d.document_state && (fy_document_state_version_explicit(d.document_state) ||
                             fy_document_state_tags_explicit(d.document_state)))
      return Resume::Never;
    if (d.implicit || !d.document_start) return Resume::NotHere;
    const fy_mark* m = fy_token_start_mark(d.document_start);
    if (!m || m->column != 0 || m->input_pos > text_.size() ||
        text_.substr(m->input_pos, 3) != "---")
      return Resume::NotHere;
    return Resume::Here;
  }

  Location mark_loc(const fy_mark* m) const {
    if (!m) return last_;
    return Location{file_, static_cast<unsigned>(m->line) + 1 + line_offset_,
                    static_cast<unsigned>(m->column) + 1};
  }

  // Anchor and alias tokens start after their '&' / '*'; point at the indicator instead.
  Location indicator_loc(const fy_mark* m, char indicator) const {
    Location loc = mark_loc(m);
    if (m && m->input_pos > 0 && m->input_pos <= text_.size() && loc.column > 1 &&
        text_[m->input_pos - 1] == indicator)
      --loc.column;
    return loc;
  }

  // A node starts at its first property (anchor or tag) or else at its main token.
  Location node_loc(fy_event* e, fy_token* anchor, fy_token* tag) {
    const fy_mark* best = fy_event_start_mark(e);
    Location loc = mark_loc(best);
    for (fy_token* t : {anchor, tag}) {
      if (!t) continue;
      const fy_mark* m = fy_token_start_mark(t);
      if (m && (!best || m->input_pos < best->input_pos)) {
        best = m;
        loc = t == anchor ? indicator_loc(m, '&') : mark_loc(m);
      }
    }
    last_ = loc;
    return loc;
  }

  NodeProps props(fy_event* e, fy_token* anchor, fy_token* tag) {
    NodeProps p;
    p.loc = node_loc(e, anchor, tag);
    p.anchor = token_text(anchor);
    if (tag) {
      tag_ = normalize_tag(token_text(tag));
      p.tag = tag_;
    }
    return p;
  }

  void handle(fy_event* e) {
    switch (e->type) {
    case FYET_DOCUMENT_START:
      builder_.begin_document();
      break;
    case FYET_DOCUMENT_END:
      builder_.end_document();
      break;
    case FYET_SCALAR: {
      NodeProps p = props(e, e->scalar.anchor, e->scalar.tag);
      fy_token* value = e->scalar.value;
      size_t len = value ? fy_token_get_text_length(value) : 0;
      if (len > options_.max_scalar_bytes)
        throw Error(p.loc, "scalar of " + std::to_string(len) + " bytes exceeds the limit of " +
                               std::to_string(options_.max_scalar_bytes) + " bytes");
      Style style = value ? to_style(fy_scalar_token_get_style(value)) : Style::Plain;
      // libfyaml marks a quoted scalar after its opening quote; users expect the quote's column.
      if ((style == Style::SingleQuoted || style == Style::DoubleQuoted) && !e->scalar.anchor &&
          !e->scalar.tag) {
        p.loc = indicator_loc(fy_event_start_mark(e), style == Style::SingleQuoted ? '\'' : '"');
        last_ = p.loc;
      }
      builder_.scalar(scalar_text(value, style), style, p);
      break;
    }
    case FYET_ALIAS: {
      Location loc = indicator_loc(fy_event_start_mark(e), '*');
      last_ = loc;
      builder_.alias(token_text(e->alias.anchor), loc);
      break;
    }
    case FYET_SEQUENCE_START:
      builder_.begin_collection(Kind::Sequence,
                                props(e, e->sequence_start.anchor, e->sequence_start.tag));
      break;
    case FYET_MAPPING_START:
      builder_.begin_collection(Kind::Mapping,
                                props(e, e->mapping_start.anchor, e->mapping_start.tag));
      break;
    case FYET_SEQUENCE_END:
    case FYET_MAPPING_END:
      builder_.end_collection();
      break;
    default:
      break;
    }
  }

  std::string scalar_text(fy_token* value, Style style) const {
    if (style == Style::SingleQuoted) {
      // The token's start mark is just after the opening quote; find the closing one ourselves.
      const fy_mark* b = fy_token_start_mark(value);
      if (b && b->input_pos >= 1 && b->input_pos <= text_.size() &&
          text_[b->input_pos - 1] == '\'') {
        std::size_t open = b->input_pos - 1, i = b->input_pos;
        while (i < text_.size()) {
          if (text_[i] == '\'') {
            if (i + 1 < text_.size() && text_[i + 1] == '\'') {
              i += 2;
              continue;
            }
            return decode_single_quoted(text_.substr(open, i + 1 - open));
          }
          ++i;
        }
      }
    }
    return std::string(token_text(value));
  }

  // Reports libfyaml's first collected error at its position (clamped into the input).
  [[noreturn]] void fail_from_diag() {
    void* it = nullptr;
    while (fy_diag_error* err = fy_diag_errors_iterate(parser_.diag(), &it)) {
      if (err->type != FYET_ERROR) continue;
      Location loc{file_, err->line > 0 ? static_cast<unsigned>(err->line) : 1,
                   err->column > 0 ? static_cast<unsigned>(err->column) : 1};
      clamp(loc);
      loc.line += line_offset_;
      std::string msg = err->msg ? err->msg : "malformed YAML";
      if (msg.find("cannot use tab for indentation") != std::string::npos) parser_.abandon();
      throw Error(loc, "invalid YAML: " + msg);
    }
    throw Error(last_.file ? last_ : Location{file_, 1 + line_offset_, 1}, "invalid YAML");
  }

  // libfyaml sometimes reports "one past the end" positions for unterminated constructs.
  void clamp(Location& loc) const {
    unsigned lines = 1;
    std::size_t last_start = 0;
    for (std::size_t i = 0; i < text_.size(); ++i)
      if (text_[i] == '\n') {
        ++lines;
        last_start = i + 1;
      }
    if (loc.line > lines) {
      loc.line = lines;
      loc.column = static_cast<unsigned>(text_.size() - last_start) + 1;
    }
  }

  std::string_view text_;
  const std::string* file_;
  TreeBuilder& builder_;
  const ParseOptions& options_;
  unsigned line_offset_;
  FyParser parser_;
  Location last_;
  std::string tag_; // storage for the current event's normalized tag
};

} // namespace

LibfyamlStop parse_with_libfyaml(std::string_view text, std::size_t offset, unsigned line,
                                 const std::string* file, TreeBuilder& builder,
                                 const ParseOptions& options, const Location& last,
                                 bool one_document,
                                 const std::function<void(Node&&)>& on_document) {
  offset = std::min(offset, text.size());
  EventPump pump(text.substr(offset), file, builder, options, line - 1, last);
  LibfyamlStop stop = pump.run(on_document, one_document);
  if (!stop.at_end) stop.offset += offset;
  return stop;
}

std::vector<Node> parse_stream_libfyaml(std::string_view text, const std::string& name,
                                        const ParseOptions& options) {
  const std::string* file = intern(name);
  check_input_size(text, file, options);
  text = strip_bom(text);
  check_utf8(text, file);
  std::vector<Node> docs;
  if (text.empty()) return docs;
  TreeBuilder builder(options);
  parse_with_libfyaml(text, 0, 1, file, builder, options, Location{}, false,
                      [&](Node&& doc) { docs.push_back(std::move(doc)); });
  return docs;
}

void check_input_size(std::string_view text, const std::string* file, const ParseOptions& options) {
  if (text.size() > options.max_input_bytes)
    throw Error(Location{file, 0, 0}, "input of " + std::to_string(text.size()) +
                                          " bytes exceeds the limit of " +
                                          std::to_string(options.max_input_bytes) + " bytes");
}

// The fast reader with per-document fallback to libfyaml (stream_each.cpp).
std::vector<Node> parse_stream(std::string_view text, const std::string& name,
                               const ParseOptions& options) {
  std::vector<Node> docs;
  parse_stream_each(
      text, name, [&](Node&& doc) { docs.push_back(std::move(doc)); }, options);
  return docs;
}

Node parse_document(std::string_view text, const std::string& name, const ParseOptions& options) {
  std::vector<Node> docs = parse_stream(text, name, options);
  if (docs.empty()) return Node::null();
  if (docs.size() > 1)
    throw Error(docs[1].loc().file ? docs[1].loc() : Location{intern(name), 0, 0},
                "expected a single YAML document, found " + std::to_string(docs.size()));
  return std::move(docs[0]);
}

std::vector<Node> parse_file(const std::string& path, const ParseOptions& options) {
  namespace fs = std::filesystem;
  const std::string* file = intern(path);
  std::error_code ec;
  fs::file_status st = fs::status(path, ec);
  if (ec || !fs::exists(st)) throw Error(Location{file, 0, 0}, "no such file");
  if (fs::is_directory(st))
    throw Error(Location{file, 0, 0}, "is a directory, expected a YAML file");
  std::unique_ptr<FILE, int (*)(FILE*)> f(std::fopen(path.c_str(), "rb"), &std::fclose);
  if (!f)
    throw Error(Location{file, 0, 0}, std::string("cannot read file: ") + std::strerror(errno));
  std::string text;
  char buf[1 << 16];
  for (;;) {
    size_t n = std::fread(buf, 1, sizeof buf, f.get());
    text.append(buf, n);
    if (text.size() > options.max_input_bytes)
      throw Error(Location{file, 0, 0}, "input exceeds the limit of " +
                                            std::to_string(options.max_input_bytes) + " bytes");
    if (n < sizeof buf) {
      if (std::ferror(f.get()))
        throw Error(Location{file, 0, 0}, std::string("cannot read file: ") + std::strerror(errno));
      break;
    }
  }
  return parse_stream(text, path, options);
}

} // namespace berth::yaml
