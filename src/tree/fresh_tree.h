// Writing a whole tree into an absent or empty directory: staged inside it, flushed once, then
// published with one rename per top-level entry.
#pragma once

#include <filesystem>
#include <map>
#include <string>

namespace berth::tree {

// Writes `files` (clean relative paths, see tree_path.h) and the manifest under `root`, which
// must be absent or empty. Everything is first written into a hidden staging directory inside
// `root` and made durable with a single syncfs; then each top-level entry ("base",
// "overlays", "MIGRATION.md", ...) is renamed into place, the manifest's ".berth" last. So a
// reader (or a crash) never sees a partly written file or a partly filled top-level directory,
// and a tree with a manifest is complete. On failure the staging directory is removed; entries
// already renamed stay. Throws berth::Error on I/O failures.
void write_fresh_tree(const std::filesystem::path& root,
                      const std::map<std::string, std::string>& files);

} // namespace berth::tree
