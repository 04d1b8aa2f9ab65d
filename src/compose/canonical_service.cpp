// One Compose service: the table of every key of the Compose Specification with its check,
// and the short → long rewrites that are specific to services (depends_on, env_file, ...).
#include <algorithm>
#include <vector>

#include "compose/canonical_parts.h"

namespace berth::compose::canon {

namespace {

Node null_at(const Node& at) {
  Node n = Node::null();
  n.set_loc(at.loc());
  return n;
}

// depends_on: [a, b] → {a: {condition: service_started, required: true}, ...}.
Check depends_on() {
  return [](Node& n, const std::string& path) {
    auto dependency = [](const Node& at, Node condition, Node restart, Node required) {
      Node d = make_map(at);
      d.add(make_str("condition", at), std::move(condition));
      if (!restart.is_null()) d.add(make_str("restart", at), std::move(restart));
      d.add(make_str("required", at), std::move(required));
      return d;
    };
    if (n.is_sequence()) {
      Node map = make_map(n);
      for (std::size_t i = 0; i < n.items().size(); ++i) {
        const Node& item = n.items()[i];
        if (!scalar_is(item, Str)) fail_expected(item, index(path, i), "a service name");
        if (map.has(scalar_text(item))) fail(item, index(path, i), "duplicate service \"" + scalar_text(item) + "\"");
        map.add(text_node(item), dependency(item, make_str("service_started", item), Node::null(),
                                            make_bool(true, item)));
      }
      n = std::move(map);
      return;
    }
    if (!n.is_mapping()) fail_expected(n, path, "a sequence of service names or a mapping");
    for (yaml::Entry& e : n.entries()) {
      if (!scalar_is(e.key, Str)) fail(e.key, path, "expected a service name, got " + describe(e.key));
      std::string p = join(path, e.key.value());
      std::string tag(e.value.tag());
      if (tag == "!reset") continue;
      if (e.value.is_null()) e.value = make_map(e.value);
      check_object(e.value, p,
                   {{"condition", one_of({"service_started", "service_healthy",
                                          "service_completed_successfully"})},
                    {"required", boolean()},
                    {"restart", boolean()}});
      const Node* c = e.value.find("condition");
      const Node* r = e.value.find("required");
      const Node* s = e.value.find("restart");
      Node d = dependency(e.value, c ? *c : make_str("service_started", e.value),
                          s ? *s : Node::null(), r ? *r : make_bool(true, e.value));
      for (const yaml::Entry& x : e.value.entries())
        if (x.key.value().starts_with("x-")) d.add(x.key, x.value);
      if (!tag.empty()) d.set_tag(tag);
      e.value = std::move(d);
    }
  };
}

// env_file: "a.env" | ["a.env", {path, required, format}] → [{path, required, format?}].
Check env_file() {
  return [](Node& n, const std::string& path) {
    if (scalar_is(n, Str)) {
      Node seq = make_seq(n);
      seq.push(n);
      n = std::move(seq);
    }
    if (!n.is_sequence()) fail_expected(n, path, "a path or a sequence of paths");
    for (std::size_t i = 0; i < n.items().size(); ++i) {
      Node& item = n.items()[i];
      std::string p = index(path, i);
      if (scalar_is(item, Str)) {
        Node m = make_map(item);
        m.add(make_str("path", item), text_node(item));
        m.add(make_str("required", item), make_bool(true, item));
        item = std::move(m);
        continue;
      }
      check_object(item, p, {{"path", string()}, {"required", boolean()}, {"format", string()}});
      if (!item.has("path")) fail(item, p, "missing \"path\"");
      if (!item.has("required")) item.set("required", make_bool(true, item));
    }
  };
}

// secrets/configs of a service: "name" → {source: name}.
Check file_mounts() {
  return [](Node& n, const std::string& path) {
    if (!n.is_sequence()) fail_expected(n, path, "a sequence of names or mappings with \"source\"");
    for (std::size_t i = 0; i < n.items().size(); ++i) {
      Node& item = n.items()[i];
      std::string p = index(path, i);
      if (scalar_is(item, Str)) {
        Node m = make_map(item);
        m.add(make_str("source", item), text_node(item));
        item = std::move(m);
        continue;
      }
      check_object(item, p,
                   {{"source", string()}, {"target", string()}, {"uid", string()},
                    {"gid", string()}, {"mode", number()}});
      if (!item.has("source")) fail(item, p, "missing \"source\"");
    }
  };
}

// networks of a service: [a, b] → {a: null, b: null}; entries null or attachment options.
Check service_networks() {
  return [](Node& n, const std::string& path) {
    if (n.is_sequence()) {
      Node map = make_map(n);
      for (std::size_t i = 0; i < n.items().size(); ++i) {
        const Node& item = n.items()[i];
        if (!scalar_is(item, Str)) fail_expected(item, index(path, i), "a network name");
        map.add(text_node(item), null_at(item));
      }
      n = std::move(map);
      return;
    }
    static const Check attachment = object({{"aliases", string_list()},
                                            {"interface_name", string()},
                                            {"ipv4_address", string()},
                                            {"ipv6_address", string()},
                                            {"link_local_ips", string_list()},
                                            {"mac_address", string()},
                                            {"driver_opts", map_of(scalar(Str, "a string"), "options")},
                                            {"priority", number()},
                                            {"gw_priority", number()}});
    map_of(
        [](Node& v, const std::string& p) {
          if (!v.is_null()) attachment(v, p);
        },
        "networks")(n, path);
  };
}

// extra_hosts: ["host=ip", "host:ip"] or {host: ip | [ips]} → {host: [ips]}.
Check extra_hosts() {
  return [](Node& n, const std::string& path) {
    Node map = make_map(n);
    auto add = [&](const Node& at, const std::string& host, const std::string& ips,
                   const std::string& p) {
      if (host.empty() || ips.empty()) fail(at, p, "expected \"HOST=IP\", got \"" + host + "=" + ips + "\"");
      Node* list = map.find(host);
      if (!list) list = &map.add(make_str(host, at), make_seq(at));
      for (std::size_t start = 0;;) { // "host=ip1,ip2"
        std::size_t comma = ips.find(',', start);
        list->push(make_str(ips.substr(start, comma - start), at));
        if (comma == std::string::npos) break;
        start = comma + 1;
      }
    };
    if (n.is_sequence()) {
      for (std::size_t i = 0; i < n.items().size(); ++i) {
        const Node& item = n.items()[i];
        std::string p = index(path, i);
        if (!scalar_is(item, Str)) fail_expected(item, p, "\"HOST=IP\" or \"HOST:IP\"");
        std::string text = scalar_text(item);
        std::size_t sep = text.find('=');
        if (sep == std::string::npos) sep = text.find(':');
        if (sep == std::string::npos) fail(item, p, "expected \"HOST=IP\" or \"HOST:IP\", got \"" + text + "\"");
        add(item, text.substr(0, sep), text.substr(sep + 1), p);
      }
    } else if (n.is_mapping()) {
      for (const yaml::Entry& e : n.entries()) {
        std::string p = join(path, e.key.value());
        if (e.value.is_sequence()) {
          for (std::size_t i = 0; i < e.value.items().size(); ++i) {
            const Node& ip = e.value.items()[i];
            if (!scalar_is(ip, Str)) fail_expected(ip, index(p, i), "an IP address");
            add(ip, scalar_text(e.key), scalar_text(ip), index(p, i));
          }
        } else if (scalar_is(e.value, Str)) {
          add(e.value, scalar_text(e.key), scalar_text(e.value), p);
        } else {
          fail_expected(e.value, p, "an IP address or a sequence of them");
        }
      }
    } else {
      fail_expected(n, path, "a mapping of host names to IPs or a sequence of \"HOST=IP\"");
    }
    n = std::move(map);
  };
}

// healthcheck.test: "cmd args" → ["CMD-SHELL", "cmd args"]; lists kept.
Check healthcheck() {
  Check test = [](Node& n, const std::string& path) {
    if (scalar_is(n, Str)) {
      Node seq = make_seq(n);
      seq.push(make_str("CMD-SHELL", n));
      seq.push(text_node(n));
      n = std::move(seq);
      return;
    }
    if (!n.is_sequence()) fail_expected(n, path, "a string or a sequence of strings");
    string_list()(n, path);
  };
  return object({{"disable", boolean()},
                 {"interval", duration()},
                 {"retries", integer()},
                 {"test", test},
                 {"timeout", duration()},
                 {"start_period", duration()},
                 {"start_interval", duration()}});
}

// ulimits: {nofile: 1024} → {nofile: {soft: 1024, hard: 1024}}.
Check ulimits() {
  return map_of(
      [](Node& n, const std::string& path) {
        if (n.is_mapping()) {
          check_object(n, path, {{"soft", integer()}, {"hard", integer()}});
          if (!n.has("soft") || !n.has("hard")) fail(n, path, "expected both \"soft\" and \"hard\"");
          return;
        }
        integer()(n, path);
        Node m = make_map(n);
        m.add(make_str("soft", n), n);
        m.add(make_str("hard", n), n);
        n = std::move(m);
      },
      "limits");
}

Check extends() {
  return [](Node& n, const std::string& path) {
    if (scalar_is(n, Str)) return;
    check_object(n, path, {{"service", string()}, {"file", string()}});
    if (!n.has("service")) fail(n, path, "missing \"service\"");
  };
}

Check service_hook() {
  return [](Node& n, const std::string& path) {
    check_object(n, path,
                 {{"command", command()},
                  {"user", string()},
                  {"privileged", boolean()},
                  {"working_dir", string()},
                  {"environment", list_or_dict(true)}});
    if (!n.has("command")) fail(n, path, "missing \"command\"");
  };
}

Check models() {
  return [](Node& n, const std::string& path) {
    if (n.is_sequence()) {
      Node map = make_map(n);
      for (std::size_t i = 0; i < n.items().size(); ++i) {
        const Node& item = n.items()[i];
        if (!scalar_is(item, Str)) fail_expected(item, index(path, i), "a model name");
        map.add(text_node(item), null_at(item));
      }
      n = std::move(map);
      return;
    }
    static const Check options = object({{"endpoint_var", string()}, {"model_var", string()}});
    map_of([](Node& v, const std::string& p) { if (!v.is_null()) options(v, p); }, "models")(n, path);
  };
}

Check gpus() {
  return [](Node& n, const std::string& path) {
    if (scalar_is(n, Str) && n.value() == "all") return;
    if (!n.is_sequence()) fail_expected(n, path, "\"all\" or a sequence of device requests");
    list_of(object({{"capabilities", string_list()},
                    {"count", scalar(Str, "an integer or \"all\"")},
                    {"device_ids", string_list()},
                    {"driver", string()},
                    {"options", list_or_dict(false)}}))(n, path);
  };
}

Check develop() {
  return [](Node& n, const std::string& path) {
    if (n.is_null()) return;
    check_object(n, path,
                 {{"watch", list_of(object({{"ignore", string_or_list()},
                                            {"include", string_or_list()},
                                            {"path", string()},
                                            {"action", one_of({"rebuild", "sync", "restart",
                                                               "sync+restart", "sync+exec"})},
                                            {"target", string()},
                                            {"exec", service_hook()},
                                            {"initial_sync", boolean()}}))}});
  };
}

Check blkio() {
  Check limit = list_of(object({{"path", string()}, {"rate", number()}}));
  return object({{"device_read_bps", limit},
                 {"device_read_iops", limit},
                 {"device_write_bps", limit},
                 {"device_write_iops", limit},
                 {"weight", integer()},
                 {"weight_device", list_of(object({{"path", string()}, {"weight", integer()}}))}});
}

const std::vector<Field>& service_fields() {
  static const std::vector<Field> fields = {
      {"develop", develop()},
      {"deploy", deploy()},
      {"annotations", list_or_dict(false)},
      {"attach", boolean()},
      {"build", build()},
      {"blkio_config", blkio()},
      {"cap_add", string_list()},
      {"cap_drop", string_list()},
      {"cgroup", one_of({"host", "private"})},
      {"cgroup_parent", string()},
      {"command", command()},
      {"configs", file_mounts()},
      {"container_name", string()},
      {"cpu_count", integer()},
      {"cpu_percent", integer()},
      {"cpu_shares", number()},
      {"cpu_quota", number()},
      {"cpu_period", number()},
      {"cpu_rt_period", number()},
      {"cpu_rt_runtime", number()},
      {"cpus", number()},
      {"cpuset", string()},
      {"credential_spec", object({{"config", string()}, {"file", string()}, {"registry", string()}})},
      {"depends_on", depends_on()},
      {"device_cgroup_rules", string_list()},
      {"devices", devices()},
      {"dns", string_or_list()},
      {"dns_opt", string_list()},
      {"dns_search", string_or_list()},
      {"domainname", string()},
      {"entrypoint", command()},
      {"env_file", env_file()},
      {"label_file", string_or_list()},
      {"environment", list_or_dict(true)},
      {"expose", expose()},
      {"extends", extends()},
      {"provider", object({{"type", string()}, {"options", map_of(any(), "options")}})},
      {"external_links", string_list()},
      {"extra_hosts", extra_hosts()},
      {"gpus", gpus()},
      {"group_add", string_list()},
      {"healthcheck", healthcheck()},
      {"hostname", string()},
      {"image", string()},
      {"init", boolean()},
      {"ipc", string()},
      {"isolation", string()},
      {"labels", list_or_dict(false)},
      {"links", string_list()},
      {"logging", object({{"driver", string()},
                          {"options", map_of(scalar(Str | Null, "a string"), "options")}})},
      {"mac_address", string()},
      {"mem_limit", number()},
      {"mem_reservation", number()},
      {"mem_swappiness", integer()},
      {"memswap_limit", number()},
      {"network_mode", string()},
      {"models", models()},
      {"networks", service_networks()},
      {"oom_kill_disable", boolean()},
      {"oom_score_adj", integer()},
      {"pid", scalar(Str | Null, "a string")},
      {"pids_limit", integer()},
      {"platform", string()},
      {"ports", ports()},
      {"post_start", list_of(service_hook())},
      {"pre_stop", list_of(service_hook())},
      {"privileged", boolean()},
      {"profiles", string_list()},
      {"pull_policy", string()},
      {"pull_refresh_after", string()},
      {"read_only", boolean()},
      {"restart", string()},
      {"runtime", string()},
      {"scale", integer()},
      {"security_opt", string_list()},
      {"shm_size", number()},
      {"secrets", file_mounts()},
      {"sysctls", list_or_dict(false)},
      {"stdin_open", boolean()},
      {"stop_grace_period", duration()},
      {"stop_signal", string()},
      {"storage_opt", map_of(any(), "options")},
      {"tmpfs", string_or_list()},
      {"tty", boolean()},
      {"ulimits", ulimits()},
      {"use_api_socket", boolean()},
      {"user", string()},
      {"uts", string()},
      {"userns_mode", string()},
      {"volumes", service_volumes()},
      {"volumes_from", string_list()},
      {"working_dir", string()},
  };
  return fields;
}

} // namespace

void service(Node& n, const std::string& path) {
  if (n.is_null()) n = make_map(n); // `web:` with nothing under it is an empty service
  // `environment:` with every line commented out is null: no entries, the same as leaving the
  // key out (a null in an override keeps the base value either way). `!reset null` stays.
  static constexpr std::string_view kCollections[] = {
      "annotations", "cap_add",  "cap_drop",     "configs",     "depends_on", "devices",
      "dns",         "dns_opt",  "dns_search",   "env_file",    "environment", "expose",
      "extra_hosts", "labels",   "links",        "networks",    "ports",      "profiles",
      "secrets",     "security_opt", "sysctls",  "tmpfs",       "ulimits",    "volumes",
      "volumes_from", "external_links", "group_add", "device_cgroup_rules", "label_file"};
  if (n.is_mapping()) {
    auto& entries = n.entries();
    std::erase_if(entries, [](const yaml::Entry& e) {
      return e.value.is_null() && e.value.tag().empty() && e.key.is_scalar() &&
             std::find(std::begin(kCollections), std::end(kCollections), e.key.value()) !=
                 std::end(kCollections);
    });
  }
  check_object(n, path, service_fields());
}

} // namespace berth::compose::canon
