// Replacing files of an existing tree: each written to a temporary file beside its target, all
// made durable by one flush, then renamed over their targets in order.
#pragma once

#include <filesystem>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace berth::tree {

// Each target is replaced atomically (a reader sees the old or the new file, never a mix), and
// all new content is durable before the first target changes: one syncfs for the whole batch
// instead of one fsync per file. Temporaries not yet renamed are removed on destruction (a
// failed run leaves the old files).
class Batch {
public:
  explicit Batch(std::filesystem::path root) : root_(std::move(root)) {}
  Batch(const Batch&) = delete;
  Batch& operator=(const Batch&) = delete;
  ~Batch();

  // Writes `content` to a temporary next to `target`, creating missing parent directories.
  void add(const std::filesystem::path& target, std::string_view content);
  // Flushes the file system once; call after the last add().
  void flush();
  // Renames the next `count` pending files (in add() order) over their targets.
  void publish(std::size_t count);
  std::size_t unpublished() const { return pending_.size() - renamed_; }

private:
  struct Pending {
    std::string tmp;
    std::filesystem::path target;
  };
  std::filesystem::path root_;
  std::vector<Pending> pending_;
  std::set<std::filesystem::path> made_dirs_; // parents known to exist
  std::size_t renamed_ = 0;
};

} // namespace berth::tree
