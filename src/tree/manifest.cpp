// Manifest JSON text and the content hashes it records.
#include "tree/manifest.h"

#include <nlohmann/json.hpp>

#include "tree/parallel.h"
#include "tree/sha256.h"
#include "tree/writer.h"

namespace berth::tree {

std::vector<std::string> content_hashes(const std::map<std::string, std::string>& files) {
  std::vector<const std::string*> contents;
  contents.reserve(files.size());
  for (const auto& [path, content] : files)
    contents.push_back(&content);
  std::vector<std::string> hashes(contents.size());
  for_each_block(contents.size(), 256, 2, [&](std::size_t begin, std::size_t end) {
    for (std::size_t i = begin; i < end; ++i)
      hashes[i] = sha256_hex(*contents[i]);
  });
  return hashes;
}

std::string manifest_text(const std::vector<const std::string*>& paths,
                          const std::vector<std::string>& hashes) {
  // Written by hand in nlohmann's dump(2) layout: ordered_json's operator[] searches keys
  // linearly, which made 13,000 files quadratic.
  std::string out = "{\n  \"generator\": \"berth\",\n  \"files\": ";
  if (paths.empty()) return out + "{}\n}\n";
  out.reserve(out.size() + paths.size() * 128);
  out += "{";
  for (std::size_t i = 0; i < paths.size(); ++i) {
    out += i == 0 ? "\n    " : ",\n    ";
    out += nlohmann::json(*paths[i]).dump();
    out += ": \"";
    out += hashes[i];
    out += '"';
  }
  return out + "\n  }\n}\n";
}

std::string manifest_json(const std::map<std::string, std::string>& files) {
  std::vector<const std::string*> paths;
  paths.reserve(files.size());
  for (const auto& [path, content] : files)
    paths.push_back(&path);
  return manifest_text(paths, content_hashes(files));
}

} // namespace berth::tree
