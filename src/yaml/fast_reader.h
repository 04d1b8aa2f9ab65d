// Hand-written reader for the YAML that Kubernetes manifests and JSON use; declines the rest.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

#include "yaml/node.h"
#include "yaml/parse.h"

namespace berth::yaml {

// Reads a stream one document at a time and builds exactly the tree the libfyaml path builds
// (values, styles, locations, key order), or *declines* a document it is not certain about so
// the caller hands that document to libfyaml. It never reports errors: malformed input, and
// anything outside its subset (anchors, tags, complex keys, folded or multi-line scalars, tabs
// in indentation, CR, directives, duplicate or merge keys, exceeded bounds), declines.
// The text must already be stripped of a BOM and validated as UTF-8 (parse_stream does both).
class FastReader {
public:
  enum class Step { Document, End, Declined };

  FastReader(std::string_view text, const std::string* file, const ParseOptions& options);
  ~FastReader();
  FastReader(const FastReader&) = delete;
  FastReader& operator=(const FastReader&) = delete;

  // Reads the next document into `doc`. After Declined the reader is back where the call
  // started (offset(), line(), last() unchanged), which is where libfyaml should take over.
  Step next(Node& doc);

  // Why the last next() declined: a short fixed phrase ("anchor", "tab in indentation"...).
  const char* decline_reason() const;
  // About where the reader was when it declined (to find what made it decline).
  const Location& decline_location() const;

  // The reader's position between documents: byte offset of a line start, its 1-based number.
  std::size_t offset() const;
  unsigned line() const;
  // Location of the last node read. libfyaml gives empty scalars no position of their own, so
  // the libfyaml path places them at the previous node; this carries that across documents.
  const Location& last() const;
  // Continues at a line start (after the libfyaml path has read the documents before it).
  void seek(std::size_t offset, unsigned line, const Location& last);

private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

} // namespace berth::yaml
