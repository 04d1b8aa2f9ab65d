// Loading exports: files, directories and stdin → flat list of objects (Lists unwrapped).
#include "import/load.h"

#include <algorithm>
#include <filesystem>

#include "yaml/parse.h"

namespace berth::import {

namespace fs = std::filesystem;

namespace {

bool is_list(const yaml::Node& doc) {
  const yaml::Node* items = doc.find("items");
  return doc.text("kind").ends_with("List") && items && items->is_sequence();
}

void check_object(const yaml::Node& doc) {
  if (!doc.is_mapping())
    throw Error(doc.loc(), std::string("expected a Kubernetes object (a mapping with apiVersion, "
                                       "kind and metadata), found a ") +
                               doc.kind_name());
  for (const char* key : {"apiVersion", "kind"}) {
    const yaml::Node* n = doc.find(key);
    if (!n || !n->is_string() || n->value().empty())
      throw Error(n ? n->loc() : doc.loc(), std::string("expected a Kubernetes object: ") + key +
                                                " must be a non-empty string");
  }
  const yaml::Node* meta = doc.find("metadata");
  const yaml::Node* name = meta && meta->is_mapping() ? meta->find("name") : nullptr;
  if (!name || !name->is_scalar() || name->value().empty())
    throw Error(meta ? meta->loc() : doc.loc(),
                doc.text("kind") + ": expected metadata.name (a name is needed to place the "
                                   "object in the tree)");
}

bool is_kustomization(const yaml::Node& doc) {
  return doc.is_mapping() && doc.text("kind") == "Kustomization" &&
         doc.text("apiVersion").starts_with("kustomize.config.k8s.io/");
}

// True when the file's documents look like Kubernetes objects (any document with a kind).
bool holds_objects(const std::vector<yaml::Node>& docs) {
  return std::any_of(docs.begin(), docs.end(), [](const yaml::Node& d) {
    return d.is_mapping() && d.has("kind") && d.has("apiVersion") && !is_kustomization(d);
  });
}

bool manifest_name(const fs::path& p) {
  std::string ext = p.extension().string();
  return ext == ".yaml" || ext == ".yml" || ext == ".json";
}

void read_file(const std::string& path, bool named, Loaded& out) {
  std::vector<yaml::Node> docs = yaml::parse_file(path);
  out.files.push_back(path);
  if (std::any_of(docs.begin(), docs.end(), is_kustomization)) {
    if (named)
      throw Error(Location{intern(path), 1, 1},
                  "this is a kustomization: build it first (kubectl kustomize DIR > export.yaml) "
                  "and import the result");
    out.warnings.push_back(path + ": a kustomization, skipped (import `kubectl kustomize` of its "
                                  "directory instead)");
    return;
  }
  if (!named && !holds_objects(docs)) {
    out.warnings.push_back(path + ": no Kubernetes objects, skipped");
    return;
  }
  for (yaml::Node& d : docs)
    flatten(std::move(d), out.objects);
}

void read_directory(const fs::path& dir, Loaded& out) {
  std::vector<fs::path> files;
  std::error_code ec;
  for (auto it = fs::recursive_directory_iterator(dir, ec); !ec && it != fs::end(it);
       it.increment(ec)) {
    const fs::path& p = it->path();
    if (p.filename().string().starts_with(".")) {
      if (it->is_directory()) it.disable_recursion_pending();
      continue;
    }
    if (it->is_regular_file() && manifest_name(p)) files.push_back(p);
  }
  if (ec)
    throw Error(Location{intern(dir.string()), 0, 0}, "cannot read directory: " + ec.message());
  std::sort(files.begin(), files.end());
  for (const fs::path& f : files)
    read_file(f.string(), false, out);
}

} // namespace

void flatten(yaml::Node&& document, std::vector<SourceObject>& out) {
  if (document.is_null()) return;
  if (document.is_mapping() && is_list(document)) {
    for (yaml::Node& item : document.find("items")->items())
      flatten(std::move(item), out);
    return;
  }
  check_object(document);
  Location at = document.loc();
  out.push_back({std::move(document), at});
}

Loaded load_exports(const std::vector<std::string>& paths, const std::string& stdin_text) {
  Loaded out;
  for (const std::string& path : paths) {
    if (path == "-") {
      for (yaml::Node& d : yaml::parse_stream(stdin_text, "-"))
        flatten(std::move(d), out.objects);
      out.files.push_back("-");
      continue;
    }
    std::error_code ec;
    if (fs::is_directory(path, ec))
      read_directory(path, out);
    else
      read_file(path, true, out);
  }
  return out;
}

} // namespace berth::import
