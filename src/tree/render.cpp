// Output → {path: content}: one emitted object per manifest file, emitted on a few threads.
#include <exception>
#include <optional>

#include "common/error.h"
#include "tree/parallel.h"
#include "tree/tree_path.h"
#include "tree/writer.h"
#include "yaml/emit.h"

namespace berth::tree {

namespace {

void put(std::map<std::string, std::string>& files, const std::string& path, std::string content) {
  if (!clean_relative(path))
    throw Error("generated path '" + path + "' is not a clean relative path inside the tree");
  if (!files.emplace(path, std::move(content)).second)
    throw Error("two generated files claim the path '" + path + "'");
}

// One file to render: an object to emit, or a text file as it is.
struct Job {
  const std::string* path;
  const yaml::Node* object; // nullptr for text files
  const std::string* text;
};

} // namespace

std::map<std::string, std::string> render(const generate::Output& out) {
  std::vector<Job> jobs;
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

  // Emitting is independent per object; each result (or its error) goes to its own slot.
  std::vector<std::string> texts(jobs.size());
  std::vector<std::exception_ptr> errors(jobs.size());
  for_each_block(jobs.size(), 128, 2, [&](std::size_t begin, std::size_t end) {
    for (std::size_t i = begin; i < end; ++i) {
      if (!jobs[i].object) continue;
      try {
        texts[i] = yaml::emit(*jobs[i].object);
      } catch (...) {
        errors[i] = std::current_exception();
      }
    }
  });

  // In job order, as a sequential render would: the first failure is the one reported.
  std::map<std::string, std::string> files;
  for (std::size_t i = 0; i < jobs.size(); ++i) {
    if (errors[i]) std::rethrow_exception(errors[i]);
    put(files, *jobs[i].path, jobs[i].object ? std::move(texts[i]) : *jobs[i].text);
  }
  return files;
}

} // namespace berth::tree
