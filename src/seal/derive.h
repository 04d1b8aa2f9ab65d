// Per-value session key and OAEP seed derived from the seal key, so unchanged values reseal
// identically.
#pragma once

#include <array>
#include <string_view>

#include <openssl/types.h>

#include "seal/seal_key.h"
#include "seal/secret_bytes.h"

namespace berth::seal {

// SHA-256 of the public key's SubjectPublicKeyInfo DER: which certificate a value is sealed for.
std::array<unsigned char, 32> public_key_digest(EVP_PKEY* public_key);

struct SessionSecrets {
  SecretBytes session_key; // 32 bytes: AES-256-GCM key
  SecretBytes oaep_seed;   // 32 bytes: RSA-OAEP seed
};

// Each is HMAC-SHA256(K, purpose ‖ public-key digest ‖ label ‖ entry ‖ plaintext), every field
// prefixed by its 8-byte big-endian length; the purposes are "berth-seal-v1 session" and
// "berth-seal-v1 oaep". Keyed by K, so the Git tree alone cannot confirm a guessed value; bound
// to the plaintext, so one session key never encrypts two plaintexts. `entry` names where the
// value goes (namespace, name, key): equal values of two keys, or of two cluster-wide
// SealedSecrets (whose label is empty), then still get different ciphertexts, so the tree does
// not show which values are equal.
SessionSecrets derive_session(const SealKey& key, EVP_PKEY* public_key, std::string_view label,
                              std::string_view entry, std::string_view plaintext);

} // namespace berth::seal
