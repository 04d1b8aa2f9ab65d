// Loading certificates/public keys/private keys: RSA ≥ 2048 only, expiry is a warning.
#include <gtest/gtest.h>

#include <openssl/evp.h>

#include "test_keys.h"

using namespace berth::seal;
using namespace berth::seal::test;

TEST(Keys, CertificateAndPublicKey) {
  const KeyPair& pair = rsa_pair();
  PublicKey from_cert = load_public_key(pair.cert_pem, "cert.pem");
  EXPECT_TRUE(from_cert.warnings.empty());
  PublicKey from_pub = load_public_key(pair.public_pem, "pub.pem");
  EXPECT_TRUE(from_pub.warnings.empty());
  EXPECT_EQ(EVP_PKEY_eq(from_cert.key.get(), from_pub.key.get()), 1);
  EXPECT_EQ(EVP_PKEY_get_bits(from_cert.key.get()), 2048);
}

TEST(Keys, ExpiredCertificateIsAWarning) {
  KeyPair old = make_rsa_pair(2048, -30, -1);
  PublicKey key = load_public_key(old.cert_pem, "old.pem");
  ASSERT_EQ(key.warnings.size(), 1u);
  EXPECT_NE(key.warnings[0].find("expired"), std::string::npos) << key.warnings[0];
  EXPECT_NE(key.warnings[0].find("old.pem"), std::string::npos) << key.warnings[0];
  EXPECT_TRUE(key.key);
}

TEST(Keys, WeakRsaIsAnError) {
  KeyPair weak = make_rsa_pair(1024, 0, 10);
  for (const std::string& pem : {weak.cert_pem, weak.public_pem}) {
    try {
      load_public_key(pem, "weak.pem");
      FAIL() << "1024-bit key accepted";
    } catch (const berth::Error& e) {
      EXPECT_NE(e.message().find("1024 bits"), std::string::npos) << e.message();
      EXPECT_NE(e.message().find("2048"), std::string::npos) << e.message();
    }
  }
}

TEST(Keys, NonRsaIsAnError) {
  KeyPair ec = make_ec_pair();
  for (const std::string& pem : {ec.cert_pem, ec.public_pem}) {
    try {
      load_public_key(pem, "ec.pem");
      FAIL() << "EC key accepted";
    } catch (const berth::Error& e) {
      EXPECT_NE(e.message().find("expected an RSA"), std::string::npos) << e.message();
      EXPECT_NE(e.message().find("EC"), std::string::npos) << e.message();
    }
  }
  EXPECT_THROW(load_private_keys(ec.private_pem, "ec.key"), berth::Error);
}

TEST(Keys, GarbageIsAnError) {
  for (const char* text : {"", "hello", "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n"}) {
    try {
      load_public_key(text, "x.pem");
      FAIL() << text;
    } catch (const berth::Error& e) {
      EXPECT_NE(e.message().find("x.pem"), std::string::npos) << e.message();
    }
  }
  EXPECT_THROW(load_private_keys("nope", "k.pem"), berth::Error);
  EXPECT_THROW(load_private_keys(rsa_pair().public_pem, "k.pem"), berth::Error);
}

TEST(Keys, SeveralPrivateKeys) {
  KeyPair second = make_rsa_pair(2048, 0, 10);
  auto keys = load_private_keys(rsa_pair().private_pem + rsa_pair().cert_pem + second.private_pem, "k.pem");
  EXPECT_EQ(keys.size(), 2u);
}
