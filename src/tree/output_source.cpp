// Objects emitted on demand for the fresh-tree writer (see output_source.h).
#include "tree/output_source.h"

#include <algorithm>

#include "yaml/emit.h"

namespace berth::tree {

OutputSource::OutputSource(const generate::Output& out) : jobs_(render_jobs(out)) {
  for (const std::string& e : path_errors(jobs_))
    paths_ok_ = paths_ok_ && e.empty();
  order_.resize(jobs_.size());
  for (std::size_t i = 0; i < order_.size(); ++i)
    order_[i] = i;
  std::sort(order_.begin(), order_.end(),
            [&](std::size_t a, std::size_t b) { return *jobs_[a].path < *jobs_[b].path; });
  errors_.resize(jobs_.size());
}

std::string_view OutputSource::content(std::size_t i, std::string& buffer) const {
  const RenderJob& job = jobs_[order_[i]];
  if (!job.object) return *job.text;
  try {
    yaml::emit_into(buffer, *job.object);
  } catch (...) {
    errors_[order_[i]] = std::current_exception();
    buffer.clear();
  }
  return buffer;
}

void OutputSource::check() const {
  for (const std::exception_ptr& e : errors_)
    if (e) std::rethrow_exception(e);
}

} // namespace berth::tree
