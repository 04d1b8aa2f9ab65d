// Writing a whole tree into an absent or empty directory: staged inside it, flushed once, then
// published with one rename per top-level entry.
#pragma once

#include <cstddef>
#include <filesystem>
#include <map>
#include <string>
#include <string_view>

namespace berth::tree {

// The files of a new tree, sorted by path. content() is called once per file, from several
// threads at once.
class FreshSource {
public:
  virtual ~FreshSource() = default;
  virtual std::size_t size() const = 0;
  // Clean relative paths (see tree_path.h), sorted and unique.
  virtual const std::string& path(std::size_t i) const = 0;
  // The content of file i: a view of `buffer` (the calling thread's, reused across calls) or of
  // text that outlives the write.
  virtual std::string_view content(std::size_t i, std::string& buffer) const = 0;
  // Called once every content() has returned, before anything is published or flushed: throws
  // to abandon the tree.
  virtual void check() const {}
};

// Writes the files of `source` and the manifest under `root`, which must be absent or empty.
// Everything is first written into a hidden staging directory inside `root` and made durable
// with a single syncfs; then each top-level entry ("base", "overlays", "MIGRATION.md", ...) is
// renamed into place, the manifest's ".berth" last. So a reader (or a crash) never sees a
// partly written file or a partly filled top-level directory, and a tree with a manifest is
// complete. On failure the staging directory is removed, and so are `root` and the parents
// this call created while they are empty; entries already renamed stay. Throws berth::Error
// on I/O failures, and whatever content() or check() throws. Returns the number of files.
std::size_t write_fresh_tree(const std::filesystem::path& root, const FreshSource& source);

// Same for files already in memory.
std::size_t write_fresh_tree(const std::filesystem::path& root,
                             const std::map<std::string, std::string>& files);

} // namespace berth::tree
