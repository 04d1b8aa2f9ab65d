// Path rules for generated files (see tree_path.h).
#include "tree/tree_path.h"

namespace berth::tree {

bool clean_relative(std::string_view path) {
  if (path.empty() || path.front() == '/' || path.back() == '/') return false;
  std::size_t start = 0;
  while (start <= path.size()) {
    std::size_t end = path.find('/', start);
    if (end == std::string_view::npos) end = path.size();
    std::string_view seg = path.substr(start, end - start);
    if (seg.empty() || seg == "." || seg == "..") return false;
    start = end + 1;
  }
  return !path.starts_with(".berth/");
}

} // namespace berth::tree
