// HMAC-SHA256 through OpenSSL 3's EVP_MAC, fed field by field so the plaintext is never copied.
#include "seal/derive.h"

#include <cstdint>
#include <memory>

#include <openssl/core_names.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/x509.h>

#include "common/error.h"

namespace berth::seal {

namespace {

struct MacFree {
  void operator()(EVP_MAC* m) const noexcept { EVP_MAC_free(m); }
};
struct MacCtxFree {
  void operator()(EVP_MAC_CTX* c) const noexcept { EVP_MAC_CTX_free(c); }
};

[[noreturn]] void fail(const std::string& what) {
  ERR_clear_error();
  throw Error("OpenSSL " + what + " failed");
}

void update(EVP_MAC_CTX* ctx, std::string_view field) {
  unsigned char len[8];
  for (int i = 0; i < 8; ++i)
    len[i] = static_cast<unsigned char>(static_cast<std::uint64_t>(field.size()) >> (56 - 8 * i));
  if (EVP_MAC_update(ctx, len, sizeof len) != 1 ||
      (!field.empty() && EVP_MAC_update(ctx, reinterpret_cast<const unsigned char*>(field.data()),
                                        field.size()) != 1))
    fail("HMAC update");
}

SecretBytes hmac(EVP_MAC* mac, const SealKey& key, std::string_view purpose,
                 std::string_view key_digest, std::string_view label, std::string_view entry,
                 std::string_view plaintext) {
  std::unique_ptr<EVP_MAC_CTX, MacCtxFree> ctx(EVP_MAC_CTX_new(mac));
  char digest_name[] = "SHA256";
  OSSL_PARAM params[] = {OSSL_PARAM_construct_utf8_string(OSSL_MAC_PARAM_DIGEST, digest_name, 0),
                         OSSL_PARAM_construct_end()};
  if (!ctx || EVP_MAC_init(ctx.get(), key.bytes.data(), key.bytes.size(), params) != 1)
    fail("HMAC setup");
  update(ctx.get(), purpose);
  update(ctx.get(), key_digest);
  update(ctx.get(), label);
  update(ctx.get(), entry);
  update(ctx.get(), plaintext);
  SecretBytes out(32);
  std::size_t n = 0;
  if (EVP_MAC_final(ctx.get(), out.data(), &n, out.size()) != 1 || n != out.size())
    fail("HMAC final");
  return out;
}

} // namespace

std::array<unsigned char, 32> public_key_digest(EVP_PKEY* public_key) {
  unsigned char* der = nullptr;
  int len = i2d_PUBKEY(public_key, &der);
  if (len <= 0) fail("public key encoding");
  std::array<unsigned char, 32> out{};
  unsigned int n = 0;
  int ok = EVP_Digest(der, static_cast<std::size_t>(len), out.data(), &n, EVP_sha256(), nullptr);
  OPENSSL_free(der);
  if (ok != 1 || n != out.size()) fail("SHA-256");
  return out;
}

SessionSecrets derive_session(const SealKey& key, EVP_PKEY* public_key, std::string_view label,
                              std::string_view entry, std::string_view plaintext) {
  if (key.bytes.size() != kSealKeyBytes) throw Error("seal key has the wrong size");
  std::array<unsigned char, 32> digest = public_key_digest(public_key);
  std::string_view digest_view(reinterpret_cast<const char*>(digest.data()), digest.size());
  std::unique_ptr<EVP_MAC, MacFree> mac(EVP_MAC_fetch(nullptr, "HMAC", nullptr));
  if (!mac) fail("HMAC fetch");
  return {hmac(mac.get(), key, "berth-seal-v1 session", digest_view, label, entry, plaintext),
          hmac(mac.get(), key, "berth-seal-v1 oaep", digest_view, label, entry, plaintext)};
}

} // namespace berth::seal
