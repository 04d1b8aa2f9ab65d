// Compose multi-file merge on canonical trees, following compose-go's override rules (merge,
// then uniqueness of ports/volumes/secrets/configs/... by their key) and `!reset`/`!override`.
#include "compose/merge.h"

#include <algorithm>
#include <functional>
#include <string>
#include <string_view>

#include "common/error.h"

namespace berth::compose {

using yaml::Node;

namespace {

bool is_reset(const Node& n) { return n.tag() == "!reset"; }
bool is_override(const Node& n) { return n.tag() == "!override"; }

// Copy of an override value as it lands in the result: `!reset` parts dropped, tags removed.
Node clean(const Node& n) {
  Node out = n;
  strip_merge_tags(out);
  return out;
}

std::string text(const Node* n) { return n && n->is_scalar() ? n->value() : std::string(); }

using KeyOf = std::function<std::string(const Node&)>;

// Sequences whose elements are unique by a key: an override element with the key of a base
// element replaces it in place; others are appended (compose-go EnforceUnicity).
void merge_unique(Node& base, const Node& over, const KeyOf& key) {
  for (const Node& item : over.items()) {
    if (is_reset(item)) continue;
    std::string k = key(item);
    auto it = std::find_if(base.items().begin(), base.items().end(),
                           [&](const Node& b) { return key(b) == k; });
    if (it != base.items().end())
      *it = clean(item);
    else
      base.push(clean(item));
  }
}

std::string scalar_key(const Node& n) {
  // canonical trees hold only strings here; anything else is never equal to another item
  if (!n.is_scalar()) return "\x01" + std::to_string(reinterpret_cast<std::uintptr_t>(&n));
  const std::string& v = n.value();
  return v.substr(0, v.find('=')); // "KEY=VALUE" items are unique by KEY
}

std::string port_key(const Node& n) {
  std::string host = text(n.find("host_ip"));
  return (host.empty() ? "0.0.0.0" : host) + "|" + text(n.find("published")) + "|" +
         text(n.find("target")) + "|" + (n.has("protocol") ? text(n.find("protocol")) : "tcp");
}

KeyOf mount_key(std::string default_dir) {
  return [default_dir](const Node& n) {
    if (const Node* t = n.find("target")) return text(t);
    return default_dir + "/" + text(n.find("source"));
  };
}

std::string target_key(const Node& n) { return text(n.find("target")); }
std::string path_key(const Node& n) { return text(n.find("path")); }

enum class Rule { Generic, Replace };

void merge_value(Node& base, const Node& over, const std::string& key, Rule parent);

// Mapping merge: missing keys added, present ones merged by `merge_value`.
void merge_mapping(Node& base, const Node& over, Rule rule) {
  for (const yaml::Entry& e : over.entries()) {
    if (!e.key.is_scalar()) continue;
    const std::string& k = e.key.value();
    if (is_reset(e.value)) { // `key: !reset ...` removes the key from the result
      base.erase(k);
      continue;
    }
    Node* b = base.find(k);
    if (!b) {
      base.add(e.key, clean(e.value));
      continue;
    }
    if (is_override(e.value)) {
      *b = clean(e.value);
      continue;
    }
    merge_value(*b, e.value, k, rule);
  }
}

void dedup_strings(Node* seq) {
  if (!seq || !seq->is_sequence()) return;
  Node out = Node::sequence();
  out.set_loc(seq->loc());
  out.set_tag(seq->tag());
  for (const Node& item : seq->items())
    if (std::find(out.items().begin(), out.items().end(), item) == out.items().end()) out.push(item);
  *seq = std::move(out);
}

void merge_service_key(Node& base, const Node& over, const std::string& key) {
  if (key == "command" || key == "entrypoint") {
    base = clean(over);
  } else if (key == "ports" && base.is_sequence() && over.is_sequence()) {
    merge_unique(base, over, port_key);
  } else if (key == "volumes" && base.is_sequence() && over.is_sequence()) {
    merge_unique(base, over, target_key);
  } else if (key == "secrets" && base.is_sequence() && over.is_sequence()) {
    merge_unique(base, over, mount_key("/run/secrets"));
  } else if (key == "configs" && base.is_sequence() && over.is_sequence()) {
    merge_unique(base, over, mount_key(""));
  } else if (key == "devices" && base.is_sequence() && over.is_sequence()) {
    merge_unique(base, over, [](const Node& n) {
      return n.is_mapping() ? target_key(n) : scalar_key(n);
    });
  } else if (key == "env_file" && base.is_sequence() && over.is_sequence()) {
    merge_unique(base, over, path_key);
  } else if ((key == "expose" || key == "dns" || key == "dns_opt" || key == "dns_search" ||
              key == "cap_add" || key == "cap_drop" || key == "tmpfs" || key == "profiles" ||
              key == "links") &&
             base.is_sequence() && over.is_sequence()) {
    merge_unique(base, over, scalar_key);
  } else if (key == "extra_hosts" && base.is_mapping() && over.is_mapping()) {
    // host → [ips]: the IPs of both files, without repeats
    merge_mapping(base, over, Rule::Generic);
    for (yaml::Entry& e : base.entries()) dedup_strings(&e.value);
  } else if (key == "logging" && base.is_mapping() && over.is_mapping()) {
    // options only merge when both files use the same driver (or one names none)
    const Node* d1 = base.find("driver");
    const Node* d2 = over.find("driver");
    if (d1 && d2 && !is_reset(*d2) && text(d1) != text(d2))
      base = clean(over);
    else
      merge_mapping(base, over, Rule::Generic);
  } else if (key == "ulimits" && base.is_mapping() && over.is_mapping()) {
    merge_mapping(base, over, Rule::Replace); // each limit replaced as a whole
  } else if (key == "healthcheck" && base.is_mapping() && over.is_mapping()) {
    merge_mapping(base, over, Rule::Generic);
    if (const Node* t = over.find("test"); t && !is_reset(*t)) base.set("test", clean(*t));
  } else if (key == "networks" && base.is_mapping() && over.is_mapping()) {
    merge_mapping(base, over, Rule::Generic);
    for (yaml::Entry& e : base.entries())
      if (e.value.is_mapping()) {
        dedup_strings(e.value.find("aliases"));
        dedup_strings(e.value.find("link_local_ips"));
      }
  } else if (key == "build" && base.is_mapping() && over.is_mapping()) {
    merge_mapping(base, over, Rule::Generic);
    dedup_strings(base.find("tags"));
    dedup_strings(base.find("platforms"));
  } else {
    merge_value(base, over, key, Rule::Generic);
  }
}

void merge_value(Node& base, const Node& over, const std::string& key, Rule rule) {
  (void)key;
  if (over.is_null() && !is_override(over)) return; // null in an override keeps the base value
  if (rule == Rule::Replace) {
    base = clean(over);
  } else if (base.is_mapping() && over.is_mapping()) {
    merge_mapping(base, over, Rule::Generic);
  } else if (base.is_sequence() && over.is_sequence()) {
    for (const Node& item : over.items())
      if (!is_reset(item)) base.push(clean(item));
  } else if (base.is_null() || (base.is_scalar() && over.is_scalar())) {
    base = clean(over);
  } else {
    throw Error(over.loc(), "cannot merge " + std::string(over.kind_name()) + " \"" + key +
                                "\" into the " + base.kind_name() + " of the previous file");
  }
}

// networks.*.ipam.config: entries with the same subnet merge, others are appended.
void merge_ipam(Node& network, const Node& over) {
  const Node* oi = over.find("ipam");
  Node* bi = network.find("ipam");
  if (!oi || !bi || !oi->is_mapping() || !bi->is_mapping() || is_override(*oi)) return;
  const Node* oc = oi->find("config");
  Node* bc = bi->find("config");
  if (!oc || !bc || !oc->is_sequence() || !bc->is_sequence() || is_override(*oc)) return;
  // the generic merge appended override configs; fold those sharing a subnet
  Node out = Node::sequence();
  out.set_loc(bc->loc());
  for (const Node& c : bc->items()) {
    std::string subnet = text(c.find("subnet"));
    auto it = std::find_if(out.items().begin(), out.items().end(), [&](const Node& o) {
      return !subnet.empty() && text(o.find("subnet")) == subnet;
    });
    if (it != out.items().end() && it->is_mapping() && c.is_mapping())
      merge_mapping(*it, c, Rule::Generic);
    else
      out.push(c);
  }
  *bc = std::move(out);
}

void merge_named(Node& base, const Node& over, const std::string& section) {
  if (base.is_null()) {
    base = clean(over);
    return;
  }
  if (!base.is_mapping() || !over.is_mapping()) {
    merge_value(base, over, section, Rule::Generic);
    return;
  }
  for (const yaml::Entry& e : over.entries()) {
    if (!e.key.is_scalar()) continue;
    const std::string& name = e.key.value();
    if (is_reset(e.value)) {
      base.erase(name);
      continue;
    }
    Node* b = base.find(name);
    if (!b) {
      base.add(e.key, clean(e.value));
    } else if (is_override(e.value) || b->is_null()) {
      *b = clean(e.value);
    } else if (section == "services") {
      merge_service(*b, e.value);
    } else {
      merge_value(*b, e.value, name, Rule::Generic);
      if (section == "networks" && b->is_mapping() && e.value.is_mapping()) merge_ipam(*b, e.value);
    }
  }
}

} // namespace

void strip_merge_tags(Node& n) {
  if (is_reset(n) || is_override(n)) n.set_tag("");
  if (n.is_sequence()) {
    auto& items = n.items();
    items.erase(std::remove_if(items.begin(), items.end(), is_reset), items.end());
    for (Node& item : items) strip_merge_tags(item);
  } else if (n.is_mapping()) {
    auto& entries = n.entries();
    entries.erase(std::remove_if(entries.begin(), entries.end(),
                                 [](const yaml::Entry& e) { return is_reset(e.value); }),
                  entries.end());
    for (yaml::Entry& e : entries) strip_merge_tags(e.value);
  }
}

void merge_service(Node& base, const Node& over) {
  strip_merge_tags(base);
  if (over.is_null()) return;
  if (base.is_null() || is_override(over)) {
    base = clean(over);
    return;
  }
  if (!base.is_mapping() || !over.is_mapping())
    throw Error(over.loc(), "cannot merge a " + std::string(over.kind_name()) +
                                " service definition into a " + base.kind_name());
  for (const yaml::Entry& e : over.entries()) {
    if (!e.key.is_scalar()) continue;
    const std::string& k = e.key.value();
    if (is_reset(e.value)) {
      base.erase(k);
      continue;
    }
    Node* b = base.find(k);
    if (!b) {
      base.add(e.key, clean(e.value));
    } else if (is_override(e.value)) {
      *b = clean(e.value);
    } else {
      merge_service_key(*b, e.value, k);
    }
  }
}

void merge_project(Node& base, const Node& over) {
  strip_merge_tags(base);
  if (over.is_null()) return;
  if (base.is_null()) {
    base = clean(over);
    return;
  }
  if (!base.is_mapping() || !over.is_mapping())
    throw Error(over.loc(), "cannot merge a " + std::string(over.kind_name()) +
                                " Compose file into a " + base.kind_name());
  for (const yaml::Entry& e : over.entries()) {
    if (!e.key.is_scalar()) continue;
    const std::string& k = e.key.value();
    if (is_reset(e.value)) {
      base.erase(k);
      continue;
    }
    Node* b = base.find(k);
    if (!b) {
      base.add(e.key, clean(e.value));
    } else if (is_override(e.value)) {
      *b = clean(e.value);
    } else if (k == "services" || k == "networks" || k == "volumes" || k == "secrets" ||
               k == "configs" || k == "models") {
      merge_named(*b, e.value, k);
    } else {
      merge_value(*b, e.value, k, Rule::Generic); // name, include, x-*: replaced or merged
    }
  }
}

} // namespace berth::compose
