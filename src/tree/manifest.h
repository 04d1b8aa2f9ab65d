// The tree manifest (.berth/manifest.json) from file paths and their content hashes.
#pragma once

#include <map>
#include <string>
#include <vector>

namespace berth::tree {

// {"generator": "berth", "files": {path: sha256}} in nlohmann's dump(2) layout; `paths` sorted
// and unique, `hashes[i]` the hash of the file at paths[i].
std::string manifest_text(const std::vector<const std::string*>& paths,
                          const std::vector<std::string>& hashes);

// SHA-256 hex of every file's content, in map order (computed on a few threads).
std::vector<std::string> content_hashes(const std::map<std::string, std::string>& files);

} // namespace berth::tree
