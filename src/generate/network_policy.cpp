// NetworkPolicies: deny everything in the namespace, then allow DNS and exactly the edges the
// application uses (callers, shared Compose networks, Traefik → routed ports, monitoring →
// metrics port). Egress to the Internet cannot be inferred and is left to the user (reported).
#include <algorithm>
#include <set>
#include <string>
#include <vector>

#include "fmt/format.h"
#include "generate/network.h"
#include "kube/object.h"

namespace berth::generate::net {

using yaml::Node;

Node match_labels(const std::map<std::string, std::string>& labels) {
  Node m = Node::mapping();
  m.set("matchLabels", kube::string_map(labels));
  return m;
}

Node pods_of(const Context& ctx, std::string_view service) {
  Node peer = Node::mapping();
  peer.set("podSelector", match_labels(kube::selector_labels(ctx.plan.app, service)));
  return peer;
}

Node port_entry(const std::string& protocol, int port) {
  Node p = Node::mapping();
  p.set("protocol", Node::str(protocol));
  p.set("port", Node::integer(port));
  return p;
}

namespace {

Node namespace_peer(const std::string& ns) {
  Node peer = Node::mapping();
  peer.set("namespaceSelector", match_labels({{"kubernetes.io/metadata.name", ns}}));
  return peer;
}

// The ports other services of the app call: all but a dedicated metrics port (only the
// monitoring namespace scrapes it).
Node app_ports(const ServicePlan& s) {
  int metrics = 0;
  if (s.service && s.service->x_berth && s.service->x_berth->metrics)
    metrics = s.service->x_berth->metrics->port;
  Node ports = Node::sequence();
  for (const PortPlan& p : s.ports)
    if (p.port != metrics || s.ports.size() == 1) ports.push(port_entry(p.protocol, p.port));
  return ports;
}

Node rule(const char* direction, Node peers, Node ports) {
  Node r = Node::mapping();
  r.set(direction, std::move(peers));
  r.set("ports", std::move(ports));
  return r;
}

bool on_default_network(const std::string& network) { return network == "default"; }

void add_unique(std::vector<std::string>& v, const std::string& x) {
  if (std::find(v.begin(), v.end(), x) == v.end()) v.push_back(x);
}

// Host of "scheme://[user[:pass]@]host[:port][/...]"; empty when `value` is no such URL.
std::string url_host(std::string_view value) {
  auto scheme = value.find("://");
  if (scheme == std::string_view::npos) return {};
  std::string_view rest = value.substr(scheme + 3);
  rest = rest.substr(0, rest.find_first_of("/?#"));
  if (auto at = rest.rfind('@'); at != std::string_view::npos) rest = rest.substr(at + 1);
  if (!rest.empty() && rest.front() == '[') return std::string(rest.substr(0, rest.find(']') + 1));
  return std::string(rest.substr(0, rest.find(':')));
}

bool in_app(const Context& ctx, const std::string& host) {
  if (host.empty() || host == "localhost" || host == "127.0.0.1" || host == "[::1]") return true;
  for (const ServicePlan& s : ctx.plan.services)
    if (host == s.name || (s.service && host == s.service->name)) return true;
  return false;
}

void report_egress(const Context& ctx, const ServicePlan& s, Output& out) {
  std::string compose = s.service ? s.service->name : s.name;
  std::vector<std::string> external;
  for (const EnvPlan& e : s.env) {
    std::string host = url_host(e.value);
    if (in_app(ctx, host)) continue;
    // A secret's host is not printed: the report is not the place for credentials' context.
    external.push_back(e.secret ? e.name : fmt::format("{} ({})", e.name, host));
  }
  if (!external.empty()) {
    std::string list;
    for (const std::string& x : external) list += (list.empty() ? "" : ", ") + x;
    out.report.add(compose, "egress", Disposition::Manual,
                   fmt::format("the NetworkPolicies allow no traffic leaving the application; "
                               "{} calls outside hosts ({}): add an egress rule to "
                               "base/{}/networkpolicy.yaml (ipBlock 0.0.0.0/0 except the "
                               "cluster's pod and service CIDRs, on the ports used)",
                               s.name, list, s.name));
  } else if (s.built) {
    out.report.add(compose, "egress", Disposition::Manual,
                   fmt::format("built image: if {} calls external APIs, add an egress rule to "
                               "base/{}/networkpolicy.yaml (the default policy denies them)",
                               s.name, s.name));
  }
}

// `links: [db, "cache:redis"]` (kept verbatim by the loader): an edge the plan already follows;
// an alias is only a name in the linking container, which Kubernetes DNS does not have.
void report_links(const ServicePlan& s, Output& out) {
  if (!s.service) return;
  for (const model::Dropped& d : s.service->not_representable) {
    if (d.path.size() != 3 || d.path[2] != "links" || !d.value.is_sequence()) continue;
    for (const yaml::Node& item : d.value.items()) {
      if (!item.is_scalar()) continue;
      std::string text = item.value();
      auto colon = text.find(':');
      std::string target = text.substr(0, colon);
      if (colon == std::string::npos || text.substr(colon + 1) == target)
        out.report.add(s.service->name, "links", Disposition::Translated,
                       fmt::format("NetworkPolicy edge to {}; reachable by its Service name",
                                   target),
                       d.at.loc);
      else
        out.report.add(s.service->name, "links", Disposition::Manual,
                       fmt::format("NetworkPolicy edge to {}; the alias {} does not exist in "
                                   "Kubernetes DNS: use the Service name {} in the app's "
                                   "configuration",
                                   target, text.substr(colon + 1), target),
                       d.at.loc);
    }
  }
}

} // namespace

Node default_deny_policy(const Context& ctx) {
  Node np = kube::make_object("networking.k8s.io/v1", "NetworkPolicy", "default-deny");
  label(np, ctx, ctx.plan.app);
  Node spec = Node::mapping();
  spec.set("podSelector", Node::mapping());
  Node types = Node::sequence();
  types.push(Node::str("Ingress"));
  types.push(Node::str("Egress"));
  spec.set("policyTypes", std::move(types));
  np.set("spec", std::move(spec));
  return np;
}

Node allow_dns_policy(const Context& ctx) {
  Node np = kube::make_object("networking.k8s.io/v1", "NetworkPolicy", "allow-dns");
  label(np, ctx, ctx.plan.app);
  Node spec = Node::mapping();
  spec.set("podSelector", Node::mapping());
  Node types = Node::sequence();
  types.push(Node::str("Egress"));
  spec.set("policyTypes", std::move(types));
  Node dns = namespace_peer("kube-system");
  dns.set("podSelector", match_labels({{"k8s-app", "kube-dns"}}));
  Node peers = Node::sequence();
  peers.push(std::move(dns));
  Node ports = Node::sequence();
  ports.push(port_entry("UDP", 53));
  ports.push(port_entry("TCP", 53));
  Node egress = Node::sequence();
  egress.push(rule("to", std::move(peers), std::move(ports)));
  spec.set("egress", std::move(egress));
  np.set("spec", std::move(spec));
  return np;
}

std::vector<std::string> network_peers(const Context& ctx, const ServicePlan& s) {
  std::set<std::string> peers;
  if (!s.service) return {};
  for (const model::NetworkAttachment& mine : s.service->networks) {
    if (on_default_network(mine.name)) continue;
    for (const ServicePlan& other : ctx.plan.services) {
      if (&other == &s || !other.service) continue;
      for (const model::NetworkAttachment& theirs : other.service->networks)
        if (theirs.name == mine.name) peers.insert(other.name);
    }
  }
  return {peers.begin(), peers.end()};
}

Node service_policy(const Context& ctx, const ServicePlan& s) {
  std::vector<std::string> peers = network_peers(ctx, s);
  std::vector<std::string> callers = s.reached_by;
  std::vector<std::string> callees = s.connects_to;
  for (const std::string& p : peers) {
    add_unique(callers, p);
    add_unique(callees, p);
  }

  Node ingress = Node::sequence();
  if (!s.ports.empty()) {
    Node from = Node::sequence();
    for (const std::string& c : callers)
      if (by_name(ctx.plan, c)) from.push(pods_of(ctx, c));
    if (!from.items().empty()) ingress.push(rule("from", std::move(from), app_ports(s)));

    Node routed = Node::sequence();
    std::set<int> seen;
    for (const RoutePlan& r : s.routes)
      if (seen.insert(r.port).second) {
        std::string protocol = "TCP";
        for (const PortPlan& p : s.ports)
          if (p.port == r.port) protocol = p.protocol;
        routed.push(port_entry(protocol, r.port));
      }
    if (!routed.items().empty()) {
      Node traefik = namespace_peer(ctx.profile.ingress.traefik_namespace);
      traefik.set("podSelector", match_labels(ctx.profile.ingress.traefik_pod_labels));
      Node peers_node = Node::sequence();
      peers_node.push(std::move(traefik));
      ingress.push(rule("from", std::move(peers_node), std::move(routed)));
    }
  }
  if (s.service && s.service->x_berth && s.service->x_berth->metrics &&
      !ctx.profile.observability.monitoring_namespace.empty()) {
    Node peers_node = Node::sequence();
    peers_node.push(namespace_peer(ctx.profile.observability.monitoring_namespace));
    Node ports = Node::sequence();
    ports.push(port_entry("TCP", s.service->x_berth->metrics->port));
    ingress.push(rule("from", std::move(peers_node), std::move(ports)));
  }

  Node egress = Node::sequence();
  for (const std::string& c : callees) {
    const ServicePlan* target = by_name(ctx.plan, c);
    if (!target || target->ports.empty()) continue;
    Node to = Node::sequence();
    to.push(pods_of(ctx, c));
    egress.push(rule("to", std::move(to), app_ports(*target)));
  }

  if (ingress.items().empty() && egress.items().empty()) return Node::null();
  Node np = kube::make_object("networking.k8s.io/v1", "NetworkPolicy", s.name);
  label(np, ctx, s.name);
  Node spec = Node::mapping();
  spec.set("podSelector", match_labels(kube::selector_labels(ctx.plan.app, s.name)));
  Node types = Node::sequence();
  if (!ingress.items().empty()) types.push(Node::str("Ingress"));
  if (!egress.items().empty()) types.push(Node::str("Egress"));
  spec.set("policyTypes", std::move(types));
  if (!ingress.items().empty()) spec.set("ingress", std::move(ingress));
  if (!egress.items().empty()) spec.set("egress", std::move(egress));
  np.set("spec", std::move(spec));
  return np;
}

void generate_network_policies(const Context& ctx, Output& out) {
  if (ctx.plan.services.empty()) return;
  out.add_base("base/_app/networkpolicy-default-deny.yaml", default_deny_policy(ctx));
  out.add_base("base/_app/networkpolicy-allow-dns.yaml", allow_dns_policy(ctx));
  for (const ServicePlan& s : ctx.plan.services) {
    Node np = service_policy(ctx, s);
    if (!np.is_null()) out.add_base("base/" + s.name + "/networkpolicy.yaml", std::move(np));
    std::string compose = s.service ? s.service->name : s.name;
    if (s.service && !s.service->networks.empty()) {
      std::vector<std::string> peers = network_peers(ctx, s);
      std::string list;
      for (const std::string& p : peers) list += (list.empty() ? "" : ", ") + p;
      out.report.add(compose, "networks", Disposition::Translated,
                     peers.empty()
                         ? std::string("no shared non-default network: NetworkPolicy edges come "
                                       "from the services it calls and is called by")
                         : fmt::format("NetworkPolicy {} allows traffic with the services sharing "
                                       "its networks: {}",
                                       s.name, list),
                     s.service->networks.front().at.loc);
    }
    report_links(s, out);
    report_egress(ctx, s, out);
  }
}

} // namespace berth::generate::net
