// generate_config: every service's ConfigMaps, Secret material and file ConfigMaps, in plan order.
#include "generate/config.h"

namespace berth::generate {

void generate_config(const Context& ctx, Output& out) {
  bool sealed = false;
  for (const ServicePlan& plan : ctx.plan.services) {
    add_env_configmap(ctx, plan, out);
    add_configs_configmap(ctx, plan, out);
    std::size_t overlays_before = 0;
    for (const auto& [env, manifests] : out.overlay) overlays_before += manifests.size();
    add_secrets(ctx, plan, out);
    std::size_t overlays_after = 0;
    for (const auto& [env, manifests] : out.overlay) overlays_after += manifests.size();
    // Only sealed-secrets adds overlay objects that are re-encrypted (ExternalSecrets and plain
    // Secrets are the same on every run).
    sealed = sealed ||
             (overlays_after > overlays_before && ctx.profile.secrets.method == "sealed-secrets");
    add_file_configmaps(ctx, plan, out);
  }
  // Sealing uses a fresh random session key each time, so it cannot be byte-identical across
  // runs; the values are the same. Say so once instead of hiding it.
  if (sealed)
    out.report.add("", "secrets", Disposition::Inferred,
                   "SealedSecrets are re-encrypted on every run (the ciphertext changes, the "
                   "values do not); commit them only when the set of keys changed");
}

} // namespace berth::generate
