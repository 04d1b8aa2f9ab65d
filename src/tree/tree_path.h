// Which relative paths a generated file may have inside the output tree.
#pragma once

#include <string_view>

namespace berth::tree {

// Relative, '/'-separated, no empty, '.' or '..' segment, and never inside .berth/ (berth's
// own bookkeeping).
bool clean_relative(std::string_view path);

} // namespace berth::tree
