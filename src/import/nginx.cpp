// ingress-nginx annotations, one by one, to Traefik Middlewares (IPAllowList, RedirectRegex,
// BasicAuth/DigestAuth/ForwardAuth, RateLimit, InFlightReq, Buffering, Headers, StripPrefix,
// ReplacePathRegex) or Service annotations; the rest reported with what to do instead.
#include "import/nginx.h"

#include <algorithm>
#include <map>

#include "kube/names.h"
#include "kube/object.h"

namespace berth::import {

using generate::Disposition;
using yaml::Node;

namespace {

std::string trim(std::string_view s) {
  auto b = s.find_first_not_of(" \t\n");
  if (b == std::string_view::npos) return {};
  auto e = s.find_last_not_of(" \t\n");
  return std::string(s.substr(b, e - b + 1));
}

Node split_list(std::string_view text) {
  Node seq = Node::sequence();
  std::size_t start = 0;
  while (start <= text.size()) {
    auto comma = text.find(',', start);
    std::string item = trim(text.substr(
        start, comma == std::string_view::npos ? std::string_view::npos : comma - start));
    if (!item.empty()) seq.push(Node::str(item));
    if (comma == std::string_view::npos) break;
    start = comma + 1;
  }
  return seq;
}

bool all_digits(std::string_view s) {
  return !s.empty() && s.size() < 18 &&
         std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// The paths of an Ingress (spec.rules[].http.paths[]).
std::vector<Node*> paths_of(Node& ingress) {
  std::vector<Node*> out;
  Node* spec = ingress.find("spec");
  Node* rules = spec && spec->is_mapping() ? spec->find("rules") : nullptr;
  if (!rules || !rules->is_sequence()) return out;
  for (Node& r : rules->items()) {
    Node* http = r.is_mapping() ? r.find("http") : nullptr;
    Node* paths = http && http->is_mapping() ? http->find("paths") : nullptr;
    if (!paths || !paths->is_sequence()) continue;
    for (Node& p : paths->items())
      if (p.is_mapping()) out.push_back(&p);
  }
  return out;
}

// Backend Services of an Ingress, in order, unique.
std::vector<std::string> backend_services(Node& ingress) {
  std::vector<std::string> names;
  for (Node* p : paths_of(ingress)) {
    const Node* b = p->find("backend");
    const Node* s = b && b->is_mapping() ? b->find("service") : nullptr;
    std::string name = s && s->is_mapping() ? s->text("name") : std::string();
    if (!name.empty() && std::find(names.begin(), names.end(), name) == names.end())
      names.push_back(name);
  }
  return names;
}

void set_path(Node& p, const std::string& path) {
  p.set("path", Node::str(path));
  p.set("pathType", Node::str("Prefix"));
}

// One translation: collects Middlewares in Traefik's order and the report entries.
struct Translation {
  State& st;
  Kept& ingress;
  std::string name;                              // Ingress name
  std::map<std::string, std::string> a;          // nginx annotations (key without prefix → value)
  std::vector<std::pair<int, Node>> middlewares; // (order, Middleware)
  std::vector<std::string> handled;

  std::string get(const std::string& key) const {
    auto it = a.find(key);
    return it == a.end() ? std::string() : it->second;
  }
  bool has(const std::string& key) const { return a.count(key) > 0; }
  void done(const std::string& key) { handled.push_back(key); }
  void report(const std::string& key, Disposition d, const std::string& detail) {
    st.add(ingress.ref, std::string(kNginxPrefix) + key, d, detail, ingress.at);
    done(key);
  }
  std::string add(int order, const std::string& suffix, const char* type, Node body) {
    std::string mw = kube::dns1123_label(name + "-" + suffix);
    Node m = kube::make_object("traefik.io/v1alpha1", "Middleware", mw);
    if (const Node* meta = ingress.object.find("metadata"); meta && meta->is_mapping())
      if (const Node* labels = meta->find("labels");
          labels && labels->is_mapping() && labels->size() > 0)
        kube::metadata(m).set("labels", *labels);
    Node spec = Node::mapping();
    spec.set(type, std::move(body));
    m.set("spec", std::move(spec));
    middlewares.emplace_back(order, std::move(m));
    return mw;
  }
};

void allow_list(Translation& t) {
  for (const char* key : {"whitelist-source-range", "allowlist-source-range"}) {
    if (!t.has(key)) continue;
    Node body = Node::mapping();
    body.set("sourceRange", split_list(t.get(key)));
    std::string mw = t.add(0, "allowlist", "ipAllowList", std::move(body));
    t.report(key, Disposition::Translated,
             "Middleware " + mw + " (ipAllowList " + t.get(key) +
                 "); behind a proxy or load "
                 "balancer, set ipStrategy so the client address is read from X-Forwarded-For");
  }
  if (t.has("denylist-source-range"))
    t.report("denylist-source-range", Disposition::Dropped,
             "Traefik has no deny list: block " + t.get("denylist-source-range") +
                 " with a NetworkPolicy or in front of the cluster");
}

void redirects(Translation& t) {
  if (t.has("app-root")) {
    Node body = Node::mapping();
    body.set("regex", Node::str("^(https?://[^/]+)/$"));
    body.set("replacement", Node::str("${1}" + t.get("app-root")));
    std::string mw = t.add(1, "app-root", "redirectRegex", std::move(body));
    t.report("app-root", Disposition::Translated,
             "Middleware " + mw + " (redirectRegex / → " + t.get("app-root") + ")");
  }
  for (const char* key : {"permanent-redirect", "temporal-redirect"}) {
    if (!t.has(key)) continue;
    Node body = Node::mapping();
    body.set("regex", Node::str("^.*$"));
    body.set("replacement", Node::str(t.get(key)));
    body.set("permanent", Node::boolean(std::string(key) == "permanent-redirect"));
    std::string mw = t.add(1, key, "redirectRegex", std::move(body));
    t.report(key, Disposition::Translated,
             "Middleware " + mw + " (redirectRegex to " + t.get(key) + ")");
  }
  if (t.has("permanent-redirect-code"))
    t.report("permanent-redirect-code", Disposition::Dropped,
             "Traefik answers 301 (permanent) or 302; other codes are not configurable");
}

// Traefik reads htpasswd lines from the key `users`; nginx from `auth` (or one key per user).
void rekey_auth_secret(Translation& t, const std::string& secret, bool map_form) {
  for (SecretItem& s : t.st.secrets) {
    if (s.input.name != secret) continue;
    auto has_key = [&](const std::string& k) {
      return std::any_of(s.input.values.begin(), s.input.values.end(),
                         [&](const seal::SecretValue& v) { return v.key == k; });
    };
    if (has_key("users")) return;
    seal::SecretBytes users;
    for (const seal::SecretValue& v : s.input.values) {
      if (map_form) {
        users.insert(users.end(), v.key.begin(), v.key.end());
        users.push_back(':');
        users.insert(users.end(), v.value.begin(), v.value.end());
        users.push_back('\n');
      } else if (v.key == "auth") {
        users = v.value;
      }
    }
    if (users.empty()) return;
    s.input.values.push_back({"users", std::move(users), s.input.loc});
    seal::sort_values(s.input);
    s.added_keys.push_back("users");
    return;
  }
}

void authentication(Translation& t) {
  const std::string type = t.get("auth-type");
  if (t.has("auth-type") || t.has("auth-secret")) {
    std::string secret = t.get("auth-secret");
    if (auto slash = secret.find('/'); slash != std::string::npos)
      secret = secret.substr(slash + 1);
    if ((type == "basic" || type == "digest") && !secret.empty()) {
      bool map_form = t.get("auth-secret-type") == "auth-map";
      rekey_auth_secret(t, secret, map_form);
      Node body = Node::mapping();
      body.set("secret", Node::str(secret));
      if (type == "basic" && t.has("auth-realm")) body.set("realm", Node::str(t.get("auth-realm")));
      std::string mw =
          t.add(2, type + "-auth", type == "basic" ? "basicAuth" : "digestAuth", std::move(body));
      t.report("auth-type", Disposition::Translated,
               "Middleware " + mw + " (" + type + "Auth with Secret " + secret +
                   "; Traefik reads the htpasswd lines from key `users`, which the sealed Secret "
                   "gets)");
      for (const char* k : {"auth-secret", "auth-realm", "auth-secret-type"})
        if (t.has(k)) t.done(k);
    } else {
      t.report("auth-type", Disposition::Manual,
               "authentication " + type +
                   " without a usable auth-secret: add a Traefik "
                   "basicAuth Middleware by hand");
      for (const char* k : {"auth-secret", "auth-realm", "auth-secret-type"})
        if (t.has(k)) t.done(k);
    }
  }
  if (t.has("auth-url")) {
    Node body = Node::mapping();
    body.set("address", Node::str(t.get("auth-url")));
    if (t.has("auth-response-headers")) {
      body.set("authResponseHeaders", split_list(t.get("auth-response-headers")));
      t.done("auth-response-headers");
    }
    if (t.has("auth-signin")) {
      body.set("authSigninURL", Node::str(t.get("auth-signin")));
      t.done("auth-signin");
    }
    std::string mw = t.add(2, "forward-auth", "forwardAuth", std::move(body));
    t.report("auth-url", Disposition::Translated,
             "Middleware " + mw + " (forwardAuth to " + t.get("auth-url") +
                 "); nginx passes the original URL differently: check the auth service accepts "
                 "Traefik's X-Forwarded-* headers");
  }
}

void limits(Translation& t) {
  std::int64_t multiplier = 5; // ingress-nginx's default burst multiplier
  if (t.has("limit-burst-multiplier")) {
    if (all_digits(t.get("limit-burst-multiplier")))
      multiplier = std::stoll(t.get("limit-burst-multiplier"));
    t.done("limit-burst-multiplier");
  }
  const char* key = t.has("limit-rps") ? "limit-rps" : t.has("limit-rpm") ? "limit-rpm" : nullptr;
  if (key) {
    const std::string v = t.get(key);
    if (all_digits(v)) {
      std::int64_t n = std::stoll(v);
      Node body = Node::mapping();
      body.set("average", Node::integer(n));
      if (std::string(key) == "limit-rpm") body.set("period", Node::str("1m"));
      body.set("burst", Node::integer(n * multiplier));
      std::string mw = t.add(3, "ratelimit", "rateLimit", std::move(body));
      t.report(key, Disposition::Translated,
               "Middleware " + mw + " (rateLimit average " + v + " per " +
                   (std::string(key) == "limit-rps" ? "second" : "minute") + ", burst " +
                   std::to_string(n * multiplier) + ", per client address)");
    } else {
      t.report(key, Disposition::Dropped, "not a number: " + v);
    }
    if (t.has("limit-rpm") && std::string(key) == "limit-rps")
      t.report("limit-rpm", Disposition::Dropped,
               "limit-rps already limits this Ingress; Traefik takes one rate per Middleware "
               "(add a second rateLimit Middleware for the per-minute limit)");
  }
  if (t.has("limit-connections")) {
    const std::string v = t.get("limit-connections");
    if (all_digits(v)) {
      Node body = Node::mapping();
      body.set("amount", Node::integer(std::stoll(v)));
      std::string mw = t.add(3, "inflight", "inFlightReq", std::move(body));
      t.report("limit-connections", Disposition::Translated,
               "Middleware " + mw + " (inFlightReq " + v + " simultaneous requests per client)");
    } else {
      t.report("limit-connections", Disposition::Dropped, "not a number: " + v);
    }
  }
  for (const char* k : {"limit-whitelist", "limit-allowlist"})
    if (t.has(k))
      t.report(k, Disposition::Dropped,
               "Traefik rate limits have no exemption list; exempt these clients with a second "
               "Ingress without the rateLimit Middleware");
  if (t.has("proxy-body-size")) {
    const std::string v = t.get("proxy-body-size");
    auto bytes = nginx_size(v);
    if (bytes && *bytes == 0) {
      t.report("proxy-body-size", Disposition::Translated,
               "0 (unlimited): Traefik does not limit request bodies by default");
    } else if (bytes) {
      Node body = Node::mapping();
      body.set("maxRequestBodyBytes", Node::integer(*bytes));
      std::string mw = t.add(4, "body-size", "buffering", std::move(body));
      t.report("proxy-body-size", Disposition::Translated,
               "Middleware " + mw + " (buffering maxRequestBodyBytes " + std::to_string(*bytes) +
                   " = " + v + "; Traefik answers 413 above it, as nginx did)");
    } else {
      t.report("proxy-body-size", Disposition::Dropped, "unreadable size: " + v);
    }
  }
}

void headers(Translation& t) {
  Node body = Node::mapping();
  std::vector<std::string> what;
  if (t.get("enable-cors") == "true") {
    std::string origins = t.has("cors-allow-origin") ? t.get("cors-allow-origin") : "*";
    std::string methods = t.has("cors-allow-methods") ? t.get("cors-allow-methods")
                                                      : "GET, PUT, POST, DELETE, PATCH, OPTIONS";
    std::string hdrs = t.has("cors-allow-headers")
                           ? t.get("cors-allow-headers")
                           : "DNT,Keep-Alive,User-Agent,X-Requested-With,If-Modified-Since,"
                             "Cache-Control,Content-Type,Range,Authorization";
    body.set("accessControlAllowOriginList", split_list(origins));
    body.set("accessControlAllowMethods", split_list(methods));
    body.set("accessControlAllowHeaders", split_list(hdrs));
    if (t.has("cors-expose-headers"))
      body.set("accessControlExposeHeaders", split_list(t.get("cors-expose-headers")));
    body.set("accessControlAllowCredentials",
             Node::boolean(t.get("cors-allow-credentials") != "false"));
    std::string age = t.has("cors-max-age") ? t.get("cors-max-age") : "1728000";
    if (all_digits(age)) body.set("accessControlMaxAge", Node::integer(std::stoll(age)));
    body.set("addVaryHeader", Node::boolean(true));
    what.push_back("CORS for " + origins);
    for (const char* k :
         {"enable-cors", "cors-allow-origin", "cors-allow-methods", "cors-allow-headers",
          "cors-expose-headers", "cors-allow-credentials", "cors-max-age"})
      if (t.has(k)) t.done(k);
  } else if (t.has("enable-cors")) {
    t.done("enable-cors");
  }
  Node custom = Node::mapping();
  if (t.has("x-forwarded-prefix")) {
    custom.set("X-Forwarded-Prefix", Node::str(t.get("x-forwarded-prefix")));
    what.push_back("X-Forwarded-Prefix");
    t.done("x-forwarded-prefix");
  }
  if (t.has("upstream-vhost")) {
    custom.set("Host", Node::str(t.get("upstream-vhost")));
    what.push_back("Host " + t.get("upstream-vhost") + " towards the backend");
    t.done("upstream-vhost");
  }
  if (custom.size() > 0) body.set("customRequestHeaders", std::move(custom));
  if (body.size() == 0) return;
  std::string mw = t.add(5, "headers", "headers", std::move(body));
  std::string list;
  for (const std::string& w : what)
    list += (list.empty() ? "" : ", ") + w;
  t.st.add(t.ingress.ref, "headers", Disposition::Translated,
           "Middleware " + mw + " (" + list + ")", t.ingress.at);
}

void rewrites(Translation& t) {
  const bool regex = t.get("use-regex") == "true";
  if (t.has("use-regex")) t.done("use-regex");
  std::vector<Node*> paths = paths_of(t.ingress.object);
  if (t.has("rewrite-target")) {
    const std::string target = t.get("rewrite-target");
    Node prefixes = Node::sequence();
    std::vector<std::string> seen, others;
    for (Node* p : paths) {
      std::string path = p->text("path");
      std::string prefix = strip_prefix_of(path, target);
      if (!prefix.empty()) {
        if (std::find(seen.begin(), seen.end(), prefix) == seen.end()) {
          seen.push_back(prefix);
          prefixes.push(Node::str(prefix));
        }
        set_path(*p, prefix);
      } else if (std::find(others.begin(), others.end(), path) == others.end()) {
        others.push_back(path);
      }
    }
    if (!seen.empty()) {
      Node body = Node::mapping();
      body.set("prefixes", std::move(prefixes));
      std::string mw = t.add(6, "strip-prefix", "stripPrefix", std::move(body));
      std::string list;
      for (const std::string& s : seen)
        list += (list.empty() ? "" : ", ") + s;
      t.report("rewrite-target", Disposition::Translated,
               "Middleware " + mw + " (stripPrefix " + list + "); the paths became prefixes");
    }
    if (others.size() == 1 && seen.empty()) {
      std::string path = others[0];
      Node body = Node::mapping();
      body.set("regex", Node::str(path.starts_with("^") ? path : "^" + path));
      body.set("replacement", Node::str(target));
      std::string mw = t.add(6, "rewrite", "replacePathRegex", std::move(body));
      std::string prefix = literal_prefix(path);
      for (Node* p : paths)
        if (p->text("path") == path) set_path(*p, prefix);
      t.report("rewrite-target", Disposition::Translated,
               "Middleware " + mw + " (replacePathRegex " + path + " → " + target +
                   "); the Ingress path became the prefix " + prefix + ": check the rewrite");
    } else if (!others.empty()) {
      std::string list;
      for (const std::string& o : others)
        list += (list.empty() ? "" : ", ") + o;
      t.st.add(t.ingress.ref, std::string(kNginxPrefix) + "rewrite-target", Disposition::Manual,
               "paths " + list + " are rewritten to " + target +
                   " by nginx; add replacePathRegex Middlewares for them by hand (one regex each)",
               t.ingress.at);
      t.done("rewrite-target");
    }
  }
  // Regular-expression paths left: Traefik's Ingress paths are prefixes.
  for (Node* p : paths) {
    std::string path = p->text("path");
    bool special = path.find_first_of("^$()[]*+?{}|\\") != std::string::npos;
    if (!special || (!regex && !t.has("rewrite-target"))) continue;
    std::string prefix = literal_prefix(path);
    set_path(*p, prefix);
    t.st.add(t.ingress.ref, "path " + path, Disposition::Manual,
             "regular-expression path became the prefix " + prefix +
                 " (Traefik's Ingress paths are prefixes): check it matches no more than it should",
             t.ingress.at);
  }
}

void backend(Translation& t) {
  std::vector<std::pair<std::string, std::string>> service_annotations;
  if (t.has("backend-protocol")) {
    std::string p = t.get("backend-protocol");
    std::transform(p.begin(), p.end(), p.begin(),
                   [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
    std::string scheme = p == "HTTPS" || p == "GRPCS" ? "https"
                         : p == "GRPC"                ? "h2c"
                         : p == "HTTP"                ? "http"
                                                      : "";
    if (scheme.empty()) {
      t.report("backend-protocol", Disposition::Dropped,
               p + " backends are not supported by Traefik");
    } else {
      if (scheme != "http")
        service_annotations.emplace_back("traefik.ingress.kubernetes.io/service.serversscheme",
                                         scheme);
      t.report("backend-protocol", Disposition::Translated,
               p + " → Service annotation traefik.ingress.kubernetes.io/service.serversscheme: " +
                   scheme +
                   (scheme == "https"
                        ? " (a self-signed backend also needs a ServersTransport with "
                          "insecureSkipVerify)"
                        : ""));
    }
  }
  if (t.get("affinity") == "cookie") {
    service_annotations.emplace_back("traefik.ingress.kubernetes.io/service.sticky.cookie", "true");
    std::string detail =
        "sticky sessions → Service annotation traefik.ingress.kubernetes.io/service.sticky.cookie";
    if (t.has("session-cookie-name")) {
      service_annotations.emplace_back("traefik.ingress.kubernetes.io/service.sticky.cookie.name",
                                       t.get("session-cookie-name"));
      t.done("session-cookie-name");
      detail += " (cookie " + t.get("session-cookie-name") + ")";
    }
    if (t.has("session-cookie-samesite")) {
      service_annotations.emplace_back(
          "traefik.ingress.kubernetes.io/service.sticky.cookie.samesite",
          t.get("session-cookie-samesite"));
      t.done("session-cookie-samesite");
    }
    t.report("affinity", Disposition::Translated, detail);
  }
  if (service_annotations.empty()) return;
  for (const std::string& svc : backend_services(t.ingress.object)) {
    Kept* s = t.st.find("Service", svc);
    if (!s) {
      t.st.add(t.ingress.ref, "backend " + svc, Disposition::Manual,
               "Service " + svc + " is not in the export: add the annotations " +
                   service_annotations[0].first + " (and the others above) to it",
               t.ingress.at);
      continue;
    }
    for (const auto& [k, v] : service_annotations)
      kube::set_annotation(s->object, k, v);
  }
}

// What has no Traefik counterpart, with what to do instead.
std::string no_equivalent(const std::string& key) {
  if (key.ends_with("-snippet"))
    return "raw nginx configuration has no Traefik equivalent: express it with Middlewares";
  if (key.starts_with("proxy-") && key.ends_with("-timeout"))
    return "Traefik has no per-route proxy timeout: set forwardingTimeouts in a ServersTransport "
           "referenced by the Service (traefik.ingress.kubernetes.io/service.serverstransport)";
  if (key.starts_with("proxy-buffer") || key == "proxy-request-buffering" ||
      key == "client-body-buffer-size" || key == "proxy-max-temp-file-size")
    return "nginx buffering detail: Traefik streams requests and responses (a buffering "
           "Middleware exists if the backend needs whole bodies)";
  if (key == "ssl-passthrough")
    return "TLS passthrough needs a Traefik IngressRouteTCP with tls.passthrough: true (write it "
           "by hand)";
  if (key.starts_with("canary"))
    return "canary routing: use a Traefik weighted TraefikService (or Argo Rollouts)";
  if (key.starts_with("session-cookie-") || key == "affinity-mode" || key == "affinity")
    return "sticky-session detail Traefik cannot express";
  if (key == "server-alias") return "add the alias hosts as rules of the Ingress";
  if (key == "from-to-www-redirect")
    return "add a redirectRegex Middleware between www. and the bare host";
  if (key == "custom-http-errors" || key == "default-backend")
    return "use a Traefik errors Middleware pointing at the error page Service";
  if (key == "enable-modsecurity" || key.starts_with("modsecurity-") ||
      key == "enable-owasp-core-rules")
    return "no web application firewall in Traefik: use a plugin or a WAF in front";
  return "no Traefik equivalent";
}

} // namespace

std::optional<std::int64_t> nginx_size(std::string_view text) {
  std::string s = trim(text);
  if (s.empty()) return std::nullopt;
  std::int64_t unit = 1;
  char last = static_cast<char>(std::tolower(static_cast<unsigned char>(s.back())));
  if (last == 'k' || last == 'm' || last == 'g') {
    unit = last == 'k' ? 1024 : last == 'm' ? 1024 * 1024 : 1024LL * 1024 * 1024;
    s.pop_back();
  }
  if (!all_digits(s)) return std::nullopt;
  return std::stoll(s) * unit;
}

std::string strip_prefix_of(std::string_view path, std::string_view target) {
  if (target != "/$2") return {};
  if (path.starts_with("^")) path.remove_prefix(1);
  constexpr std::string_view kTail = "(/|$)(.*)";
  if (!path.ends_with(kTail)) return {};
  std::string_view prefix = path.substr(0, path.size() - kTail.size());
  if (prefix.empty() || prefix.find_first_of("^$()[]*+?{}|\\.") != std::string_view::npos)
    return {};
  return std::string(prefix);
}

std::string literal_prefix(std::string_view path) {
  if (path.starts_with("^")) path.remove_prefix(1);
  auto special = path.find_first_of("^$()[]*+?{}|\\.");
  std::string prefix(path.substr(0, special));
  // "/v[0-9]" keeps "/v"; a quantifier applies to the char before it, which is not literal.
  if (special != std::string_view::npos &&
      (path[special] == '*' || path[special] == '?' || path[special] == '{') && !prefix.empty())
    prefix.pop_back();
  if (prefix.empty() || prefix[0] != '/') return "/";
  return prefix;
}

void translate_nginx(State& st, Kept& ingress, Routing& routing,
                     std::vector<std::pair<Node, std::string>>& made) {
  Node* meta = ingress.object.find("metadata");
  Node* annotations = meta && meta->is_mapping() ? meta->find("annotations") : nullptr;
  if (!annotations || !annotations->is_mapping()) return;
  Translation t{st, ingress, name_of(ingress.object), {}, {}, {}};
  std::vector<std::string> order; // keys in the order written, for reporting the rest
  for (const auto& e : annotations->entries())
    if (e.key.value().starts_with(kNginxPrefix)) {
      std::string key = e.key.value().substr(kNginxPrefix.size());
      t.a[key] = e.value.value();
      order.push_back(key);
    }
  if (t.a.empty()) return;

  allow_list(t);
  redirects(t);
  authentication(t);
  limits(t);
  headers(t);
  rewrites(t);
  backend(t);
  // Redirects to HTTPS are decided by adapt_ingresses (they need an Ingress of their own).
  for (const char* k : {"ssl-redirect", "force-ssl-redirect"})
    if (t.has(k)) t.done(k);
  for (const std::string& key : order)
    if (std::find(t.handled.begin(), t.handled.end(), key) == t.handled.end())
      t.report(key, Disposition::Dropped, no_equivalent(key) + " (was " + t.get(key) + ")");

  std::stable_sort(t.middlewares.begin(), t.middlewares.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  std::vector<std::string> names;
  for (auto& [order_key, mw] : t.middlewares) {
    names.push_back(name_of(mw));
    made.emplace_back(std::move(mw), ingress.ref);
  }
  routing.middlewares.insert(routing.middlewares.begin(), names.begin(), names.end());

  auto& es = annotations->entries();
  es.erase(
      std::remove_if(es.begin(), es.end(),
                     [](const yaml::Entry& e) { return e.key.value().starts_with(kNginxPrefix); }),
      es.end());
  if (annotations->size() == 0) meta->erase("annotations");
}

} // namespace berth::import
