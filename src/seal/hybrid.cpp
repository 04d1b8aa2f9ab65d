// Hybrid encryption with OpenSSL 3 EVP only; every session key and plaintext buffer is wiped.
#include "seal/hybrid.h"

#include <algorithm>
#include <array>
#include <memory>

#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/rand.h>
#include <openssl/rsa.h>

#include "common/error.h"
#include "seal/derive.h"
#include "seal/oaep.h"

namespace berth::seal {

namespace {

constexpr std::size_t kSessionKeyBytes = 32;
constexpr int kNonceBytes = 12;
constexpr std::size_t kTagBytes = 16;

struct PkeyCtxFree {
  void operator()(EVP_PKEY_CTX* c) const noexcept { EVP_PKEY_CTX_free(c); }
};
struct CipherCtxFree {
  void operator()(EVP_CIPHER_CTX* c) const noexcept { EVP_CIPHER_CTX_free(c); }
};
using PkeyCtx = std::unique_ptr<EVP_PKEY_CTX, PkeyCtxFree>;
using CipherCtx = std::unique_ptr<EVP_CIPHER_CTX, CipherCtxFree>;

[[noreturn]] void fail(const std::string& what) {
  unsigned long code = ERR_get_error();
  std::string detail;
  if (code != 0) {
    char buf[256];
    ERR_error_string_n(code, buf, sizeof buf);
    detail = std::string(": ") + buf;
  }
  ERR_clear_error();
  throw Error("OpenSSL " + what + " failed" + detail);
}

const unsigned char* bytes(std::string_view s) {
  return reinterpret_cast<const unsigned char*>(s.data());
}

// OAEP with SHA-256 for the digest and MGF1, and the scope label (OpenSSL owns its copy).
bool set_oaep(EVP_PKEY_CTX* ctx, std::string_view label) {
  if (EVP_PKEY_CTX_set_rsa_padding(ctx, RSA_PKCS1_OAEP_PADDING) <= 0) return false;
  if (EVP_PKEY_CTX_set_rsa_oaep_md(ctx, EVP_sha256()) <= 0) return false;
  if (EVP_PKEY_CTX_set_rsa_mgf1_md(ctx, EVP_sha256()) <= 0) return false;
  if (label.empty()) return true; // the default label is empty, as Go's nil label
  auto* copy = static_cast<unsigned char*>(OPENSSL_memdup(label.data(), label.size()));
  if (!copy) return false;
  if (EVP_PKEY_CTX_set0_rsa_oaep_label(ctx, copy, static_cast<int>(label.size())) <= 0) {
    OPENSSL_free(copy);
    return false;
  }
  return true;
}

// The RSA part, with OpenSSL's own random seed.
std::string rsa_oaep_random(EVP_PKEY* public_key, const SecretBytes& session,
                            std::string_view label) {
  PkeyCtx pctx(EVP_PKEY_CTX_new_from_pkey(nullptr, public_key, nullptr));
  if (!pctx || EVP_PKEY_encrypt_init(pctx.get()) <= 0 || !set_oaep(pctx.get(), label))
    fail("RSA-OAEP setup");
  std::size_t rsa_len = 0;
  if (EVP_PKEY_encrypt(pctx.get(), nullptr, &rsa_len, session.data(), session.size()) <= 0)
    fail("RSA-OAEP encryption");
  std::string out(rsa_len, '\0');
  if (EVP_PKEY_encrypt(pctx.get(), reinterpret_cast<unsigned char*>(out.data()), &rsa_len,
                       session.data(), session.size()) <= 0)
    fail("RSA-OAEP encryption");
  out.resize(rsa_len);
  return out;
}

} // namespace

std::string hybrid_encrypt(EVP_PKEY* public_key, std::string_view plaintext, std::string_view label,
                           const SealKey* seal_key, std::string_view entry) {
  SecretBytes session;
  std::string rsa;
  if (seal_key) {
    SessionSecrets derived = derive_session(*seal_key, public_key, label, entry, plaintext);
    session = std::move(derived.session_key);
    rsa = rsa_oaep_encrypt(public_key, as_view(session), label, derived.oaep_seed);
  } else {
    session.resize(kSessionKeyBytes);
    if (RAND_bytes(session.data(), static_cast<int>(session.size())) != 1) fail("RAND_bytes");
    rsa = rsa_oaep_random(public_key, session, label);
  }
  if (rsa.size() > 0xFFFF)
    throw Error("RSA ciphertext longer than the 2-byte length prefix allows");
  std::string out(2, '\0');
  out[0] = static_cast<char>(rsa.size() >> 8 & 0xFF);
  out[1] = static_cast<char>(rsa.size() & 0xFF);
  out += rsa;

  CipherCtx cctx(EVP_CIPHER_CTX_new());
  const std::array<unsigned char, kNonceBytes>
      nonce{}; // zero: a session key never encrypts two different plaintexts
  if (!cctx || EVP_EncryptInit_ex(cctx.get(), EVP_aes_256_gcm(), nullptr, nullptr, nullptr) != 1 ||
      EVP_CIPHER_CTX_ctrl(cctx.get(), EVP_CTRL_GCM_SET_IVLEN, kNonceBytes, nullptr) != 1 ||
      EVP_EncryptInit_ex(cctx.get(), nullptr, nullptr, session.data(), nonce.data()) != 1)
    fail("AES-256-GCM setup");
  std::size_t head = out.size();
  out.resize(head + plaintext.size() + kTagBytes);
  auto* gcm_out = reinterpret_cast<unsigned char*>(out.data() + head);
  // EVP_EncryptUpdate takes an int length; feed large values in chunks.
  std::size_t written = 0;
  for (std::size_t off = 0; off < plaintext.size();) {
    int chunk = static_cast<int>(std::min<std::size_t>(plaintext.size() - off, 1u << 30));
    int n = 0;
    if (EVP_EncryptUpdate(cctx.get(), gcm_out + written, &n, bytes(plaintext) + off, chunk) != 1)
      fail("AES-256-GCM encryption");
    off += static_cast<std::size_t>(chunk);
    written += static_cast<std::size_t>(n);
  }
  int n = 0;
  if (EVP_EncryptFinal_ex(cctx.get(), gcm_out + written, &n) != 1) fail("AES-256-GCM encryption");
  written += static_cast<std::size_t>(n);
  if (EVP_CIPHER_CTX_ctrl(cctx.get(), EVP_CTRL_GCM_GET_TAG, kTagBytes, gcm_out + written) != 1)
    fail("AES-256-GCM tag");
  out.resize(head + written + kTagBytes);
  return out;
}

std::optional<SecretBytes> hybrid_decrypt(EVP_PKEY* private_key, std::string_view sealed,
                                          std::string_view label) {
  if (sealed.size() < 2)
    throw Error("sealed value is too short (" + std::to_string(sealed.size()) + " bytes)");
  std::size_t rsa_len = static_cast<std::size_t>(bytes(sealed)[0]) << 8 | bytes(sealed)[1];
  if (sealed.size() < 2 + rsa_len + kTagBytes)
    throw Error("sealed value is truncated: " + std::to_string(sealed.size()) +
                " bytes, expected at least " + std::to_string(2 + rsa_len + kTagBytes));

  PkeyCtx pctx(EVP_PKEY_CTX_new_from_pkey(nullptr, private_key, nullptr));
  if (!pctx || EVP_PKEY_decrypt_init(pctx.get()) <= 0 || !set_oaep(pctx.get(), label))
    fail("RSA-OAEP setup");
  SecretBytes session(static_cast<std::size_t>(EVP_PKEY_get_size(private_key)));
  std::size_t session_len = session.size();
  if (EVP_PKEY_decrypt(pctx.get(), session.data(), &session_len, bytes(sealed) + 2, rsa_len) <= 0 ||
      session_len != kSessionKeyBytes) {
    ERR_clear_error();
    return std::nullopt;
  }

  std::string_view body = sealed.substr(2 + rsa_len);
  std::string_view ciphertext = body.substr(0, body.size() - kTagBytes);
  std::array<unsigned char, kTagBytes> tag{};
  std::copy(body.end() - kTagBytes, body.end(), tag.begin());

  CipherCtx cctx(EVP_CIPHER_CTX_new());
  const std::array<unsigned char, kNonceBytes> nonce{};
  if (!cctx || EVP_DecryptInit_ex(cctx.get(), EVP_aes_256_gcm(), nullptr, nullptr, nullptr) != 1 ||
      EVP_CIPHER_CTX_ctrl(cctx.get(), EVP_CTRL_GCM_SET_IVLEN, kNonceBytes, nullptr) != 1 ||
      EVP_DecryptInit_ex(cctx.get(), nullptr, nullptr, session.data(), nonce.data()) != 1)
    fail("AES-256-GCM setup");
  SecretBytes plain(ciphertext.size() + kTagBytes); // room for a final block; trimmed below
  std::size_t written = 0;
  for (std::size_t off = 0; off < ciphertext.size();) {
    int chunk = static_cast<int>(std::min<std::size_t>(ciphertext.size() - off, 1u << 30));
    int n = 0;
    if (EVP_DecryptUpdate(cctx.get(), plain.data() + written, &n, bytes(ciphertext) + off, chunk) !=
        1)
      fail("AES-256-GCM decryption");
    off += static_cast<std::size_t>(chunk);
    written += static_cast<std::size_t>(n);
  }
  int n = 0;
  if (EVP_CIPHER_CTX_ctrl(cctx.get(), EVP_CTRL_GCM_SET_TAG, kTagBytes, tag.data()) != 1)
    fail("AES-256-GCM tag");
  if (EVP_DecryptFinal_ex(cctx.get(), plain.data() + written, &n) != 1) {
    ERR_clear_error();
    return std::nullopt; // authentication failed: tampered or not this value's key
  }
  written += static_cast<std::size_t>(n);
  plain.resize(written);
  return plain;
}

} // namespace berth::seal
