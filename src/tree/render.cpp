// Output → {path: content}: one emitted object per manifest file, emitted on a few threads.
#include <exception>

#include "common/error.h"
#include "tree/parallel.h"
#include "tree/render_jobs.h"
#include "tree/writer.h"
#include "yaml/emit.h"

namespace berth::tree {

std::map<std::string, std::string> render(const generate::Output& out) {
  std::vector<RenderJob> jobs = render_jobs(out);
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

  // In job order, as a sequential render would: the first failure is the one reported (an
  // object that cannot be emitted before its own path).
  std::vector<std::string> refused = path_errors(jobs);
  std::map<std::string, std::string> files;
  for (std::size_t i = 0; i < jobs.size(); ++i) {
    if (errors[i]) std::rethrow_exception(errors[i]);
    if (!refused[i].empty()) throw Error(refused[i]);
    files.emplace(*jobs[i].path, jobs[i].object ? std::move(texts[i]) : *jobs[i].text);
  }
  return files;
}

} // namespace berth::tree
