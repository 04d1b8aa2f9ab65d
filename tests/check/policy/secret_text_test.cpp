// Secret-looking names and values, placeholders, base64.
#include "check/policy/secret_text.h"

#include <gtest/gtest.h>

namespace berth::check::policy {
namespace {

TEST(SecretText, NamesThatHoldSecrets) {
  EXPECT_EQ(secret_keyword("DB_PASSWORD"), "PASSWORD");
  EXPECT_EQ(secret_keyword("MYSQL_ROOT_PASSWORD"), "PASSWORD");
  EXPECT_EQ(secret_keyword("jwt_secret"), "SECRET");
  EXPECT_EQ(secret_keyword("GITHUB_TOKEN"), "TOKEN");
  EXPECT_EQ(secret_keyword("STRIPE_API_KEY"), "API_KEY");
  EXPECT_EQ(secret_keyword("TLS_PRIVATE_KEY"), "PRIVATE_KEY");
  EXPECT_EQ(secret_keyword("GOOGLE_CREDENTIALS"), "CREDENTIAL");
  EXPECT_EQ(secret_keyword("SENTRY_DSN"), "DSN");
  EXPECT_EQ(secret_keyword("REDIS_PASS"), "PASS");
  EXPECT_EQ(secret_keyword("DB_PWD"), "PWD");
  EXPECT_EQ(secret_keyword("S3_ACCESS_KEY"), "ACCESS_KEY");
}

TEST(SecretText, NamesThatDescribeOrMerelyResembleSecrets) {
  for (const char* name : {"POSTGRES_PASSWORD_FILE", "OAUTH_TOKEN_URL", "SECRET_NAME",
                           "JWT_TOKEN_TTL", "AWS_ACCESS_KEY_ID", "PASSENGER_COUNT", "DSNAME", "PWD",
                           "LOG_LEVEL", "KEYCLOAK_URL", "TOKEN_EXPIRY"})
    EXPECT_EQ(secret_keyword(name), "") << name;
}

TEST(SecretText, UrlPasswords) {
  EXPECT_TRUE(url_with_password("postgres://app:s3cret@db:5432/app"));
  EXPECT_TRUE(url_with_password("amqp://a:b@mq, redis://x:y@r"));
  EXPECT_FALSE(url_with_password("postgres://app@db:5432/app"));
  EXPECT_FALSE(url_with_password("postgres://app:@db/app"));
  EXPECT_FALSE(url_with_password("postgres://app:$(DB_PASSWORD)@db/app"));
  EXPECT_FALSE(url_with_password("postgres://app:${DB_PASSWORD}@db/app"));
  EXPECT_FALSE(url_with_password("postgres://app:****@db/app"));
  EXPECT_FALSE(url_with_password("https://example.org/a:b@c")); // '@' after the path
  EXPECT_FALSE(url_with_password("no url here"));
}

TEST(SecretText, ValuesThatCannotBeSecrets) {
  for (const char* v : {"", "$(DB_PASSWORD)", "${TOKEN}", "{{ .Values.x }}", "3600", "true", "Off",
                        "/run/secrets/db"})
    EXPECT_TRUE(not_a_secret_value(v)) << v;
  for (const char* v : {"hunter2", "changeme", "a b c", "0x1f"})
    EXPECT_FALSE(not_a_secret_value(v)) << v;
}

TEST(SecretText, Placeholders) {
  for (const char* v : {"REPLACE_ME", "replace_me", "CHANGEME", "<your password>", "${DB_PASSWORD}",
                        "{{ password }}", "", "  ", "xxxx", "****", "TODO"})
    EXPECT_TRUE(is_placeholder(v)) << v;
  for (const char* v : {"hunter2", "x", "REPLACE_ME_TOO", "<a"})
    EXPECT_FALSE(is_placeholder(v)) << v;
}

TEST(SecretText, EmbeddedPlaceholdersAndKeyMaterial) {
  EXPECT_TRUE(has_placeholder("postgres://app:<PASSWORD>@db/app"));
  EXPECT_TRUE(has_placeholder("Bearer REPLACE_ME"));
  EXPECT_TRUE(has_placeholder("<GENERATE_256BIT_SECRET>"));
  EXPECT_FALSE(has_placeholder("a<b>c is <>"));
  EXPECT_FALSE(has_placeholder("hunter2"));
  EXPECT_FALSE(url_with_password("postgres://app:<PASSWORD>@db/app"));
  for (const char* k : {"tls.key", "ca.pem", ".dockerconfigjson", "id_rsa", "KEY"})
    EXPECT_TRUE(key_material_name(k)) << k;
  for (const char* k : {"tls.crt", "username", "keycloak"})
    EXPECT_FALSE(key_material_name(k)) << k;
}

TEST(SecretText, Base64) {
  char out[16];
  std::size_t len = 0;
  ASSERT_TRUE(base64_decode("UkVQTEFDRV9NRQ==", out, sizeof out, len));
  EXPECT_EQ(std::string_view(out, len), "REPLACE_ME");
  EXPECT_FALSE(base64_decode("not base64!", out, sizeof out, len));
  EXPECT_FALSE(base64_decode("UkVQTEFDRV9NRVJFUExBQ0VfTUU=", out, 4, len)); // too long for out
}

} // namespace
} // namespace berth::check::policy
