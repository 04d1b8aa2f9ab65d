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
  // Sealing is reproducible only per seal key (seal/seal_key.h), which lives outside the tree:
  // say once where it comes from and how CI gets the same bytes.
  if (sealed)
    out.report.add("", "secrets", Disposition::Inferred,
                   "SealedSecrets are reproducible: a value's ciphertext changes only when the "
                   "value, its scope or the certificate does, for a given seal key "
                   "(BERTH_SEAL_KEY, else ~/.config/berth/seal-key, created on first use; "
                   "without either berth warns and seals randomly). Another machine's key gives "
                   "different but equally valid ciphertexts: to have CI write the same bytes, "
                   "give it the key file's content as the secret BERTH_SEAL_KEY and guard it "
                   "like a deploy key");
}

} // namespace berth::generate
