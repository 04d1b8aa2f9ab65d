// `berth import` runner: load exports → profile → import pipeline (in memory) → write the tree.
#include "cli/import.h"

#include <filesystem>
#include <iterator>

#include "cli/cluster_profile.h"
#include "cli/diagnostics.h"
#include "cli/exit_codes.h"
#include "import/pipeline.h"
#include "import/runbook.h"
#include "tree/writer.h"

namespace berth::cli {

namespace fs = std::filesystem;

namespace {

// How MIGRATION.md names an input: its file name, or the directory's with a '/', so the tree
// does not depend on where the export was stored.
std::string display_name(const std::string& input) {
  if (input == "-") return "stdin";
  fs::path p(input);
  while (p.has_relative_path() && p.filename().empty())
    p = p.parent_path();
  std::error_code ec;
  std::string name = p.filename().string();
  return fs::is_directory(p, ec) ? name + "/" : name;
}

// Report locations are shown relative to the first input's directory.
std::string base_directory(const std::string& input) {
  if (input == "-") return {};
  std::error_code ec;
  std::string dir = fs::is_directory(input, ec) ? input : fs::path(input).parent_path().string();
  while (dir.size() > 1 && dir.back() == '/')
    dir.pop_back();
  return dir;
}

} // namespace

int run_import(const ImportOptions& options, std::istream& in, std::ostream& /*out*/,
               std::ostream& err) {
  if (options.output.empty()) {
    err << "berth: error: import needs an output directory (-o DIR)\n";
    return kExitInput;
  }
  if (options.inputs.empty()) {
    err << "berth: error: import needs exported manifests (files, directories or - for stdin)\n";
    return kExitInput;
  }
  try {
    import::ImportOptions io;
    io.name = options.name;
    io.namespace_map = import::parse_pairs(options.namespace_map, "--namespace-map");
    io.storage_class_map = import::parse_pairs(options.storage_class_map, "--storage-class-map");
    io.keep_node_ports = options.keep_node_ports;
    io.load_balancer = options.load_balancer == "ingress" ? import::LoadBalancerMode::Ingress
                                                          : import::LoadBalancerMode::Keep;
    for (const std::string& i : options.inputs)
      io.inputs.push_back(display_name(i));
    io.base_directory = base_directory(options.inputs.front());

    std::string stdin_text;
    for (const std::string& i : options.inputs)
      if (i == "-") {
        stdin_text.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
        break;
      }
    import::Loaded loaded = import::load_exports(options.inputs, stdin_text);
    for (const std::string& w : loaded.warnings)
      print_warning(err, w);
    if (loaded.objects.empty())
      throw Error("no Kubernetes objects in " + options.inputs.front() +
                  (options.inputs.size() > 1 ? " and the other inputs" : ""));

    profile::Profile profile = cluster_profile(options.cluster, options.seal_cert);
    generate::Output output = import::import_app(std::move(loaded.objects), profile, io);
    tree::WriteResult result =
        tree::write_tree(output, options.output, tree::WriteOptions{options.force});
    for (const std::string& w : result.warnings)
      print_warning(err, w);
    if (!result.written) {
      err << "berth: error: " << result.refusal << '\n';
      for (const std::string& f : result.edited)
        err << "  edited: " << f << '\n';
      return kExitInput;
    }
    err << import::import_summary(output.report);
    err << "berth: wrote " << result.files << " files to " << options.output;
    if (!result.removed.empty()) err << " (removed " << result.removed.size() << " stale)";
    err << "; next: read " << options.output << "/MIGRATION.md\n";
  } catch (const Error& e) {
    print_error(err, e);
    return kExitInput;
  }
  return kExitOk;
}

} // namespace berth::cli
