// Model → Compose YAML: typed fields back into the long syntax, dropped keys re-inserted.
#include "compose/serialize.h"

#include <algorithm>
#include <cstdio>

#include "compose/shell_split.h"
#include "compose/units.h"

namespace berth::compose {
namespace {

using yaml::Node;

Node str(const std::string& s) { return Node::str(s); }
Node int_(std::int64_t v) { return Node::integer(v); }
Node dur(std::int64_t ns) { return Node::str(format_duration(ns)); }

Node list(const std::vector<std::string>& items) {
  Node seq = Node::sequence();
  for (const std::string& s : items) seq.push(str(s));
  return seq;
}

Node map_of(const std::map<std::string, std::string>& m) {
  Node out = Node::mapping();
  for (const auto& [k, v] : m) out.set(k, str(v));
  return out;
}

Node pairs(const model::OptionalPairs& p) {
  Node out = Node::mapping();
  for (const auto& [k, v] : p) out.set(k, v ? str(*v) : Node::null());
  return out;
}

Node command(const model::Command& c) {
  if (c.shell_form) return str(*c.shell_form);
  return list(c.argv);
}

std::string octal(int mode) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "0%o", mode);
  return buf;
}

void set_if(Node& m, const char* key, const std::string& v) {
  if (!v.empty()) m.set(key, str(v));
}

Node build(const model::Build& b) {
  Node m = Node::mapping();
  set_if(m, "context", b.context);
  set_if(m, "dockerfile", b.dockerfile);
  set_if(m, "dockerfile_inline", b.dockerfile_inline);
  if (!b.args.empty()) m.set("args", pairs(b.args));
  set_if(m, "target", b.target);
  if (!b.platforms.empty()) m.set("platforms", list(b.platforms));
  if (!b.tags.empty()) m.set("tags", list(b.tags));
  for (const yaml::Entry& e : b.other.entries()) m.add(e.key, e.value);
  return m;
}

Node hooks(const std::vector<model::Hook>& hs) {
  Node seq = Node::sequence();
  for (const model::Hook& h : hs) {
    Node m = Node::mapping();
    m.set("command", command(h.command));
    set_if(m, "user", h.user);
    if (h.privileged) m.set("privileged", Node::boolean(*h.privileged));
    set_if(m, "working_dir", h.working_dir);
    if (!h.environment.empty()) m.set("environment", pairs(h.environment));
    seq.push(std::move(m));
  }
  return seq;
}

// Millicores as a decimal CPU count: 500 → "0.5", 2000 → "2", 1250 → "1.25".
std::string cpus_text(std::int64_t milli) {
  std::string out = std::to_string(milli / 1000);
  std::int64_t frac = milli % 1000;
  if (frac == 0) return out;
  char buf[8];
  std::snprintf(buf, sizeof buf, "%03lld", static_cast<long long>(frac));
  std::string f = buf;
  while (f.back() == '0') f.pop_back();
  return out + "." + f;
}

Node resource_set(const model::ResourceSet& r) {
  Node m = Node::mapping();
  if (r.cpu_milli) m.set("cpus", str(cpus_text(*r.cpu_milli)));
  if (r.memory_bytes) m.set("memory", str(std::to_string(*r.memory_bytes)));
  if (r.pids) m.set("pids", int_(*r.pids));
  if (!r.devices.empty()) {
    Node seq = Node::sequence();
    for (const Node& d : r.devices) seq.push(d);
    m.set("devices", std::move(seq));
  }
  return m;
}

Node update_config(const model::UpdateConfig& u) {
  Node m = Node::mapping();
  if (u.parallelism) m.set("parallelism", int_(*u.parallelism));
  if (u.delay_ns) m.set("delay", dur(*u.delay_ns));
  set_if(m, "failure_action", u.failure_action);
  if (u.monitor_ns) m.set("monitor", dur(*u.monitor_ns));
  if (u.max_failure_ratio) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.17g", *u.max_failure_ratio);
    m.set("max_failure_ratio", Node::plain(buf));
  }
  set_if(m, "order", u.order);
  return m;
}

Node deploy(const model::Deploy& d) {
  Node m = Node::mapping();
  set_if(m, "mode", d.mode);
  if (d.replicas) m.set("replicas", int_(*d.replicas));
  if (!d.labels.empty()) m.set("labels", map_of(d.labels));
  if (d.update_config) m.set("update_config", update_config(*d.update_config));
  if (d.rollback_config) m.set("rollback_config", update_config(*d.rollback_config));
  if (!d.resources.limits.empty() || !d.resources.reservations.empty()) {
    Node r = Node::mapping();
    if (!d.resources.limits.empty()) r.set("limits", resource_set(d.resources.limits));
    if (!d.resources.reservations.empty()) r.set("reservations", resource_set(d.resources.reservations));
    m.set("resources", std::move(r));
  }
  if (d.restart_policy) {
    Node r = Node::mapping();
    set_if(r, "condition", d.restart_policy->condition);
    if (d.restart_policy->delay_ns) r.set("delay", dur(*d.restart_policy->delay_ns));
    if (d.restart_policy->max_attempts) r.set("max_attempts", int_(*d.restart_policy->max_attempts));
    if (d.restart_policy->window_ns) r.set("window", dur(*d.restart_policy->window_ns));
    m.set("restart_policy", std::move(r));
  }
  const model::Placement& p = d.placement;
  if (!p.constraints.empty() || !p.spread.empty() || p.max_replicas_per_node) {
    Node pl = Node::mapping();
    if (!p.constraints.empty()) pl.set("constraints", list(p.constraints));
    if (!p.spread.empty()) {
      Node seq = Node::sequence();
      for (const std::string& s : p.spread) {
        Node e = Node::mapping();
        e.set("spread", str(s));
        seq.push(std::move(e));
      }
      pl.set("preferences", std::move(seq));
    }
    if (p.max_replicas_per_node) pl.set("max_replicas_per_node", int_(*p.max_replicas_per_node));
    m.set("placement", std::move(pl));
  }
  return m;
}

Node healthcheck(const model::Healthcheck& h) {
  Node m = Node::mapping();
  if (h.kind != model::HealthKind::Inherit) {
    Node t = Node::sequence();
    t.push(str(model::to_string(h.kind)));
    for (const std::string& a : h.test) t.push(str(a));
    m.set("test", std::move(t));
  }
  if (h.interval_ns) m.set("interval", dur(*h.interval_ns));
  if (h.timeout_ns) m.set("timeout", dur(*h.timeout_ns));
  if (h.retries) m.set("retries", int_(*h.retries));
  if (h.start_period_ns) m.set("start_period", dur(*h.start_period_ns));
  if (h.start_interval_ns) m.set("start_interval", dur(*h.start_interval_ns));
  if (h.disable) m.set("disable", Node::boolean(true));
  return m;
}

Node mount(const model::Mount& v) {
  Node m = Node::mapping();
  m.set("type", str(model::to_string(v.type)));
  set_if(m, "source", v.source);
  m.set("target", str(v.target));
  if (v.read_only) m.set("read_only", Node::boolean(true));
  set_if(m, "consistency", v.consistency);
  if (v.create_host_path || !v.selinux.empty() || !v.propagation.empty()) {
    Node b = Node::mapping();
    set_if(b, "propagation", v.propagation);
    if (v.create_host_path) b.set("create_host_path", Node::boolean(*v.create_host_path));
    set_if(b, "selinux", v.selinux);
    m.set("bind", std::move(b));
  }
  if (v.nocopy || !v.subpath.empty()) {
    Node b = Node::mapping();
    if (v.nocopy) b.set("nocopy", Node::boolean(*v.nocopy));
    set_if(b, "subpath", v.subpath);
    m.set("volume", std::move(b));
  }
  if (v.tmpfs_size || v.tmpfs_mode) {
    Node b = Node::mapping();
    if (v.tmpfs_size) b.set("size", int_(*v.tmpfs_size));
    if (v.tmpfs_mode) b.set("mode", str(octal(*v.tmpfs_mode)));
    m.set("tmpfs", std::move(b));
  }
  return m;
}

Node file_refs(const std::vector<model::FileRef>& refs) {
  Node seq = Node::sequence();
  for (const model::FileRef& r : refs) {
    Node m = Node::mapping();
    m.set("source", str(r.source));
    set_if(m, "target", r.target);
    set_if(m, "uid", r.uid);
    set_if(m, "gid", r.gid);
    if (r.mode) m.set("mode", str(octal(*r.mode)));
    seq.push(std::move(m));
  }
  return seq;
}

// Puts `value` at `path` (mapping keys, "[i]" sequence indexes), creating mappings on the way.
void insert_at(Node& root, const std::vector<std::string>& path, const Node& value) {
  Node* cur = &root;
  for (std::size_t i = 0; i < path.size(); ++i) {
    const std::string& seg = path[i];
    bool last = i + 1 == path.size();
    if (seg.size() > 2 && seg.front() == '[' && cur->is_sequence()) {
      std::size_t k = std::stoul(seg.substr(1));
      if (k >= cur->items().size()) return; // cannot happen for a model we built
      cur = &cur->items()[k];
      if (last) *cur = value;
      continue;
    }
    if (!cur->is_mapping()) *cur = Node::mapping();
    if (last) {
      cur->set(seg, value);
      return;
    }
    Node* next = cur->find(seg);
    if (!next) next = &cur->set(seg, Node::mapping());
    cur = next;
  }
}

template <class T>
std::vector<const T*> sorted_by(const std::vector<T>& items, std::string T::*key) {
  std::vector<const T*> out;
  for (const T& t : items) out.push_back(&t);
  std::stable_sort(out.begin(), out.end(), [&](const T* a, const T* b) { return a->*key < b->*key; });
  return out;
}

Node external_block(bool external, const std::string& name, Node& m) {
  set_if(m, "name", name);
  if (external) m.set("external", Node::boolean(true));
  return m;
}

} // namespace

Node service_to_yaml(const model::Service& s) {
  Node m = Node::mapping();
  if (!s.annotations.empty()) m.set("annotations", map_of(s.annotations));
  if (s.build) m.set("build", build(*s.build));
  if (!s.cap_add.empty()) m.set("cap_add", list(s.cap_add));
  if (!s.cap_drop.empty()) m.set("cap_drop", list(s.cap_drop));
  if (s.command) m.set("command", command(*s.command));
  if (!s.configs.empty()) m.set("configs", file_refs(s.configs));
  if (!s.depends_on.empty()) {
    Node d = Node::mapping();
    for (const model::Dependency& dep : s.depends_on) {
      Node e = Node::mapping();
      e.set("condition", str(model::to_string(dep.condition)));
      e.set("required", Node::boolean(dep.required));
      if (dep.restart) e.set("restart", Node::boolean(true));
      d.set(dep.service, std::move(e));
    }
    m.set("depends_on", std::move(d));
  }
  Node dep = deploy(s.deploy);
  if (dep.size()) m.set("deploy", std::move(dep));
  if (!s.dns.empty()) m.set("dns", list(s.dns));
  if (!s.dns_opt.empty()) m.set("dns_opt", list(s.dns_opt));
  if (!s.dns_search.empty()) m.set("dns_search", list(s.dns_search));
  if (s.entrypoint) m.set("entrypoint", command(*s.entrypoint));
  if (!s.env_files.empty()) {
    Node seq = Node::sequence();
    for (const model::EnvFileRef& f : s.env_files) {
      Node e = Node::mapping();
      e.set("path", str(f.path));
      e.set("required", Node::boolean(f.required));
      set_if(e, "format", f.format);
      seq.push(std::move(e));
    }
    m.set("env_file", std::move(seq));
  }
  {
    Node env = Node::mapping();
    for (const model::EnvVar& v : s.environment) {
      if (v.source == model::EnvSource::EnvFile) continue; // comes back from env_file
      if (v.source == model::EnvSource::Unset || v.source == model::EnvSource::Host)
        env.set(v.name, Node::null()); // never print a value taken from berth's environment
      else
        env.set(v.name, str(*v.value));
    }
    if (env.size()) m.set("environment", std::move(env));
  }
  if (!s.expose.empty()) {
    Node seq = Node::sequence();
    for (const model::ExposedPort& e : s.expose) seq.push(str(e.str()));
    m.set("expose", std::move(seq));
  }
  if (!s.extra_hosts.empty()) {
    Node h = Node::mapping();
    for (const auto& [host, ips] : s.extra_hosts) h.set(host, list(ips));
    m.set("extra_hosts", std::move(h));
  }
  if (!s.group_add.empty()) m.set("group_add", list(s.group_add));
  if (s.healthcheck) m.set("healthcheck", healthcheck(*s.healthcheck));
  set_if(m, "hostname", s.hostname);
  set_if(m, "image", s.image);
  set_if(m, "ipc", s.ipc);
  if (!s.labels.empty()) m.set("labels", map_of(s.labels));
  set_if(m, "network_mode", s.network_mode);
  if (!s.networks.empty()) {
    Node n = Node::mapping();
    for (const model::NetworkAttachment& a : s.networks) {
      Node e = Node::mapping();
      if (!a.aliases.empty()) e.set("aliases", list(a.aliases));
      set_if(e, "ipv4_address", a.ipv4_address);
      set_if(e, "ipv6_address", a.ipv6_address);
      if (a.priority) e.set("priority", int_(*a.priority));
      n.set(a.name, e.size() ? std::move(e) : Node::null());
    }
    m.set("networks", std::move(n));
  }
  set_if(m, "pid", s.pid);
  set_if(m, "platform", s.platform);
  if (!s.ports.empty()) {
    Node seq = Node::sequence();
    for (const model::Port& p : s.ports) {
      Node e = Node::mapping();
      set_if(e, "name", p.name);
      set_if(e, "mode", p.mode);
      set_if(e, "host_ip", p.host_ip);
      e.set("target", int_(p.target));
      set_if(e, "published", p.published);
      e.set("protocol", str(p.protocol));
      set_if(e, "app_protocol", p.app_protocol);
      seq.push(std::move(e));
    }
    m.set("ports", std::move(seq));
  }
  if (!s.post_start.empty()) m.set("post_start", hooks(s.post_start));
  if (!s.pre_stop.empty()) m.set("pre_stop", hooks(s.pre_stop));
  if (s.privileged) m.set("privileged", Node::boolean(true));
  if (!s.profiles.empty()) m.set("profiles", list(s.profiles));
  set_if(m, "pull_policy", s.pull_policy);
  if (s.read_only) m.set("read_only", Node::boolean(true));
  set_if(m, "restart", s.restart);
  if (!s.secrets.empty()) m.set("secrets", file_refs(s.secrets));
  if (!s.security_opt.empty()) m.set("security_opt", list(s.security_opt));
  if (s.shm_size) m.set("shm_size", str(std::to_string(*s.shm_size)));
  if (s.stdin_open) m.set("stdin_open", Node::boolean(true));
  if (s.stop_grace_period_ns) m.set("stop_grace_period", dur(*s.stop_grace_period_ns));
  if (!s.sysctls.empty()) m.set("sysctls", map_of(s.sysctls));
  if (!s.tmpfs.empty()) m.set("tmpfs", list(s.tmpfs));
  if (s.tty) m.set("tty", Node::boolean(true));
  set_if(m, "user", s.user);
  if (!s.volumes.empty()) {
    Node seq = Node::sequence();
    for (const model::Mount& v : s.volumes) seq.push(mount(v));
    m.set("volumes", std::move(seq));
  }
  set_if(m, "working_dir", s.working_dir);
  if (s.x_berth) m.set("x-berth", model::to_node(*s.x_berth));
  for (const yaml::Entry& e : s.extensions.entries()) m.add(e.key, e.value);
  return m;
}

Node to_compose_yaml(const model::App& app) {
  Node root = Node::mapping();
  if (!app.name.empty()) root.set("name", str(app.name));
  Node services = Node::mapping();
  for (const model::Service* s : sorted_by(app.services, &model::Service::name))
    services.set(s->name, service_to_yaml(*s));
  root.set("services", std::move(services));

  if (!app.networks.empty()) {
    Node nets = Node::mapping();
    for (const model::Network* n : sorted_by(app.networks, &model::Network::key)) {
      Node m = Node::mapping();
      external_block(n->external, n->name, m);
      set_if(m, "driver", n->driver);
      if (!n->driver_opts.empty()) m.set("driver_opts", map_of(n->driver_opts));
      if (!n->ipam.is_null()) m.set("ipam", n->ipam);
      if (n->internal) m.set("internal", Node::boolean(true));
      if (n->attachable) m.set("attachable", Node::boolean(*n->attachable));
      if (n->enable_ipv6) m.set("enable_ipv6", Node::boolean(*n->enable_ipv6));
      if (!n->labels.empty()) m.set("labels", map_of(n->labels));
      nets.set(n->key, m.size() ? std::move(m) : Node::null());
    }
    root.set("networks", std::move(nets));
  }
  if (!app.volumes.empty()) {
    Node vols = Node::mapping();
    for (const model::Volume* v : sorted_by(app.volumes, &model::Volume::key)) {
      Node m = Node::mapping();
      external_block(v->external, v->name, m);
      set_if(m, "driver", v->driver);
      if (!v->driver_opts.empty()) m.set("driver_opts", map_of(v->driver_opts));
      if (!v->labels.empty()) m.set("labels", map_of(v->labels));
      vols.set(v->key, m.size() ? std::move(m) : Node::null());
    }
    root.set("volumes", std::move(vols));
  }
  for (const char* section : {"secrets", "configs"}) {
    const auto& objs = std::string(section) == "secrets" ? app.secrets : app.configs;
    if (objs.empty()) continue;
    Node out = Node::mapping();
    for (const model::FileObject* o : sorted_by(objs, &model::FileObject::key)) {
      Node m = Node::mapping();
      external_block(o->external, o->name, m);
      set_if(m, "file", o->file);
      set_if(m, "environment", o->environment);
      set_if(m, "content", o->content);
      if (!o->labels.empty()) m.set("labels", map_of(o->labels));
      out.set(o->key, m.size() ? std::move(m) : Node::null());
    }
    root.set(section, std::move(out));
  }
  for (const yaml::Entry& e : app.extensions.entries()) root.add(e.key, e.value);

  // Keys Kubernetes cannot express go back where they came from.
  for (const model::Service& s : app.services)
    for (const model::Dropped& d : s.not_representable) insert_at(root, d.path, d.value);
  for (const model::Dropped& d : app.not_representable) insert_at(root, d.path, d.value);
  // Service keys alphabetical, as docker compose config prints them.
  if (Node* svcs = root.find("services"))
    for (yaml::Entry& e : svcs->entries())
      if (e.value.is_mapping())
        std::stable_sort(e.value.entries().begin(), e.value.entries().end(),
                         [](const yaml::Entry& a, const yaml::Entry& b) {
                           return a.key.value() < b.key.value();
                         });
  return root;
}

} // namespace berth::compose
