// Input checks done before libfyaml sees the text: UTF-8 validity, NUL bytes, BOM handling.
#pragma once

#include <string>
#include <string_view>

namespace berth::yaml {

// Returns `text` without a leading UTF-8 byte-order mark.
std::string_view strip_bom(std::string_view text);

// Throws berth::Error at file:line:column of the first invalid UTF-8 sequence or NUL byte.
void check_utf8(std::string_view text, const std::string* file);

} // namespace berth::yaml
