// Internal pieces of plan_app shared by its split files (not part of the generator interface).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "generate/plan.h"

namespace berth::generate::detail {

// A host (and port, when given) that an environment value points at: the authority of
// `scheme://[user[:pass]@]host[:port]/...` (each host of a `h1:p1,h2:p2` list) or a bare
// `host:port` token.
struct HostRef {
  std::string host; // lowercase
  std::optional<int> port;
};
std::vector<HostRef> host_refs(std::string_view value);

// True when an env key names a single host (REDIS_HOST, DB_ADDR, SMTP_SERVER, API_URL...), so a
// bare value equal to a service name is a reference to it.
bool key_names_host(std::string_view key);

// The URL userinfo has a password field (`user:pass@`, also `user:@` left empty by an unset
// variable): the whole value is a credential.
bool has_url_credentials(std::string_view value);

// Every name a service answers to on the Compose network: its name, hostname, network aliases.
std::vector<std::string> reach_names(const model::Service& s);

// Kubernetes spelling of a Compose protocol ("tcp" → "TCP").
std::string kube_protocol(std::string_view compose_protocol);

// Finds the plan of the service Compose calls `name` (or reaches by hostname/alias). Built once
// per application: edges look up every environment value, so lookups must not scan the plans.
class ReachIndex {
public:
  explicit ReachIndex(const std::vector<ServicePlan>& plans);
  int find(std::string_view name) const; // index into the plans, or -1
private:
  std::unordered_map<std::string, int> names_;   // lowercased Compose names
  std::unordered_map<std::string, int> aliases_; // hostnames and network aliases
};

// What every service says about the ports of others: host:port references in its environment
// (read at construction) and in its bind-mounted files (read on first need), indexed by host,
// so inferring the ports of each service does not rescan (and re-read) the whole application.
class CallerRefs {
public:
  struct Ref {
    std::size_t order;  // reading order: callers in plan order, then values, then hosts
    std::size_t caller; // index into the plans
    int port;
    std::string why; // "from web's DATABASE_URL"
  };
  explicit CallerRefs(const std::vector<ServicePlan>& plans);
  // References to any of `hosts` in reading order, each once.
  std::vector<const Ref*> from_env(const std::vector<std::string>& hosts) const;
  std::vector<const Ref*> from_files(const std::vector<std::string>& hosts);

  using Index = std::unordered_map<std::string, std::vector<Ref>>;

private:
  const std::vector<ServicePlan>& plans_;
  Index env_, files_;
  bool files_read_ = false;
};

// Ports of plans[target], which declares none, with the reason of each: from the callers'
// environment, else their bind-mounted config files, else its own healthcheck / PORT-style
// env / listen URL, else its image's default port. Empty when nothing says.
std::vector<std::pair<int, std::string>> infer_ports(const std::vector<ServicePlan>& plans,
                                                     std::size_t target, CallerRefs& callers);

// The steps of plan_app, in the order it runs them.
void plan_edges(const model::App& app, std::vector<ServicePlan>& plans, Report& report);
void plan_ports(const model::App& app, std::vector<ServicePlan>& plans, Report& report);
void plan_routes(AppPlan& plan, const profile::Profile& profile, Report& report);
void plan_env(ServicePlan& sp, Report& report);
// A plain value equal to a secret value elsewhere in the app (MINIO_ROOT_USER = the backend's
// S3_ACCESS_KEY) is that secret too: writing it in a ConfigMap would leak it.
void propagate_secret_values(std::vector<ServicePlan>& plans);
void plan_replicas(ServicePlan& sp, const profile::Profile& profile, Report& report);

} // namespace berth::generate::detail
