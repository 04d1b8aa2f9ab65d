// `berth import`: manifests exported from another cluster → a cleaned, API-migrated,
// K3s-adapted GitOps tree in a directory (the same layout as `berth convert`).
#pragma once

#include <istream>
#include <ostream>
#include <string>
#include <vector>

namespace berth::cli {

struct ImportOptions {
  std::vector<std::string> inputs;            // files, directories, "-" for stdin
  std::string cluster;                        // --cluster berth.yaml; empty: the default profile
  std::string seal_cert;                      // --seal-cert: overrides the profile's secrets.cert
  std::string name;                           // --name: application name
  std::vector<std::string> namespace_map;     // --namespace-map old=new (repeatable)
  std::vector<std::string> storage_class_map; // --storage-class-map old=new (repeatable)
  std::string load_balancer = "keep";         // --loadbalancer keep|ingress
  bool keep_node_ports = false;               // --keep-node-ports
  std::string output;                         // -o DIR (required)
  bool force = false;                         // overwrite edited files / foreign directory
};

// Returns the process exit code: 0 written; 2 unusable input or refused (nothing written).
// The report summary and warnings go to `err`; `out` gets nothing.
int run_import(const ImportOptions& options, std::istream& in, std::ostream& out,
               std::ostream& err);

} // namespace berth::cli
