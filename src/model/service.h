// One Compose service, typed: everything generators need without looking at Compose YAML again.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "model/deploy.h"
#include "model/env.h"
#include "model/health.h"
#include "model/origin.h"
#include "model/port.h"
#include "model/volume.h"
#include "model/x_berth.h"

namespace berth::model {

// An argv, and the string it was split from when Compose gave one (`command: npm start`).
struct Command {
  std::vector<std::string> argv;
  std::optional<std::string> shell_form; // the original string; nullopt when given as a list
  Origin at;
  bool from_string() const { return shell_form.has_value(); }
  friend bool operator==(const Command&, const Command&) = default;
};

// Ordered KEY → value|null pairs (build args, hook environments).
using OptionalPairs = std::vector<std::pair<std::string, std::optional<std::string>>>;

struct Build {
  std::string context; // absolute path or URL
  std::string dockerfile;
  std::string dockerfile_inline;
  std::string target;
  OptionalPairs args;
  std::vector<std::string> platforms;
  std::vector<std::string> tags;
  // Other build options (cache_from, ssh, secrets, network...) kept verbatim for the CI build.
  yaml::Node other = yaml::Node::mapping();
  Origin at;
  friend bool operator==(const Build&, const Build&) = default;
};

// post_start / pre_stop entry → container lifecycle hooks.
struct Hook {
  Command command;
  std::string user;
  std::optional<bool> privileged;
  std::string working_dir;
  OptionalPairs environment;
  Origin at;
  friend bool operator==(const Hook&, const Hook&) = default;
};

enum class DependencyCondition { Started, Healthy, CompletedSuccessfully };
const char* to_string(DependencyCondition c); // service_started, ...

struct Dependency {
  std::string service;
  DependencyCondition condition = DependencyCondition::Started;
  bool required = true;
  bool restart = false;
  Origin at;
  friend bool operator==(const Dependency&, const Dependency&) = default;
};

struct NetworkAttachment {
  std::string name; // key in the top-level networks
  std::vector<std::string> aliases;
  std::string ipv4_address;
  std::string ipv6_address;
  std::optional<int> priority;
  Origin at;
  friend bool operator==(const NetworkAttachment&, const NetworkAttachment&) = default;
};

// A service's `secrets:` / `configs:` entry.
struct FileRef {
  std::string source;
  std::string target; // empty: default (/run/secrets/<source> or /<source>)
  std::string uid;
  std::string gid;
  std::optional<int> mode; // permission bits
  Origin at;
  friend bool operator==(const FileRef&, const FileRef&) = default;
};

struct Service {
  std::string name;
  Origin at;

  // image and build
  std::string image; // empty when only built
  std::optional<Build> build;
  std::string pull_policy;
  std::string platform;

  // process
  std::optional<Command> entrypoint;
  std::optional<Command> command;
  std::string working_dir;
  std::string user;
  std::vector<std::string> group_add;
  bool tty = false;
  bool stdin_open = false;
  std::vector<Hook> post_start;
  std::vector<Hook> pre_stop;
  std::optional<std::int64_t> stop_grace_period_ns;

  // environment
  std::vector<EnvVar> environment; // final values, inline over env_file, in first-seen order
  std::vector<EnvFileRef> env_files;

  // networking
  std::vector<Port> ports;
  std::vector<ExposedPort> expose;
  std::vector<NetworkAttachment> networks; // empty: the default network
  std::string network_mode;                // "", bridge, host, none
  std::string hostname;
  std::map<std::string, std::vector<std::string>> extra_hosts; // host → IPs
  std::vector<std::string> dns;
  std::vector<std::string> dns_search;
  std::vector<std::string> dns_opt;

  // storage
  std::vector<Mount> volumes;
  std::vector<std::string> tmpfs; // "/run" or "/run:size=64m"
  std::optional<std::int64_t> shm_size;

  // health, ordering, lifecycle
  std::optional<Healthcheck> healthcheck;
  std::vector<Dependency> depends_on;
  std::string restart; // no | always | on-failure[:N] | unless-stopped; empty: not given
  Deploy deploy;       // also holds the legacy mem_limit/mem_reservation/cpus/pids_limit/scale

  // security
  bool privileged = false;
  bool read_only = false;
  std::vector<std::string> cap_add;
  std::vector<std::string> cap_drop;
  std::vector<std::string> security_opt;
  std::map<std::string, std::string> sysctls;
  std::string pid; // "", host
  std::string ipc; // "", host, private, shareable

  // secrets and configs
  std::vector<FileRef> secrets;
  std::vector<FileRef> configs;

  // metadata
  std::map<std::string, std::string> labels;
  std::map<std::string, std::string> annotations;
  std::vector<std::string> profiles;

  std::optional<XBerth> x_berth;
  yaml::Node extensions = yaml::Node::mapping(); // other x-* keys, verbatim
  std::vector<Dropped> not_representable;        // keys Kubernetes cannot express

  const EnvVar* env(std::string_view key) const;
  friend bool operator==(const Service&, const Service&) = default;
};

} // namespace berth::model
