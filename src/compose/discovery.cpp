// Default compose file names and the walk from the working directory up to the root.
#include "compose/discovery.h"

#include <filesystem>

#include "common/error.h"
#include "compose/load.h"
#include "compose/paths.h"

namespace berth::compose {

namespace fs = std::filesystem;

const char* const kDefaultComposeFiles[4] = {"compose.yaml", "compose.yml", "docker-compose.yml",
                                             "docker-compose.yaml"};
const char* const kDefaultOverrideFiles[4] = {"compose.override.yml", "compose.override.yaml",
                                              "docker-compose.override.yml",
                                              "docker-compose.override.yaml"};

namespace {

bool is_file(const fs::path& p) {
  std::error_code ec;
  return fs::is_regular_file(p, ec); // follows symlinks, as compose does
}

// Existing candidates of `names` in `dir`, in preference order.
std::vector<std::string> candidates(const fs::path& dir, const char* const (&names)[4]) {
  std::vector<std::string> found;
  for (const char* name : names)
    if (is_file(dir / name)) found.push_back((dir / name).string());
  return found;
}

std::string join_names(const char* const (&names)[4]) {
  std::string out;
  for (const char* n : names) out += (out.empty() ? "" : ", ") + std::string(n);
  return out;
}

std::string basenames(const std::vector<std::string>& paths) {
  std::string out;
  for (const auto& p : paths) out += (out.empty() ? "" : ", ") + fs::path(p).filename().string();
  return out;
}

} // namespace

Discovered discover_compose_files(const std::string& working_dir) {
  fs::path start = absolute_path(working_dir.empty() ? fs::current_path().string() : working_dir,
                                 fs::current_path().string());
  Discovered out;
  for (fs::path dir = start;; dir = dir.parent_path()) {
    auto mains = candidates(dir, kDefaultComposeFiles);
    if (!mains.empty()) {
      if (mains.size() > 1)
        out.warnings.push_back("found multiple config files with supported names: " +
                               basenames(mains) + "; using " +
                               fs::path(mains.front()).filename().string());
      out.files.push_back(mains.front());
      auto overrides = candidates(dir, kDefaultOverrideFiles);
      if (overrides.size() > 1)
        out.warnings.push_back("found multiple override files with supported names: " +
                               basenames(overrides) + "; using " +
                               fs::path(overrides.front()).filename().string());
      if (!overrides.empty()) out.files.push_back(overrides.front());
      return out;
    }
    if (dir == dir.parent_path()) break; // reached the root
  }
  throw Error("no compose file found in " + start.string() + " or its parents (looked for " +
              join_names(kDefaultComposeFiles) + ")");
}

std::vector<std::string> split_compose_file_var(std::string_view value, std::string_view separator,
                                                const std::string& working_dir) {
  std::vector<std::string> files;
  if (separator.empty()) separator = ":";
  while (true) {
    std::size_t at = value.find(separator);
    std::string_view item = value.substr(0, at);
    if (!item.empty()) files.push_back(item == "-" ? "-" : absolute_path(item, working_dir));
    if (at == std::string_view::npos) break;
    value.remove_prefix(at + separator.size());
  }
  return files;
}

} // namespace berth::compose
