// Sealing with a seal key: byte-identical SealedSecrets for unchanged values, still opened by the
// controller's key; any change of key, value, label or certificate changes the ciphertext.
#include <gtest/gtest.h>

#include "seal/base64.h"
#include "seal/hybrid.h"
#include "seal/sealed_secret.h"
#include "seal/unseal.h"
#include "test_keys.h"
#include "yaml/emit.h"
#include "yaml/parse.h"

using namespace berth::seal;
using namespace berth::seal::test;
using berth::yaml::Node;

namespace {

SealKey key_of(unsigned char fill) {
  return SealKey{SecretBytes(kSealKeyBytes, fill)};
}

SecretInput secret_of(const std::string& password, const std::string& ns = "prod") {
  Node doc = berth::yaml::parse_document("apiVersion: v1\nkind: Secret\nmetadata:\n  name: db\n"
                                         "  namespace: " +
                                             ns +
                                             "\ntype: Opaque\nstringData:\n"
                                             "  password: " +
                                             password + "\n  user: admin\n",
                                         "secret.yaml");
  return read_secret(doc);
}

std::string sealed_text(const SecretInput& s, EVP_PKEY* pub, const SealKey* key,
                        Scope scope = Scope::Strict) {
  return berth::yaml::emit(seal_secret(s, scope, pub, key));
}

std::string value(const std::string& doc, const std::string& key) {
  Node n = berth::yaml::parse_document(doc, "sealed.yaml");
  return n.find("spec")->find("encryptedData")->text(key);
}

} // namespace

TEST(Reproducible, SameKeySameBytesAndTheControllerOpensThem) {
  Pkey pub = public_key(rsa_pair());
  SealKey k = key_of(1);
  std::string a = sealed_text(secret_of("hunter2"), pub.get(), &k);
  std::string b = sealed_text(secret_of("hunter2"), pub.get(), &k);
  EXPECT_EQ(a, b);
  Node secret = unseal(berth::yaml::parse_document(a, "sealed.yaml"), private_keys(rsa_pair()));
  auto pw = base64_decode(secret.find("data")->find("password")->value());
  ASSERT_TRUE(pw);
  EXPECT_EQ(as_view(*pw), "hunter2");
}

TEST(Reproducible, ChangingOneValueChangesOnlyThatEntry) {
  Pkey pub = public_key(rsa_pair());
  SealKey k = key_of(1);
  std::string a = sealed_text(secret_of("hunter2"), pub.get(), &k);
  std::string b = sealed_text(secret_of("hunter3"), pub.get(), &k);
  EXPECT_NE(value(a, "password"), value(b, "password"));
  EXPECT_EQ(value(a, "user"), value(b, "user"));
}

TEST(Reproducible, OtherKeyLabelOrCertificateGivesOtherBytes) {
  Pkey pub = public_key(rsa_pair());
  SealKey k1 = key_of(1), k2 = key_of(2);
  std::string base = value(sealed_text(secret_of("hunter2"), pub.get(), &k1), "password");
  EXPECT_NE(base, value(sealed_text(secret_of("hunter2"), pub.get(), &k2), "password"));
  EXPECT_NE(base, value(sealed_text(secret_of("hunter2", "staging"), pub.get(), &k1), "password"));
  EXPECT_NE(base, value(sealed_text(secret_of("hunter2"), pub.get(), &k1, Scope::NamespaceWide),
                        "password"));
  Pkey other = public_key(make_rsa_pair(2048, 0, 1));
  EXPECT_NE(base, value(sealed_text(secret_of("hunter2"), other.get(), &k1), "password"));
}

TEST(Reproducible, WithoutAKeySealingStaysRandom) {
  Pkey pub = public_key(rsa_pair());
  EXPECT_NE(sealed_text(secret_of("hunter2"), pub.get(), nullptr),
            sealed_text(secret_of("hunter2"), pub.get(), nullptr));
}

// The tree must not show which values are equal: two keys of one SealedSecret, or two
// cluster-wide SealedSecrets (empty label), holding one value get different ciphertexts.
TEST(Reproducible, EqualValuesDoNotLookEqual) {
  Pkey pub = public_key(rsa_pair());
  SealKey k = key_of(5);
  std::string doc = sealed_text(secret_of("admin"), pub.get(), &k); // password == user == admin
  EXPECT_NE(value(doc, "password"), value(doc, "user"));
  SecretInput other = secret_of("hunter2");
  other.name = "db2";
  EXPECT_NE(value(sealed_text(secret_of("hunter2"), pub.get(), &k, Scope::ClusterWide), "password"),
            value(sealed_text(other, pub.get(), &k, Scope::ClusterWide), "password"));
}

// Different plaintexts never share a session key (the zero GCM nonce needs that).
TEST(Reproducible, SessionKeysAreUniquePerPlaintext) {
  Pkey pub = public_key(rsa_pair());
  auto priv = private_keys(rsa_pair());
  SealKey k = key_of(3);
  std::string a = hybrid_encrypt(pub.get(), "one", "prod/db", &k);
  std::string b = hybrid_encrypt(pub.get(), "two", "prod/db", &k);
  EXPECT_NE(a.substr(2, 256), b.substr(2, 256));
  for (const std::string& sealed : {a, b}) {
    auto plain = hybrid_decrypt(priv[0].get(), sealed, "prod/db");
    ASSERT_TRUE(plain);
  }
  EXPECT_EQ(hybrid_encrypt(pub.get(), "one", "prod/db", &k), a);
}

TEST(Reproducible, MergeIntoSealsLikeSealSecret) {
  Pkey pub = public_key(rsa_pair());
  SealKey k = key_of(4);
  std::string whole = sealed_text(secret_of("hunter2"), pub.get(), &k);
  SecretInput only_user = secret_of("ignored");
  only_user.values.erase(std::remove_if(only_user.values.begin(), only_user.values.end(),
                                        [](const auto& v) { return v.key != "user"; }),
                         only_user.values.end());
  SecretInput only_password = secret_of("hunter2");
  only_password.values.erase(std::remove_if(only_password.values.begin(),
                                            only_password.values.end(),
                                            [](const auto& v) { return v.key != "password"; }),
                             only_password.values.end());
  Node doc = seal_secret(only_user, Scope::Strict, pub.get(), &k);
  merge_into(doc, only_password, SealRequest{}, pub.get(), &k);
  EXPECT_EQ(berth::yaml::emit(doc), whole);
}
