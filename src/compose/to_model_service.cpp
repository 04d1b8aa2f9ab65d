// One Compose service → model::Service: dispatch over the key table, scalar keys, build,
// environment and lifecycle hooks.
#include <filesystem>

#include "compose/dotenv.h"
#include "compose/to_model.h"
#include "compose/to_model_detail.h"

namespace berth::compose::detail {
namespace {

using model::read_bool;
using model::read_string;
using model::read_string_list;
using model::read_string_map;

constexpr std::string_view kUnsupportedSub =
    "not supported by berth's Kubernetes conversion; kept for `berth config` only";

// network_mode/pid/ipc values Kubernetes can express (host namespaces, defaults).
bool namespace_mode_ok(std::string_view v) {
  return !(v.starts_with("service:") || v.starts_with("container:"));
}

void set_resource(std::optional<std::int64_t>& slot, std::int64_t value, const Node& n,
                  const std::string& key, std::string_view deploy_key) {
  if (slot && *slot != value)
    throw Error(n.loc(), key + ": conflicts with deploy.resources." + std::string(deploy_key) +
                             " (give the value in one place)");
  slot = value;
}

} // namespace

void read_build(model::Service& s, const Node& n, const std::string& path) {
  model::Build b;
  b.at.loc = n.loc();
  if (n.is_scalar()) {
    b.context = read_string(n, path);
    s.build = std::move(b);
    return;
  }
  model::expect_mapping(n, path);
  for (const yaml::Entry& e : n.entries()) {
    const std::string& k = e.key.value();
    std::string sub = path + "." + k;
    if (e.value.is_null()) continue;
    if (k == "context") b.context = read_string(e.value, sub);
    else if (k == "dockerfile") b.dockerfile = read_string(e.value, sub);
    else if (k == "dockerfile_inline") b.dockerfile_inline = read_string(e.value, sub);
    else if (k == "target") b.target = read_string(e.value, sub);
    else if (k == "args") b.args = read_optional_pairs(e.value, sub);
    else if (k == "platforms") b.platforms = read_string_list(e.value, sub);
    else if (k == "tags") b.tags = read_string_list(e.value, sub);
    else b.other.add(e.key, e.value); // cache_from, ssh, secrets...: for the CI build as given
  }
  s.build = std::move(b);
}

void read_environment(model::Service& s, const Node* env, const Node* env_file,
                      const std::string& path, const Context& ctx) {
  auto upsert = [&](model::EnvVar v) {
    for (model::EnvVar& e : s.environment)
      if (e.name == v.name) {
        e = std::move(v);
        return;
      }
    s.environment.push_back(std::move(v));
  };
  // The loader normally resolves env_file into environment; a tree that still lists env_file
  // (built by hand, or a future loader option) is read here so values keep their source.
  if (env_file) {
    std::vector<const Node*> items;
    if (env_file->is_sequence())
      for (const Node& i : env_file->items()) items.push_back(&i);
    else
      items.push_back(env_file);
    for (std::size_t i = 0; i < items.size(); ++i) {
      const Node& item = *items[i];
      std::string sub = path + ".env_file[" + std::to_string(i) + "]";
      model::EnvFileRef ref;
      ref.at.loc = item.loc();
      if (item.is_scalar()) {
        ref.path = read_string(item, sub);
      } else {
        model::expect_mapping(item, sub);
        const Node* p = item.find("path");
        if (!p) throw Error(item.loc(), sub + ": missing required key \"path\"");
        ref.path = read_string(*p, sub + ".path");
        if (const Node* r = item.find("required")) ref.required = read_bool(*r, sub + ".required");
        if (const Node* f = item.find("format"); f && !f->is_null())
          ref.format = read_string(*f, sub + ".format");
      }
      std::filesystem::path file(ref.path);
      if (file.is_relative()) file = std::filesystem::path(ctx.project.project_directory) / file;
      for (const EnvFileEntry& e : read_env_file(file.string(), ctx.project.environment, ref.required)) {
        if (!e.has_value) continue; // compose drops a bare KEY with no value anywhere
        model::EnvVar v;
        v.name = e.key;
        v.value = e.value;
        v.source = model::EnvSource::EnvFile;
        v.file = ref.path;
        v.at.loc = e.where;
        upsert(std::move(v));
      }
      s.env_files.push_back(std::move(ref));
    }
  }
  if (!env) return;
  for (auto& [key, value] : read_optional_pairs(*env, path + ".environment")) {
    model::EnvVar v;
    v.name = key;
    v.at.loc = env->loc();
    if (env->is_mapping())
      for (const yaml::Entry& e : env->entries())
        if (e.key.value() == key) v.at.loc = e.key.loc();
    if (value) {
      v.value = value;
    } else if (auto it = ctx.project.environment.find(key); it != ctx.project.environment.end()) {
      v.value = it->second;
      v.source = model::EnvSource::Host;
    } else if (s.env(key)) {
      continue; // a bare KEY keeps an env_file value
    } else {
      v.source = model::EnvSource::Unset;
    }
    upsert(std::move(v));
  }
}

std::vector<model::Hook> read_hooks(model::Service& s, const Node& n, const std::string& path) {
  std::vector<model::Hook> out;
  model::expect_sequence(n, path);
  for (std::size_t i = 0; i < n.items().size(); ++i) {
    std::string sub = "[" + std::to_string(i) + "]";
    std::vector<std::string> segs = {"services", s.name, path.substr(path.rfind('.') + 1), sub};
    Fields f(n.items()[i], segs, s.not_representable);
    model::Hook h;
    h.at.loc = n.items()[i].loc();
    const Node* cmd = f.get("command");
    if (!cmd) throw Error(n.items()[i].loc(), join_path(segs) + ": missing required key \"command\"");
    h.command = read_command(*cmd, f.path("command"));
    if (const Node* v = f.get("user")) h.user = read_string(*v, f.path("user"));
    if (const Node* v = f.get("privileged")) h.privileged = read_bool(*v, f.path("privileged"));
    if (const Node* v = f.get("working_dir")) h.working_dir = read_string(*v, f.path("working_dir"));
    if (const Node* v = f.get("environment")) h.environment = read_optional_pairs(*v, f.path("environment"));
    f.finish(kUnsupportedSub);
    out.push_back(std::move(h));
  }
  return out;
}

model::Service read_service(const std::string& name, const Node& def, const Context& ctx) {
  model::Service s;
  s.name = name;
  s.at.loc = def.loc();
  const std::string base = "services." + name;
  if (def.is_null()) return s; // `web:` with nothing: compose rejects later for lack of image
  model::expect_mapping(def, base);

  // Unknown keys are almost always typos; compose rejects them too.
  for (const yaml::Entry& e : def.entries()) {
    const std::string& k = e.key.value();
    if (!k.starts_with("x-") && !find_service_key_rule(k))
      throw Error(e.key.loc(), base + ": unknown service key \"" + k +
                                   "\" (not in the Compose Specification)");
  }

  for (const ServiceKeyRule& rule : service_key_rules()) {
    const Node* n = def.find(rule.key);
    if (!n || (n->is_null() && rule.key != "pid")) continue;
    const std::string k(rule.key);
    const std::string path = base + "." + k;
    auto drop = [&](std::string_view reason) {
      s.not_representable.push_back(
          model::Dropped{{"services", name, k}, std::string(reason), *n, {n->loc()}});
    };
    if (rule.disposition == KeyDisposition::Dropped || rule.disposition == KeyDisposition::Loader) {
      drop(rule.reason);
      continue;
    }
    if (k == "image") s.image = read_string(*n, path);
    else if (k == "build") read_build(s, *n, path);
    else if (k == "pull_policy") s.pull_policy = read_string(*n, path);
    else if (k == "platform") s.platform = read_string(*n, path);
    else if (k == "entrypoint") s.entrypoint = read_command(*n, path);
    else if (k == "command") s.command = read_command(*n, path);
    else if (k == "working_dir") s.working_dir = read_string(*n, path);
    else if (k == "user") s.user = read_string(*n, path);
    else if (k == "group_add") s.group_add = read_string_list(*n, path);
    else if (k == "tty") s.tty = read_bool(*n, path);
    else if (k == "stdin_open") s.stdin_open = read_bool(*n, path);
    else if (k == "post_start") s.post_start = read_hooks(s, *n, path);
    else if (k == "pre_stop") s.pre_stop = read_hooks(s, *n, path);
    else if (k == "stop_grace_period") s.stop_grace_period_ns = read_duration(*n, path);
    else if (k == "env_file") continue; // read together with environment below
    else if (k == "environment") continue;
    else if (k == "ports") s.ports = read_ports(s, *n, path);
    else if (k == "expose") s.expose = read_expose(*n, path);
    else if (k == "networks") s.networks = read_networks(s, *n, path);
    else if (k == "network_mode") {
      std::string v = read_string(*n, path);
      if (namespace_mode_ok(v)) s.network_mode = v;
      else drop(rule.reason);
    } else if (k == "hostname") s.hostname = read_string(*n, path);
    else if (k == "extra_hosts") {
      if (n->is_mapping()) {
        for (const yaml::Entry& e : n->entries())
          s.extra_hosts[e.key.value()] = read_string_list(e.value, path + "." + e.key.value(), true);
      } else {
        for (const std::string& item : read_string_list(*n, path)) {
          auto sep = item.find_first_of("=:"); // "host=ip" or "host:ip" (ip may hold ':')
          if (sep == std::string::npos)
            throw Error(n->loc(), path + ": expected \"HOST:IP\" entries, got \"" + item + "\"");
          s.extra_hosts[item.substr(0, sep)].push_back(item.substr(sep + 1));
        }
      }
    } else if (k == "dns") s.dns = read_string_list(*n, path, true);
    else if (k == "dns_search") s.dns_search = read_string_list(*n, path, true);
    else if (k == "dns_opt") s.dns_opt = read_string_list(*n, path);
    else if (k == "volumes") s.volumes = read_mounts(s, *n, path);
    else if (k == "tmpfs") s.tmpfs = read_string_list(*n, path, true);
    else if (k == "shm_size") s.shm_size = read_bytes(*n, path);
    else if (k == "healthcheck") s.healthcheck = read_healthcheck(s, *n, path);
    else if (k == "depends_on") s.depends_on = read_depends_on(s, *n, path);
    else if (k == "restart") s.restart = read_string(*n, path);
    else if (k == "deploy") s.deploy = read_deploy(s, *n, path);
    else if (k == "scale") {
      int v = static_cast<int>(model::read_int_in(*n, path, 0, 100000));
      if (s.deploy.replicas && *s.deploy.replicas != v)
        throw Error(n->loc(), path + ": conflicts with deploy.replicas (" +
                                  std::to_string(*s.deploy.replicas) + ")");
      s.deploy.replicas = v;
    } else if (k == "mem_limit")
      set_resource(s.deploy.resources.limits.memory_bytes, read_bytes(*n, path), *n, path, "limits.memory");
    else if (k == "mem_reservation")
      set_resource(s.deploy.resources.reservations.memory_bytes, read_bytes(*n, path), *n, path,
                   "reservations.memory");
    else if (k == "cpus")
      set_resource(s.deploy.resources.limits.cpu_milli, read_cpus(*n, path), *n, path, "limits.cpus");
    else if (k == "pids_limit")
      set_resource(s.deploy.resources.limits.pids, model::read_int(*n, path), *n, path, "limits.pids");
    else if (k == "privileged") s.privileged = read_bool(*n, path);
    else if (k == "read_only") s.read_only = read_bool(*n, path);
    else if (k == "cap_add") s.cap_add = read_string_list(*n, path);
    else if (k == "cap_drop") s.cap_drop = read_string_list(*n, path);
    else if (k == "security_opt") s.security_opt = read_string_list(*n, path);
    else if (k == "sysctls") s.sysctls = read_string_map(*n, path);
    else if (k == "pid") {
      if (n->is_null()) continue;
      std::string v = read_string(*n, path);
      if (namespace_mode_ok(v)) s.pid = v;
      else drop(rule.reason);
    } else if (k == "ipc") {
      std::string v = read_string(*n, path);
      if (namespace_mode_ok(v)) s.ipc = v;
      else drop(rule.reason);
    } else if (k == "secrets") s.secrets = read_file_refs(s, *n, "secrets");
    else if (k == "configs") s.configs = read_file_refs(s, *n, "configs");
    else if (k == "labels") s.labels = read_string_map(*n, path);
    else if (k == "annotations") s.annotations = read_string_map(*n, path);
    else if (k == "profiles") s.profiles = read_string_list(*n, path);
    else
      throw Error(n->loc(), path + ": internal error: no reader for a mapped key");
  }
  const Node* env = def.find("environment");
  const Node* env_file = def.find("env_file");
  read_environment(s, env && !env->is_null() ? env : nullptr,
                   env_file && !env_file->is_null() ? env_file : nullptr, base, ctx);

  for (const yaml::Entry& e : def.entries()) {
    const std::string& k = e.key.value();
    if (k == "x-berth") s.x_berth = model::parse_x_berth(e.value, base + ".x-berth");
    else if (k.starts_with("x-")) s.extensions.add(e.key, e.value);
  }
  return s;
}

} // namespace berth::compose::detail
