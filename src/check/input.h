// What `berth check` reads: the files behind the PATH arguments (directories walked, excludes
// applied, kustomize patch files recognised) and the identity of each object read from them.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "check/object.h"
#include "yaml/node.h"

namespace berth::check {

struct InputFile {
  // As given on the command line, or the walked directory joined with the file's relative path
  // (lexically normalized: `./k8s/` + `base/a.yaml` → `k8s/base/a.yaml`); "-" for stdin.
  std::string path;
  bool is_stdin = false;
  // Listed under patches / patchesStrategicMerge / patchesJson6902 by a kustomization file of
  // its directory or of a directory above it: its documents are partial objects.
  bool patch = false;
  // kustomization.yaml / kustomization.yml / Kustomization: kustomize's build file, not an
  // object applied to a cluster (parsed for syntax only).
  bool kustomization = false;
  // Set when a directory below a PATH could not be listed (reported as input-unreadable).
  std::string error;
};

// Expands the PATH arguments in order: "-" is stdin; a file is taken whatever its extension; a
// directory is walked recursively for *.yaml, *.yml and *.json in sorted path order, skipping
// hidden entries (names starting with '.', such as .git, .github, .berth). Files matching an
// `exclude` glob (against the path as shown, or relative to the walked directory) are dropped,
// stdin never is. A file reached twice is read once. Throws berth::Error for a path that does
// not exist or is neither a file nor a directory.
std::vector<InputFile> list_inputs(const std::vector<std::string>& paths,
                                   const std::vector<std::string>& exclude);

// list_inputs, handing each file to `emit` as soon as it is known (same files, same order), so
// checking can start while a large tree is still being walked. Throws as list_inputs does,
// possibly after some files were emitted.
void list_inputs_each(const std::vector<std::string>& paths,
                      const std::vector<std::string>& exclude,
                      const std::function<void(InputFile&&)>& emit);

bool is_manifest_name(std::string_view filename);      // *.yaml, *.yml, *.json
bool is_kustomization_name(std::string_view filename); // kustomize's build file names

// The files a kustomization lists as patches (paths relative to its directory, as written;
// inline patches are not files and are left out). `kustomization` is its parsed root.
std::vector<std::string> kustomization_patch_files(const yaml::Node& kustomization);

// Reads a whole file; false with `error` set (the OS's reason) when it cannot be read.
bool read_text_file(const std::string& path, std::string& text, std::string& error);

// The identity of an object: apiVersion, kind, metadata name/namespace as written (only when
// they are strings), its location, and the rules its `berth.dev/ignore` annotation silences.
ObjectInfo object_info(const yaml::Node& root, const std::string& file, std::size_t id, bool patch);

// `berth.dev/ignore` value → rule ids: comma- or space-separated, blanks dropped, "*" = all.
std::vector<std::string> parse_ignore_annotation(std::string_view value);

inline constexpr std::string_view kIgnoreAnnotation = "berth.dev/ignore";

} // namespace berth::check
