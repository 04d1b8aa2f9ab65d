// Input discovery for `berth check`: a deterministic walk (sorted, hidden entries skipped) so
// output never depends on directory order, and the kustomize patch lists that make some
// documents partial objects.
#include "check/input.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <unordered_set>

#include "check/glob.h"
#include "common/error.h"
#include "yaml/parse.h"

namespace berth::check {

namespace fs = std::filesystem;

namespace {

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

bool hidden(const fs::path& p) {
  std::string name = p.filename().string();
  return !name.empty() && name[0] == '.' && name != "." && name != "..";
}

// Absolute, normalized, symlinks resolved where they exist: how patch paths are compared.
std::string identity(const fs::path& p) {
  std::error_code ec;
  fs::path c = fs::weakly_canonical(fs::absolute(p, ec), ec);
  return (ec ? fs::absolute(p).lexically_normal() : c).generic_string();
}

// Patch files named by kustomizations, found lazily per directory.
class PatchFinder {
public:
  void scan_directory(const fs::path& dir) {
    // Keyed lexically (no syscalls): explicit files share their ancestors.
    if (!scanned_.insert(fs::absolute(dir).lexically_normal().generic_string()).second) return;
    for (const char* name : {"kustomization.yaml", "kustomization.yml", "Kustomization"}) {
      fs::path file = dir / name;
      std::error_code ec;
      if (!fs::is_regular_file(file, ec)) continue;
      std::string text, error;
      if (!read_text_file(file.string(), text, error)) return;
      try {
        yaml::Node root = yaml::parse_document(text, file.string());
        for (const std::string& rel : kustomization_patch_files(root))
          patches_.insert(identity(dir / rel));
      } catch (const Error&) {
        // A broken kustomization is reported when the file itself is checked.
      }
      return; // kustomize reads only the first of these names
    }
  }
  // The file's own directory and every directory above it.
  void scan_ancestors(const fs::path& file) {
    fs::path dir = fs::absolute(file).lexically_normal().parent_path();
    while (true) {
      scan_directory(dir);
      if (dir == dir.root_path() || !dir.has_parent_path() || dir.parent_path() == dir) break;
      dir = dir.parent_path();
    }
  }
  bool is_patch(const fs::path& file) const {
    return !patches_.empty() && patches_.count(identity(file)) != 0;
  }

private:
  std::unordered_set<std::string> scanned_;
  std::unordered_set<std::string> patches_;
};

bool excluded(const std::vector<std::string>& exclude, std::string_view shown,
              std::string_view relative) {
  return std::any_of(exclude.begin(), exclude.end(), [&](const std::string& pattern) {
    return glob_match(pattern, shown) || (!relative.empty() && glob_match(pattern, relative));
  });
}

struct Walker {
  const std::vector<std::string>& exclude;
  PatchFinder& patches;
  std::vector<InputFile>& out;

  // `shown`: the directory as the user will see it; `rel`: relative to the walked root.
  void walk(const fs::path& dir, const fs::path& shown, const fs::path& rel) {
    patches.scan_directory(dir);
    std::error_code ec;
    fs::directory_iterator it(dir, ec);
    if (ec) {
      out.push_back(InputFile{shown.generic_string(), false, false, false,
                              "cannot list the directory: " + ec.message()});
      return;
    }
    std::vector<fs::directory_entry> entries;
    for (; it != fs::directory_iterator(); it.increment(ec)) {
      if (ec) break;
      entries.push_back(*it);
    }
    std::sort(entries.begin(), entries.end(),
              [](const fs::directory_entry& a, const fs::directory_entry& b) {
                return a.path().filename().string() < b.path().filename().string();
              });
    for (const fs::directory_entry& e : entries) {
      if (hidden(e.path())) continue;
      fs::path name = e.path().filename();
      std::error_code tec;
      // Directory symlinks are not followed (loops); file symlinks are read.
      if (e.is_directory(tec) && !e.is_symlink(tec)) {
        walk(e.path(), shown / name, rel / name);
        continue;
      }
      std::string fname = name.string();
      if (!e.is_regular_file(tec)) continue;
      if (!is_manifest_name(fname) && !is_kustomization_name(fname)) continue;
      std::string shown_path = (shown / name).lexically_normal().generic_string();
      std::string rel_path = (rel / name).lexically_normal().generic_string();
      if (excluded(exclude, shown_path, rel_path)) continue;
      out.push_back(InputFile{
          shown_path, false, patches.is_patch(e.path()), is_kustomization_name(fname), {}});
    }
  }
};

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t'))
    s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t'))
    s.remove_suffix(1);
  return s;
}

} // namespace

bool is_manifest_name(std::string_view filename) {
  return ends_with(filename, ".yaml") || ends_with(filename, ".yml") ||
         ends_with(filename, ".json");
}

bool is_kustomization_name(std::string_view filename) {
  return filename == "kustomization.yaml" || filename == "kustomization.yml" ||
         filename == "Kustomization";
}

std::vector<std::string> kustomization_patch_files(const yaml::Node& root) {
  std::vector<std::string> files;
  if (!root.is_mapping()) return files;
  auto add_path = [&](const yaml::Node& item) {
    if (!item.is_mapping()) return;
    std::string p = item.text("path");
    if (!p.empty()) files.push_back(p);
  };
  for (const char* key : {"patches", "patchesJson6902"})
    if (const yaml::Node* list = root.find(key); list && list->is_sequence())
      for (const yaml::Node& item : list->items())
        add_path(item);
  if (const yaml::Node* list = root.find("patchesStrategicMerge"); list && list->is_sequence())
    for (const yaml::Node& item : list->items()) {
      // Entries are file paths or inline patches (YAML text, always multi-line or a mapping).
      if (!item.is_scalar() || item.value().empty()) continue;
      if (item.value().find('\n') != std::string::npos) continue;
      files.push_back(item.value());
    }
  return files;
}

std::vector<InputFile> list_inputs(const std::vector<std::string>& paths,
                                   const std::vector<std::string>& exclude) {
  std::vector<InputFile> out;
  PatchFinder patches;
  Walker walker{exclude, patches, out};
  for (const std::string& arg : paths) {
    if (arg == "-") {
      out.push_back(InputFile{"-", true, false, false, {}});
      continue;
    }
    fs::path p(arg);
    std::error_code ec;
    fs::file_status st = fs::status(p, ec);
    if (ec || !fs::exists(st))
      throw Error(Location{intern(arg), 0, 0}, "no such file or directory");
    if (fs::is_directory(st)) {
      walker.walk(p, p, fs::path());
      continue;
    }
    if (!fs::is_regular_file(st))
      throw Error(Location{intern(arg), 0, 0}, "not a regular file or directory");
    if (excluded(exclude, fs::path(arg).lexically_normal().generic_string(), {})) continue;
    patches.scan_ancestors(p);
    out.push_back(InputFile{
        arg, false, patches.is_patch(p), is_kustomization_name(p.filename().string()), {}});
  }
  // A file named twice (a directory and a file in it) is read once, where it first appeared.
  std::set<std::string> seen;
  std::vector<InputFile> unique;
  unique.reserve(out.size());
  for (InputFile& f : out) {
    std::string key = f.is_stdin ? std::string("-") : fs::path(f.path).lexically_normal().string();
    if (seen.insert(key).second) unique.push_back(std::move(f));
  }
  return unique;
}

bool read_text_file(const std::string& path, std::string& text, std::string& error) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    error = std::strerror(errno);
    return false;
  }
  // One allocation of the file's size (no stream buffer doubling); pipes and special files
  // that report no size are read to the end as well.
  text.clear();
  in.seekg(0, std::ios::end);
  std::streamoff size = in.tellg();
  in.seekg(0, std::ios::beg);
  if (size > 0) text.reserve(static_cast<std::size_t>(size));
  char buf[1 << 16];
  while (in.read(buf, sizeof buf) || in.gcount() > 0)
    text.append(buf, static_cast<std::size_t>(in.gcount()));
  if (in.bad()) {
    error = "read error";
    return false;
  }
  return true;
}

std::vector<std::string> parse_ignore_annotation(std::string_view value) {
  std::vector<std::string> ids;
  std::size_t start = 0;
  while (start <= value.size()) {
    std::size_t end = value.find_first_of(", \t\n", start);
    if (end == std::string_view::npos) end = value.size();
    std::string_view id = trim(value.substr(start, end - start));
    if (!id.empty()) ids.emplace_back(id);
    start = end + 1;
  }
  return ids;
}

ObjectInfo object_info(const yaml::Node& root, const std::string& file, std::size_t id,
                       bool patch) {
  ObjectInfo info;
  info.id = id;
  info.file = file;
  info.loc = root.loc();
  info.patch = patch;
  if (!root.is_mapping()) return info;
  auto string_at = [](const yaml::Node* n) {
    return n && n->is_scalar() && !n->is_null() ? n->value() : std::string();
  };
  info.api_version = string_at(root.find("apiVersion"));
  info.kind = string_at(root.find("kind"));
  const yaml::Node* meta = root.find("metadata");
  if (meta && meta->is_mapping()) {
    info.name = string_at(meta->find("name"));
    info.ns = string_at(meta->find("namespace"));
    const yaml::Node* ann = meta->find("annotations");
    if (ann && ann->is_mapping())
      info.ignored = parse_ignore_annotation(string_at(ann->find(kIgnoreAnnotation)));
  }
  return info;
}

} // namespace berth::check
