// Services on K3s: LoadBalancers kept for ServiceLB (or, with --loadbalancer ingress, their HTTP
// ports put behind a Traefik Ingress), cloud load-balancer settings and addresses reported,
// external-dns annotations reported.
#include <algorithm>

#include "generate/network.h"
#include "import/state.h"
#include "kube/object.h"

namespace berth::import {

using generate::Disposition;
using yaml::Node;

namespace {

Node* annotations_of(Node& o) {
  Node* m = o.find("metadata");
  Node* a = m && m->is_mapping() ? m->find("annotations") : nullptr;
  return a && a->is_mapping() ? a : nullptr;
}

bool http_port(const Node& port) {
  const std::string name = port.text("name");
  const std::string number = port.text("port");
  if (name == "http" || name == "https" || name == "web" || name.starts_with("http-") ||
      name.ends_with("-http"))
    return true;
  return number == "80" || number == "443" || number == "8080" || number == "8443" ||
         number == "8000" || number == "3000";
}

std::string ports_text(const std::vector<const Node*>& ports) {
  std::string s;
  for (const Node* p : ports)
    s += (s.empty() ? "" : ", ") + p->text("port") + "/" +
         (p->text("protocol").empty() ? "TCP" : p->text("protocol"));
  return s;
}

// external-dns annotations: reported where they are (Services and Ingresses alike).
void report_external_dns(State& st, Kept& k) {
  Node* a = annotations_of(k.object);
  if (!a) return;
  for (const auto& e : a->entries())
    if (e.key.value().starts_with("external-dns.alpha.kubernetes.io/"))
      st.add(k.ref, "annotations." + e.key.value(), Disposition::Manual,
             "external-dns " + e.key.value().substr(33) + " = " + e.value.value() +
                 ": kept, but K3s runs no external-dns: install it with the source's DNS provider, "
                 "or point these DNS records at the K3s node yourself",
             k.at);
}

// A Traefik Ingress for the HTTP port of a former LoadBalancer Service.
Node service_ingress(const State& st, const std::string& name, const std::string& host,
                     const Node& port) {
  Node ing = kube::make_object("networking.k8s.io/v1", "Ingress", name);
  kube::set_annotation(ing, "cert-manager.io/cluster-issuer", st.profile.ingress.cluster_issuer);
  kube::set_annotation(ing, "traefik.ingress.kubernetes.io/router.entrypoints",
                       st.profile.ingress.entrypoint);
  kube::set_annotation(ing, "traefik.ingress.kubernetes.io/router.tls", "true");
  Node spec = Node::mapping();
  spec.set("ingressClassName", Node::str(st.profile.ingress.class_name));
  Node tls = Node::mapping();
  Node hosts = Node::sequence();
  hosts.push(Node::str(host));
  tls.set("hosts", std::move(hosts));
  tls.set("secretName", Node::str(generate::net::tls_secret_name(host)));
  Node tls_list = Node::sequence();
  tls_list.push(std::move(tls));
  spec.set("tls", std::move(tls_list));
  Node p = Node::mapping();
  if (!port.text("name").empty())
    p.set("name", Node::str(port.text("name")));
  else
    p.set("number", Node::integer(port.find("port")->as_int().value_or(80)));
  Node service = Node::mapping();
  service.set("name", Node::str(name));
  service.set("port", std::move(p));
  Node backend = Node::mapping();
  backend.set("service", std::move(service));
  Node path = Node::mapping();
  path.set("path", Node::str("/"));
  path.set("pathType", Node::str("Prefix"));
  path.set("backend", std::move(backend));
  Node paths = Node::sequence();
  paths.push(std::move(path));
  Node http = Node::mapping();
  http.set("paths", std::move(paths));
  Node rule = Node::mapping();
  rule.set("host", Node::str(host));
  rule.set("http", std::move(http));
  Node rules = Node::sequence();
  rules.push(std::move(rule));
  spec.set("rules", std::move(rules));
  ing.set("spec", std::move(spec));
  return ing;
}

} // namespace

void adapt_services(State& st) {
  std::vector<std::pair<Node, std::string>> made; // new objects and the ref they serve
  for (Kept& k : st.objects) {
    const std::string kind = k.object.text("kind");
    if (kind == "Ingress") report_external_dns(st, k);
    if (kind != "Service") continue;
    report_external_dns(st, k);
    Node* spec = k.object.find("spec");
    if (!spec || !spec->is_mapping()) continue;
    const std::string type = spec->text("type");
    if (const Node* ips = spec->find("externalIPs"); ips && ips->is_sequence() && ips->size() > 0)
      st.add(k.ref, "spec.externalIPs", Disposition::Manual,
             "externalIPs are addresses of the source network; replace them with the K3s node's "
             "addresses or remove them",
             k.at);
    if (type == "NodePort")
      st.add(k.ref, "spec.type", Disposition::Translated,
             "kept as NodePort: K3s serves it on every node's address", k.at);
    if (type != "LoadBalancer") continue;

    if (spec->has("loadBalancerIP")) {
      st.add(k.ref, "spec.loadBalancerIP", Disposition::Dropped,
             spec->text("loadBalancerIP") + " was the source cluster's load balancer address; "
                                            "ServiceLB answers on the nodes' addresses",
             k.at);
      spec->erase("loadBalancerIP");
    }
    if (Node* a = annotations_of(k.object)) {
      std::vector<std::string> cloud;
      auto& es = a->entries();
      for (auto it = es.begin(); it != es.end();) {
        if (it->key.value().starts_with("service.beta.kubernetes.io/") ||
            it->key.value().starts_with("cloud.google.com/") ||
            it->key.value().starts_with("metallb.universe.tf/")) {
          cloud.push_back(it->key.value());
          it = es.erase(it);
        } else {
          ++it;
        }
      }
      if (a->size() == 0) k.object.find("metadata")->erase("annotations");
      std::string list;
      for (const std::string& c : cloud)
        list += (list.empty() ? "" : ", ") + c;
      if (!cloud.empty())
        st.add(k.ref, "annotations", Disposition::Dropped,
               "load balancer settings of the source cloud removed (" + list +
                   "): ServiceLB has none",
               k.at);
    }

    std::vector<const Node*> http, other;
    if (const Node* ports = spec->find("ports"); ports && ports->is_sequence())
      for (const Node& p : ports->items())
        if (p.is_mapping())
          (http_port(p) && p.text("protocol") != "UDP" ? http : other).push_back(&p);

    if (st.options.load_balancer == LoadBalancerMode::Ingress && !http.empty() && other.empty()) {
      const std::string name = name_of(k.object);
      std::string host;
      if (Node* a = annotations_of(k.object)) {
        host = a->text("external-dns.alpha.kubernetes.io/hostname");
        host = host.substr(0, host.find(','));
      }
      if (host.empty()) host = name + "." + st.profile.ingress.domain;
      const Node* port = http[0];
      for (const Node* p : http)
        if (p->text("port") != "443" && p->text("name") != "https") {
          port = p;
          break;
        }
      std::string ingress_name = st.find("Ingress", name) ? name + "-lb" : name;
      made.emplace_back(service_ingress(st, ingress_name, host, *port), k.ref);
      for (const char* key : {"type", "externalTrafficPolicy", "loadBalancerSourceRanges",
                              "loadBalancerClass", "allocateLoadBalancerNodePorts"})
        spec->erase(key);
      if (port->text("port") == "443" || port->text("name") == "https")
        kube::set_annotation(k.object, "traefik.ingress.kubernetes.io/service.serversscheme",
                             "https");
      st.add(k.ref, "spec.type", Disposition::Translated,
             "LoadBalancer → ClusterIP behind Ingress " + ingress_name + " (https://" + host +
                 "/ → port " + port->text("port") + ", TLS by " +
                 st.profile.ingress.cluster_issuer + ") (--loadbalancer ingress)",
             k.at);
      continue;
    }
    if (st.options.load_balancer == LoadBalancerMode::Ingress && !other.empty())
      st.add(k.ref, "spec.type", Disposition::Manual,
             "kept as LoadBalancer: ports " + ports_text(other) +
                 " are not HTTP, so no Ingress can serve them (ServiceLB, or a Traefik "
                 "IngressRouteTCP)",
             k.at);
    else
      st.add(k.ref, "spec.type", Disposition::Translated,
             "kept as LoadBalancer: K3s ServiceLB serves ports " + ports_text(http) +
                 (http.empty() || other.empty() ? "" : ", ") + ports_text(other) +
                 " on every node's address (--loadbalancer ingress puts HTTP ports behind "
                 "Traefik instead)",
             k.at);
    std::vector<const Node*> all = http;
    all.insert(all.end(), other.begin(), other.end());
    for (const Node* p : all)
      if (p->text("port") == "80" || p->text("port") == "443")
        st.add(k.ref, "spec.ports", Disposition::Manual,
               "port " + p->text("port") +
                   " is Traefik's on K3s (its own ServiceLB Service): "
                   "this Service would stay Pending; use --loadbalancer ingress or another port",
               k.at);
  }
  for (auto& [object, owner] : made) {
    std::string ref = ref_of(object);
    st.make(std::move(object), owner);
    st.add(ref, "object", Disposition::Inferred,
           "made by berth for " + owner + " (--loadbalancer ingress)");
  }
}

} // namespace berth::import
