// `berth convert` runner: load → model → profile → generate (in memory) → write the tree.
#include "cli/convert.h"

#include <utility>

#include "cli/cluster_profile.h"
#include "cli/diagnostics.h"
#include "cli/exit_codes.h"
#include "cli/release_at_exit.h"
#include "compose/to_model.h"
#include "generate/convert.h"
#include "generate/runbook.h"
#include "tree/writer.h"

namespace berth::cli {

int run_convert(const ConvertOptions& options, std::ostream& /*out*/, std::ostream& err) {
  if (options.output.empty()) {
    err << "berth: error: convert needs an output directory (-o DIR)\n";
    return kExitInput;
  }
  try {
    compose::LoadedProject project = compose::load_project(options.load);
    for (const std::string& w : project.warnings) print_warning(err, w);
    model::App app = compose::to_model(project);
    for (const std::string& w : app.warnings) print_warning(err, w);
    profile::Profile profile = cluster_profile(options.cluster, options.seal_cert);
    generate::ConvertOptions convert_options;
    convert_options.host = options.host;
    generate::Output output = generate::convert(app, profile, convert_options);
    tree::WriteResult result =
        tree::write_tree(output, options.output, tree::WriteOptions{options.force});
    for (const std::string& w : result.warnings) print_warning(err, w);
    if (!result.written) {
      err << "berth: error: " << result.refusal << '\n';
      for (const std::string& f : result.edited) err << "  edited: " << f << '\n';
      return kExitInput;
    }
    err << generate::report_summary(output.report);
    err << "berth: wrote " << result.files << " files to " << options.output;
    if (!result.removed.empty()) err << " (removed " << result.removed.size() << " stale)";
    err << "; next: read " << options.output << "/MIGRATION.md\n";
    release_at_exit(std::move(output));
    release_at_exit(std::move(app));
    release_at_exit(std::move(project));
  } catch (const Error& e) {
    print_error(err, e);
    return kExitInput;
  }
  return kExitOk;
}

} // namespace berth::cli
