// Document-at-a-time parsing: the fast reader reads what it can, and each document it declines
// goes to libfyaml, which hands the stream back at the next "---". Only one tree is alive.
#include "yaml/stream_each.h"

#include <optional>

#include "yaml/fast_reader.h"
#include "yaml/libfyaml_path.h"
#include "yaml/tree_builder.h"
#include "yaml/utf8.h"

namespace berth::yaml {

void read_stream(std::string_view text, const std::string& name,
                 const std::function<void(Node&&)>& on_document, const ParseOptions& options,
                 ReadStats* stats) {
  const std::string* file = intern(name);
  check_input_size(text, file, options);
  text = strip_bom(text);
  // The whole input up front, as the libfyaml path always did: the same error, and the fast
  // reader may then rely on valid UTF-8.
  check_utf8(text, file);
  if (text.empty()) return;

  FastReader fast(text, file, options);
  std::optional<TreeBuilder> builder; // built on the first decline; keeps per-stream budgets
  const std::function<void(Node &&)> slow_document = [&](Node&& doc) {
    if (stats) ++stats->libfyaml_documents;
    on_document(std::move(doc));
  };
  for (;;) {
    Node doc;
    switch (fast.next(doc)) {
    case FastReader::Step::Document:
      if (stats) ++stats->fast_documents;
      on_document(std::move(doc));
      break;
    case FastReader::Step::End:
      return;
    case FastReader::Step::Declined: {
      if (stats) stats->declines.emplace_back(fast.decline_reason());
      if (!builder) builder.emplace(options);
      LibfyamlStop stop = parse_with_libfyaml(text, fast.offset(), fast.line(), file, *builder,
                                              options, fast.last(), true, slow_document);
      if (stop.at_end) return;
      fast.seek(stop.offset, stop.line, stop.last);
      break;
    }
    }
  }
}

void parse_stream_each(std::string_view text, const std::string& name,
                       const std::function<void(Node&&)>& on_document,
                       const ParseOptions& options) {
  read_stream(text, name, on_document, options, nullptr);
}

} // namespace berth::yaml
