// Staged writing of a new tree (see fresh_tree.h). Files are created relative to an open
// directory descriptor, one open/write/close each: no per-file path walk from the root, stat,
// temporary name or rename, which is most of the cost of writing 13,000 small files.
#include "tree/fresh_tree.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <set>
#include <unordered_set>
#include <vector>

#include "common/error.h"
#include "tree/file_io.h"
#include "tree/manifest.h"
#include "tree/parallel.h"
#include "tree/sha256.h"
#include "tree/writer.h"

namespace berth::tree {

namespace fs = std::filesystem;

namespace {

// An open directory descriptor, closed on scope exit.
class DirFd {
public:
  DirFd() = default;
  DirFd(int parent, const char* path, const std::string& shown)
      : fd_(::openat(parent, path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)) {
    if (fd_ < 0) throw Error("cannot open " + shown + ": " + std::strerror(errno));
  }
  DirFd(const DirFd&) = delete;
  DirFd& operator=(const DirFd&) = delete;
  DirFd& operator=(DirFd&& o) noexcept {
    std::swap(fd_, o.fd_);
    return *this;
  }
  ~DirFd() {
    if (fd_ >= 0) ::close(fd_);
  }
  int get() const { return fd_; }

private:
  int fd_ = -1;
};

// Creates files under the staging directory, keeping the directory of the last file open:
// files arrive sorted, so consecutive files mostly share it.
class StageWriter {
public:
  StageWriter(int stage_fd, const fs::path& root, bool fix_mode)
      : stage_fd_(stage_fd), root_(root), fix_mode_(fix_mode) {}

  void write(const std::string& path, std::string_view content) {
    std::size_t slash = path.rfind('/');
    int dir_fd = stage_fd_;
    if (slash != std::string::npos) {
      std::string_view dir(path.data(), slash);
      if (dir != dir_) enter(std::string(dir));
      dir_fd = dir_fd_.get();
    }
    const char* name = path.c_str() + (slash == std::string::npos ? 0 : slash + 1);
    if (!create_file_at(dir_fd, name, content, fix_mode_))
      throw Error("cannot write " + (root_ / path).string() + ": " + std::strerror(errno));
  }

private:
  // Opens `dir` (relative to the staging directory), creating it and its parents first.
  void enter(std::string dir) {
    make(dir);
    dir_fd_ = DirFd(stage_fd_, dir.c_str(), (root_ / dir).string());
    dir_ = std::move(dir);
  }

  void make(const std::string& dir) {
    if (made_.count(dir)) return;
    if (std::size_t slash = dir.rfind('/'); slash != std::string::npos) make(dir.substr(0, slash));
    // Another thread may have made it: the staging directory is ours alone, so EEXIST is fine.
    if (::mkdirat(stage_fd_, dir.c_str(), 0777) != 0 && errno != EEXIST)
      throw Error("cannot create " + (root_ / dir).string() + ": " + std::strerror(errno));
    made_.insert(dir);
  }

  int stage_fd_;
  const fs::path& root_;
  bool fix_mode_;
  std::string dir_;
  DirFd dir_fd_;
  std::unordered_set<std::string> made_;
};

// Top-level entries of the tree in publishing order: sorted, berth's ".berth" last.
std::vector<std::string> top_level(const FreshSource& source) {
  std::set<std::string> names;
  for (std::size_t i = 0; i < source.size(); ++i) {
    const std::string& path = source.path(i);
    names.insert(path.substr(0, path.find('/')));
  }
  names.erase(".berth");
  std::vector<std::string> order(names.begin(), names.end());
  order.push_back(".berth");
  return order;
}

// The highest missing ancestor of `root` (root itself when only it is missing); empty when
// root exists.
fs::path first_missing(const fs::path& root) {
  std::error_code ec;
  fs::path missing;
  for (fs::path p = fs::absolute(root, ec); !p.empty() && !fs::exists(fs::symlink_status(p, ec));
       p = p.parent_path()) {
    missing = p;
    if (p == p.parent_path()) break;
  }
  return missing;
}

// Removes the directories a failed write created, from `root` up to `top`, while empty.
void remove_created(const fs::path& root, const fs::path& top) {
  if (top.empty()) return;
  std::error_code ec;
  for (fs::path p = fs::absolute(root, ec); !p.empty(); p = p.parent_path()) {
    if (!fs::remove(p, ec) || ec) return; // not empty (or gone): stop
    if (p == top || p == p.parent_path()) return;
  }
}

// Files of a map: already rendered.
class MapSource : public FreshSource {
public:
  explicit MapSource(const std::map<std::string, std::string>& files) {
    items_.reserve(files.size());
    for (const auto& item : files)
      items_.push_back(&item);
  }
  std::size_t size() const override { return items_.size(); }
  const std::string& path(std::size_t i) const override { return items_[i]->first; }
  std::string_view content(std::size_t i, std::string&) const override { return items_[i]->second; }

private:
  std::vector<const std::pair<const std::string, std::string>*> items_;
};

// Moves `name` from the staging directory into the root; never replaces an entry that
// appeared there meanwhile (another process writing the same directory).
void publish(int stage_fd, int root_fd, const std::string& name, const fs::path& root) {
  int rc = ::renameat2(stage_fd, name.c_str(), root_fd, name.c_str(), RENAME_NOREPLACE);
  if (rc != 0 && (errno == EINVAL || errno == ENOSYS)) // file system without RENAME_NOREPLACE
    rc = ::renameat(stage_fd, name.c_str(), root_fd, name.c_str());
  if (rc != 0)
    throw Error("cannot move " + (root / name).string() + " into place: " + std::strerror(errno));
}

} // namespace

std::size_t write_fresh_tree(const fs::path& root, const FreshSource& source) {
  const fs::path created = first_missing(root);
  std::error_code ec;
  fs::create_directories(root, ec);
  if (ec) throw Error("cannot create " + root.string() + ": " + ec.message());
  std::string stage = (root / ".berth-staging-XXXXXX").string();
  try {
    DirFd root_fd(AT_FDCWD, root.c_str(), root.string());
    if (!::mkdtemp(stage.data()))
      throw Error("cannot create a staging directory in " + root.string() + ": " +
                  std::strerror(errno));
    try {
      DirFd stage_fd(AT_FDCWD, stage.c_str(), stage);
      // Blocks of consecutive (sorted) files on two threads: each keeps its directory open
      // across the block and one content buffer across files; hashes for the manifest are
      // computed on the way.
      const bool fix_mode = umask_strips_file_mode(); // read once per tree, not per file
      std::vector<std::string> hashes(source.size());
      for_each_block(source.size(), 256, 2, [&](std::size_t begin, std::size_t end) {
        StageWriter writer(stage_fd.get(), root, fix_mode);
        std::string buffer;
        for (std::size_t i = begin; i < end; ++i) {
          std::string_view content = source.content(i, buffer);
          writer.write(source.path(i), content);
          hashes[i] = sha256_hex(content);
        }
      });
      source.check();
      std::vector<const std::string*> paths(source.size());
      for (std::size_t i = 0; i < source.size(); ++i)
        paths[i] = &source.path(i);
      StageWriter(stage_fd.get(), root, fix_mode)
          .write(kManifestPath, manifest_text(paths, hashes));

      flush_file_system(stage); // all content durable before anything appears in `root`
      for (const std::string& name : top_level(source))
        publish(stage_fd.get(), root_fd.get(), name, root);
    } catch (...) {
      fs::remove_all(stage, ec);
      throw;
    }
    if (::unlinkat(root_fd.get(), fs::path(stage).filename().c_str(), AT_REMOVEDIR) != 0)
      throw Error("cannot remove " + stage + ": " + std::strerror(errno));
  } catch (...) {
    remove_created(root, created);
    throw;
  }
  return source.size();
}

std::size_t write_fresh_tree(const fs::path& root,
                             const std::map<std::string, std::string>& files) {
  return write_fresh_tree(root, MapSource(files));
}

} // namespace berth::tree
