// Secrets leave the object list: their values are decoded here, kept only in memory, and become
// SealedSecrets per environment (or templates) in the overlays; never plain text in the tree.
#include <algorithm>

#include "import/state.h"

namespace berth::import {

using generate::Disposition;

void collect_secrets(State& st) {
  std::vector<Kept> kept;
  std::vector<std::string> secret_names;
  for (Kept& k : st.objects)
    if (k.object.text("kind") == "Secret") secret_names.push_back(name_of(k.object));

  for (Kept& k : st.objects) {
    const std::string kind = k.object.text("kind");
    if (kind == "SealedSecret") {
      const std::string name = name_of(k.object);
      if (std::find(secret_names.begin(), secret_names.end(), name) != secret_names.end()) {
        std::string reason = "sealed with the source cluster's key; re-sealed from the exported "
                             "Secret " +
                             name + " instead";
        st.add(k.ref, "object", Disposition::Dropped, "left out: " + reason, k.at);
        st.left_out.push_back({k.ref, reason, k.at, ""});
        continue;
      }
      st.add(k.ref, "object", Disposition::Manual,
             "sealed with the source cluster's controller key: it decrypts in the target only "
             "if that key moves too (kubectl -n <controller namespace> get secret -l "
             "sealedsecrets.bitnami.com/sealed-secrets-key -o yaml, applied to the target before "
             "the controller starts), or export the Secret " +
                 name + " and import again",
             k.at);
      kept.push_back(std::move(k));
      continue;
    }
    if (kind != "Secret") {
      kept.push_back(std::move(k));
      continue;
    }
    try {
      SecretItem item;
      item.ref = k.ref;
      item.input = seal::read_secret(k.object);
      seal::wipe_secret_values(k.object);
      st.secrets.push_back(std::move(item));
    } catch (const Error& e) {
      seal::wipe_secret_values(k.object);
      std::string reason = "unreadable Secret (" + e.message() + ")";
      st.add(k.ref, "object", Disposition::Manual,
             "left out: " + reason + "; recreate it in the target by hand", e.where());
      st.left_out.push_back({k.ref, reason, k.at, ""});
    }
  }
  st.objects = std::move(kept);
}

} // namespace berth::import
