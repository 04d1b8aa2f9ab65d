// EME-OAEP written from RFC 8017 §7.1.1 and §B.2.1 (MGF1); the RSA step is OpenSSL's raw RSAEP.
#include "seal/oaep.h"

#include <algorithm>
#include <cstdint>
#include <memory>

#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/rsa.h>

#include "common/error.h"

namespace berth::seal {

namespace {

struct MdCtxFree {
  void operator()(EVP_MD_CTX* c) const noexcept { EVP_MD_CTX_free(c); }
};
struct PkeyCtxFree {
  void operator()(EVP_PKEY_CTX* c) const noexcept { EVP_PKEY_CTX_free(c); }
};

[[noreturn]] void fail(const std::string& what) {
  ERR_clear_error();
  throw Error("OpenSSL " + what + " failed");
}

// MGF1: the first `out_len` bytes of Hash(seed ‖ C) for C = 0, 1, … as 4-byte big-endian
// counters, XORed into `out` (every caller masks, so nothing needs the mask on its own).
void mgf1_xor(const EVP_MD* md, const unsigned char* seed, std::size_t seed_len, unsigned char* out,
              std::size_t out_len) {
  std::unique_ptr<EVP_MD_CTX, MdCtxFree> ctx(EVP_MD_CTX_new());
  if (!ctx) fail("digest setup");
  unsigned char block[EVP_MAX_MD_SIZE];
  for (std::uint32_t counter = 0, done = 0; done < out_len; ++counter) {
    const unsigned char c[4] = {
        static_cast<unsigned char>(counter >> 24), static_cast<unsigned char>(counter >> 16),
        static_cast<unsigned char>(counter >> 8), static_cast<unsigned char>(counter)};
    unsigned int n = 0;
    if (EVP_DigestInit_ex(ctx.get(), md, nullptr) != 1 ||
        EVP_DigestUpdate(ctx.get(), seed, seed_len) != 1 ||
        EVP_DigestUpdate(ctx.get(), c, 4) != 1 || EVP_DigestFinal_ex(ctx.get(), block, &n) != 1)
      fail("MGF1 digest");
    for (unsigned int i = 0; i < n && done < out_len; ++i, ++done)
      out[done] ^= block[i];
  }
  OPENSSL_cleanse(block, sizeof block);
}

} // namespace

SecretBytes oaep_encode(const EVP_MD* md, std::string_view message, std::string_view label,
                        std::span<const unsigned char> seed, std::size_t k) {
  const std::size_t h_len = static_cast<std::size_t>(EVP_MD_get_size(md));
  if (seed.size() != h_len)
    throw Error("OAEP seed is " + std::to_string(seed.size()) + " bytes; expected " +
                std::to_string(h_len));
  if (k < 2 * h_len + 2 || message.size() > k - 2 * h_len - 2)
    throw Error("OAEP message of " + std::to_string(message.size()) + " bytes is too long for a " +
                std::to_string(k) + "-byte RSA key");

  // EM = 0x00 ‖ seed ‖ DB with DB = lHash ‖ PS (zeros) ‖ 0x01 ‖ M; masked in place below.
  SecretBytes em(k, 0);
  unsigned char* masked_seed = em.data() + 1;
  unsigned char* db = em.data() + 1 + h_len;
  const std::size_t db_len = k - h_len - 1;
  unsigned int l_len = 0;
  if (EVP_Digest(label.data(), label.size(), db, &l_len, md, nullptr) != 1 || l_len != h_len)
    fail("OAEP label hash");
  db[db_len - message.size() - 1] = 0x01;
  std::copy(message.begin(), message.end(), db + (db_len - message.size()));
  std::copy(seed.begin(), seed.end(), masked_seed);

  mgf1_xor(md, seed.data(), h_len, db, db_len); // maskedDB = DB ⊕ MGF(seed)
  mgf1_xor(md, db, db_len, masked_seed, h_len); // maskedSeed = seed ⊕ MGF(maskedDB)
  return em;
}

std::string rsa_oaep_encrypt(EVP_PKEY* public_key, std::string_view message, std::string_view label,
                             std::span<const unsigned char> seed) {
  const int size = EVP_PKEY_get_size(public_key);
  if (size <= 0) fail("RSA key size");
  SecretBytes em = oaep_encode(EVP_sha256(), message, label, seed, static_cast<std::size_t>(size));

  std::unique_ptr<EVP_PKEY_CTX, PkeyCtxFree> ctx(
      EVP_PKEY_CTX_new_from_pkey(nullptr, public_key, nullptr));
  if (!ctx || EVP_PKEY_encrypt_init(ctx.get()) <= 0 ||
      EVP_PKEY_CTX_set_rsa_padding(ctx.get(), RSA_NO_PADDING) <= 0)
    fail("raw RSA setup");
  std::size_t out_len = em.size();
  std::string out(out_len, '\0');
  if (EVP_PKEY_encrypt(ctx.get(), reinterpret_cast<unsigned char*>(out.data()), &out_len, em.data(),
                       em.size()) <= 0)
    fail("raw RSA encryption");
  out.resize(out_len);
  return out;
}

} // namespace berth::seal
