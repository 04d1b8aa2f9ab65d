// Re-run rules of `berth convert -o DIR`, decided before anything is written:
//  - DIR absent or empty: write everything;
//  - DIR with .berth/manifest.json: a file whose hash still matches the manifest is berth's
//    and is overwritten; a file edited by hand (or a foreign file where berth wants to write)
//    refuses the whole run unless --force; files berth wrote before but no longer generates
//    are removed when unedited, else kept with a warning;
//  - DIR non-empty without a manifest: refused unless --force.
// Each file is written to a temporary file in its directory and renamed over the target, so
// a reader never sees a half-written file; the manifest is written last.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <optional>
#include <set>
#include <sstream>

#include <nlohmann/json.hpp>

#include "common/error.h"
#include "tree/sha256.h"
#include "tree/writer.h"

namespace berth::tree {

namespace fs = std::filesystem;

namespace {

std::optional<std::string> read_if_file(const fs::path& path) {
  std::error_code ec;
  if (!fs::is_regular_file(path, ec)) return std::nullopt;
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error("cannot read " + path.string() + ": " + std::strerror(errno));
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

bool exists_any(const fs::path& path) {
  std::error_code ec;
  return fs::exists(fs::symlink_status(path, ec));
}

// path → hash from a previous run; throws for a manifest berth cannot read.
std::map<std::string, std::string> load_manifest(const fs::path& file) {
  std::optional<std::string> text = read_if_file(file);
  std::map<std::string, std::string> hashes;
  if (!text) return hashes;
  try {
    nlohmann::json doc = nlohmann::json::parse(*text);
    for (const auto& [path, hash] : doc.at("files").items()) hashes[path] = hash.get<std::string>();
  } catch (const nlohmann::json::exception& e) {
    throw Error(file.string() + ": not a berth tree manifest (" + e.what() +
                "); delete it or use --force");
  }
  return hashes;
}

void write_atomically(const fs::path& target, const std::string& content) {
  std::error_code ec;
  fs::create_directories(target.parent_path(), ec);
  if (ec) throw Error("cannot create " + target.parent_path().string() + ": " + ec.message());
  std::string tmp = (target.parent_path() / ("." + target.filename().string() + ".berth-XXXXXX")).string();
  int fd = mkstemp(tmp.data());
  if (fd < 0) throw Error("cannot create a temporary file next to " + target.string() + ": " +
                          std::strerror(errno));
  const char* p = content.data();
  std::size_t left = content.size();
  while (left > 0) {
    ssize_t n = ::write(fd, p, left);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      int err = errno;
      ::close(fd);
      ::unlink(tmp.c_str());
      throw Error("cannot write " + target.string() + ": " + std::strerror(err));
    }
    p += n;
    left -= static_cast<std::size_t>(n);
  }
  // Generated files are meant to be committed and read: 0644 regardless of mkstemp's 0600.
  ::fchmod(fd, 0644);
  if (::fsync(fd) != 0 || ::close(fd) != 0) {
    ::unlink(tmp.c_str());
    throw Error("cannot write " + target.string() + ": " + std::strerror(errno));
  }
  if (std::rename(tmp.c_str(), target.c_str()) != 0) {
    int err = errno;
    ::unlink(tmp.c_str());
    throw Error("cannot replace " + target.string() + ": " + std::strerror(err));
  }
}

// Removes `file`, then its parent directories up to (not including) `root` while empty.
void remove_with_empty_parents(const fs::path& root, const fs::path& file) {
  std::error_code ec;
  fs::remove(file, ec);
  for (fs::path dir = file.parent_path(); dir != root && dir.string().size() > root.string().size();
       dir = dir.parent_path()) {
    if (!fs::is_empty(dir, ec) || ec) break;
    fs::remove(dir, ec);
  }
}

} // namespace

WriteResult write_files(const std::map<std::string, std::string>& files, const std::string& dir,
                        const WriteOptions& options) {
  WriteResult result;
  const fs::path root(dir);
  std::error_code ec;
  if (exists_any(root) && !fs::is_directory(root, ec))
    throw Error(dir + " exists and is not a directory");

  const bool empty = !exists_any(root) || fs::is_empty(root, ec);
  const fs::path manifest_file = root / kManifestPath;
  const bool has_manifest = !empty && exists_any(manifest_file);
  if (!empty && !has_manifest && !options.force) {
    result.refusal = dir + " is not empty and was not written by berth (no " +
                     std::string(kManifestPath) + "); choose another directory or use --force";
    return result;
  }
  const std::map<std::string, std::string> previous =
      has_manifest ? load_manifest(manifest_file) : std::map<std::string, std::string>{};

  // Decide everything first: nothing is written when the run is refused.
  if (!empty) {
    for (const auto& [path, content] : files) {
      std::optional<std::string> current = read_if_file(root / path);
      if (!current) {
        if (exists_any(root / path))
          throw Error((root / path).string() + " exists and is not a regular file");
        continue;
      }
      if (*current == content) continue;
      auto was = previous.find(path);
      bool untouched = was != previous.end() && sha256_hex(*current) == was->second;
      if (!untouched) result.edited.push_back(path);
    }
  }
  if (!result.edited.empty() && !options.force) {
    result.refusal = "files were edited since berth wrote them (or are not berth's); "
                     "nothing was written. Use --force to overwrite them";
    return result;
  }
  std::vector<std::string> stale;
  for (const auto& [path, hash] : previous) {
    if (files.count(path)) continue;
    std::optional<std::string> current = read_if_file(root / path);
    if (!current) continue;
    if (sha256_hex(*current) == hash) stale.push_back(path);
    else result.warnings.push_back(path + " is no longer generated but was edited: kept");
  }

  for (const auto& [path, content] : files) {
    std::optional<std::string> current = read_if_file(root / path);
    if (!current || *current != content) write_atomically(root / path, content);
    ++result.files;
  }
  for (const std::string& path : stale) {
    remove_with_empty_parents(root, root / path);
    result.removed.push_back(path);
  }
  write_atomically(manifest_file, manifest_json(files));
  result.written = true;
  return result;
}

WriteResult write_tree(const generate::Output& out, const std::string& dir,
                       const WriteOptions& options) {
  return write_files(render(out), dir, options);
}

} // namespace berth::tree
