// Where Compose `secrets:` / `configs:` files land in the pod: shared between the config
// generator (which puts their content into a Secret / ConfigMap) and the workload generator
// (which mounts them), so both derive the same object names, keys and paths.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "common/error.h"
#include "generate/naming.h"
#include "generate/plan.h"
#include "model/app.h"

namespace berth::generate {

// One file of a Compose secret/config in the container. Mount it as
//   volumes:      {name: <volume>, secret: {secretName: <object>}}   (secrets)
//                 {name: <volume>, configMap: {name: <object>}}      (configs)
//   volumeMounts: {name: <volume>, mountPath: <mount_path>, subPath: <key>, readOnly: true}
// with items[{key, path: key, mode}] on the volume when `mode` is set. Mounts sharing a
// `volume` share one pod volume (same object).
struct FileMount {
  std::string volume;      // pod volume name (DNS-1123)
  std::string object;      // Secret or ConfigMap name
  std::string key;         // data key inside it (also the subPath)
  std::string mount_path;  // absolute file path in the container
  std::optional<int> mode; // file mode bits from the Compose `mode:`
  bool external = false;   // object is created outside berth (Compose `external: true`)
  Location at;             // the service's secrets[i] / configs[i] entry
};

// The ConfigMap holding a service's Compose configs: "<name>-configs".
std::string configs_configmap_name(const ServicePlan& plan);

// Data key of Compose secret/config `source` (the top-level key) in berth's object; for
// secrets it never collides with an env key of plan.env (env keys are plain variable names,
// a colliding file key gets a "file." prefix).
std::string secret_file_key(const ServicePlan& plan, std::string_view source);
std::string config_file_key(std::string_view source);

// Secrets: object plan.secret_name (external ones: their own name), volume "secret-files"
// (external: "ext-<object>"), default path /run/secrets/<source>, relative targets under
// /run/secrets. Entries whose top-level secret is missing are skipped (the loader rejects them).
std::vector<FileMount> secret_file_mounts(const model::App& app, const ServicePlan& plan);

// Configs: object configs_configmap_name(plan) (external ones: their own name), volume
// "config-files" (external: "ext-<object>"), default path /<source>; relative targets under /.
std::vector<FileMount> config_file_mounts(const model::App& app, const ServicePlan& plan);

// Bind mounts: the final decision. classify_bind_mount (naming.h) plus what berth refuses to
// inline into a ConfigMap: host system paths (/proc, /sys, /dev, /run, /var/run, /etc/localtime,
// sockets), files whose name looks like key material or credentials (see looks_secret_file)
// and content that is not valid UTF-8. The workload generator mounts ConfigMap
// bind_configmap_name(plan, i) exactly when this says `configmap`.
BindMountUse bind_mount_use(const model::Mount& mount);

// Host paths no pod can share; their mounts are dropped rather than turned into a manual step.
bool is_system_path(std::string_view host_path);

// .env / *.env, *.pem, *.key, *.p12, *.pfx, *.jks, id_rsa*, id_ed25519*, *secret*, *password*,
// *credential*, *token* (case-insensitive): such content must be sealed, never put in a ConfigMap.
bool looks_secret_file(std::string_view file_name);

} // namespace berth::generate
