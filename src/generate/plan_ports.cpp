// Container ports of each service: declared (ports, expose, x-berth), deduplicated, named, and
// inferred for services others reach by name without a declared port.
#include <algorithm>
#include <map>
#include <set>

#include "generate/plan_detail.h"
#include "kube/names.h"

namespace berth::generate::detail {

namespace {

bool http_number(int port) {
  switch (port) {
  case 80: case 3000: case 4000: case 5000: case 8000: case 8008: case 8080: case 8081:
  case 8888: case 9090: case 15672: case 4200: case 5601: case 8088: case 8090: return true;
  default: return false;
  }
}

// Name hint for a port by its number (and what the service is).
std::string number_hint(int port, DataFamily family, bool metrics) {
  if (metrics) return "metrics";
  if (default_port(family) == port) {
    switch (family) {
    case DataFamily::Postgres: return "postgres";
    case DataFamily::MySQL: return "mysql";
    case DataFamily::MongoDB: return "mongodb";
    case DataFamily::Redis: return "redis";
    case DataFamily::RabbitMQ: return "amqp";
    case DataFamily::Kafka: return "kafka";
    default: return "http"; // Elasticsearch and MinIO speak HTTP
    }
  }
  if (family == DataFamily::MinIO && port == 9001) return "console";
  if (family == DataFamily::RabbitMQ && port == 15672) return "management";
  switch (port) {
  case 443: case 8443: return "https";
  case 5432: return "postgres";
  case 3306: return "mysql";
  case 6379: return "redis";
  case 27017: return "mongodb";
  case 5672: return "amqp";
  case 9092: return "kafka";
  case 9200: return "http";
  case 11211: return "memcached";
  case 1883: return "mqtt";
  case 53: return "dns";
  case 25: case 587: return "smtp";
  case 22: return "ssh";
  case 50051: return "grpc";
  default: return http_number(port) ? "http" : "";
  }
}

bool http_app_protocol(std::string_view p) {
  return p == "http" || p == "http2" || p == "h2c" || p == "kubernetes.io/h2c" ||
         p == "kubernetes.io/ws" || p == "ws";
}

struct Candidate {
  int port = 0;
  std::string protocol; // Kubernetes spelling
  std::string hint;     // Compose name or app_protocol
  bool http = false;
  bool published = false;
  Location at;
};

void add(std::vector<Candidate>& out, Candidate c) {
  for (Candidate& have : out)
    if (have.port == c.port && have.protocol == c.protocol) {
      have.published |= c.published;
      have.http |= c.http;
      if (have.hint.empty()) have.hint = c.hint;
      return;
    }
  out.push_back(std::move(c));
}

// Valid, unique port names: the hint, then hint-<port>, then <proto>-<port>.
std::string unique_name(const std::string& hint, const Candidate& c, std::set<std::string>& taken) {
  std::string first = kube::port_name(hint, c.port);
  if (taken.insert(first).second) return first;
  std::string suffix = "-" + std::to_string(c.port);
  std::string base = first.substr(0, 15 - std::min<std::size_t>(suffix.size(), 15));
  while (!base.empty() && base.back() == '-') base.pop_back();
  std::string second = kube::port_name(base + suffix, c.port);
  if (taken.insert(second).second) return second;
  std::string proto = c.protocol;
  for (char& ch : proto) ch = static_cast<char>(ch - 'A' + 'a');
  std::string third = kube::port_name(proto + suffix, c.port);
  if (taken.insert(third).second) return third;
  for (int n = 2;; ++n) {
    std::string next = "p" + std::to_string(c.port) + "-" + std::to_string(n);
    if (taken.insert(next).second) return next;
  }
}

std::string ports_text(const std::vector<Candidate>& cs) {
  std::string out;
  for (const Candidate& c : cs) {
    if (!out.empty()) out += ", ";
    out += std::to_string(c.port) + "/" + c.protocol;
    if (c.published) out += " (published)";
  }
  return out;
}

} // namespace

void plan_ports(const model::App&, std::vector<ServicePlan>& plans, Report& report) {
  std::optional<CallerRefs> callers; // built on first need: most services declare their ports
  for (std::size_t i = 0; i < plans.size(); ++i) {
    ServicePlan& sp = plans[i];
    const model::Service& s = *sp.service;
    std::vector<Candidate> cs;
    for (const model::Port& p : s.ports) {
      std::string hint = !p.name.empty() ? p.name : p.app_protocol;
      add(cs, {p.target, kube_protocol(p.protocol), hint, http_app_protocol(p.app_protocol),
               p.is_published(), p.at.loc});
    }
    for (const model::ExposedPort& e : s.expose)
      for (int n = e.first; n <= e.last && n > 0; ++n)
        add(cs, {n, kube_protocol(e.protocol), "", false, false, e.at.loc});
    if (!s.ports.empty())
      report.add(s.name, "ports", Disposition::Translated,
                 "container ports " + ports_text(cs) + "; published ports are reached through "
                 "the Service (and a route when they speak HTTP)", s.ports.front().at.loc);
    if (!s.expose.empty())
      report.add(s.name, "expose", Disposition::Translated, "container and Service ports",
                 s.expose.front().at.loc);

    std::set<int> route_ports, metrics_ports;
    if (s.x_berth) {
      for (const model::IngressRoute& r : s.x_berth->ingress) route_ports.insert(r.port);
      if (s.x_berth->metrics) metrics_ports.insert(s.x_berth->metrics->port);
    }
    // x-berth ports complete the list only when Compose declares none: a route to an
    // undeclared port of a service that declares ports is a typo, reported by plan_routes.
    bool declared = !cs.empty();
    if (!declared)
      for (int p : route_ports) add(cs, {p, "TCP", "", true, false, s.x_berth->at.loc});
    for (int p : metrics_ports) add(cs, {p, "TCP", "", true, false, s.x_berth->metrics->at.loc});

    std::vector<std::string> reasons(cs.size());
    if (cs.empty() && !sp.reached_by.empty()) {
      if (!callers) callers.emplace(plans);
      for (auto& [port, why] : infer_ports(plans, i, *callers)) {
        cs.push_back({port, "TCP", "", false, false, {}});
        reasons.push_back(std::move(why));
      }
      if (cs.empty())
        report.add(s.name, "ports", Disposition::Manual,
                   "no port known but reached by " + sp.reached_by.front() +
                       ": add `expose:` with the port it listens on", s.at.loc);
    }

    std::set<std::string> taken;
    for (std::size_t k = 0; k < cs.size(); ++k) {
      const Candidate& c = cs[k];
      bool routed = c.protocol == "TCP" && route_ports.count(c.port);
      bool metrics = c.protocol == "TCP" && metrics_ports.count(c.port) && !routed;
      std::string hint = !c.hint.empty() ? c.hint : number_hint(c.port, sp.family, metrics);
      // UDP twins of TCP ports (dns 53/TCP + 53/UDP) must not both claim the TCP name, and
      // never speak HTTP.
      if (c.hint.empty() && c.protocol != "TCP")
        hint = (hint.empty() || hint == "http" || hint == "https") ? "udp-" + std::to_string(c.port)
                                                                   : hint + "-udp";
      if (hint.empty() && routed) hint = "http";
      PortPlan pp;
      pp.port = c.port;
      pp.protocol = c.protocol;
      pp.name = unique_name(hint, c, taken);
      pp.http = c.protocol == "TCP" &&
                (c.http || routed || metrics_ports.count(c.port) || http_number(c.port) ||
                 (default_port(sp.family) == c.port && (sp.family == DataFamily::Elasticsearch ||
                                                         sp.family == DataFamily::MinIO)));
      pp.inferred = !reasons[k].empty();
      pp.reason = reasons[k];
      if (pp.inferred)
        report.add(s.name, "ports", Disposition::Inferred,
                   "port " + std::to_string(pp.port) + " (" + pp.name + "): " + pp.reason, s.at.loc);
      sp.ports.push_back(std::move(pp));
    }
    bool published = std::any_of(cs.begin(), cs.end(), [](const Candidate& c) { return c.published; });
    bool has_routes = s.x_berth && !s.x_berth->ingress.empty();
    sp.needs_service = !sp.ports.empty() && (!sp.reached_by.empty() || has_routes || published ||
                                             sp.family != DataFamily::None);
    if (published && sp.reached_by.empty())
      report.add(s.name, "ports", Disposition::Inferred,
                 "published ports and no other service calls it: a Service is created for its "
                 "routes or port-forwarding", s.ports.front().at.loc);
  }
}

} // namespace berth::generate::detail
