// A generated Output as the files of a new tree: each object emitted when the writer needs it,
// straight into that thread's buffer, instead of all texts held in memory first.
#pragma once

#include <exception>
#include <vector>

#include "tree/fresh_tree.h"
#include "tree/render_jobs.h"

namespace berth::tree {

class OutputSource : public FreshSource {
public:
  explicit OutputSource(const generate::Output& out);
  // False when some path is refused (see path_errors); the source is then not to be written:
  // render() reports the error.
  bool paths_ok() const { return paths_ok_; }

  std::size_t size() const override { return order_.size(); }
  const std::string& path(std::size_t i) const override { return *jobs_[order_[i]].path; }
  std::string_view content(std::size_t i, std::string& buffer) const override;
  // Rethrows the emitting error of the first failed object in output order, as render() would.
  void check() const override;

private:
  std::vector<RenderJob> jobs_;
  std::vector<std::size_t> order_; // job indices by path
  // By job index; each slot is written by the one thread that emits that object.
  mutable std::vector<std::exception_ptr> errors_;
  bool paths_ok_ = true;
};

} // namespace berth::tree
