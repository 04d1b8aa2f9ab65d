// The derivation is a keyed function of (K, certificate, label, plaintext) and nothing else.
#include <gtest/gtest.h>

#include "seal/derive.h"
#include "test_keys.h"

using namespace berth::seal;
using namespace berth::seal::test;

namespace {

SealKey key_of(unsigned char fill) {
  return SealKey{SecretBytes(kSealKeyBytes, fill)};
}

std::string str(const SecretBytes& b) {
  return std::string(as_view(b));
}

} // namespace

TEST(Derive, SameInputsSameSecretsAnyChangeDiffers) {
  Pkey pub = public_key(rsa_pair());
  Pkey other_cert = public_key(make_rsa_pair(2048, 0, 1));
  SealKey k = key_of(1);
  SessionSecrets a = derive_session(k, pub.get(), "prod/db", "e", "hunter2");
  SessionSecrets b = derive_session(k, pub.get(), "prod/db", "e", "hunter2");
  EXPECT_EQ(a.session_key.size(), 32u);
  EXPECT_EQ(a.oaep_seed.size(), 32u);
  EXPECT_EQ(str(a.session_key), str(b.session_key));
  EXPECT_EQ(str(a.oaep_seed), str(b.oaep_seed));
  EXPECT_NE(str(a.session_key), str(a.oaep_seed)); // the two purposes are separated

  for (const SessionSecrets& c : {derive_session(key_of(2), pub.get(), "prod/db", "e", "hunter2"),
                                  derive_session(k, other_cert.get(), "prod/db", "e", "hunter2"),
                                  derive_session(k, pub.get(), "prod/web", "e", "hunter2"),
                                  derive_session(k, pub.get(), "prod/db", "f", "hunter2"),
                                  derive_session(k, pub.get(), "prod/db", "e", "hunter3")}) {
    EXPECT_NE(str(c.session_key), str(a.session_key));
    EXPECT_NE(str(c.oaep_seed), str(a.oaep_seed));
  }
}

// Length prefixes keep field boundaries: moving bytes between label and plaintext must change
// the result (with plain concatenation "a/b"+"c" and "a/"+"bc" would collide).
TEST(Derive, FieldBoundariesAreUnambiguous) {
  Pkey pub = public_key(rsa_pair());
  SealKey k = key_of(7);
  EXPECT_NE(str(derive_session(k, pub.get(), "a/b", "", "c").session_key),
            str(derive_session(k, pub.get(), "a/", "", "bc").session_key));
  EXPECT_NE(str(derive_session(k, pub.get(), "", "", "x").session_key),
            str(derive_session(k, pub.get(), "x", "", "").session_key));
  EXPECT_NE(str(derive_session(k, pub.get(), "l", "e", "x").session_key),
            str(derive_session(k, pub.get(), "l", "", "ex").session_key));
}

TEST(Derive, PublicKeyDigestNamesTheKeyNotTheCertificate) {
  const KeyPair& pair = rsa_pair();
  Pkey from_cert = berth::seal::load_public_key(pair.cert_pem, "cert.pem").key;
  Pkey from_pub = berth::seal::load_public_key(pair.public_pem, "pub.pem").key;
  EXPECT_EQ(public_key_digest(from_cert.get()), public_key_digest(from_pub.get()));
  Pkey other = public_key(make_rsa_pair(2048, 0, 1));
  EXPECT_NE(public_key_digest(from_pub.get()), public_key_digest(other.get()));
}
