// `berth check` orchestration: list the inputs, check files on a pool of threads (each with its
// own Context), merge per-file results in input order so output never depends on scheduling,
// then run the set-level families once and compute the scorecard.
#include "check/engine/engine.h"

#include <algorithm>
#include <atomic>
#include <iterator>
#include <thread>
#include <tuple>

#include "check/capacity/capacity.h"
#include "check/context.h"
#include "check/engine/file_pass.h"
#include "check/index.h"
#include "check/input.h"
#include "check/reference/reference.h"
#include "check/schema/registry.h"
#include "check/schema/schema.h"

namespace berth::check {

namespace {

// operator< plus the fields it leaves out, so equal findings end up adjacent for unique().
bool full_less(const Finding& a, const Finding& b) {
  if (a < b) return true;
  if (b < a) return false;
  return std::tie(a.fix, a.ns, a.severity) < std::tie(b.fix, b.ns, b.severity);
}

bool same(const Finding& a, const Finding& b) {
  return a.rule == b.rule && a.severity == b.severity && a.loc.line == b.loc.line &&
         a.loc.column == b.loc.column && a.file == b.file && a.object == b.object && a.ns == b.ns &&
         a.message == b.message && a.fix == b.fix;
}

unsigned worker_count(unsigned requested, std::size_t files) {
  unsigned n = requested ? requested : std::thread::hardware_concurrency();
  if (n == 0) n = 1;
  if (files < n) n = static_cast<unsigned>(std::max<std::size_t>(files, 1));
  return n;
}

// Per-file results and the index over them; the index points into the results' ObjectInfos.
struct RunState {
  std::vector<FileResult> results;
  Index index;
};

} // namespace

Result run(const Options& options, std::istream& stdin_stream) {
  const Catalog& rules = catalog();
  std::unique_ptr<schema::Registry> registry = schema::load_registry(options);
  std::vector<InputFile> files = list_inputs(options.paths, options.config.exclude);

  std::string stdin_text;
  if (std::any_of(files.begin(), files.end(), [](const InputFile& f) { return f.is_stdin; }))
    stdin_text.assign(std::istreambuf_iterator<char>(stdin_stream),
                      std::istreambuf_iterator<char>());

  auto state = std::make_shared<RunState>();
  std::vector<FileResult>& results = state->results;
  results.resize(files.size());
  std::atomic<std::size_t> next{0};
  auto work = [&] {
    std::size_t i = next++;
    try {
      Context ctx(options, rules, *registry);
      for (; i < files.size(); i = next++)
        check_file(files[i], stdin_text, i, ctx, results[i]);
    } catch (...) { // nothing may escape a thread; the file it was on reports it
      if (i < files.size() && !results[i].failure) results[i].failure = std::current_exception();
    }
  };
  unsigned jobs = worker_count(options.jobs, files.size());
  if (jobs == 1) {
    work();
  } else {
    std::vector<std::jthread> pool;
    pool.reserve(jobs);
    for (unsigned t = 0; t < jobs; ++t)
      pool.emplace_back(work);
  } // joined here

  Result result;
  Index& index = state->index;
  for (FileResult& r : results) {
    if (r.failure) std::rethrow_exception(r.failure); // the first failing file, by input order
    result.findings.insert(result.findings.end(), std::make_move_iterator(r.findings.begin()),
                           std::make_move_iterator(r.findings.end()));
    result.documents += r.documents;
    result.objects += r.objects;
    result.bytes += r.bytes;
    result.unusable_input = result.unusable_input || r.unusable;
    index.append(std::move(r.index));
  }
  result.files = files.size();

  Context set_ctx(options, rules, *registry);
  reference::check_set(index, set_ctx);
  capacity::check_set(index, set_ctx);
  std::vector<Finding>& set_findings = set_ctx.findings();
  result.findings.insert(result.findings.end(), std::make_move_iterator(set_findings.begin()),
                         std::make_move_iterator(set_findings.end()));

  std::stable_sort(result.findings.begin(), result.findings.end(), full_less);
  result.findings.erase(std::unique(result.findings.begin(), result.findings.end(), same),
                        result.findings.end());
  result.scorecard = compute_scorecard(result.findings, rules, result.objects);
  result.retained = std::move(state); // the index and the ObjectInfos it points at, together
  return result;
}

} // namespace berth::check
