// Test key material generated in-process with OpenSSL (no key files in the repository).
#pragma once

#include <string>

#include <vector>

#include "common/error.h"
#include "seal/keys.h"

namespace berth::seal::test {

struct KeyPair {
  std::string private_pem; // PKCS#8
  std::string public_pem;  // SubjectPublicKeyInfo
  std::string cert_pem;    // self-signed X.509
};

// RSA key pair with a self-signed certificate valid from now+not_before_days to
// now+not_after_days (negative values make it expired). Cached per bits for speed.
const KeyPair& rsa_pair(int bits = 2048);
KeyPair make_rsa_pair(int bits, long not_before_days, long not_after_days);
// A P-256 EC key pair with a certificate (sealed-secrets cannot use it).
KeyPair make_ec_pair();

std::vector<Pkey> private_keys(const KeyPair& pair);
Pkey public_key(const KeyPair& pair);

} // namespace berth::seal::test
