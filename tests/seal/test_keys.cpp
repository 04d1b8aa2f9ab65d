// In-process generation of RSA/EC keys and self-signed certificates for the seal tests.
#include "test_keys.h"

#include <map>
#include <stdexcept>

#include <openssl/bio.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>

namespace berth::seal::test {

namespace {

std::string bio_text(BIO* bio) {
  char* data = nullptr;
  long n = BIO_get_mem_data(bio, &data);
  std::string out(data, static_cast<std::size_t>(n));
  BIO_free(bio);
  return out;
}

KeyPair export_pair(EVP_PKEY* key, long not_before_days, long not_after_days) {
  KeyPair pair;
  BIO* bio = BIO_new(BIO_s_mem());
  PEM_write_bio_PrivateKey(bio, key, nullptr, nullptr, 0, nullptr, nullptr);
  pair.private_pem = bio_text(bio);
  bio = BIO_new(BIO_s_mem());
  PEM_write_bio_PUBKEY(bio, key);
  pair.public_pem = bio_text(bio);

  X509* cert = X509_new();
  X509_set_version(cert, 2);
  ASN1_INTEGER_set(X509_get_serialNumber(cert), 1);
  X509_gmtime_adj(X509_getm_notBefore(cert), not_before_days * 86400L);
  X509_gmtime_adj(X509_getm_notAfter(cert), not_after_days * 86400L);
  X509_set_pubkey(cert, key);
  X509_NAME* subject = X509_get_subject_name(cert);
  X509_NAME_add_entry_by_txt(subject, "CN", MBSTRING_ASC,
                             reinterpret_cast<const unsigned char*>("sealed-secret"), -1, -1, 0);
  X509_set_issuer_name(cert, subject);
  if (X509_sign(cert, key, EVP_sha256()) <= 0) throw std::runtime_error("X509_sign failed");
  bio = BIO_new(BIO_s_mem());
  PEM_write_bio_X509(bio, cert);
  pair.cert_pem = bio_text(bio);
  X509_free(cert);
  return pair;
}

} // namespace

KeyPair make_rsa_pair(int bits, long not_before_days, long not_after_days) {
  EVP_PKEY* key = EVP_RSA_gen(static_cast<unsigned>(bits));
  if (!key) throw std::runtime_error("EVP_RSA_gen failed");
  KeyPair pair = export_pair(key, not_before_days, not_after_days);
  EVP_PKEY_free(key);
  return pair;
}

const KeyPair& rsa_pair(int bits) {
  static std::map<int, KeyPair> cache;
  auto it = cache.find(bits);
  if (it == cache.end()) it = cache.emplace(bits, make_rsa_pair(bits, 0, 3650)).first;
  return it->second;
}

KeyPair make_ec_pair() {
  EVP_PKEY* key = EVP_EC_gen("P-256");
  if (!key) throw std::runtime_error("EVP_EC_gen failed");
  KeyPair pair = export_pair(key, 0, 365);
  EVP_PKEY_free(key);
  return pair;
}

std::vector<Pkey> private_keys(const KeyPair& pair) { return load_private_keys(pair.private_pem, "test.key"); }
Pkey public_key(const KeyPair& pair) { return std::move(load_public_key(pair.cert_pem, "test.crt").key); }

} // namespace berth::seal::test
