// Document-at-a-time parsing (placeholder over parse_stream until the fast reader lands).
#include "yaml/parse.h"

namespace berth::yaml {

void parse_stream_each(std::string_view text, const std::string& name,
                       const std::function<void(Node&&)>& on_document,
                       const ParseOptions& options) {
  for (Node& doc : parse_stream(text, name, options)) on_document(std::move(doc));
}

} // namespace berth::yaml
