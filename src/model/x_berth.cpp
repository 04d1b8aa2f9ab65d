// x-berth: reading, validation and the normalized form.
#include "model/x_berth.h"

#include <cctype>

#include "model/cron.h"
#include "model/quantity.h"
#include "model/yaml_read.h"

namespace berth::model {

const char* const kXBerthKeys[10] = {"kind",     "schedule", "ingress",          "metrics",
                                     "hpa",      "storage",  "replicas",         "session_affinity",
                                     "singleton", "backup"};

const char* to_string(WorkloadKind k) {
  switch (k) {
  case WorkloadKind::Deployment: return "deployment";
  case WorkloadKind::StatefulSet: return "statefulset";
  case WorkloadKind::DaemonSet: return "daemonset";
  case WorkloadKind::Job: return "job";
  case WorkloadKind::CronJob: return "cronjob";
  }
  return "?";
}

std::optional<WorkloadKind> workload_kind_from(std::string_view t) {
  for (WorkloadKind k : {WorkloadKind::Deployment, WorkloadKind::StatefulSet,
                         WorkloadKind::DaemonSet, WorkloadKind::Job, WorkloadKind::CronJob})
    if (t == to_string(k)) return k;
  return std::nullopt;
}

namespace {

std::string join_path(std::string_view a, std::string_view b) {
  return std::string(a) + "." + std::string(b);
}

// Rejects keys of `m` outside `allowed` with the list of allowed ones.
template <std::size_t N>
void check_keys(const yaml::Node& m, std::string_view path, const char* const (&allowed)[N]) {
  for (const yaml::Entry& e : m.entries()) {
    bool ok = false;
    for (const char* a : allowed)
      if (e.key.value() == a) ok = true;
    if (ok) continue;
    std::string list;
    for (const char* a : allowed) list += (list.empty() ? "" : ", ") + std::string(a);
    throw Error(e.key.loc(), std::string(path) + ": unknown key \"" + e.key.value() +
                                 "\" (allowed: " + list + ")");
  }
}

std::string read_cron(const yaml::Node& n, std::string_view path) {
  std::string s = read_string(n, path);
  if (auto err = cron_error(s)) throw Error(n.loc(), std::string(path) + ": " + *err);
  return s;
}

bool valid_host(std::string_view h) {
  if (h.starts_with("*.")) h.remove_prefix(2);
  if (h.empty() || h.size() > 253) return false;
  std::size_t label = 0;
  for (std::size_t i = 0; i < h.size(); ++i) {
    char c = h[i];
    if (c == '.') {
      if (label == 0 || h[i - 1] == '-') return false;
      label = 0;
      continue;
    }
    bool alnum = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    if (!alnum && !(c == '-' && label > 0)) return false;
    if (++label > 63) return false;
  }
  return label > 0 && h.back() != '-';
}

int read_port(const yaml::Node& n, std::string_view path) {
  return static_cast<int>(read_int_in(n, path, 1, 65535));
}

std::string read_http_path(const yaml::Node& n, std::string_view path) {
  std::string p = read_string(n, path);
  if (p.empty() || p[0] != '/' || p.find_first_of(" \t\n") != std::string::npos)
    fail_expected(n, path, "an absolute URL path starting with \"/\"");
  return p;
}

IngressRoute read_route(const yaml::Node& n, std::string_view path) {
  static const char* const kKeys[] = {"port", "host", "path", "strip_prefix"};
  expect_mapping(n, path);
  check_keys(n, path, kKeys);
  IngressRoute r;
  r.at.loc = n.loc();
  const yaml::Node* port = n.find("port");
  if (!port) throw Error(n.loc(), std::string(path) + ": missing required key \"port\" (the container port to route to)");
  r.port = read_port(*port, join_path(path, "port"));
  if (const yaml::Node* h = n.find("host")) {
    r.host = read_string(*h, join_path(path, "host"));
    if (!valid_host(r.host))
      fail_expected(*h, join_path(path, "host"), "a lowercase DNS host name like api.example.org");
  }
  if (const yaml::Node* p = n.find("path")) r.path = read_http_path(*p, join_path(path, "path"));
  if (const yaml::Node* s = n.find("strip_prefix")) {
    r.strip_prefix = read_bool(*s, join_path(path, "strip_prefix"));
    if (r.strip_prefix && (r.path.empty() || r.path == "/"))
      throw Error(s->loc(), join_path(path, "strip_prefix") +
                                ": needs a `path` other than \"/\" to strip");
  }
  return r;
}

MetricsEndpoint read_metrics(const yaml::Node& n, std::string_view path) {
  static const char* const kKeys[] = {"port", "path"};
  MetricsEndpoint m;
  m.at.loc = n.loc();
  if (n.is_scalar() && !n.is_null()) { // `metrics: 9090` shorthand
    m.port = read_port(n, path);
    return m;
  }
  expect_mapping(n, path);
  check_keys(n, path, kKeys);
  const yaml::Node* port = n.find("port");
  if (!port) throw Error(n.loc(), std::string(path) + ": missing required key \"port\"");
  m.port = read_port(*port, join_path(path, "port"));
  if (const yaml::Node* p = n.find("path")) m.path = read_http_path(*p, join_path(path, "path"));
  return m;
}

Autoscaling read_hpa(const yaml::Node& n, std::string_view path) {
  static const char* const kKeys[] = {"min", "max", "cpu", "memory"};
  expect_mapping(n, path);
  check_keys(n, path, kKeys);
  Autoscaling h;
  h.at.loc = n.loc();
  const yaml::Node* mx = n.find("max");
  if (!mx) throw Error(n.loc(), std::string(path) + ": missing required key \"max\"");
  if (const yaml::Node* mn = n.find("min"))
    h.min = static_cast<int>(read_int_in(*mn, join_path(path, "min"), 1, 10000));
  h.max = static_cast<int>(read_int_in(*mx, join_path(path, "max"), 1, 10000));
  if (h.min > h.max)
    throw Error(n.find("min")->loc(), std::string(path) + ": min (" + std::to_string(h.min) +
                                          ") is greater than max (" + std::to_string(h.max) + ")");
  if (const yaml::Node* c = n.find("cpu"))
    h.cpu = static_cast<int>(read_int_in(*c, join_path(path, "cpu"), 1, 1000));
  if (const yaml::Node* m = n.find("memory"))
    h.memory = static_cast<int>(read_int_in(*m, join_path(path, "memory"), 1, 1000));
  if (!h.cpu && !h.memory) h.cpu = 80; // an HPA needs a metric; 80% CPU is Kubernetes' usual
  return h;
}

} // namespace

XBerth parse_x_berth(const yaml::Node& node, std::string_view path) {
  XBerth x;
  x.at.loc = node.loc();
  if (node.is_null()) return x;
  expect_mapping(node, path);
  check_keys(node, path, kXBerthKeys);
  auto sub = [&](std::string_view k) { return join_path(path, k); };

  if (const yaml::Node* k = node.find("kind")) {
    std::string s = read_string(*k, sub("kind"));
    x.kind = workload_kind_from(s);
    if (!x.kind)
      fail_expected(*k, sub("kind"), "one of deployment, statefulset, daemonset, job, cronjob");
  }
  if (const yaml::Node* s = node.find("schedule")) {
    x.schedule = read_cron(*s, sub("schedule"));
    if (x.kind != WorkloadKind::CronJob)
      throw Error(s->loc(), sub("schedule") + ": only allowed with `kind: cronjob`" +
                                (x.kind ? std::string(" (kind is ") + to_string(*x.kind) + ")"
                                        : std::string(" (kind is not set)")));
  } else if (x.kind == WorkloadKind::CronJob) {
    throw Error(node.find("kind")->loc(), sub("kind") + ": cronjob needs a `schedule` (e.g. \"0 3 * * *\")");
  }
  if (const yaml::Node* in = node.find("ingress")) {
    if (in->is_mapping()) { // a single route written without the list
      x.ingress.push_back(read_route(*in, sub("ingress")));
    } else {
      expect_sequence(*in, sub("ingress"));
      for (std::size_t i = 0; i < in->items().size(); ++i)
        x.ingress.push_back(read_route(in->items()[i], sub("ingress") + "[" + std::to_string(i) + "]"));
    }
  }
  if (const yaml::Node* m = node.find("metrics")) x.metrics = read_metrics(*m, sub("metrics"));
  if (const yaml::Node* h = node.find("hpa")) x.hpa = read_hpa(*h, sub("hpa"));
  if (const yaml::Node* st = node.find("storage")) {
    expect_mapping(*st, sub("storage"));
    for (const yaml::Entry& e : st->entries()) {
      std::string vol = read_string(e.key, sub("storage"));
      std::string q = read_string(e.value, sub("storage") + "." + vol);
      auto bytes = quantity_bytes(q);
      if (!bytes || *bytes <= 0)
        fail_expected(e.value, sub("storage") + "." + vol,
                      "a positive Kubernetes quantity like 10Gi or 500Mi");
      x.storage[vol] = q;
    }
  }
  if (const yaml::Node* r = node.find("replicas")) {
    expect_mapping(*r, sub("replicas"));
    for (const yaml::Entry& e : r->entries()) {
      std::string env = read_string(e.key, sub("replicas"));
      x.replicas[env] = static_cast<int>(read_int_in(e.value, sub("replicas") + "." + env, 0, 10000));
    }
  }
  if (const yaml::Node* s = node.find("session_affinity"))
    x.session_affinity = read_bool(*s, sub("session_affinity"));
  if (const yaml::Node* s = node.find("singleton")) {
    x.singleton = read_bool(*s, sub("singleton"));
    if (x.singleton && x.hpa)
      throw Error(node.find("hpa")->loc(),
                  sub("hpa") + ": a singleton never runs more than one pod, so it cannot have an HPA");
    if (x.singleton)
      for (const auto& [env, n] : x.replicas)
        if (n > 1)
          throw Error(node.find("replicas")->find(env)->loc(),
                      sub("replicas") + "." + env + ": a singleton runs at most 1 replica, got " +
                          std::to_string(n));
  }
  if (const yaml::Node* b = node.find("backup")) {
    static const char* const kKeys[] = {"schedule"};
    expect_mapping(*b, sub("backup"));
    check_keys(*b, sub("backup"), kKeys);
    BackupSpec spec;
    spec.at.loc = b->loc();
    const yaml::Node* s = b->find("schedule");
    if (!s) throw Error(b->loc(), sub("backup") + ": missing required key \"schedule\"");
    spec.schedule = read_cron(*s, sub("backup.schedule"));
    x.backup = spec;
  }
  if (x.hpa && x.kind && (*x.kind == WorkloadKind::Job || *x.kind == WorkloadKind::CronJob ||
                          *x.kind == WorkloadKind::DaemonSet))
    throw Error(node.find("hpa")->loc(), sub("hpa") + ": an HPA cannot scale a " + to_string(*x.kind));
  return x;
}

yaml::Node to_node(const XBerth& x) {
  using yaml::Node;
  Node m = Node::mapping();
  if (x.kind) m.set("kind", Node::str(to_string(*x.kind)));
  if (!x.schedule.empty()) m.set("schedule", Node::str(x.schedule));
  if (!x.ingress.empty()) {
    Node seq = Node::sequence();
    for (const IngressRoute& r : x.ingress) {
      Node e = Node::mapping();
      e.set("port", Node::integer(r.port));
      if (!r.host.empty()) e.set("host", Node::str(r.host));
      if (!r.path.empty()) e.set("path", Node::str(r.path));
      if (r.strip_prefix) e.set("strip_prefix", Node::boolean(true));
      seq.push(std::move(e));
    }
    m.set("ingress", std::move(seq));
  }
  if (x.metrics) {
    Node e = Node::mapping();
    e.set("port", Node::integer(x.metrics->port));
    e.set("path", Node::str(x.metrics->path));
    m.set("metrics", std::move(e));
  }
  if (x.hpa) {
    Node e = Node::mapping();
    e.set("min", Node::integer(x.hpa->min));
    e.set("max", Node::integer(x.hpa->max));
    if (x.hpa->cpu) e.set("cpu", Node::integer(*x.hpa->cpu));
    if (x.hpa->memory) e.set("memory", Node::integer(*x.hpa->memory));
    m.set("hpa", std::move(e));
  }
  if (!x.storage.empty()) {
    Node e = Node::mapping();
    for (const auto& [k, v] : x.storage) e.set(k, Node::str(v));
    m.set("storage", std::move(e));
  }
  if (!x.replicas.empty()) {
    Node e = Node::mapping();
    for (const auto& [k, v] : x.replicas) e.set(k, Node::integer(v));
    m.set("replicas", std::move(e));
  }
  if (x.session_affinity) m.set("session_affinity", Node::boolean(true));
  if (x.singleton) m.set("singleton", Node::boolean(true));
  if (x.backup) {
    Node e = Node::mapping();
    e.set("schedule", Node::str(x.backup->schedule));
    m.set("backup", std::move(e));
  }
  return m;
}

} // namespace berth::model
