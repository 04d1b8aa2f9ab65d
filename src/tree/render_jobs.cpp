// Listing an Output's files and checking their paths (see render_jobs.h).
#include "tree/render_jobs.h"

#include <string_view>
#include <unordered_set>

#include "tree/tree_path.h"

namespace berth::tree {

std::vector<RenderJob> render_jobs(const generate::Output& out) {
  std::vector<RenderJob> jobs;
  jobs.reserve(out.base.size() + out.files.size());
  for (const generate::Manifest& m : out.base)
    jobs.push_back({&m.path, &m.object, nullptr});
  for (const auto& [env, manifests] : out.overlay)
    for (const generate::Manifest& m : manifests)
      jobs.push_back({&m.path, &m.object, nullptr});
  for (const auto& [env, patches] : out.patches)
    for (const generate::Patch& p : patches)
      jobs.push_back({&p.path, &p.patch, nullptr});
  for (const generate::TextFile& f : out.files)
    jobs.push_back({&f.path, nullptr, &f.content});
  return jobs;
}

std::vector<std::string> path_errors(const std::vector<RenderJob>& jobs) {
  std::vector<std::string> errors(jobs.size());
  std::unordered_set<std::string_view> seen;
  seen.reserve(jobs.size());
  for (std::size_t i = 0; i < jobs.size(); ++i) {
    const std::string& path = *jobs[i].path;
    if (!clean_relative(path))
      errors[i] = "generated path '" + path + "' is not a clean relative path inside the tree";
    else if (!seen.insert(path).second)
      errors[i] = "two generated files claim the path '" + path + "'";
  }
  return errors;
}

} // namespace berth::tree
