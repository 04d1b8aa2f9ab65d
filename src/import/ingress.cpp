// Ingresses on K3s: the Traefik class and entrypoint, TLS issued by the profile's cert-manager
// issuer, nginx annotations translated (nginx.cpp), HTTP → HTTPS redirects as nginx did them,
// and the Middleware references that depend on each environment's namespace.
#include <algorithm>
#include <functional>
#include <map>

#include "import/nginx.h"
#include "import/state.h"
#include "kube/names.h"
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

void erase_annotation(Node& o, std::string_view key) {
  Node* a = annotations_of(o);
  if (!a) return;
  a->erase(key);
  if (a->size() == 0) o.find("metadata")->erase("annotations");
}

std::vector<std::string> tls_secrets(const Node& ingress) {
  std::vector<std::string> names;
  const Node* spec = ingress.find("spec");
  const Node* tls = spec && spec->is_mapping() ? spec->find("tls") : nullptr;
  if (tls && tls->is_sequence())
    for (const Node& t : tls->items())
      if (t.is_mapping() && !t.text("secretName").empty()) names.push_back(t.text("secretName"));
  return names;
}

bool has_tls(const Node& ingress) {
  const Node* spec = ingress.find("spec");
  const Node* tls = spec && spec->is_mapping() ? spec->find("tls") : nullptr;
  return tls && tls->is_sequence() && tls->size() > 0;
}

bool secret_exported(const State& st, const std::string& name) {
  return std::any_of(st.secrets.begin(), st.secrets.end(),
                     [&](const SecretItem& s) { return s.input.name == name; });
}

// cert-manager annotations → the profile's ClusterIssuer (an exported namespaced Issuer stays).
// TLS Secrets cert-manager issues → what makes it issue them ("Certificate x", "Ingress y"). Two
// annotated Ingresses naming one Secret would make cert-manager fight over its Certificate.
using Issued = std::map<std::string, std::string>;

Issued issued_secrets(const State& st) {
  Issued issued;
  for (const Kept& k : st.objects) {
    if (k.object.text("kind") == "Certificate" &&
        k.object.text("apiVersion").starts_with("cert-manager.io/")) {
      const Node* spec = k.object.find("spec");
      if (spec && spec->is_mapping() && !spec->text("secretName").empty())
        issued.emplace(spec->text("secretName"), "Certificate " + name_of(k.object));
      continue;
    }
    if (k.object.text("kind") != "Ingress") continue;
    const Node* m = k.object.find("metadata");
    const Node* a = m && m->is_mapping() ? m->find("annotations") : nullptr;
    if (!a || !a->is_mapping()) continue;
    if (a->has("cert-manager.io/cluster-issuer") || a->has("cert-manager.io/issuer") ||
        a->text("kubernetes.io/tls-acme") == "true")
      for (const std::string& s : tls_secrets(k.object))
        issued.emplace(s, "Ingress " + name_of(k.object));
  }
  return issued;
}

void adapt_tls(State& st, Kept& k, Issued& issued) {
  Node* a = annotations_of(k.object);
  const std::string& issuer = st.profile.ingress.cluster_issuer;
  std::string cluster = a ? a->text("cert-manager.io/cluster-issuer") : std::string();
  std::string ns_issuer = a ? a->text("cert-manager.io/issuer") : std::string();
  bool acme = a && a->text("kubernetes.io/tls-acme") == "true";
  if (!ns_issuer.empty()) {
    if (st.find("Issuer", ns_issuer)) return;
    erase_annotation(k.object, "cert-manager.io/issuer");
    kube::set_annotation(k.object, "cert-manager.io/cluster-issuer", issuer);
    st.add(k.ref, "annotations.cert-manager.io/issuer", Disposition::Translated,
           "Issuer " + ns_issuer + " (not in the export) → ClusterIssuer " + issuer, k.at);
    return;
  }
  if (!cluster.empty()) {
    if (cluster != issuer) {
      kube::set_annotation(k.object, "cert-manager.io/cluster-issuer", issuer);
      st.add(k.ref, "annotations.cert-manager.io/cluster-issuer", Disposition::Translated,
             "ClusterIssuer " + cluster + " → " + issuer + " (profile)", k.at);
    }
    if (acme) erase_annotation(k.object, "kubernetes.io/tls-acme");
    return;
  }
  if (acme) {
    erase_annotation(k.object, "kubernetes.io/tls-acme");
    kube::set_annotation(k.object, "cert-manager.io/cluster-issuer", issuer);
    st.add(k.ref, "annotations.kubernetes.io/tls-acme", Disposition::Translated,
           "kube-lego's tls-acme → cert-manager ClusterIssuer " + issuer, k.at);
    return;
  }
  if (!has_tls(k.object)) return;
  std::vector<std::string> missing;
  for (const std::string& s : tls_secrets(k.object))
    if (!secret_exported(st, s)) missing.push_back(s);
  if (missing.empty()) {
    st.add(k.ref, "spec.tls", Disposition::Translated,
           "TLS certificates from the exported Secrets (sealed with the others); renew them by "
           "hand, or add cert-manager.io/cluster-issuer: " +
               issuer + " to have them issued",
           k.at);
    return;
  }
  std::string by;
  for (const std::string& m : missing) {
    auto it = issued.find(m);
    if (it == issued.end()) {
      by.clear();
      break;
    }
    by = it->second;
  }
  if (!by.empty()) {
    st.add(k.ref, "spec.tls", Disposition::Translated,
           "TLS Secret(s) issued by cert-manager through " + by, k.at);
    return;
  }
  kube::set_annotation(k.object, "cert-manager.io/cluster-issuer", issuer);
  for (const std::string& m : missing)
    issued.emplace(m, "Ingress " + name_of(k.object));
  std::string list;
  for (const std::string& m : missing)
    list += (list.empty() ? "" : ", ") + m;
  st.add(k.ref, "spec.tls", Disposition::Inferred,
         "TLS Secret(s) " + list + " not in the export: cert-manager issues them (ClusterIssuer " +
             issuer + ")",
         k.at);
}

// Existing Traefik middleware references: the application's own are per environment.
void read_middleware_refs(State& st, Kept& k, Routing& routing) {
  Node* a = annotations_of(k.object);
  if (!a) return;
  const std::string value = a->text("traefik.ingress.kubernetes.io/router.middlewares");
  if (value.empty()) return;
  std::size_t start = 0;
  while (start <= value.size()) {
    auto comma = value.find(',', start);
    std::string ref =
        value.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
    ref.erase(0, ref.find_first_not_of(' '));
    ref.erase(ref.find_last_not_of(' ') + 1);
    const std::string prefix = st.source_namespace + "-", suffix = "@kubernetescrd";
    std::string local;
    if (!st.source_namespace.empty() && ref.starts_with(prefix) && ref.ends_with(suffix))
      local = ref.substr(prefix.size(), ref.size() - prefix.size() - suffix.size());
    if (!local.empty() && st.find("Middleware", local))
      routing.middlewares.push_back(local);
    else if (!ref.empty())
      routing.foreign.push_back(ref);
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
  erase_annotation(k.object, "traefik.ingress.kubernetes.io/router.middlewares");
}

// The Ingress that answers plain HTTP with a redirect (Traefik routers are either TLS or not).
Node redirect_ingress(const State& st, const Node& ingress, const std::string& name) {
  Node r = kube::make_object("networking.k8s.io/v1", "Ingress", name);
  if (const Node* meta = ingress.find("metadata"); meta && meta->is_mapping())
    if (const Node* labels = meta->find("labels");
        labels && labels->is_mapping() && labels->size() > 0)
      kube::metadata(r).set("labels", *labels);
  kube::set_annotation(r, "traefik.ingress.kubernetes.io/router.entrypoints", "web");
  Node spec = Node::mapping();
  spec.set("ingressClassName", Node::str(st.profile.ingress.class_name));
  if (const Node* s = ingress.find("spec"); s && s->is_mapping())
    if (const Node* rules = s->find("rules")) spec.set("rules", *rules);
  r.set("spec", std::move(spec));
  return r;
}

Node redirect_middleware() {
  Node m = kube::make_object("traefik.io/v1alpha1", "Middleware", "redirect-https");
  Node body = Node::mapping();
  body.set("scheme", Node::str("https"));
  body.set("permanent", Node::boolean(true));
  Node spec = Node::mapping();
  spec.set("redirectScheme", std::move(body));
  m.set("spec", std::move(spec));
  return m;
}

// Traefik v3 (K3s) serves only traefik.io; references in the application's own namespace are
// written without it (they follow each overlay's namespace).
void adapt_traefik(State& st, Kept& k) {
  const std::string api = k.object.text("apiVersion");
  if (api.starts_with("traefik.containo.us/")) {
    std::string to = "traefik.io/" + api.substr(api.find('/') + 1);
    k.object.set("apiVersion", Node::str(to));
    st.add(k.ref, "apiVersion", Disposition::Translated,
           api + " → " + to + " (Traefik v3, as K3s ships it, serves only traefik.io)", k.at);
  }
  Node* spec = k.object.find("spec");
  if (!spec || !spec->is_mapping()) return;
  if (k.object.text("kind") == "Middleware")
    if (Node* old = spec->find("ipWhiteList")) {
      Node body = *old;
      spec->erase("ipWhiteList");
      spec->set("ipAllowList", std::move(body));
      st.add(k.ref, "spec.ipWhiteList", Disposition::Translated,
             "ipWhiteList → ipAllowList (renamed in Traefik v3)", k.at);
    }
  if (st.source_namespace.empty()) return;
  std::size_t dropped = 0;
  std::function<void(Node&)> walk = [&](Node& n) {
    if (n.is_sequence()) {
      for (Node& i : n.items())
        walk(i);
      return;
    }
    if (!n.is_mapping()) return;
    if (n.has("name") && n.text("namespace") == st.source_namespace) {
      n.erase("namespace");
      ++dropped;
    }
    for (auto& e : n.entries())
      if (e.key.value() == "routes" || e.key.value() == "middlewares" ||
          e.key.value() == "services" || e.key.value() == "chain" || e.value.is_sequence())
        walk(e.value);
  };
  walk(*spec);
  if (dropped > 0)
    st.add(k.ref, "spec", Disposition::Translated,
           std::to_string(dropped) + " reference(s) to namespace " + st.source_namespace +
               " made relative (they follow each environment's namespace)",
           k.at);
}

} // namespace

void adapt_ingresses(State& st) {
  for (Kept& k : st.objects)
    if (k.object.text("apiVersion").starts_with("traefik.")) adapt_traefik(st, k);
  std::vector<std::pair<Node, std::string>> made;
  bool redirect_made = st.find("Middleware", "redirect-https") != nullptr;
  Issued issued = issued_secrets(st);
  const std::size_t count = st.objects.size();
  for (std::size_t i = 0; i < count; ++i) {
    Kept& k = st.objects[i];
    if (k.object.text("kind") != "Ingress") continue;
    const std::string name = name_of(k.object);
    Routing& routing = st.routing[name];
    Node* spec = k.object.find("spec");
    if (!spec || !spec->is_mapping()) continue;

    std::string source_class = spec->text("ingressClassName");
    if (Node* a = annotations_of(k.object)) {
      std::string legacy = a->text("kubernetes.io/ingress.class");
      if (source_class.empty()) source_class = legacy;
      erase_annotation(k.object, "kubernetes.io/ingress.class");
    }
    bool nginx = source_class.find("nginx") != std::string::npos;
    std::string ssl_redirect, force_redirect;
    if (Node* a = annotations_of(k.object)) {
      for (const auto& e : a->entries())
        nginx = nginx || e.key.value().starts_with(kNginxPrefix);
      ssl_redirect = a->text(std::string(kNginxPrefix) + "ssl-redirect");
      force_redirect = a->text(std::string(kNginxPrefix) + "force-ssl-redirect");
    }
    const std::string& target = st.profile.ingress.class_name;
    if (source_class != target) {
      Node rebuilt = Node::mapping();
      rebuilt.set("ingressClassName", Node::str(target));
      for (auto& e : spec->entries())
        if (e.key.value() != "ingressClassName") rebuilt.add(std::move(e.key), std::move(e.value));
      *spec = std::move(rebuilt);
      st.add(k.ref, "spec.ingressClassName", Disposition::Translated,
             (source_class.empty() ? std::string("(none)") : source_class) + " → " + target, k.at);
    }

    adapt_tls(st, k, issued);
    read_middleware_refs(st, k, routing);
    translate_nginx(st, k, routing, made);

    Node* a = annotations_of(k.object);
    const bool tls = has_tls(k.object);
    if (tls && (!a || !a->has("traefik.ingress.kubernetes.io/router.entrypoints"))) {
      kube::set_annotation(k.object, "traefik.ingress.kubernetes.io/router.entrypoints",
                           st.profile.ingress.entrypoint);
      kube::set_annotation(k.object, "traefik.ingress.kubernetes.io/router.tls", "true");
    }
    // nginx redirects HTTP to HTTPS for TLS Ingresses unless told not to.
    const bool redirect = nginx && ((tls && ssl_redirect != "false") || force_redirect == "true");
    if (redirect) {
      std::string rname = kube::dns1123_label(name + "-redirect");
      made.emplace_back(redirect_ingress(st, k.object, rname), k.ref);
      st.routing[rname].middlewares.push_back("redirect-https");
      if (!redirect_made) {
        made.emplace_back(redirect_middleware(), "");
        redirect_made = true;
      }
      st.add(k.ref, std::string(kNginxPrefix) + "ssl-redirect", Disposition::Translated,
             "HTTP → HTTPS redirect (nginx's default for TLS hosts): Ingress " + rname +
                 " on entrypoint web with Middleware redirect-https",
             k.at);
    } else if (nginx && tls) {
      st.add(k.ref, std::string(kNginxPrefix) + "ssl-redirect", Disposition::Manual,
             "ssl-redirect: false: nginx also served plain HTTP; this Ingress serves HTTPS only "
             "(copy it onto entrypoint web without tls if plain HTTP must keep working)",
             k.at);
    }
  }
  for (auto& [object, owner] : made) {
    std::string ref = ref_of(object);
    st.make(std::move(object), owner);
    st.add(ref, "object", Disposition::Inferred,
           owner.empty() ? "made by berth (shared by the application's redirects)"
                         : "made by berth for " + owner);
  }
}

} // namespace berth::import
