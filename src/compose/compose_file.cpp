// One compose file → canonical tree: parse, shape checks, `version`, interpolation, canonical.
#include <filesystem>
#include <iostream>
#include <iterator>
#include <set>

#include "common/error.h"
#include "compose/canonical.h"
#include "compose/interpolate.h"
#include "compose/loader.h"
#include "compose/merge.h"
#include "yaml/parse.h"

namespace berth::compose {

using yaml::Node;

namespace {

const std::set<std::string, std::less<>> kTopLevelKeys = {
    "version", "name", "include", "services", "networks", "volumes", "secrets", "configs",
    "models"};

Location file_loc(const std::string& path) { return Location{intern(path), 0, 0}; }

// Compose v1 files had services at the top level; v2 refuses them, and so do we, but with a
// message that says what to change.
void refuse_legacy_layout(const Node& doc, const std::string& path) {
  if (doc.has("services")) return;
  std::string names;
  const Node* first = nullptr;
  for (const auto& e : doc.entries()) {
    if (kTopLevelKeys.count(e.key.value()) || e.key.value().starts_with("x-")) continue;
    if (e.value.is_mapping() && (e.value.has("image") || e.value.has("build"))) {
      if (!first) first = &e.key;
      names += (names.empty() ? "`" : ", `") + e.key.value() + "`";
    }
  }
  if (first)
    throw Error(first->loc(), path + " uses the legacy Compose v1 layout (services " + names +
                                  " at the top level); nest them under a top-level `services:` "
                                  "key (docker compose v2 refuses this layout too)");
}

void check_top_level_keys(const Node& doc) {
  for (const auto& e : doc.entries()) {
    if (!e.key.is_scalar())
      throw Error(e.key.loc(), "expected a top-level key name, got a " +
                                   std::string(e.key.kind_name()));
    const std::string& k = e.key.value();
    if (kTopLevelKeys.count(k) || k.starts_with("x-")) continue;
    throw Error(e.key.loc(), "unknown top-level key `" + k +
                                 "` (expected services, networks, volumes, secrets, configs, "
                                 "include, name, version or x-*)");
  }
}

std::string read_stdin() {
  std::string text{std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>()};
  return text;
}

} // namespace

Node Loader::read_file(const std::string& path, const Environment& env) {
  std::vector<Node> docs;
  if (path == "-") {
    if (!stdin_text_) stdin_text_ = options_.stdin_text ? *options_.stdin_text : read_stdin();
    docs = yaml::parse_stream(*stdin_text_, "-");
  } else {
    std::error_code ec;
    if (!std::filesystem::exists(path, ec))
      throw Error(file_loc(path), "compose file not found");
    if (std::filesystem::is_directory(path, ec))
      throw Error(file_loc(path), "is a directory; -f expects a compose file (to use a "
                                  "directory, pass --project-directory or the file inside it)");
    docs = yaml::parse_file(path);
  }
  std::erase_if(docs, [](const Node& d) { return d.is_null(); });
  if (docs.empty()) throw Error(file_loc(path), "empty compose file");

  Node result;
  bool first = true;
  for (Node& doc : docs) {
    if (!doc.is_mapping())
      throw Error(doc.loc(), "expected a mapping of top-level keys (services, networks, "
                             "volumes, ...), got a " + std::string(doc.kind_name()));
    refuse_legacy_layout(doc, path);
    check_top_level_keys(doc);
    for (const auto& e : doc.entries())
      if (e.key.value() == "version")
        warnings.push_back(e.key.loc().str() + ": the attribute `version` is obsolete, it "
                                               "will be ignored, please remove it");
    doc.erase("version");
    // Compose interpolates each file before merging, x-* extension fields included.
    interpolate_tree(doc, env);
    canonicalize_file(doc);
    if (first) result = std::move(doc);
    else merge_project(result, doc); // several YAML documents in one file merge in order
    first = false;
  }
  return result;
}

} // namespace berth::compose
