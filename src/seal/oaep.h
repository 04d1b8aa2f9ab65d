// RSAES-OAEP encryption with a caller-chosen seed (RFC 8017 §7.1.1), which OpenSSL's API cannot
// take.
#pragma once

#include <cstddef>
#include <span>
#include <string>
#include <string_view>

#include <openssl/types.h>

#include "seal/secret_bytes.h"

namespace berth::seal {

// EME-OAEP encoding of `message` into a k-byte block EM = 0x00 ‖ maskedSeed ‖ maskedDB, with
// `md` as both the label hash and MGF1's hash. `seed` must be exactly md's size. Throws
// berth::Error when the message is longer than k − 2·hLen − 2 bytes or the seed has the wrong size.
SecretBytes oaep_encode(const EVP_MD* md, std::string_view message, std::string_view label,
                        std::span<const unsigned char> seed, std::size_t k);

// RSA-OAEP(SHA-256, MGF1-SHA-256, label) of `message` under `public_key` with the given 32-byte
// seed: the same ciphertext OpenSSL would produce had its random generator returned `seed`.
std::string rsa_oaep_encrypt(EVP_PKEY* public_key, std::string_view message, std::string_view label,
                             std::span<const unsigned char> seed);

} // namespace berth::seal
