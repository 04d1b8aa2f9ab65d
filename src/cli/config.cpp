// `berth config` runner: load → model → normalized Compose YAML/JSON on stdout.
#include "cli/config.h"

#include <sstream>

#include "cli/diagnostics.h"
#include "cli/exit_codes.h"
#include "compose/serialize.h"
#include "compose/to_model.h"
#include "yaml/emit.h"
#include "yaml/json.h"

namespace berth::cli {

int run_config(const ConfigOptions& options, std::ostream& out, std::ostream& err) {
  std::string text;
  try {
    compose::LoadedProject project = compose::load_project(options.load);
    for (const std::string& w : project.warnings) print_warning(err, w);
    model::App app = compose::to_model(project);
    for (const std::string& w : app.warnings) print_warning(err, w);
    if (options.quiet) return kExitOk;
    if (options.services_only) {
      std::ostringstream names;
      for (const auto& service : app.services) names << service.name << '\n';
      text = names.str();
    } else if (options.format == "json") {
      text = yaml::to_json(compose::to_compose_yaml(app)).dump(2) + "\n";
    } else {
      text = yaml::emit(compose::to_compose_yaml(app));
    }
  } catch (const Error& e) {
    print_error(err, e);
    return kExitInput;
  }
  out << text;
  out.flush();
  return kExitOk;
}

} // namespace berth::cli
