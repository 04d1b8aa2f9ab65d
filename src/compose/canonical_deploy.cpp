// Compose service `deploy` and `build` sections: shapes validated, short forms made long.
#include "compose/canonical_parts.h"

namespace berth::compose::canon {

namespace {

Check update_config() {
  return object({{"parallelism", integer()},
                 {"delay", duration()},
                 {"failure_action", string()},
                 {"monitor", duration()},
                 {"max_failure_ratio", number()},
                 {"order", one_of({"start-first", "stop-first"})}});
}

Check device_requests() {
  return list_of([](Node& n, const std::string& path) {
    check_object(n, path,
                 {{"capabilities", string_list()},
                  {"count", scalar(Str, "an integer or \"all\"")},
                  {"device_ids", string_list()},
                  {"driver", string()},
                  {"options", list_or_dict(false)}});
    if (!n.has("capabilities")) fail(n, path, "missing \"capabilities\"");
  });
}

} // namespace

Check deploy() {
  return [](Node& n, const std::string& path) {
    if (n.is_null()) return;
    static const Check generic = list_of(object(
        {{"discrete_resource_spec", object({{"kind", string()}, {"value", number()}})}}));
    check_object(
        n, path,
        {{"mode", string()},
         {"endpoint_mode", string()},
         {"replicas", integer()},
         {"labels", list_or_dict(false)},
         {"rollback_config", update_config()},
         {"update_config", update_config()},
         {"resources",
          object({{"limits", object({{"cpus", number()}, {"memory", number()}, {"pids", integer()}})},
                  {"reservations", object({{"cpus", number()},
                                           {"memory", number()},
                                           {"generic_resources", generic},
                                           {"devices", device_requests()}})}})},
         {"restart_policy", object({{"condition", one_of({"none", "on-failure", "any"})},
                                    {"delay", duration()},
                                    {"max_attempts", integer()},
                                    {"window", duration()}})},
         {"placement", object({{"constraints", string_list()},
                               {"preferences", list_of(object({{"spread", string()}}))},
                               {"max_replicas_per_node", integer()}})}});
  };
}

Check build() {
  return [](Node& n, const std::string& path) {
    if (scalar_is(n, Str)) { // build: ./dir
      Node m = make_map(n);
      m.add(make_str("context", n), text_node(n));
      n = std::move(m);
      return;
    }
    static const Check ulimit_values = map_of(
        [](Node& v, const std::string& p) {
          if (v.is_mapping()) {
            check_object(v, p, {{"soft", integer()}, {"hard", integer()}});
            return;
          }
          integer()(v, p);
          Node m = make_map(v);
          m.add(make_str("soft", v), v);
          m.add(make_str("hard", v), v);
          v = std::move(m);
        },
        "limits");
    static const Check secrets = list_of([](Node& v, const std::string& p) {
      if (scalar_is(v, Str)) {
        Node m = make_map(v);
        m.add(make_str("source", v), text_node(v));
        v = std::move(m);
        return;
      }
      check_object(v, p, {{"source", string()}, {"target", string()}, {"uid", string()},
                          {"gid", string()}, {"mode", number()}});
    });
    if (!n.is_mapping()) fail_expected(n, path, "a build context path or a mapping");
    check_object(n, path,
                 {{"context", string()},
                  {"dockerfile", string()},
                  {"dockerfile_inline", string()},
                  {"entitlements", string_list()},
                  {"args", list_or_dict(true)},
                  {"ssh", any()},
                  {"labels", list_or_dict(false)},
                  {"cache_from", string_list()},
                  {"cache_to", string_list()},
                  {"no_cache", boolean()},
                  {"additional_contexts", list_or_dict(false)},
                  {"network", string()},
                  {"provenance", scalar(Str | Bool, "a string or a boolean")},
                  {"sbom", scalar(Str | Bool, "a string or a boolean")},
                  {"pull", boolean()},
                  {"target", string()},
                  {"shm_size", number()},
                  {"extra_hosts", any()},
                  {"isolation", string()},
                  {"privileged", boolean()},
                  {"secrets", secrets},
                  {"tags", string_list()},
                  {"ulimits", ulimit_values},
                  {"platforms", string_list()}});
  };
}

} // namespace berth::compose::canon
