// Input discovery for `berth check`: a deterministic walk (sorted, hidden entries skipped) so
// output never depends on directory order, and the kustomize patch lists that make some
// documents partial objects.
#include "check/input.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <functional>
#include <map>
#include <unordered_set>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "check/glob.h"
#include "common/error.h"
#include "yaml/parse.h"

namespace berth::check {

namespace fs = std::filesystem;

namespace {

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// Absolute, normalized, symlinks resolved where they exist: how patch paths are compared.
std::string identity(const fs::path& p) {
  std::error_code ec;
  fs::path c = fs::weakly_canonical(fs::absolute(p, ec), ec);
  return (ec ? fs::absolute(p).lexically_normal() : c).generic_string();
}

// A directory's absolute, lexically normal path without a trailing slash: the key that tells
// whether its kustomization was read already.
std::string directory_key(const fs::path& dir) {
  std::string key = fs::absolute(dir).lexically_normal().generic_string();
  while (key.size() > 1 && key.back() == '/')
    key.pop_back();
  return key;
}

// Patch files named by kustomizations, found lazily per directory.
class PatchFinder {
public:
  // `key` is directory_key(dir). `names`, when given, are the directory's regular files (the
  // walker has listed it already), so absent kustomization files cost no stat.
  void scan_directory(const fs::path& dir, std::string key,
                      const std::vector<std::string>* names = nullptr) {
    if (!scanned_.insert(std::move(key)).second) return;
    for (const char* name : {"kustomization.yaml", "kustomization.yml", "Kustomization"}) {
      if (names && std::find(names->begin(), names->end(), name) == names->end()) continue;
      fs::path file = dir / name;
      std::error_code ec;
      if (!names && !fs::is_regular_file(file, ec)) continue;
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
      scan_directory(dir, directory_key(dir));
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

// "dir/" for joining a name to a lexically normal directory ("" for ".", which a joined
// name drops when normalized: `./a.yaml` → `a.yaml`).
std::string join_prefix(std::string dir) {
  if (dir.empty() || dir == ".") return std::string();
  if (dir.back() != '/') dir.push_back('/');
  return dir;
}

// Hands each file on as soon as it is known, once: a file named twice (a directory and a file
// in it) is read once, where it first appeared.
class Sink {
public:
  explicit Sink(const std::function<void(InputFile&&)>& emit) : emit_(emit) {}
  // `normal`: the path is lexically normal already (walked files); others are normalized for
  // the comparison only.
  void add(InputFile&& f, bool normal) {
    std::string key = f.is_stdin                  ? std::string("-")
                      : normal && f.error.empty() ? f.path
                                                  : fs::path(f.path).lexically_normal().string();
    if (seen_.insert(std::move(key)).second) emit_(std::move(f));
  }

private:
  const std::function<void(InputFile&&)>& emit_;
  std::unordered_set<std::string> seen_;
};

struct Walker {
  const std::vector<std::string>& exclude;
  PatchFinder& patches;
  Sink& out;

  // `shown`: the directory as the user will see it; `shown_prefix` / `rel_prefix`: the
  // lexically normal form of it and of its path relative to the walked root, ready to have a
  // name appended (a name is never "." or ".." nor contains '/', so the join stays normal);
  // `key`: directory_key(dir). Each directory is normalized once, never each file.
  void walk(const fs::path& dir, const fs::path& shown, const std::string& shown_prefix,
            const std::string& rel_prefix, const std::string& key) {
    std::error_code ec;
    fs::directory_iterator it(dir, ec);
    if (ec) {
      patches.scan_directory(dir, key);
      out.add(InputFile{shown.generic_string(), false, false, false,
                        "cannot list the directory: " + ec.message()},
              false);
      return;
    }
    struct Entry {
      std::string name;
      fs::directory_entry entry;
    };
    std::vector<Entry> entries;
    for (; it != fs::directory_iterator(); it.increment(ec)) {
      if (ec) break;
      entries.push_back(Entry{it->path().filename().string(), *it});
    }
    std::sort(entries.begin(), entries.end(),
              [](const Entry& a, const Entry& b) { return a.name < b.name; });
    // Directories are told from files by the listing's d_type (no stat); only what is neither
    // (symlinks, unknown types) is stat'ed by is_regular_file.
    std::vector<char> is_dir(entries.size(), 0), is_file(entries.size(), 0);
    std::vector<std::string> files;
    for (std::size_t i = 0; i < entries.size(); ++i) {
      const Entry& e = entries[i];
      if (!e.name.empty() && e.name[0] == '.') continue; // hidden
      std::error_code tec;
      // Directory symlinks are not followed (loops); file symlinks are read.
      if (e.entry.is_directory(tec) && !e.entry.is_symlink(tec)) {
        is_dir[i] = 1;
        continue;
      }
      if (!e.entry.is_regular_file(tec)) continue;
      is_file[i] = 1;
      if (is_kustomization_name(e.name)) files.push_back(e.name);
    }
    patches.scan_directory(dir, key, &files);
    for (std::size_t i = 0; i < entries.size(); ++i) {
      const Entry& e = entries[i];
      if (is_dir[i]) {
        walk(e.entry.path(), shown / e.name, shown_prefix + e.name + '/', rel_prefix + e.name + '/',
             key == "/" ? key + e.name : key + '/' + e.name);
        continue;
      }
      if (!is_file[i]) continue;
      if (!is_manifest_name(e.name) && !is_kustomization_name(e.name)) continue;
      std::string shown_path = shown_prefix + e.name;
      std::string rel_path = rel_prefix + e.name;
      if (excluded(exclude, shown_path, rel_path)) continue;
      out.add(InputFile{shown_path,
                        false,
                        patches.is_patch(e.entry.path()),
                        is_kustomization_name(e.name),
                        {}},
              true);
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

void list_inputs_each(const std::vector<std::string>& paths,
                      const std::vector<std::string>& exclude,
                      const std::function<void(InputFile&&)>& emit) {
  Sink out(emit);
  PatchFinder patches;
  Walker walker{exclude, patches, out};
  for (const std::string& arg : paths) {
    if (arg == "-") {
      out.add(InputFile{"-", true, false, false, {}}, false);
      continue;
    }
    fs::path p(arg);
    std::error_code ec;
    fs::file_status st = fs::status(p, ec);
    if (ec || !fs::exists(st))
      throw Error(Location{intern(arg), 0, 0}, "no such file or directory");
    if (fs::is_directory(st)) {
      walker.walk(p, p, join_prefix(p.lexically_normal().generic_string()), std::string(),
                  directory_key(p));
      continue;
    }
    if (!fs::is_regular_file(st))
      throw Error(Location{intern(arg), 0, 0}, "not a regular file or directory");
    if (excluded(exclude, fs::path(arg).lexically_normal().generic_string(), {})) continue;
    patches.scan_ancestors(p);
    out.add(
        InputFile{
            arg, false, patches.is_patch(p), is_kustomization_name(p.filename().string()), {}},
        false);
  }
}

std::vector<InputFile> list_inputs(const std::vector<std::string>& paths,
                                   const std::vector<std::string>& exclude) {
  std::vector<InputFile> files;
  list_inputs_each(paths, exclude, [&](InputFile&& f) { files.push_back(std::move(f)); });
  return files;
}

bool read_text_file(const std::string& path, std::string& text, std::string& error) {
  // open/fstat/read straight into the string: one allocation of the file's size, no stream
  // buffer or bounce copy. Pipes and special files that report no size are read to the end.
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    error = std::strerror(errno);
    return false;
  }
  struct stat st {};
  std::size_t size = ::fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0
                         ? static_cast<std::size_t>(st.st_size)
                         : 0;
  text.clear();
  std::size_t used = 0;
  // One byte more than the size, so a file that grew is noticed and read to its end.
  text.resize(size ? size + 1 : std::size_t{1} << 16);
  while (true) {
    if (used == text.size()) text.resize(text.size() * 2);
    ssize_t n = ::read(fd, text.data() + used, text.size() - used);
    if (n < 0) {
      if (errno == EINTR) continue;
      error = std::strerror(errno);
      ::close(fd);
      text.clear();
      return false;
    }
    if (n == 0) break;
    used += static_cast<std::size_t>(n);
  }
  ::close(fd);
  text.resize(used);
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
