// Output → {path: content}: one emitted object per manifest file; the tree's manifest JSON.
#include <nlohmann/json.hpp>

#include "common/error.h"
#include "tree/sha256.h"
#include "tree/writer.h"
#include "yaml/emit.h"

namespace berth::tree {

namespace {

// Relative, '/'-separated, no empty, '.' or '..' segment, and never inside .berth/.
bool clean_relative(const std::string& path) {
  if (path.empty() || path.front() == '/' || path.back() == '/') return false;
  std::size_t start = 0;
  while (start <= path.size()) {
    std::size_t end = path.find('/', start);
    if (end == std::string::npos) end = path.size();
    std::string_view seg(path.data() + start, end - start);
    if (seg.empty() || seg == "." || seg == "..") return false;
    start = end + 1;
  }
  return !path.starts_with(".berth/");
}

void put(std::map<std::string, std::string>& files, const std::string& path, std::string content) {
  if (!clean_relative(path))
    throw Error("generated path '" + path + "' is not a clean relative path inside the tree");
  if (!files.emplace(path, std::move(content)).second)
    throw Error("two generated files claim the path '" + path + "'");
}

} // namespace

std::map<std::string, std::string> render(const generate::Output& out) {
  std::map<std::string, std::string> files;
  for (const generate::Manifest& m : out.base) put(files, m.path, yaml::emit(m.object));
  for (const auto& [env, manifests] : out.overlay)
    for (const generate::Manifest& m : manifests) put(files, m.path, yaml::emit(m.object));
  for (const auto& [env, patches] : out.patches)
    for (const generate::Patch& p : patches) put(files, p.path, yaml::emit(p.patch));
  for (const generate::TextFile& f : out.files) put(files, f.path, f.content);
  return files;
}

std::string manifest_json(const std::map<std::string, std::string>& files) {
  // Written by hand in nlohmann's dump(2) layout: ordered_json's operator[] searches keys
  // linearly, which made 13,000 files quadratic. `files` is already sorted and unique.
  std::string out = "{\n  \"generator\": \"berth\",\n  \"files\": ";
  if (files.empty()) return out + "{}\n}\n";
  out += "{";
  bool first = true;
  for (const auto& [path, content] : files) {
    out += first ? "\n    " : ",\n    ";
    out += nlohmann::json(path).dump() + ": \"" + sha256_hex(content) + "\"";
    first = false;
  }
  return out + "\n  }\n}\n";
}

} // namespace berth::tree
