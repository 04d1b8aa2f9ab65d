// Temp file beside the target + rename: the target is either the old or the new content.
#include "cli/atomic_file.h"

#include <filesystem>
#include <fstream>
#include <system_error>

#include <unistd.h>

#include "common/error.h"

namespace berth::cli {

namespace fs = std::filesystem;

void write_file_atomically(const std::string& path, const std::string& text,
                           const std::string& what) {
  fs::path tmp(path);
  tmp += ".berth-tmp-" + std::to_string(::getpid());
  Location where{intern(path), 0, 0};
  {
    std::ofstream f(tmp, std::ios::binary | std::ios::trunc);
    if (f) {
      f << text;
      f.flush();
    }
    if (!f) {
      std::error_code ec;
      fs::remove(tmp, ec);
      throw Error(where, "cannot write " + what + " here");
    }
  }
  std::error_code ec;
  fs::rename(tmp, path, ec);
  if (ec) {
    std::error_code ignored;
    fs::remove(tmp, ignored);
    throw Error(where, "cannot write " + what + " here: " + ec.message());
  }
}

} // namespace berth::cli
