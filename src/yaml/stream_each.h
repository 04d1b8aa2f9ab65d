// Stream reading with the fast reader first and libfyaml for the documents it declines.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "yaml/node.h"
#include "yaml/parse.h"

namespace berth::yaml {

// Which reader built the documents of a stream (tests and benchmarks).
struct ReadStats {
  std::size_t fast_documents = 0;     // built by the fast reader
  std::size_t libfyaml_documents = 0; // built by libfyaml after a decline
  std::vector<std::string> declines;  // the fast reader's reason, one per decline
};

// parse_stream_each, with statistics when `stats` is not null.
void read_stream(std::string_view text, const std::string& name,
                 const std::function<void(Node&&)>& on_document, const ParseOptions& options,
                 ReadStats* stats);

} // namespace berth::yaml
