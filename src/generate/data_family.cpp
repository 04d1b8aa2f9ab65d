// Which data store an image runs, from the repository name alone, and its usual port.
#include "generate/plan.h"

#include <algorithm>
#include <array>
#include <utility>

namespace berth::generate {

namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

// "quay.io/minio/minio:RELEASE.x@sha256:..." → "minio": no registry, namespace, tag or digest.
std::string repository_basename(std::string_view image) {
  std::string s = lower(image);
  if (auto at = s.find('@'); at != std::string::npos) s.resize(at);
  auto slash = s.rfind('/');
  auto colon = s.rfind(':');
  // A ':' after the last '/' is the tag; before it, it belongs to a registry host:port.
  if (colon != std::string::npos && (slash == std::string::npos || colon > slash)) s.resize(colon);
  slash = s.rfind('/');
  return slash == std::string::npos ? s : s.substr(slash + 1);
}

// Exact names only: look-alikes such as redis-commander, kafka-ui, opensearch-dashboards or
// minio/mc are tools, not stores.
constexpr std::array<std::pair<std::string_view, DataFamily>, 31> kNames{{
    {"postgres", DataFamily::Postgres},
    {"postgresql", DataFamily::Postgres},
    {"postgis", DataFamily::Postgres},
    {"pgvector", DataFamily::Postgres},
    {"postgresql-repmgr", DataFamily::Postgres},
    {"mysql", DataFamily::MySQL},
    {"mysql-server", DataFamily::MySQL},
    {"mariadb", DataFamily::MySQL},
    {"percona", DataFamily::MySQL},
    {"percona-server", DataFamily::MySQL},
    {"mongo", DataFamily::MongoDB},
    {"mongodb", DataFamily::MongoDB},
    {"mongodb-community-server", DataFamily::MongoDB},
    {"mongodb-enterprise-server", DataFamily::MongoDB},
    {"redis", DataFamily::Redis},
    {"redis-stack", DataFamily::Redis},
    {"redismod", DataFamily::Redis},
    {"redis-stack-server", DataFamily::Redis},
    {"valkey", DataFamily::Redis},
    {"keydb", DataFamily::Redis},
    {"elasticsearch", DataFamily::Elasticsearch},
    {"opensearch", DataFamily::Elasticsearch},
    {"minio", DataFamily::MinIO},
    {"rabbitmq", DataFamily::RabbitMQ},
    {"kafka", DataFamily::Kafka},
    {"cp-kafka", DataFamily::Kafka},
    {"cp-server", DataFamily::Kafka},
    {"redpanda", DataFamily::Kafka},
    {"timescaledb", DataFamily::Postgres},
    {"timescaledb-ha", DataFamily::Postgres},
    {"timescaledb-postgis", DataFamily::Postgres},
}};

} // namespace

const char* to_string(DataFamily f) {
  switch (f) {
  case DataFamily::None: return "none";
  case DataFamily::Postgres: return "postgres";
  case DataFamily::MySQL: return "mysql";
  case DataFamily::MongoDB: return "mongodb";
  case DataFamily::Redis: return "redis";
  case DataFamily::Elasticsearch: return "elasticsearch";
  case DataFamily::MinIO: return "minio";
  case DataFamily::RabbitMQ: return "rabbitmq";
  case DataFamily::Kafka: return "kafka";
  }
  return "none";
}

DataFamily data_family(std::string_view image) {
  std::string base = repository_basename(image);
  for (const auto& [name, family] : kNames)
    if (base == name) return family;
  // timescale publishes many variants (timescaledb-ha, timescaledb-oss...), all Postgres.
  if (base.starts_with("timescaledb")) return DataFamily::Postgres;
  return DataFamily::None;
}

std::optional<int> default_port(DataFamily family) {
  switch (family) {
  case DataFamily::None: return std::nullopt;
  case DataFamily::Postgres: return 5432;
  case DataFamily::MySQL: return 3306;
  case DataFamily::MongoDB: return 27017;
  case DataFamily::Redis: return 6379;
  case DataFamily::Elasticsearch: return 9200;
  case DataFamily::MinIO: return 9000;
  case DataFamily::RabbitMQ: return 5672;
  case DataFamily::Kafka: return 9092;
  }
  return std::nullopt;
}

} // namespace berth::generate
