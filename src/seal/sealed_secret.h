// Secret → SealedSecret (bitnami.com/v1alpha1), and adding keys to an existing SealedSecret.
#pragma once

#include <optional>
#include <string>

#include <openssl/types.h>

#include "seal/label.h"
#include "seal/seal_key.h"
#include "seal/secret_input.h"
#include "yaml/node.h"

namespace berth::seal {

struct SealRequest {
  std::optional<Scope> scope; // unset: the Secret's scope annotation, else strict
  std::string ns;             // -n: replaces/supplies metadata.namespace when non-empty
  std::string name;           // --name: replaces/supplies metadata.name when non-empty
};

// Applies the request's overrides to `secret` and returns the scope to seal with. Throws
// berth::Error at the Secret's metadata when the scope needs a name/namespace it lacks.
Scope resolve(SecretInput& secret, const SealRequest& request);

// Seals every value (keys sorted) for `public_key`. Call resolve() first. With a seal key the
// ciphertexts are reproducible (hybrid_encrypt); nullptr seals with fresh randomness. The
// overloads without one use process_seal_key(), loaded only when there is a value to seal.
yaml::Node seal_secret(const SecretInput& secret, Scope scope, EVP_PKEY* public_key,
                       const SealKey* seal_key);
yaml::Node seal_secret(const SecretInput& secret, Scope scope, EVP_PKEY* public_key);

// Adds or replaces `secret`'s values in the SealedSecret document `sealed` (its scope comes
// from its annotations). Name, namespace and scope must match, since the values' labels bind
// them; a mismatch is a berth::Error at the existing document.
void merge_into(yaml::Node& sealed, SecretInput& secret, const SealRequest& request,
                EVP_PKEY* public_key, const SealKey* seal_key);
void merge_into(yaml::Node& sealed, SecretInput& secret, const SealRequest& request,
                EVP_PKEY* public_key);

} // namespace berth::seal
