// Writing the generated tree to disk: checked against what berth wrote last time
// (.berth/manifest.json), then written atomically (a new tree staged and published whole, an
// existing one file by file).
#pragma once

#include <map>
#include <string>
#include <vector>

#include "generate/output.h"

namespace berth::tree {

// Path of the manifest inside the output directory.
inline constexpr const char* kManifestPath = ".berth/manifest.json";

struct WriteOptions {
  bool force = false; // overwrite files edited by hand / write into a foreign directory
};

struct WriteResult {
  bool written = false;             // false: refused, nothing was touched
  std::string refusal;              // why, when refused
  std::vector<std::string> edited;  // files changed by hand that berth would overwrite
  std::vector<std::string> removed; // stale files berth wrote before and no longer generates
  std::vector<std::string> warnings;
  std::size_t files = 0;            // files written
};

// Every file of the tree, path → content, sorted: manifests emitted one object per file, patches,
// text files as they are. Throws berth::Error when two outputs claim the same path or a path
// is not a clean relative path.
std::map<std::string, std::string> render(const generate::Output& out);

// The manifest text for rendered files: {"files": {path: sha256}} (sorted, stable).
std::string manifest_json(const std::map<std::string, std::string>& files);

// Writes `out` under `dir` following the re-run rules (see writer.cpp). I/O failures and paths
// that are not clean relative paths (see render) throw berth::Error.
// Into an absent or empty `dir`, objects are emitted straight into the staged files (same
// bytes and errors as render(), without holding every text in memory).
WriteResult write_tree(const generate::Output& out, const std::string& dir,
                       const WriteOptions& options = {});
// Same for already rendered files.
WriteResult write_files(const std::map<std::string, std::string>& files, const std::string& dir,
                        const WriteOptions& options = {});

} // namespace berth::tree
