// Loading the controller's public certificate/key and the private key(s) for unsealing.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <openssl/types.h>

namespace berth::seal {

struct PkeyFree {
  void operator()(EVP_PKEY* key) const noexcept;
};
using Pkey = std::unique_ptr<EVP_PKEY, PkeyFree>;

struct PublicKey {
  Pkey key;
  std::vector<std::string> warnings; // e.g. an expired certificate
};

// `pem` holds an X.509 certificate (what `kubeseal --fetch-cert` prints) or a PEM public key.
// Throws berth::Error (naming `source`) for unreadable PEM, non-RSA keys and keys < 2048 bits.
// An expired or not-yet-valid certificate is only a warning: the controller keeps old keys.
PublicKey load_public_key(std::string_view pem, const std::string& source);

// Every private key in `pem` (the controller keeps one per rotation; any may have sealed a
// value). Throws berth::Error when there is none or one is not RSA.
std::vector<Pkey> load_private_keys(std::string_view pem, const std::string& source);

} // namespace berth::seal
