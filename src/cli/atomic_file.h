// Writing one output file of a command so a reader never sees half of it (temp file + rename).
#pragma once

#include <string>

namespace berth::cli {

// Writes `text` to `path` through a temporary file beside it; throws berth::Error naming `path`
// (and `what`, e.g. "the profile") when it cannot.
void write_file_atomically(const std::string& path, const std::string& text,
                           const std::string& what = "the file");

} // namespace berth::cli
