// Compose file top level: allowed keys, services, and the networks/volumes/secrets/configs/
// models resource definitions; entry point canonicalize_file.
#include "compose/canonical.h"

#include "compose/canonical_parts.h"

namespace berth::compose {

namespace canon {
namespace {

// external: true | "true" | {name: x} (deprecated) → external: true (+ name: x).
void external_to_bool(Node& n, const std::string& path) {
  Node* ext = n.find("external");
  if (!ext || ext->tag() == "!reset") return;
  if (ext->is_mapping()) {
    check_object(*ext, join(path, "external"), {{"name", string()}});
    if (const Node* name = ext->find("name")) {
      if (const Node* given = n.find("name"); given && !(*given == *name))
        fail(*name, join(path, "external.name"), "conflicts with \"name\" of the same resource");
      Node copy = *name;
      *ext = make_bool(true, *ext);
      n.set("name", copy); // may reallocate the entries: `ext` is not used after this
      return;
    }
    *ext = make_bool(true, *ext);
    return;
  }
  boolean()(*ext, join(path, "external"));
}

Check driver_opts() { return map_of(scalar(Str, "a string or a number"), "options"); }

// A resource definition may be null (`db-data:`), which means all defaults.
Check resource(std::vector<Field> fields) {
  Check check = object(std::move(fields));
  return [check](Node& n, const std::string& path) {
    if (n.is_null()) n = make_map(n);
    check(n, path);
    external_to_bool(n, path);
  };
}

Check network() {
  Check ipam = object(
      {{"driver", string()},
       {"config", list_of(object({{"subnet", string()},
                                  {"ip_range", string()},
                                  {"gateway", string()},
                                  {"aux_addresses", map_of(string(), "addresses")}}))},
       {"options", map_of(string(), "options")}});
  return resource({{"name", string()},
                   {"driver", string()},
                   {"driver_opts", driver_opts()},
                   {"ipam", ipam},
                   {"external", any()},
                   {"internal", boolean()},
                   {"enable_ipv4", boolean()},
                   {"enable_ipv6", boolean()},
                   {"attachable", boolean()},
                   {"labels", list_or_dict(false)}});
}

Check volume() {
  return resource({{"name", string()},
                   {"driver", string()},
                   {"driver_opts", driver_opts()},
                   {"external", any()},
                   {"labels", list_or_dict(false)}});
}

Check secret() {
  return resource({{"name", string()},
                   {"environment", string()},
                   {"file", string()},
                   {"external", any()},
                   {"labels", list_or_dict(false)},
                   {"driver", string()},
                   {"driver_opts", driver_opts()},
                   {"template_driver", string()}});
}

Check config() {
  return resource({{"name", string()},
                   {"content", string()},
                   {"environment", string()},
                   {"file", string()},
                   {"external", any()},
                   {"labels", list_or_dict(false)},
                   {"template_driver", string()}});
}

Check model() {
  return [](Node& n, const std::string& path) {
    check_object(n, path,
                 {{"name", string()},
                  {"model", string()},
                  {"context_size", integer()},
                  {"runtime_flags", string_list()}});
    if (!n.has("model")) fail(n, path, "missing \"model\"");
  };
}

Check include() {
  return list_of([](Node& n, const std::string& path) {
    if (scalar_is(n, Str)) return;
    check_object(n, path,
                 {{"path", string_or_list()},
                  {"env_file", string_or_list()},
                  {"project_directory", string()}});
    if (!n.has("path")) fail(n, path, "missing \"path\"");
  });
}

const std::vector<Field>& top_fields() {
  static const std::vector<Field> fields = {
      {"version", scalar(Str, "a string")},
      {"name", string()},
      {"include", include()},
      {"services", map_of(service, "services")},
      {"models", map_of(model(), "models")},
      {"networks", map_of(network(), "networks")},
      {"volumes", map_of(volume(), "volumes")},
      {"secrets", map_of(secret(), "secrets")},
      {"configs", map_of(config(), "configs")},
  };
  return fields;
}

} // namespace
} // namespace canon

void canonicalize_file(yaml::Node& file) {
  using namespace canon;
  if (file.is_null()) return; // an empty file contributes nothing
  if (!file.is_mapping()) fail_expected(file, "", "a mapping at the top of the Compose file");
  const std::vector<Field>& fields = top_fields();
  for (yaml::Entry& e : file.entries()) {
    // Top-level sections that are null (`volumes:`) mean "none".
    if (e.value.is_null() && e.key.is_scalar() && e.key.value() != "version" &&
        e.key.value() != "name" && !e.key.value().starts_with("x-"))
      e.value = e.key.value() == "include" ? make_seq(e.value) : make_map(e.value);
  }
  if (!file.has("services")) {
    // A legacy (v1) file lists services at the top level; the loader converts it. Only the
    // known sections are checked so it is never rejected here.
    for (yaml::Entry& e : file.entries())
      for (const Field& f : fields)
        if (e.key.is_scalar() && e.key.value() == f.key) run(f.check, e.value, std::string(f.key));
    return;
  }
  check_object(file, "", fields, "top-level key");
}

} // namespace berth::compose
