// File reads, exclusive creation with a fixed mode, and file-system flushes for the tree writers.
#include "tree/file_io.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>

#include "common/error.h"

namespace berth::tree {

namespace fs = std::filesystem;

namespace {

constexpr mode_t kFileMode = 0644;

// The process umask, read without changing it (umask(2) can only be read by setting it, which
// would race with files other threads create). -1 when /proc is unavailable.
int current_umask() {
  std::ifstream status("/proc/self/status");
  std::string line;
  while (std::getline(status, line))
    if (line.rfind("Umask:", 0) == 0)
      return static_cast<int>(std::strtol(line.c_str() + 6, nullptr, 8));
  return -1;
}

} // namespace

std::optional<std::string> read_if_file(const fs::path& path) {
  std::error_code ec;
  if (!fs::is_regular_file(path, ec)) return std::nullopt;
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error("cannot read " + path.string() + ": " + std::strerror(errno));
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

bool write_all(int fd, std::string_view content) {
  const char* p = content.data();
  std::size_t left = content.size();
  while (left > 0) {
    ssize_t n = ::write(fd, p, left);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return false;
    p += n;
    left -= static_cast<std::size_t>(n);
  }
  return true;
}

bool umask_strips_file_mode() {
  int mask = current_umask();
  return mask < 0 || (static_cast<mode_t>(mask) & kFileMode) != 0;
}

bool create_file_at(int dir_fd, const char* name, std::string_view content, bool fix_mode) {
  int fd = ::openat(dir_fd, name, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, kFileMode);
  if (fd < 0) return false;
  bool ok = write_all(fd, content) && (!fix_mode || ::fchmod(fd, kFileMode) == 0);
  int err = errno;
  if (::close(fd) != 0 && ok) ok = false, err = errno;
  errno = err;
  return ok;
}

void flush_file_system(const fs::path& dir) {
  int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0 || ::syncfs(fd) != 0) {
    int err = errno;
    if (fd >= 0) ::close(fd);
    throw Error("cannot flush " + dir.string() + ": " + std::strerror(err));
  }
  ::close(fd);
}

} // namespace berth::tree
