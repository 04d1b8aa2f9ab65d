// Temporary files beside their targets, one flush, renames in order (see batch.h).
#include "tree/batch.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>

#include "common/error.h"
#include "tree/file_io.h"

namespace berth::tree {

namespace fs = std::filesystem;

Batch::~Batch() {
  for (std::size_t i = renamed_; i < pending_.size(); ++i) // left over only on failure
    ::unlink(pending_[i].tmp.c_str());
}

void Batch::add(const fs::path& target, std::string_view content) {
  fs::path parent = target.parent_path();
  if (!made_dirs_.count(parent)) {
    std::error_code ec;
    fs::create_directories(parent, ec);
    if (ec) throw Error("cannot create " + parent.string() + ": " + ec.message());
    made_dirs_.insert(parent);
  }
  std::string tmp = (parent / ("." + target.filename().string() + ".berth-XXXXXX")).string();
  int fd = mkstemp(tmp.data());
  if (fd < 0)
    throw Error("cannot create a temporary file next to " + target.string() + ": " +
                std::strerror(errno));
  pending_.push_back({tmp, target});
  // Generated files are meant to be committed and read: 0644 regardless of mkstemp's 0600.
  bool ok = write_all(fd, content) && ::fchmod(fd, 0644) == 0;
  int err = errno;
  if (::close(fd) != 0 && ok) ok = false, err = errno;
  if (!ok) throw Error("cannot write " + target.string() + ": " + std::strerror(err));
}

void Batch::flush() {
  if (unpublished() > 0) flush_file_system(root_);
}

void Batch::publish(std::size_t count) {
  for (std::size_t end = std::min(pending_.size(), renamed_ + count); renamed_ < end; ++renamed_) {
    const Pending& p = pending_[renamed_];
    if (std::rename(p.tmp.c_str(), p.target.c_str()) != 0)
      throw Error("cannot replace " + p.target.string() + ": " + std::strerror(errno));
  }
}

} // namespace berth::tree
