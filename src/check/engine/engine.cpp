// `berth check` orchestration: list the inputs while a pool of threads checks them (each thread
// with its own Context), merge per-file results in input order so output never depends on
// scheduling, then run the set-level families once and compute the scorecard.
#include "check/engine/engine.h"

#include <algorithm>
#include <condition_variable>
#include <deque>
#include <iterator>
#include <mutex>
#include <thread>
#include <tuple>

#include "check/capacity/capacity.h"
#include "check/context.h"
#include "check/engine/file_pass.h"
#include "check/index.h"
#include "check/input.h"
#include "check/policy/policy.h"
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

// Per-file results and the index over them; the index points into the results' ObjectInfos.
struct RunState {
  std::deque<FileResult> results;
  Index index;
};

} // namespace

Result run(const Options& options, std::istream& stdin_stream) {
  const Catalog& rules = catalog();
  std::unique_ptr<schema::Registry> registry = schema::load_registry(options);
  auto state = std::make_shared<RunState>();
  // Files are checked while the inputs are still being listed: the calling thread walks and
  // publishes each file, workers (started as files arrive, so a single file never starts one)
  // take them in order; then the calling thread checks too. Deques keep every published
  // element in place while more are added.
  std::deque<InputFile> files;
  std::deque<FileResult>& results = state->results;
  std::string stdin_text;
  std::mutex mutex;
  std::condition_variable ready;
  std::size_t published = 0, next = 0;
  bool listed = false;

  std::exception_ptr setup_failure; // a Context could not be made: a bug, rethrown below
  auto work = [&] {
    FileResult* out = nullptr;
    try {
      Context ctx(options, rules, *registry);
      while (true) {
        const InputFile* file;
        std::size_t i;
        {
          std::unique_lock lock(mutex);
          ready.wait(lock, [&] { return next < published || listed; });
          if (next >= published) return; // listed, and nothing left
          i = next++;
          // Element addresses are stable; the deques' own bookkeeping is read under the lock.
          file = &files[i];
          out = &results[i];
        }
        check_file(*file, stdin_text, i, ctx, *out);
      }
    } catch (...) { // nothing may escape a thread; the file it was on reports it
      std::lock_guard lock(mutex);
      if (out && !out->failure)
        out->failure = std::current_exception();
      else if (!out && !setup_failure)
        setup_failure = std::current_exception();
    }
  };
  unsigned jobs = options.jobs ? options.jobs : std::max(1u, std::thread::hardware_concurrency());
  std::vector<std::jthread> pool;
  auto finish_listing = [&] {
    {
      std::lock_guard lock(mutex);
      listed = true;
    }
    ready.notify_all();
  };
  try {
    list_inputs_each(options.paths, options.config.exclude, [&](InputFile&& f) {
      // stdin is read once, before a worker may see it.
      if (f.is_stdin)
        stdin_text.assign(std::istreambuf_iterator<char>(stdin_stream),
                          std::istreambuf_iterator<char>());
      {
        std::lock_guard lock(mutex);
        files.push_back(std::move(f));
        results.emplace_back();
        ++published;
      }
      ready.notify_one();
      // The calling thread joins after the listing: pool.size() + 1 threads in all.
      if (published >= 2 && pool.size() + 1 < jobs) pool.emplace_back(work);
    });
  } catch (...) {
    {
      std::lock_guard lock(mutex);
      next = published; // nothing more is started; the usage error is all that is reported
    }
    finish_listing();
    throw; // the pool is joined on the way out
  }
  finish_listing();
  work();
  pool.clear(); // joined here
  if (setup_failure) std::rethrow_exception(setup_failure);

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
  policy::check_set(index, set_ctx);
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
