// Runs the plan and every generator in a fixed order (the order is part of determinism).
#include "generate/convert.h"

#include <exception>
#include <iterator>
#include <system_error>
#include <thread>

#include "generate/context.h"

namespace berth::generate {

namespace {

template <class T> void append(std::vector<T>& to, std::vector<T>&& from) {
  if (to.empty())
    to = std::move(from);
  else
    to.insert(to.end(), std::make_move_iterator(from.begin()), std::make_move_iterator(from.end()));
}

// Appends everything `later` holds after what `out` holds, container by container: the result
// is what running later's generators after out's on one Output would have produced.
void append(Output& out, Output&& later) {
  append(out.base, std::move(later.base));
  for (auto& [env, manifests] : later.overlay)
    append(out.overlay[env], std::move(manifests));
  for (auto& [env, patches] : later.patches)
    append(out.patches[env], std::move(patches));
  append(out.files, std::move(later.files));
  append(out.report.entries, std::move(later.report.entries));
  append(out.report.warnings, std::move(later.report.warnings));
}

// The generators up to observability only read the context and append to their Output, so the
// first two run on this thread while the next three fill a second Output on another; joined in
// order, the result is byte for byte the sequential one (and the first error in generator
// order is the one thrown).
void generate_objects(const Context& ctx, Output& out) {
  Output later;
  auto run_later = [&] {
    generate_network(ctx, later);
    generate_availability(ctx, later);
    generate_observability(ctx, later);
  };
  std::exception_ptr later_failed;
  std::jthread helper;
  try {
    helper = std::jthread([&] {
      try {
        run_later();
      } catch (...) {
        later_failed = std::current_exception();
      }
    });
  } catch (const std::system_error&) { // no thread to be had: run them here, in order
    generate_workloads(ctx, out);
    generate_config(ctx, out);
    run_later();
    append(out, std::move(later));
    return;
  }
  generate_workloads(ctx, out);
  generate_config(ctx, out);
  helper.join();
  if (later_failed) std::rethrow_exception(later_failed);
  append(out, std::move(later));
}

} // namespace

Output convert(const model::App& app, const profile::Profile& profile,
               const ConvertOptions& options) {
  Output out;
  AppPlan plan = plan_app(app, profile, options, out.report);
  Context ctx{app, profile, plan};
  generate_objects(ctx, out); // workloads, config, network, availability, observability
  // From here on generators read or change what the others produced.
  generate_backup(ctx, out);
  generate_environments(ctx, out);
  // Last: they index what the others produced.
  generate_gitops(ctx, out);
  generate_runbook(ctx, out);
  return out;
}

} // namespace berth::generate
