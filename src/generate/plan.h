// The conversion plan: every decision about a service made once (names, kind, ports, routes,
// config vs secret, replicas, edges), so each generator only renders objects from it.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "generate/report.h"
#include "model/app.h"
#include "profile/profile.h"

namespace berth::generate {

// What kind of data store an image is; drives StatefulSet choice, default ports, probes,
// backups and data-copy commands.
enum class DataFamily { None, Postgres, MySQL, MongoDB, Redis, Elasticsearch, MinIO, RabbitMQ, Kafka };
const char* to_string(DataFamily f); // "postgres", "mysql", ...

struct PortPlan {
  std::string name;             // valid port name (≤ 15 chars), unique in the service
  int port = 0;                 // container port; the Service uses the same number
  std::string protocol = "TCP"; // TCP | UDP | SCTP (Kubernetes spelling)
  bool http = false;            // speaks HTTP (routes, httpGet probes)
  bool inferred = false;        // not declared in Compose
  std::string reason;           // for inferred ports: "postgres image default", ...
};

struct RoutePlan {
  int port = 0;
  std::string port_name;
  std::string host;      // always set (defaults to the application host)
  std::string path = "/";
  bool strip_prefix = false;
  Location at;
};

struct EnvPlan {
  std::string name;
  std::string value; // the resolved value (for secrets: only ever sealed, never written)
  bool secret = false;
  std::string reason; // why it is secret ("name contains PASSWORD", "URL with password")
};

struct ServicePlan {
  const model::Service* service = nullptr;
  std::string name; // Kubernetes name (DNS-1123) of the workload, Service and config objects
  model::WorkloadKind kind = model::WorkloadKind::Deployment;
  DataFamily family = DataFamily::None;
  std::string image; // build → <registry>/<name>; tag set per overlay
  bool built = false;
  std::vector<PortPlan> ports;
  bool needs_service = false; // some service or route reaches it
  std::vector<RoutePlan> routes;
  std::vector<EnvPlan> env;
  std::string config_name; // "<name>-config" when it has non-secret env, else empty
  std::string secret_name; // "<name>-secret" when it has secret env or Compose secrets, else empty
  std::map<std::string, int> replicas; // environment → replicas
  bool singleton = false;
  std::vector<std::string> connects_to; // Kubernetes names this service calls (sorted, unique)
  std::vector<std::string> reached_by;  // Kubernetes names that call this service

  bool stateful() const { return kind == model::WorkloadKind::StatefulSet; }
  const PortPlan* port(int number) const;
};

struct AppPlan {
  std::string app;  // DNS-1123 application name
  std::string host; // default route host
  std::vector<ServicePlan> services; // model order
  const ServicePlan* find(std::string_view compose_name) const;
};

struct ConvertOptions {
  std::string host; // --host; empty: <app>.<profile domain>
};

// Decides everything; adds Inferred/Dropped entries to `report`. Throws berth::Error for
// inconsistent input (an x-berth route to a port the service does not have, ...).
AppPlan plan_app(const model::App& app, const profile::Profile& profile,
                 const ConvertOptions& options, Report& report);

// --- the individual rules (exposed for tests) ---------------------------------------------
DataFamily data_family(std::string_view image);     // "postgres:16" → Postgres, "bitnami/redis" → Redis
std::optional<int> default_port(DataFamily family); // 5432, 3306, 27017, 6379, 9200, 9000, 5672, 9092
bool is_secret_name(std::string_view env_name);     // PASSWORD, SECRET, TOKEN, KEY, CREDENTIAL, DSN, ...
bool has_url_password(std::string_view value);      // scheme://user:pass@host...

} // namespace berth::generate
