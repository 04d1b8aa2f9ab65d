// Kubernetes API catalog: apiVersion/kind pairs deprecated or removed between 1.16 and 1.32 and
// what replaces them (used by `berth check` to flag them and by `berth import` to migrate them).
#pragma once

#include <string_view>
#include <vector>

namespace berth::kube {

struct MinorVersion {
  int major = 1;
  int minor = 0; // 0 with major 0: never
  friend auto operator<=>(const MinorVersion&, const MinorVersion&) = default;
};

struct ApiChange {
  std::string_view api_version;  // as written: "extensions/v1beta1"
  std::string_view kind;         // "Deployment"
  MinorVersion deprecated_in;    // first release that warns
  MinorVersion removed_in;       // first release that no longer serves it ({0,0}: not removed yet)
  std::string_view replacement;  // apiVersion to use instead: "apps/v1"
  std::string_view note;         // structural changes needed beyond the apiVersion string
};

// The table, ordered by removed_in then api_version then kind.
const std::vector<ApiChange>& api_changes();
// nullptr when the pair is current (or unknown).
const ApiChange* find_api_change(std::string_view api_version, std::string_view kind);

} // namespace berth::kube
