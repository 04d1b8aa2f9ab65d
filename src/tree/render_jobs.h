// The files an Output renders to, in output order: what render() and the fresh-tree writer
// both walk.
#pragma once

#include <string>
#include <vector>

#include "generate/output.h"

namespace berth::tree {

// One file: an object to emit, or a text file as it is.
struct RenderJob {
  const std::string* path;
  const yaml::Node* object; // nullptr for text files
  const std::string* text;  // nullptr for objects
};

// Base manifests, overlay manifests, patches, then text files, each in output order.
std::vector<RenderJob> render_jobs(const generate::Output& out);

// Why the path of jobs[i] is refused ("" when it is fine): not a clean relative path, or
// claimed by an earlier job. The messages are those render() throws.
std::vector<std::string> path_errors(const std::vector<RenderJob>& jobs);

} // namespace berth::tree
