// sealed-secrets' hybrid encryption (pkg/crypto): RSA-OAEP-SHA256 session key + AES-256-GCM value.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include <openssl/types.h>

#include "seal/seal_key.h"
#include "seal/secret_bytes.h"

namespace berth::seal {

// Encrypts `plaintext` for `public_key` bound to `label`. Returns the raw bytes:
// u16 big-endian RSA ciphertext length ‖ RSA-OAEP(SHA-256, MGF1-SHA-256, label)(session key) ‖
// AES-256-GCM(session key, zero 12-byte nonce, no AAD)(plaintext) ‖ 16-byte tag.
// With `seal_key`, the session key and the OAEP seed are derived from it (seal/derive.h): the
// same (key, certificate, label, entry, plaintext) always gives the same bytes, and a session
// key is unique per plaintext, which keeps the zero nonce safe. Without, both are fresh from the
// system CSPRNG on every call (kubeseal's behaviour) and `entry` is unused.
std::string hybrid_encrypt(EVP_PKEY* public_key, std::string_view plaintext, std::string_view label,
                           const SealKey* seal_key = nullptr, std::string_view entry = {});

// Reverses hybrid_encrypt. nullopt when the bytes do not open with this key and label (wrong
// key, wrong label, or tampered data: the controller cannot tell these apart either). Throws
// berth::Error for bytes too short to be a sealed value.
std::optional<SecretBytes> hybrid_decrypt(EVP_PKEY* private_key, std::string_view sealed,
                                          std::string_view label);

} // namespace berth::seal
