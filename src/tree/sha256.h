// SHA-256 of file contents, as lowercase hex (the tree manifest records it per file).
#pragma once

#include <string>
#include <string_view>

namespace berth::tree {

std::string sha256_hex(std::string_view data);

} // namespace berth::tree
