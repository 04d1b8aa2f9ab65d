// `berth seal` / `berth unseal`: Secrets ↔ SealedSecrets offline with the controller's keys.
#pragma once

#include <istream>
#include <ostream>
#include <string>
#include <vector>

namespace berth::cli {

struct SealOptions {
  std::string cert;                  // --cert: controller certificate or public key (PEM)
  std::string scope;                 // --scope; empty: the Secret's annotation, else strict
  std::string ns;                    // -n: supplies/overrides metadata.namespace
  std::string name;                  // --name: supplies/overrides metadata.name
  std::string format = "yaml";       // -o yaml|json
  std::string env_file;              // --from-env-file
  std::vector<std::string> literals; // --from-literal KEY=VALUE (repeatable)
  std::string type;                  // --type for --from-*; empty → Opaque
  std::string merge_into;            // --merge-into: existing SealedSecret file
  std::string input = "-";           // Secret YAML file, - for stdin
};

struct UnsealOptions {
  std::string key;             // --key: PEM file with the controller's private key(s)
  std::string format = "yaml"; // -o yaml|json
  std::string input = "-";     // SealedSecret YAML file, - for stdin
};

// Return the process exit code; output is written only when everything succeeded.
int run_seal(const SealOptions& options, std::istream& in, std::ostream& out, std::ostream& err);
// The only command that prints secret material (base64, to `out` only).
int run_unseal(const UnsealOptions& options, std::istream& in, std::ostream& out, std::ostream& err);

} // namespace berth::cli
