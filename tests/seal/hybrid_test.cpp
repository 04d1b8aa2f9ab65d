// The hybrid format byte by byte, and proof against independent OpenSSL code paths: the
// `openssl pkeyutl` CLI opens the RSA part, in-test EVP code opens the GCM part.
#include <gtest/gtest.h>

#include <openssl/evp.h>

#include "common/error.h"
#include "seal/hybrid.h"
#include "support/test_support.h"
#include "test_keys.h"

using namespace berth::seal;
using namespace berth::seal::test;

namespace {

std::string hex(std::string_view s) {
  static const char* digits = "0123456789abcdef";
  std::string out;
  for (unsigned char c : s) {
    out += digits[c >> 4];
    out += digits[c & 15];
  }
  return out;
}

// AES-256-GCM decryption written here, not shared with src/seal.
std::optional<std::string> gcm_open(const std::string& key, std::string_view body) {
  if (key.size() != 32 || body.size() < 16) return std::nullopt;
  EVP_CIPHER_CTX* ctx = EVP_CIPHER_CTX_new();
  unsigned char nonce[12] = {};
  std::string out(body.size(), '\0');
  int n = 0, m = 0;
  bool ok = EVP_DecryptInit_ex(ctx, EVP_aes_256_gcm(), nullptr,
                               reinterpret_cast<const unsigned char*>(key.data()), nonce) == 1 &&
            EVP_DecryptUpdate(ctx, reinterpret_cast<unsigned char*>(out.data()), &n,
                              reinterpret_cast<const unsigned char*>(body.data()),
                              static_cast<int>(body.size() - 16)) == 1 &&
            EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_GCM_SET_TAG, 16,
                                const_cast<char*>(body.data() + body.size() - 16)) == 1 &&
            EVP_DecryptFinal_ex(ctx, reinterpret_cast<unsigned char*>(out.data()) + n, &m) == 1;
  EVP_CIPHER_CTX_free(ctx);
  if (!ok) return std::nullopt;
  out.resize(static_cast<std::size_t>(n + m));
  return out;
}

} // namespace

TEST(Hybrid, LayoutAndRoundTrip) {
  Pkey pub = public_key(rsa_pair());
  auto keys = private_keys(rsa_pair());
  std::string sealed = hybrid_encrypt(pub.get(), "hunter2", "prod/db");
  ASSERT_GE(sealed.size(), 2u);
  std::size_t rsa_len = static_cast<unsigned char>(sealed[0]) << 8 | static_cast<unsigned char>(sealed[1]);
  EXPECT_EQ(rsa_len, 256u); // 2048-bit modulus
  EXPECT_EQ(sealed.size(), 2 + 256 + 7 + 16u);
  auto plain = hybrid_decrypt(keys[0].get(), sealed, "prod/db");
  ASSERT_TRUE(plain);
  EXPECT_EQ(as_view(*plain), "hunter2");
}

TEST(Hybrid, FreshSessionKeyEveryTime) {
  Pkey pub = public_key(rsa_pair());
  std::string a = hybrid_encrypt(pub.get(), "same", "l");
  std::string b = hybrid_encrypt(pub.get(), "same", "l");
  EXPECT_NE(a, b);
  EXPECT_NE(a.substr(2 + 256), b.substr(2 + 256)); // different session keys → different GCM bytes
}

TEST(Hybrid, LabelKeyAndTamperingAreRefused) {
  Pkey pub = public_key(rsa_pair());
  auto keys = private_keys(rsa_pair());
  std::string sealed = hybrid_encrypt(pub.get(), "value", "prod/db");
  EXPECT_FALSE(hybrid_decrypt(keys[0].get(), sealed, "prod/web"));
  EXPECT_FALSE(hybrid_decrypt(keys[0].get(), sealed, "prod"));
  EXPECT_FALSE(hybrid_decrypt(keys[0].get(), sealed, ""));
  auto other = private_keys(make_rsa_pair(2048, 0, 1));
  EXPECT_FALSE(hybrid_decrypt(other[0].get(), sealed, "prod/db"));
  std::string tampered = sealed;
  tampered[2 + 256] ^= 1; // flips a ciphertext bit: the GCM tag must catch it
  EXPECT_FALSE(hybrid_decrypt(keys[0].get(), tampered, "prod/db"));
  tampered = sealed;
  tampered.back() ^= 1;
  EXPECT_FALSE(hybrid_decrypt(keys[0].get(), tampered, "prod/db"));
  EXPECT_THROW(hybrid_decrypt(keys[0].get(), "x", "prod/db"), berth::Error);
  EXPECT_THROW(hybrid_decrypt(keys[0].get(), sealed.substr(0, 200), "prod/db"), berth::Error);
}

TEST(Hybrid, LargerKeysWork) {
  const KeyPair& pair = rsa_pair(3072);
  Pkey pub = public_key(pair);
  std::string sealed = hybrid_encrypt(pub.get(), "x", "");
  EXPECT_EQ(static_cast<unsigned char>(sealed[0]) << 8 | static_cast<unsigned char>(sealed[1]), 384);
  auto plain = hybrid_decrypt(private_keys(pair)[0].get(), sealed, "");
  ASSERT_TRUE(plain);
  EXPECT_EQ(as_view(*plain), "x");
}

// The RSA part opens with the openssl CLI (OAEP, SHA-256 digest and MGF1, the label in hex);
// only the test key and the RSA ciphertext are written to the temp dir, never a plaintext value.
TEST(Hybrid, OpensslCliDecryptsTheSessionKey) {
  if (!berth::test::have_program("openssl")) GTEST_SKIP() << "SKIPPED: openssl CLI absent";
  const KeyPair& pair = rsa_pair();
  Pkey pub = public_key(pair);
  auto dir = berth::test::temp_dir("berth-seal-openssl");
  berth::test::write_file(dir / "k.pem", pair.private_pem);
  std::string value = "value sealed for the openssl CLI";
  for (std::string label : {"prod/db", "prod", ""}) {
    std::string sealed = hybrid_encrypt(pub.get(), value, label);
    std::size_t rsa_len = static_cast<unsigned char>(sealed[0]) << 8 | static_cast<unsigned char>(sealed[1]);
    berth::test::write_file(dir / "rsa.bin", sealed.substr(2, rsa_len));
    std::string cmd = "openssl pkeyutl -decrypt -inkey '" + (dir / "k.pem").string() + "' -in '" +
                      (dir / "rsa.bin").string() +
                      "' -pkeyopt rsa_padding_mode:oaep -pkeyopt rsa_oaep_md:sha256"
                      " -pkeyopt rsa_mgf1_md:sha256";
    if (!label.empty()) cmd += " -pkeyopt rsa_oaep_label:" + hex(label);
    auto r = berth::test::run(cmd);
    ASSERT_EQ(r.exit_code, 0) << "label '" << label << "': " << r.err;
    ASSERT_EQ(r.out.size(), 32u) << "session key is 32 bytes";
    auto opened = gcm_open(r.out, std::string_view(sealed).substr(2 + rsa_len));
    ASSERT_TRUE(opened) << "label '" << label << "'";
    EXPECT_EQ(*opened, value);

    // The wrong label must not open (the CLI agrees the label is bound).
    auto wrong = berth::test::run(cmd.substr(0, cmd.find(" -pkeyopt rsa_oaep_label")) +
                                  " -pkeyopt rsa_oaep_label:" + hex(label + "x"));
    EXPECT_NE(wrong.exit_code, 0) << "label '" << label << "'";
  }
}
