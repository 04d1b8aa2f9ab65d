// The individual plan rules: data_family, default_port, is_secret_name, has_url_password.
#include <gtest/gtest.h>

#include "generate/plan.h"

namespace berth::generate {
namespace {

TEST(DataFamily, ImagesByRepositoryBasename) {
  const std::pair<const char*, DataFamily> cases[] = {
      {"postgres", DataFamily::Postgres},
      {"postgres:16", DataFamily::Postgres},
      {"postgres:17-alpine", DataFamily::Postgres},
      {"docker.io/library/postgres:16@sha256:0123abcd", DataFamily::Postgres},
      {"postgres@sha256:0123abcd", DataFamily::Postgres},
      {"bitnami/postgresql:15", DataFamily::Postgres},
      {"postgis/postgis:16-3.4", DataFamily::Postgres},
      {"timescale/timescaledb:latest-pg16", DataFamily::Postgres},
      {"timescale/timescaledb-ha:pg16", DataFamily::Postgres},
      {"pgvector/pgvector:pg16", DataFamily::Postgres},
      {"ankane/pgvector", DataFamily::Postgres},
      {"mysql:8", DataFamily::MySQL},
      {"mariadb:10.6.4-focal", DataFamily::MySQL},
      {"percona:8", DataFamily::MySQL},
      {"bitnami/mariadb", DataFamily::MySQL},
      {"mongo:4.2.0", DataFamily::MongoDB},
      {"bitnami/mongodb:7", DataFamily::MongoDB},
      {"redis:7-alpine", DataFamily::Redis},
      {"bitnami/redis:7.2", DataFamily::Redis},
      {"valkey/valkey:8", DataFamily::Redis},
      {"eqalpha/keydb", DataFamily::Redis},
      {"redis/redis-stack-server", DataFamily::Redis},
      {"elasticsearch:7.16.1", DataFamily::Elasticsearch},
      {"docker.elastic.co/elasticsearch/elasticsearch:8.15.0", DataFamily::Elasticsearch},
      {"opensearchproject/opensearch:2", DataFamily::Elasticsearch},
      {"quay.io/minio/minio:RELEASE.2024-11-07T00-52-20Z", DataFamily::MinIO},
      {"minio/minio", DataFamily::MinIO},
      {"rabbitmq:3-management", DataFamily::RabbitMQ},
      {"confluentinc/cp-kafka:7.6.0", DataFamily::Kafka},
      {"bitnami/kafka:3.7", DataFamily::Kafka},
      {"apache/kafka:3.8.0", DataFamily::Kafka},
      {"localhost:5000/postgres:16", DataFamily::Postgres},
      {"registry.example.com:5000/team/redis", DataFamily::Redis},
      {"POSTGRES:16", DataFamily::Postgres},
      // Look-alikes that are tools, not stores.
      {"rediscommander/redis-commander", DataFamily::None},
      {"provectuslabs/kafka-ui", DataFamily::None},
      {"opensearchproject/opensearch-dashboards", DataFamily::None},
      {"minio/mc", DataFamily::None},
      {"dpage/pgadmin4", DataFamily::None},
      {"prometheuscommunity/postgres-exporter", DataFamily::None},
      {"confluentinc/cp-zookeeper", DataFamily::None},
      {"kibana:7.16.1", DataFamily::None},
      {"nginx", DataFamily::None},
      {"registry:5000", DataFamily::None}, // "registry" with tag 5000
      {"", DataFamily::None},
  };
  for (const auto& [image, family] : cases)
    EXPECT_EQ(to_string(data_family(image)), std::string(to_string(family))) << image;
}

TEST(DataFamily, DefaultPortsAndNames) {
  EXPECT_EQ(default_port(DataFamily::Postgres), 5432);
  EXPECT_EQ(default_port(DataFamily::MySQL), 3306);
  EXPECT_EQ(default_port(DataFamily::MongoDB), 27017);
  EXPECT_EQ(default_port(DataFamily::Redis), 6379);
  EXPECT_EQ(default_port(DataFamily::Elasticsearch), 9200);
  EXPECT_EQ(default_port(DataFamily::MinIO), 9000);
  EXPECT_EQ(default_port(DataFamily::RabbitMQ), 5672);
  EXPECT_EQ(default_port(DataFamily::Kafka), 9092);
  EXPECT_EQ(default_port(DataFamily::None), std::nullopt);
  EXPECT_STREQ(to_string(DataFamily::Postgres), "postgres");
  EXPECT_STREQ(to_string(DataFamily::MongoDB), "mongodb");
  EXPECT_STREQ(to_string(DataFamily::None), "none");
}

// Decisions: secret-looking words match whole underscore-separated words (KEY, PASS, DSN,
// SALT...) or, for the unambiguous ones (PASSWORD, PASSWD, SECRET, TOKEN, CREDENTIAL), any
// substring. *_FILE names hold a path, not the secret (Compose `secrets` carry the content).
TEST(SecretName, Positives) {
  for (const char* n :
       {"PASSWORD", "POSTGRES_PASSWORD", "MYSQL_ROOT_PASSWORD", "DBPASSWORD", "db_password",
        "DB_PASSWD", "DB_PASS", "SMTP_PASS", "DB_PWD", "GPG_PASSPHRASE", "JWT_SECRET",
        "CLIENTSECRET", "SECRET_KEY_BASE", "GITHUB_TOKEN", "APITOKEN", "ACCESS_TOKEN",
        "API_KEY", "APIKEY", "S3_ACCESS_KEY", "S3_SECRET_KEY", "AWS_ACCESS_KEY_ID", "JWT_KEY",
        "PRIVATE_KEY", "KEY", "STRIPE_KEYS", "GOOGLE_CREDENTIALS", "DB_CREDENTIAL", "SENTRY_DSN",
        "DSN", "WORDPRESS_AUTH_SALT", "REDIS_AUTH", "BASIC_AUTH", "LICENSE_KEY", "DB_CREDS",
        "app.secret", "encryption-key"})
    EXPECT_TRUE(is_secret_name(n)) << n;
}

TEST(SecretName, Negatives) {
  for (const char* n :
       {"KEYCLOAK_URL", "MONKEY", "DONKEY_COUNT", "PASSENGER_COUNT", "BYPASS_CACHE", "DSNAME",
        "POSTGRES_PASSWORD_FILE", "MYSQL_ROOT_PASSWORD_FILE", "SECRET_FILE", "PWD", "AUTH_URL",
        "AUTH_ENABLED", "OAUTH_PROVIDER", "POSTGRES_USER", "DATABASE_URL", "LOG_LEVEL", "HOST",
        "KEYSPACE", "TURNKEY_MODE", "", "_"})
    EXPECT_FALSE(is_secret_name(n)) << n;
}

TEST(UrlPassword, UserinfoWithPassword) {
  EXPECT_TRUE(has_url_password("postgres://app:hunter2@db:5432/shop"));
  EXPECT_TRUE(has_url_password("redis://:s3cret@redis:6379/0"));
  EXPECT_TRUE(has_url_password("amqp://guest:guest@rabbitmq"));
  EXPECT_TRUE(has_url_password("mongodb://u:p@a:27017,b:27017/db?replicaSet=rs0"));
  EXPECT_TRUE(has_url_password("jdbc:mysql://root:pw@db/app"));
  EXPECT_TRUE(has_url_password("first http://x then https://u:p@h/"));
  EXPECT_TRUE(has_url_password("https://u:p@ss@h/")); // raw '@' in the password
  EXPECT_FALSE(has_url_password("postgres://app@db:5432/shop"));
  EXPECT_FALSE(has_url_password("postgres://app:@db:5432/shop")); // empty password
  EXPECT_FALSE(has_url_password("postgres://db:5432/shop"));
  EXPECT_FALSE(has_url_password("http://minio:9000"));
  EXPECT_FALSE(has_url_password("user:pass@host")); // no scheme: not a URL
  EXPECT_FALSE(has_url_password("http://example.org/path?user=a:b@c")); // after the authority
  EXPECT_FALSE(has_url_password(""));
}

} // namespace
} // namespace berth::generate
