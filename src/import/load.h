// Reading what users exported: `kubectl get -o yaml|json` Lists, multi-document files, Helm
// output and directories of manifests, flattened into one object per entry.
#pragma once

#include <string>
#include <vector>

#include "common/error.h"
#include "yaml/node.h"

namespace berth::import {

struct SourceObject {
  yaml::Node object; // a mapping with apiVersion, kind and metadata.name
  Location at;       // where the object starts (file:line:column)
};

struct Loaded {
  std::vector<SourceObject> objects; // in input order: files as given, directories sorted
  std::vector<std::string> files;    // every file read
  std::vector<std::string> warnings; // files of a directory that were not manifests
};

// Reads every path (files, directories recursively; "-" is `stdin_text`). A named file must
// hold Kubernetes objects; in a directory, YAML files that hold none (values.yaml, Chart.yaml,
// kustomization.yaml) are skipped with a warning. Throws berth::Error with file:line:column
// for malformed YAML and for objects without apiVersion, kind or metadata.name.
Loaded load_exports(const std::vector<std::string>& paths, const std::string& stdin_text = {});

// Appends the objects of one parsed document: itself, or the items of a List (nested Lists
// too). Null documents add nothing. Throws berth::Error for a document that is not an object.
void flatten(yaml::Node&& document, std::vector<SourceObject>& out);

} // namespace berth::import
