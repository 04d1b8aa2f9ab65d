// Compose service `volumes` ("[SOURCE:]TARGET[:MODE]" → long mounts) and `devices` short syntax.
#include <string_view>
#include <vector>

#include "compose/canonical_parts.h"

namespace berth::compose::canon {

namespace {

const std::string kVolumeShape = "\"[SOURCE:]TARGET[:MODE]\"";

std::vector<std::string> split(const std::string& s, char sep) {
  std::vector<std::string> parts;
  for (std::size_t start = 0;;) {
    std::size_t at = s.find(sep, start);
    parts.push_back(s.substr(start, at - start));
    if (at == std::string::npos) return parts;
    start = at + 1;
  }
}

// Paths bind-mount a host directory; anything else names a volume. Compose decides on the
// first character; a name with a slash can never be a volume name, so it is a path too.
bool is_host_path(const std::string& source) {
  if (source.empty()) return false;
  char c = source[0];
  return c == '.' || c == '/' || c == '~' || source.find('/') != std::string::npos;
}

bool is_propagation(std::string_view m) {
  return m == "shared" || m == "rshared" || m == "slave" || m == "rslave" || m == "private" ||
         m == "rprivate";
}

Node parse_short(const Node& item, const std::string& path) {
  const std::string text = scalar_text(item);
  auto bad = [&](const std::string& why) {
    fail(item, path, "expected " + kVolumeShape + ", got \"" + text + "\" (" + why + ")");
  };
  std::vector<std::string> parts = split(text, ':');
  if (parts.size() > 3) bad("too many ':'");
  std::string source, target, mode;
  if (parts.size() == 1) {
    target = parts[0];
  } else {
    source = parts[0];
    target = parts[1];
    if (parts.size() == 3) mode = parts[2];
    if (source.empty()) bad("empty source");
  }
  if (target.empty()) bad("empty target");
  const bool bind = is_host_path(source);

  bool read_only = false, nocopy = false;
  std::string selinux, propagation, consistency;
  if (parts.size() == 3) {
    if (mode.empty()) bad("empty mode");
    for (const std::string& option : split(mode, ',')) {
      if (option == "ro") read_only = true;
      else if (option == "rw") read_only = false;
      else if (option == "z" || option == "Z") selinux = option;
      else if (option == "nocopy") nocopy = true;
      else if (is_propagation(option)) propagation = option;
      else if (option == "consistent" || option == "cached" || option == "delegated")
        consistency = option;
      else
        bad("unknown mode \"" + option +
            "\"; expected ro, rw, z, Z, nocopy, a propagation or a consistency");
    }
  }
  Node m = make_map(item);
  auto add = [&](const char* key, Node value) { m.add(make_str(key, item), std::move(value)); };
  add("type", make_str(bind ? "bind" : "volume", item));
  if (!source.empty()) add("source", make_str(source, item));
  add("target", make_str(target, item));
  if (read_only) add("read_only", make_bool(true, item));
  if (!consistency.empty()) add("consistency", make_str(consistency, item));
  if (bind) {
    Node b = make_map(item);
    if (!propagation.empty()) b.add(make_str("propagation", item), make_str(propagation, item));
    // docker compose creates missing host directories for the short syntax
    b.add(make_str("create_host_path", item), make_bool(true, item));
    if (!selinux.empty()) b.add(make_str("selinux", item), make_str(selinux, item));
    add("bind", std::move(b));
  } else {
    if (!selinux.empty() || !propagation.empty())
      bad("z, Z and propagation modes apply to bind mounts only");
    Node v = make_map(item);
    if (nocopy) v.add(make_str("nocopy", item), make_bool(true, item));
    add("volume", std::move(v));
  }
  return m;
}

void check_long(Node& item, const std::string& path) {
  check_object(
      item, path,
      {{"type", one_of({"bind", "volume", "tmpfs", "cluster", "npipe", "image"})},
       {"source", string()},
       {"target", string()},
       {"read_only", boolean()},
       {"consistency", string()},
       {"bind", object({{"propagation", string()},
                        {"create_host_path", boolean()},
                        {"recursive", one_of({"enabled", "disabled", "writable", "readonly"})},
                        {"selinux", one_of({"z", "Z"})}})},
       {"volume", object({{"labels", list_or_dict(false)},
                          {"nocopy", boolean()},
                          {"subpath", string()}})},
       {"tmpfs", object({{"size", scalar(Str, "a size in bytes or a string such as \"64m\"")},
                         {"mode", number()}})},
       {"image", object({{"subpath", string()}})}});
  if (!item.has("type")) fail(item, path, "missing \"type\" (bind, volume, tmpfs, ...)");
  const Node* target = item.find("target");
  if (!target || scalar_text(*target).empty()) fail(item, path, "missing \"target\" (the path in the container)");
}

} // namespace

Check service_volumes() {
  return [](Node& n, const std::string& path) {
    if (!n.is_sequence()) fail_expected(n, path, "a sequence of volume mounts");
    for (std::size_t i = 0; i < n.items().size(); ++i) {
      Node& item = n.items()[i];
      std::string p = index(path, i);
      std::string tag(item.tag());
      if (tag == "!reset") continue;
      if (item.is_mapping())
        check_long(item, p);
      else if (scalar_is(item, Str) && !scalar_text(item).empty())
        item = parse_short(item, p);
      else
        fail_expected(item, p, kVolumeShape + " or a mapping with \"type\" and \"target\"");
      if (!tag.empty() && item.tag() != tag) item.set_tag(tag);
    }
  };
}

Check devices() {
  return [](Node& n, const std::string& path) {
    if (!n.is_sequence()) fail_expected(n, path, "a sequence of devices");
    for (std::size_t i = 0; i < n.items().size(); ++i) {
      Node& item = n.items()[i];
      std::string p = index(path, i);
      if (item.is_mapping()) {
        check_object(item, p, {{"source", string()}, {"target", string()}, {"permissions", string()}});
        if (!item.has("source")) fail(item, p, "missing \"source\" (the host device)");
        continue;
      }
      if (!scalar_is(item, Str)) fail_expected(item, p, "\"HOST[:CONTAINER[:PERMISSIONS]]\"");
      std::string text = scalar_text(item);
      std::vector<std::string> parts = split(text, ':');
      if (parts.size() > 3 || parts[0].empty() || (parts.size() > 1 && parts[1].empty()))
        fail(item, p, "expected \"HOST[:CONTAINER[:PERMISSIONS]]\", got \"" + text + "\"");
      Node m = make_map(item);
      m.add(make_str("source", item), make_str(parts[0], item));
      m.add(make_str("target", item), make_str(parts.size() > 1 ? parts[1] : parts[0], item));
      m.add(make_str("permissions", item), make_str(parts.size() > 2 ? parts[2] : "rwm", item));
      item = std::move(m);
    }
  };
}

} // namespace berth::compose::canon
