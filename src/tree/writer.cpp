// Re-run rules of `berth convert -o DIR`, decided before anything is written:
//  - DIR absent or empty: write everything;
//  - DIR with .berth/manifest.json: a file whose hash still matches the manifest is berth's
//    and is overwritten; a file edited by hand (or a foreign file where berth wants to write)
//    refuses the whole run unless --force; files berth wrote before but no longer generates
//    are removed when unedited, else kept with a warning;
//  - DIR non-empty without a manifest: refused unless --force.
// A new tree is staged and published by top-level entry (fresh_tree.h); in an existing tree
// each changed file is written to a temporary file in its directory and renamed over the
// target (batch.h), so a reader never sees a half-written file; the manifest is written last.
#include <nlohmann/json.hpp>

#include "common/error.h"
#include "tree/batch.h"
#include "tree/file_io.h"
#include "tree/fresh_tree.h"
#include "tree/output_source.h"
#include "tree/sha256.h"
#include "tree/tree_path.h"
#include "tree/writer.h"

namespace berth::tree {

namespace fs = std::filesystem;

namespace {

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
    for (const auto& [path, hash] : doc.at("files").items()) {
      // The manifest decides what berth may delete: only relative paths inside the tree.
      fs::path p(path);
      bool inside = !path.empty() && p.is_relative();
      for (const auto& part : p)
        inside = inside && part != "..";
      if (!inside)
        throw Error(file.string() + ": lists \"" + path +
                    "\", which is outside the tree; refusing to use this manifest");
      hashes[path] = hash.get<std::string>();
    }
  } catch (const nlohmann::json::exception& e) {
    throw Error(file.string() + ": not a berth tree manifest (" + e.what() +
                "); delete it or use --force");
  }
  return hashes;
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
  for (const auto& [path, content] : files)
    if (!clean_relative(path))
      throw Error("generated path '" + path + "' is not a clean relative path inside the tree");
  WriteResult result;
  const fs::path root(dir);
  std::error_code ec;
  if (exists_any(root) && !fs::is_directory(root, ec))
    throw Error(dir + " exists and is not a directory");

  const bool empty = !exists_any(root) || fs::is_empty(root, ec);
  if (empty) {
    result.files = write_fresh_tree(root, files);
    result.written = true;
    return result;
  }
  const fs::path manifest_file = root / kManifestPath;
  const bool has_manifest = exists_any(manifest_file);
  if (!has_manifest && !options.force) {
    result.refusal = dir + " is not empty and was not written by berth (no " +
                     std::string(kManifestPath) + "); choose another directory or use --force";
    return result;
  }
  const std::map<std::string, std::string> previous =
      has_manifest ? load_manifest(manifest_file) : std::map<std::string, std::string>{};

  // Decide everything first: nothing is written when the run is refused. Each existing file
  // is read once; unchanged ones are not rewritten.
  std::vector<const std::pair<const std::string, std::string>*> changed;
  for (const auto& item : files) {
    const auto& [path, content] = item;
    std::optional<std::string> current = read_if_file(root / path);
    if (!current) {
      if (exists_any(root / path))
        throw Error((root / path).string() + " exists and is not a regular file");
      changed.push_back(&item);
      continue;
    }
    if (*current == content) continue;
    changed.push_back(&item);
    auto was = previous.find(path);
    bool untouched = was != previous.end() && sha256_hex(*current) == was->second;
    if (!untouched) result.edited.push_back(path);
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
    if (sha256_hex(*current) == hash)
      stale.push_back(path);
    else
      result.warnings.push_back(path + " is no longer generated but was edited: kept");
  }

  // One flush for the changed files and the manifest; the manifest is renamed last, after
  // stale files are gone, since it decides what berth may overwrite or delete next time.
  // An unchanged manifest is left alone too: a re-run that changes nothing touches no file.
  std::string manifest = manifest_json(files);
  std::optional<std::string> old_manifest = read_if_file(manifest_file);
  const bool manifest_changed = !old_manifest || *old_manifest != manifest;
  Batch batch(root);
  for (const auto* item : changed)
    batch.add(root / item->first, item->second);
  if (manifest_changed) batch.add(manifest_file, std::move(manifest));
  batch.flush();
  batch.publish(changed.size());
  for (const std::string& path : stale) {
    remove_with_empty_parents(root, root / path);
    result.removed.push_back(path);
  }
  if (manifest_changed) batch.publish(1);
  result.files = files.size();
  result.written = true;
  return result;
}

WriteResult write_tree(const generate::Output& out, const std::string& dir,
                       const WriteOptions& options) {
  const fs::path root(dir);
  std::error_code ec;
  const bool fresh =
      !exists_any(root) || (fs::is_directory(root, ec) && fs::is_empty(root, ec) && !ec);
  if (fresh) {
    // A new tree: objects are emitted straight into the files, never all held in memory.
    OutputSource source(out);
    if (source.paths_ok()) {
      WriteResult result;
      result.files = write_fresh_tree(root, source);
      result.written = true;
      return result;
    }
  }
  return write_files(render(out), dir, options); // render() reports a refused path
}

} // namespace berth::tree
