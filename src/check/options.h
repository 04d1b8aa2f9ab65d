// Options of a `berth check` run (flags and the .berth-check.yaml config file, merged).
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "check/finding.h"
#include "profile/profile.h"

namespace berth::check {

struct KubeVersion {
  int major = 1;
  int minor = 32;
  friend auto operator<=>(const KubeVersion&, const KubeVersion&) = default;
};
// "1.32", "v1.32", "1.32.4" → {1, 32}; false when malformed.
bool parse_kube_version(std::string_view text, KubeVersion& out);

// The `.berth-check.yaml` config file.
struct ConfigFile {
  std::vector<std::string> disable;            // rule ids turned off
  std::vector<std::string> enable;             // rule ids turned on (default-off rules)
  std::map<std::string, Severity> severity;    // rule id → severity override
  std::vector<std::string> exclude;            // glob patterns of paths not to check
};

struct Options {
  std::vector<std::string> paths;      // files, directories, "-" for stdin
  std::optional<profile::Profile> profile; // --cluster: enables the convention/node-capacity rules
  std::string openapi;                 // --openapi FILE (kubectl get --raw /openapi/v2)
  std::vector<std::string> crds;       // --crds DIR|FILE (repeatable)
  KubeVersion k8s_version;             // --k8s-version (default 1.32)
  bool complete = false;               // --complete: the input is the whole app (missing refs are errors)
  ConfigFile config;                   // from --config or ./.berth-check.yaml
  unsigned jobs = 0;                   // worker threads; 0 = hardware concurrency
};

} // namespace berth::check
