// Names shared between generators: objects one generator creates and another refers to.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "generate/plan.h"
#include "model/volume.h"

namespace berth::generate {

// The ConfigMap holding the content of bind mount `mount_index` (index into
// service->volumes) of a service: "<name>-files-<index>". The config generator creates it,
// the workload generator mounts it.
std::string bind_configmap_name(const ServicePlan& plan, std::size_t mount_index);

// PVC for named volume `volume` of a Deployment: "<service>-<volume>" (DNS-1123).
std::string pvc_name(const ServicePlan& plan, std::string_view volume);
// volumeClaimTemplate name of a StatefulSet for named volume `volume`.
std::string claim_template_name(std::string_view volume);
// The headless Service of a StatefulSet: "<name>-headless" (network generator writes it).
std::string headless_service_name(const ServicePlan& plan);

// What a bind mount can become. Kubernetes has no host paths to share (hostPath is never
// used), so only content small enough for a ConfigMap survives.
struct BindMountUse {
  bool configmap = false;  // true: a ConfigMap named bind_configmap_name(...)
  bool directory = false;  // the source is a directory; each file becomes one key
  std::vector<std::string> files; // directory: file names (sorted); file: the base name
  std::string reason;      // when !configmap: why not (for the report)
};

// Largest content berth puts into one ConfigMap (Kubernetes' object limit is 1 MiB).
inline constexpr std::uintmax_t kMaxConfigMapBytes = 1024 * 1024;

// Decides from the file system: a regular text file ≤ 1 MiB, or a directory whose entries
// are all such files (total ≤ 1 MiB, no subdirectories), becomes a ConfigMap; the Docker
// socket, device files, missing paths, binary or larger content do not.
BindMountUse classify_bind_mount(const model::Mount& mount);

// ConfigMap key for a file name: keys allow [-._a-zA-Z0-9]; other characters become '_'.
std::string configmap_key(std::string_view file_name);

} // namespace berth::generate
