// PEM parsing with OpenSSL 3 (certificates, SubjectPublicKeyInfo, PKCS#1/PKCS#8 private keys).
#include "seal/keys.h"

#include <openssl/asn1.h>
#include <openssl/bio.h>
#include <openssl/decoder.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>

#include "common/error.h"

namespace berth::seal {

void PkeyFree::operator()(EVP_PKEY* key) const noexcept { EVP_PKEY_free(key); }

namespace {

struct BioFree {
  void operator()(BIO* b) const noexcept { BIO_free(b); }
};
struct X509Free {
  void operator()(X509* x) const noexcept { X509_free(x); }
};
using Bio = std::unique_ptr<BIO, BioFree>;

Bio memory_bio(std::string_view pem) {
  Bio bio(BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size())));
  if (!bio) throw Error("out of memory reading PEM");
  return bio;
}

std::string asn1_time_text(const ASN1_TIME* t) {
  Bio bio(BIO_new(BIO_s_mem()));
  if (!bio || ASN1_TIME_print(bio.get(), t) != 1) return "?";
  char* data = nullptr;
  long n = BIO_get_mem_data(bio.get(), &data);
  return std::string(data, static_cast<std::size_t>(n));
}

void check_rsa(EVP_PKEY* key, const std::string& source, std::string_view what) {
  if (!EVP_PKEY_is_a(key, "RSA"))
    throw Error(source + ": expected an RSA " + std::string(what) + ", found " +
                (EVP_PKEY_get0_type_name(key) ? EVP_PKEY_get0_type_name(key) : "another key type") +
                " (sealed-secrets uses RSA-OAEP)");
  int bits = EVP_PKEY_get_bits(key);
  if (bits < 2048)
    throw Error(source + ": RSA key of " + std::to_string(bits) +
                " bits is too weak; expected at least 2048 bits");
}

} // namespace

PublicKey load_public_key(std::string_view pem, const std::string& source) {
  PublicKey out;
  {
    Bio bio = memory_bio(pem);
    std::unique_ptr<X509, X509Free> cert(PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr));
    if (cert) {
      out.key.reset(X509_get_pubkey(cert.get()));
      if (!out.key) throw Error(source + ": cannot read the certificate's public key");
      check_rsa(out.key.get(), source, "certificate key");
      if (X509_cmp_current_time(X509_get0_notAfter(cert.get())) < 0)
        out.warnings.push_back(source + ": certificate expired on " +
                               asn1_time_text(X509_get0_notAfter(cert.get())) +
                               "; the controller may have rotated to a newer key "
                               "(fetch it with `kubeseal --fetch-cert`)");
      else if (X509_cmp_current_time(X509_get0_notBefore(cert.get())) > 0)
        out.warnings.push_back(source + ": certificate is not valid before " +
                               asn1_time_text(X509_get0_notBefore(cert.get())));
      ERR_clear_error();
      return out;
    }
  }
  ERR_clear_error();
  {
    // The decoder accepts SubjectPublicKeyInfo and PKCS#1 ("BEGIN RSA PUBLIC KEY") alike.
    EVP_PKEY* key = nullptr;
    OSSL_DECODER_CTX* dctx = OSSL_DECODER_CTX_new_for_pkey(&key, "PEM", nullptr, nullptr,
                                                           EVP_PKEY_PUBLIC_KEY, nullptr, nullptr);
    Bio bio = memory_bio(pem);
    if (dctx && OSSL_DECODER_from_bio(dctx, bio.get()) == 1) out.key.reset(key);
    OSSL_DECODER_CTX_free(dctx);
  }
  ERR_clear_error();
  if (!out.key)
    throw Error(source + ": expected a PEM X.509 certificate (BEGIN CERTIFICATE) or public key "
                         "(BEGIN PUBLIC KEY), found neither");
  check_rsa(out.key.get(), source, "public key");
  return out;
}

std::vector<Pkey> load_private_keys(std::string_view pem, const std::string& source) {
  std::vector<Pkey> keys;
  Bio bio = memory_bio(pem);
  while (EVP_PKEY* key = PEM_read_bio_PrivateKey(bio.get(), nullptr, nullptr, nullptr)) {
    keys.emplace_back(key);
    check_rsa(key, source, "private key");
  }
  ERR_clear_error();
  if (keys.empty())
    throw Error(source + ": expected a PEM RSA private key (BEGIN PRIVATE KEY or BEGIN RSA "
                         "PRIVATE KEY), found none");
  return keys;
}

} // namespace berth::seal
