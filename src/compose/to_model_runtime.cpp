// Structured service keys → model: ports, expose, networks, volumes, healthcheck, depends_on,
// deploy, secrets/configs. Input is the loader's canonical long syntax.
#include "compose/to_model_detail.h"

namespace berth::compose::detail {
namespace {

using model::read_bool;
using model::read_int;
using model::read_int_in;
using model::read_string;
using model::read_string_list;

constexpr std::string_view kUnsupported =
    "not supported by berth's Kubernetes conversion; kept for `berth config` only";

std::string idx(std::size_t i) { return "[" + std::to_string(i) + "]"; }

std::vector<std::string> segs(const model::Service& s, std::initializer_list<std::string> rest) {
  std::vector<std::string> out = {"services", s.name};
  out.insert(out.end(), rest);
  return out;
}

// File mode: YAML octal (0o440), a decimal integer as compose stores it, or an octal string.
int read_mode(const Node& n, std::string_view path) {
  if (auto v = n.as_int()) {
    if (*v < 0 || *v > 07777) model::fail_expected(n, path, "a file mode like 0440");
    // A plain "0440" is resolved by YAML 1.2 as decimal 440; compose reads it as octal.
    if (n.value().size() > 1 && n.value()[0] == '0' && n.value()[1] >= '0' && n.value()[1] <= '7')
      return static_cast<int>(std::stol(n.value(), nullptr, 8));
    return static_cast<int>(*v);
  }
  std::string s = read_string(n, path);
  try {
    std::size_t used = 0;
    int v = std::stoi(s, &used, 8);
    if (used == s.size() && v >= 0 && v <= 07777) return v;
  } catch (const std::exception&) {
  }
  model::fail_expected(n, path, "a file mode like 0440");
}

} // namespace

std::vector<model::Port> read_ports(model::Service& s, const Node& n, const std::string& path) {
  std::vector<model::Port> out;
  model::expect_sequence(n, path);
  for (std::size_t i = 0; i < n.items().size(); ++i) {
    const Node& item = n.items()[i];
    if (!item.is_mapping())
      model::fail_expected(item, path + idx(i), "a port in the long syntax {target, published, ...}");
    Fields f(item, segs(s, {"ports", idx(i)}), s.not_representable);
    model::Port p;
    p.at.loc = item.loc();
    const Node* target = f.get("target");
    if (!target) throw Error(item.loc(), path + idx(i) + ": missing required key \"target\"");
    p.target = static_cast<int>(read_int_in(*target, f.path("target"), 1, 65535));
    if (const Node* v = f.get("published")) p.published = read_string(*v, f.path("published"));
    if (const Node* v = f.get("host_ip")) p.host_ip = read_string(*v, f.path("host_ip"));
    if (const Node* v = f.get("protocol")) p.protocol = read_string(*v, f.path("protocol"));
    if (const Node* v = f.get("mode")) p.mode = read_string(*v, f.path("mode"));
    if (const Node* v = f.get("name")) p.name = read_string(*v, f.path("name"));
    if (const Node* v = f.get("app_protocol")) p.app_protocol = read_string(*v, f.path("app_protocol"));
    f.finish(kUnsupported);
    out.push_back(std::move(p));
  }
  return out;
}

std::vector<model::ExposedPort> read_expose(const Node& n, const std::string& path) {
  std::vector<model::ExposedPort> out;
  model::expect_sequence(n, path);
  for (std::size_t i = 0; i < n.items().size(); ++i) {
    const Node& item = n.items()[i];
    std::string text = read_string(item, path + idx(i));
    model::ExposedPort e;
    e.at.loc = item.loc();
    std::string range = text;
    if (auto slash = text.find('/'); slash != std::string::npos) {
      range = text.substr(0, slash);
      e.protocol = text.substr(slash + 1);
    }
    try {
      std::size_t used = 0;
      auto dash = range.find('-');
      e.first = std::stoi(range.substr(0, dash), &used);
      bool ok = used == range.substr(0, dash).size();
      e.last = e.first;
      if (dash != std::string::npos) {
        std::string tail = range.substr(dash + 1);
        e.last = std::stoi(tail, &used);
        ok = ok && used == tail.size();
      }
      if (ok && e.first >= 1 && e.last <= 65535 && e.first <= e.last &&
          (e.protocol == "tcp" || e.protocol == "udp" || e.protocol == "sctp")) {
        out.push_back(std::move(e));
        continue;
      }
    } catch (const std::exception&) {
    }
    model::fail_expected(item, path + idx(i), "a port or range like 80, 8000-8010 or 53/udp");
  }
  return out;
}

std::vector<model::NetworkAttachment> read_networks(model::Service& s, const Node& n,
                                                    const std::string& path) {
  std::vector<model::NetworkAttachment> out;
  if (n.is_sequence()) {
    for (const std::string& name : read_string_list(n, path)) {
      model::NetworkAttachment a;
      a.name = name;
      a.at.loc = n.loc();
      out.push_back(std::move(a));
    }
    return out;
  }
  model::expect_mapping(n, path);
  for (const yaml::Entry& e : n.entries()) {
    model::NetworkAttachment a;
    a.name = read_string(e.key, path);
    a.at.loc = e.key.loc();
    if (!e.value.is_null()) {
      Fields f(e.value, segs(s, {"networks", a.name}), s.not_representable);
      if (const Node* v = f.get("aliases")) a.aliases = read_string_list(*v, f.path("aliases"));
      if (const Node* v = f.get("ipv4_address")) a.ipv4_address = read_string(*v, f.path("ipv4_address"));
      if (const Node* v = f.get("ipv6_address")) a.ipv6_address = read_string(*v, f.path("ipv6_address"));
      if (const Node* v = f.get("priority")) a.priority = static_cast<int>(read_int(*v, f.path("priority")));
      f.finish("pod networking is flat: per-network MAC addresses, link-local IPs, driver "
               "options and interface names have no Kubernetes equivalent");
    }
    out.push_back(std::move(a));
  }
  return out;
}

std::vector<model::Mount> read_mounts(model::Service& s, const Node& n, const std::string& path) {
  std::vector<model::Mount> out;
  model::expect_sequence(n, path);
  for (std::size_t i = 0; i < n.items().size(); ++i) {
    const Node& item = n.items()[i];
    if (!item.is_mapping())
      model::fail_expected(item, path + idx(i), "a mount in the long syntax {type, source, target}");
    Fields f(item, segs(s, {"volumes", idx(i)}), s.not_representable);
    model::Mount m;
    m.at.loc = item.loc();
    const Node* type = f.get("type");
    if (!type) throw Error(item.loc(), path + idx(i) + ": missing required key \"type\"");
    auto t = model::mount_type_from(read_string(*type, f.path("type")));
    if (!t) model::fail_expected(*type, f.path("type"), "one of volume, bind, tmpfs, npipe, cluster, image");
    m.type = *t;
    if (const Node* v = f.get("source")) m.source = read_string(*v, f.path("source"));
    const Node* target = f.get("target");
    if (!target) throw Error(item.loc(), path + idx(i) + ": missing required key \"target\"");
    m.target = read_string(*target, f.path("target"));
    if (const Node* v = f.get("read_only")) m.read_only = read_bool(*v, f.path("read_only"));
    if (const Node* v = f.get("consistency")) m.consistency = read_string(*v, f.path("consistency"));
    if (const Node* b = f.get("bind")) {
      Fields bf(*b, segs(s, {"volumes", idx(i), "bind"}), s.not_representable);
      if (const Node* v = bf.get("create_host_path")) m.create_host_path = read_bool(*v, bf.path("create_host_path"));
      if (const Node* v = bf.get("selinux")) m.selinux = read_string(*v, bf.path("selinux"));
      if (const Node* v = bf.get("propagation")) m.propagation = read_string(*v, bf.path("propagation"));
      bf.finish(kUnsupported);
    }
    if (const Node* vol = f.get("volume")) {
      Fields vf(*vol, segs(s, {"volumes", idx(i), "volume"}), s.not_representable);
      if (const Node* v = vf.get("nocopy")) m.nocopy = read_bool(*v, vf.path("nocopy"));
      if (const Node* v = vf.get("subpath")) m.subpath = read_string(*v, vf.path("subpath"));
      vf.finish(kUnsupported);
    }
    if (const Node* tm = f.get("tmpfs")) {
      Fields tf(*tm, segs(s, {"volumes", idx(i), "tmpfs"}), s.not_representable);
      if (const Node* v = tf.get("size")) m.tmpfs_size = read_bytes(*v, tf.path("size"));
      if (const Node* v = tf.get("mode")) m.tmpfs_mode = read_mode(*v, tf.path("mode"));
      tf.finish(kUnsupported);
    }
    f.finish(kUnsupported);
    out.push_back(std::move(m));
  }
  return out;
}

model::Healthcheck read_healthcheck(model::Service& s, const Node& n, const std::string& path) {
  Fields f(n, segs(s, {"healthcheck"}), s.not_representable);
  model::Healthcheck h;
  h.at.loc = n.loc();
  if (const Node* t = f.get("test")) {
    std::vector<std::string> argv;
    if (t->is_scalar()) argv = {"CMD-SHELL", read_string(*t, f.path("test"))};
    else argv = read_string_list(*t, f.path("test"));
    if (argv.empty())
      model::fail_expected(*t, f.path("test"), "[\"CMD\", ...], [\"CMD-SHELL\", \"...\"] or [\"NONE\"]");
    const std::string head = argv.front();
    argv.erase(argv.begin());
    if (head == "CMD") h.kind = model::HealthKind::Cmd;
    else if (head == "CMD-SHELL") h.kind = model::HealthKind::CmdShell;
    else if (head == "NONE") h.kind = model::HealthKind::None;
    else
      model::fail_expected(*t, f.path("test"),
                           "a list starting with \"CMD\", \"CMD-SHELL\" or \"NONE\"");
    if (h.kind == model::HealthKind::CmdShell && argv.size() > 1) {
      // ["CMD-SHELL", "a", "b"]: docker joins the rest with spaces into one script
      std::string joined;
      for (const std::string& a : argv) joined += (joined.empty() ? "" : " ") + a;
      argv = {joined};
    }
    if (h.kind != model::HealthKind::None && argv.empty())
      model::fail_expected(*t, f.path("test"), "a command after \"" + head + "\"");
    h.test = std::move(argv);
  }
  if (const Node* v = f.get("interval")) h.interval_ns = read_duration(*v, f.path("interval"));
  if (const Node* v = f.get("timeout")) h.timeout_ns = read_duration(*v, f.path("timeout"));
  if (const Node* v = f.get("start_period")) h.start_period_ns = read_duration(*v, f.path("start_period"));
  if (const Node* v = f.get("start_interval")) h.start_interval_ns = read_duration(*v, f.path("start_interval"));
  if (const Node* v = f.get("retries")) h.retries = static_cast<int>(read_int_in(*v, f.path("retries"), 0, 1000000));
  if (const Node* v = f.get("disable")) h.disable = read_bool(*v, f.path("disable"));
  f.finish(kUnsupported);
  (void)path;
  return h;
}

std::vector<model::Dependency> read_depends_on(model::Service& s, const Node& n,
                                               const std::string& path) {
  std::vector<model::Dependency> out;
  if (n.is_sequence()) {
    for (std::size_t i = 0; i < n.items().size(); ++i) {
      model::Dependency d;
      d.service = read_string(n.items()[i], path + idx(i));
      d.at.loc = n.items()[i].loc();
      out.push_back(std::move(d));
    }
    return out;
  }
  model::expect_mapping(n, path);
  for (const yaml::Entry& e : n.entries()) {
    model::Dependency d;
    d.service = read_string(e.key, path);
    d.at.loc = e.key.loc();
    if (!e.value.is_null()) {
      Fields f(e.value, segs(s, {"depends_on", d.service}), s.not_representable);
      if (const Node* c = f.get("condition")) {
        std::string v = read_string(*c, f.path("condition"));
        if (v == "service_started") d.condition = model::DependencyCondition::Started;
        else if (v == "service_healthy") d.condition = model::DependencyCondition::Healthy;
        else if (v == "service_completed_successfully")
          d.condition = model::DependencyCondition::CompletedSuccessfully;
        else
          model::fail_expected(*c, f.path("condition"),
                               "service_started, service_healthy or service_completed_successfully");
      }
      if (const Node* v = f.get("required")) d.required = read_bool(*v, f.path("required"));
      if (const Node* v = f.get("restart")) d.restart = read_bool(*v, f.path("restart"));
      f.finish(kUnsupported);
    }
    out.push_back(std::move(d));
  }
  return out;
}

namespace {

void read_resource_set(model::Service& s, model::ResourceSet& r, const Node& n,
                       const std::string& which) {
  Fields f(n, segs(s, {"deploy", "resources", which}), s.not_representable);
  if (const Node* v = f.get("cpus")) r.cpu_milli = read_cpus(*v, f.path("cpus"));
  if (const Node* v = f.get("memory")) r.memory_bytes = read_bytes(*v, f.path("memory"));
  if (const Node* v = f.get("pids")) r.pids = read_int(*v, f.path("pids"));
  if (const Node* v = f.get("devices")) {
    model::expect_sequence(*v, f.path("devices"));
    r.devices = v->items();
  }
  f.finish("Swarm generic resources have no Kubernetes equivalent; use extended resources of a "
           "device plugin");
}

model::UpdateConfig read_update(model::Service& s, const Node& n, const std::string& key) {
  Fields f(n, segs(s, {"deploy", key}), s.not_representable);
  model::UpdateConfig u;
  if (const Node* v = f.get("parallelism")) u.parallelism = static_cast<int>(read_int(*v, f.path("parallelism")));
  if (const Node* v = f.get("delay")) u.delay_ns = read_duration(*v, f.path("delay"));
  if (const Node* v = f.get("failure_action")) u.failure_action = read_string(*v, f.path("failure_action"));
  if (const Node* v = f.get("monitor")) u.monitor_ns = read_duration(*v, f.path("monitor"));
  if (const Node* v = f.get("max_failure_ratio")) u.max_failure_ratio = model::read_number(*v, f.path("max_failure_ratio"));
  if (const Node* v = f.get("order")) u.order = read_string(*v, f.path("order"));
  f.finish(kUnsupported);
  return u;
}

} // namespace

model::Deploy read_deploy(model::Service& s, const Node& n, const std::string& path) {
  Fields f(n, segs(s, {"deploy"}), s.not_representable);
  model::Deploy d;
  if (const Node* v = f.get("mode")) d.mode = read_string(*v, f.path("mode"));
  if (const Node* v = f.get("replicas")) d.replicas = static_cast<int>(read_int_in(*v, f.path("replicas"), 0, 100000));
  if (const Node* r = f.get("resources")) {
    Fields rf(*r, segs(s, {"deploy", "resources"}), s.not_representable);
    if (const Node* v = rf.get("limits")) read_resource_set(s, d.resources.limits, *v, "limits");
    if (const Node* v = rf.get("reservations")) read_resource_set(s, d.resources.reservations, *v, "reservations");
    rf.finish(kUnsupported);
  }
  if (const Node* r = f.get("restart_policy")) {
    Fields rf(*r, segs(s, {"deploy", "restart_policy"}), s.not_representable);
    model::RestartPolicy p;
    if (const Node* v = rf.get("condition")) p.condition = read_string(*v, rf.path("condition"));
    if (const Node* v = rf.get("delay")) p.delay_ns = read_duration(*v, rf.path("delay"));
    if (const Node* v = rf.get("max_attempts")) p.max_attempts = static_cast<int>(read_int(*v, rf.path("max_attempts")));
    if (const Node* v = rf.get("window")) p.window_ns = read_duration(*v, rf.path("window"));
    rf.finish(kUnsupported);
    d.restart_policy = p;
  }
  if (const Node* v = f.get("update_config")) d.update_config = read_update(s, *v, "update_config");
  if (const Node* v = f.get("rollback_config")) d.rollback_config = read_update(s, *v, "rollback_config");
  if (const Node* p = f.get("placement")) {
    Fields pf(*p, segs(s, {"deploy", "placement"}), s.not_representable);
    if (const Node* v = pf.get("constraints")) d.placement.constraints = read_string_list(*v, pf.path("constraints"));
    if (const Node* v = pf.get("preferences")) {
      model::expect_sequence(*v, pf.path("preferences"));
      for (std::size_t i = 0; i < v->items().size(); ++i) {
        const Node& pref = v->items()[i];
        const Node* spread = pref.is_mapping() ? pref.find("spread") : nullptr;
        if (!spread || pref.size() != 1)
          model::fail_expected(pref, pf.path("preferences") + idx(i), "{spread: <label>}");
        d.placement.spread.push_back(read_string(*spread, pf.path("preferences") + idx(i) + ".spread"));
      }
    }
    if (const Node* v = pf.get("max_replicas_per_node"))
      d.placement.max_replicas_per_node = static_cast<int>(read_int(*v, pf.path("max_replicas_per_node")));
    pf.finish(kUnsupported);
  }
  if (const Node* v = f.get("labels")) d.labels = model::read_string_map(*v, f.path("labels"));
  if (f.get("endpoint_mode")) {
    // re-record with a specific reason
    const Node* em = n.find("endpoint_mode");
    s.not_representable.push_back(model::Dropped{
        {"services", s.name, "deploy", "endpoint_mode"},
        "Services load-balance through a virtual IP; for DNS round-robin use a headless Service "
        "(berth uses one for StatefulSets)",
        *em,
        {em->loc()}});
  }
  f.finish(kUnsupported);
  (void)path;
  return d;
}

std::vector<model::FileRef> read_file_refs(model::Service& s, const Node& n, const std::string& key) {
  std::vector<model::FileRef> out;
  std::string path = "services." + s.name + "." + key;
  model::expect_sequence(n, path);
  for (std::size_t i = 0; i < n.items().size(); ++i) {
    const Node& item = n.items()[i];
    model::FileRef r;
    r.at.loc = item.loc();
    if (item.is_scalar()) {
      r.source = read_string(item, path + idx(i));
    } else {
      Fields f(item, segs(s, {key, idx(i)}), s.not_representable);
      const Node* src = f.get("source");
      if (!src) throw Error(item.loc(), path + idx(i) + ": missing required key \"source\"");
      r.source = read_string(*src, f.path("source"));
      if (const Node* v = f.get("target")) r.target = read_string(*v, f.path("target"));
      if (const Node* v = f.get("uid")) r.uid = read_string(*v, f.path("uid"));
      if (const Node* v = f.get("gid")) r.gid = read_string(*v, f.path("gid"));
      if (const Node* v = f.get("mode")) r.mode = read_mode(*v, f.path("mode"));
      f.finish(kUnsupported);
    }
    out.push_back(std::move(r));
  }
  return out;
}

} // namespace berth::compose::detail
