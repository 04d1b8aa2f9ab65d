// Compose `ports` and `expose`: short syntax "[HOST_IP:][HOST:]CONTAINER[/PROTO]" → long form,
// following the Docker port-spec rules (ranges expanded one entry per container port).
#include <arpa/inet.h>

#include <algorithm>
#include <cctype>
#include <optional>
#include <vector>

#include "compose/canonical_parts.h"

namespace berth::compose::canon {

namespace {

const std::string kPortShape = "\"[HOST_IP:][HOST:]CONTAINER[/PROTO]\"";

struct Range {
  unsigned first = 0, last = 0;
  unsigned size() const { return last - first + 1; }
};

std::optional<unsigned> parse_port(std::string_view s) {
  if (s.empty() || s.size() > 5) return std::nullopt;
  unsigned v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return std::nullopt;
    v = v * 10 + static_cast<unsigned>(c - '0');
  }
  if (v > 65535) return std::nullopt;
  return v;
}

// "8000" or "8000-8010".
std::optional<Range> parse_range(std::string_view s) {
  std::size_t dash = s.find('-');
  auto first = parse_port(s.substr(0, dash));
  if (!first) return std::nullopt;
  if (dash == std::string_view::npos) return Range{*first, *first};
  auto last = parse_port(s.substr(dash + 1));
  if (!last || *last < *first) return std::nullopt;
  return Range{*first, *last};
}

bool valid_ip(const std::string& ip) {
  unsigned char buf[16];
  return inet_pton(AF_INET, ip.c_str(), buf) == 1 || inet_pton(AF_INET6, ip.c_str(), buf) == 1;
}

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
  return s;
}

bool valid_protocol(const std::string& p) { return p == "tcp" || p == "udp" || p == "sctp"; }

Node port_entry(const Node& at, const std::string& host_ip, unsigned target,
                const std::string& published, const std::string& protocol) {
  Node m = make_map(at);
  m.add(make_str("mode", at), make_str("ingress", at));
  if (!host_ip.empty()) m.add(make_str("host_ip", at), make_str(host_ip, at));
  m.add(make_str("target", at), make_int(target, at));
  if (!published.empty()) m.add(make_str("published", at), make_str(published, at));
  m.add(make_str("protocol", at), make_str(protocol, at));
  return m;
}

// Appends the long-form entries of one short port spec to `out`.
void parse_short(const Node& item, const std::string& path, Node& out) {
  const std::string text = scalar_text(item);
  auto bad = [&](const std::string& why) {
    fail(item, path, "expected " + kPortShape + ", got \"" + text + "\" (" + why + ")");
  };
  std::string spec = text, protocol = "tcp";
  if (std::size_t slash = spec.rfind('/'); slash != std::string::npos) {
    protocol = lower(spec.substr(slash + 1));
    spec.resize(slash);
    if (protocol.empty()) protocol = "tcp";
    if (!valid_protocol(protocol)) bad("protocol must be tcp, udp or sctp");
  }
  std::vector<std::string> parts;
  for (std::size_t start = 0;;) {
    std::size_t colon = spec.find(':', start);
    parts.push_back(spec.substr(start, colon - start));
    if (colon == std::string::npos) break;
    start = colon + 1;
  }
  std::string host_ip, host, container = parts.back();
  std::size_t n = parts.size();
  if (n == 2) host = parts[0];
  if (n >= 3) {
    host = parts[n - 2];
    for (std::size_t i = 0; i + 2 < n; ++i) host_ip += (i ? ":" : "") + parts[i];
    if (host_ip.size() >= 2 && host_ip.front() == '[' && host_ip.back() == ']')
      host_ip = host_ip.substr(1, host_ip.size() - 2);
    if (!host_ip.empty() && !valid_ip(host_ip)) bad("invalid host IP \"" + host_ip + "\"");
  }
  if (container.empty()) bad("no container port");
  auto target = parse_range(container);
  if (!target || target->first == 0) bad("invalid container port \"" + container + "\"");
  std::optional<Range> published;
  if (!host.empty()) {
    published = parse_range(host);
    if (!published) bad("invalid host port \"" + host + "\"");
    // A host range with a single container port is a pool to pick from; otherwise sizes match.
    if (published->size() != target->size() && target->size() != 1)
      bad("host and container port ranges differ in size");
  }
  for (unsigned i = 0; i < target->size(); ++i) {
    std::string pub;
    if (published) {
      if (published->size() == target->size())
        pub = std::to_string(published->first + i);
      else
        pub = host; // the whole host range
    }
    out.push(port_entry(item, host_ip, target->first + i, pub, protocol));
  }
}

// Long syntax: validated, target → int, published → string, defaults filled, canonical order.
Node parse_long(Node& item, const std::string& path) {
  check_object(item, path,
               {{"name", string()},
                {"mode", one_of({"ingress", "host"})},
                {"host_ip", string()},
                {"target", nullptr},
                {"published", nullptr},
                {"protocol", string()},
                {"app_protocol", string()}});
  const Node* target = item.find("target");
  if (!target) fail(item, path, "missing \"target\" (the container port)");
  std::optional<unsigned> port;
  if (scalar_is(*target, Str)) port = parse_port(scalar_text(*target));
  if (!port || *port == 0) fail_expected(*target, join(path, "target"), "a port number (1-65535)");
  Node out = make_map(item);
  auto copy = [&](std::string_view key) {
    if (const Node* v = item.find(key)) out.add(make_str(std::string(key), *v), *v);
  };
  copy("name");
  if (const Node* m = item.find("mode"))
    out.add(make_str("mode", *m), *m);
  else
    out.add(make_str("mode", item), make_str("ingress", item));
  copy("host_ip");
  out.add(make_str("target", *target), make_int(*port, *target));
  if (const Node* p = item.find("published"); p && !p->is_null()) {
    if (!scalar_is(*p, Str) || !parse_range(scalar_text(*p)))
      fail_expected(*p, join(path, "published"), "a port or a port range such as \"8000-8010\"");
    out.add(make_str("published", *p), text_node(*p));
  }
  if (const Node* p = item.find("protocol")) {
    std::string proto = lower(p->value());
    if (!valid_protocol(proto)) fail_expected(*p, join(path, "protocol"), "tcp, udp or sctp");
    out.add(make_str("protocol", *p), make_str(proto, *p));
  } else {
    out.add(make_str("protocol", item), make_str("tcp", item));
  }
  copy("app_protocol");
  for (const yaml::Entry& e : item.entries())
    if (e.key.value().starts_with("x-")) out.add(e.key, e.value);
  return out;
}

} // namespace

Check ports() {
  return [](Node& n, const std::string& path) {
    if (!n.is_sequence()) fail_expected(n, path, "a sequence of ports");
    Node out = make_seq(n);
    for (std::size_t i = 0; i < n.items().size(); ++i) {
      Node& item = n.items()[i];
      std::string p = index(path, i);
      if (item.tag() == "!reset") continue; // an element reset: nothing to merge
      if (item.is_mapping()) {
        out.push(parse_long(item, p));
      } else if (scalar_is(item, Str)) {
        parse_short(item, p, out);
      } else {
        fail_expected(item, p, kPortShape + " or a mapping with \"target\"");
      }
    }
    n = std::move(out);
  };
}

Check expose() {
  return [](Node& n, const std::string& path) {
    if (!n.is_sequence()) fail_expected(n, path, "a sequence of ports");
    for (std::size_t i = 0; i < n.items().size(); ++i) {
      Node& item = n.items()[i];
      std::string text = scalar_is(item, Str) ? scalar_text(item) : std::string();
      std::string port = text.substr(0, text.find('/'));
      std::string proto = text.find('/') == std::string::npos ? "tcp" : lower(text.substr(text.find('/') + 1));
      if (!parse_range(port) || !valid_protocol(proto))
        fail_expected(item, index(path, i), "\"PORT[-PORT][/PROTO]\"");
      item = make_str(text, item);
    }
  };
}

} // namespace berth::compose::canon
