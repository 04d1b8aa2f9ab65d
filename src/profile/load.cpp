// berth.yaml → Profile: merge over the defaults, then cross-field checks (limit-range order,
// priority classes, distinct namespaces and hosts).
#include "profile/load.h"

#include <filesystem>
#include <functional>
#include <initializer_list>
#include <map>

#include "model/yaml_read.h"
#include "profile/checks.h"
#include "yaml/parse.h"

namespace berth::profile {

namespace {

using yaml::Node;
using CheckFn = std::function<Check(std::string_view)>;

class Reader {
public:
  explicit Reader(const std::string& name) : file_(intern(name)) {}

  Profile read(const Node& doc);
  const Location* where(const std::string& path) const {
    auto it = where_.find(path);
    return it == where_.end() ? nullptr : &it->second;
  }
  Location file_loc() const { return Location{file_, 0, 0}; }

private:
  // Mapping with only `allowed` keys (scalar keys); the error lists the allowed ones.
  const Node& mapping(const Node& n, const std::string& path,
                      std::initializer_list<std::string_view> allowed) {
    model::expect_mapping(n, path);
    for (const yaml::Entry& e : n.entries()) {
      if (!e.key.is_scalar() || e.key.is_null())
        model::fail_expected(e.key, path, "string keys");
      bool ok = allowed.size() == 0;
      for (std::string_view a : allowed) ok = ok || e.key.value() == a;
      if (ok) continue;
      std::string list;
      for (std::string_view a : allowed) list += (list.empty() ? "" : ", ") + std::string(a);
      throw Error(e.key.loc(), (path.empty() ? std::string("berth.yaml") : path) +
                                   ": unknown key \"" + e.key.value() + "\" (allowed: " + list +
                                   ")");
    }
    return n;
  }

  static std::string sub(const std::string& path, const std::string& key) {
    return path.empty() ? key : path + "." + key;
  }

  // A string that passes `check`; "{...}" read as a flow mapping gets a hint to quote it.
  std::string text(const Node& n, const std::string& path, const CheckFn& check) {
    where_[path] = n.loc();
    if (n.is_mapping() && n.size() == 1 && n.entries()[0].value.is_null())
      throw Error(n.loc(), path + ": expected a string, got a mapping — a value starting with "
                                  "'{' must be quoted, e.g. \"{app}-prod\"");
    std::string s = model::read_string(n, path);
    if (check)
      if (Check bad = check(s)) model::fail_expected(n, path, *bad);
    return s;
  }

  // Like text(), but null and "" mean "none" and skip the check.
  std::string optional_text(const Node& n, const std::string& path, const CheckFn& check) {
    where_[path] = n.loc();
    if (n.is_null() || (n.is_scalar() && n.value().empty())) return {};
    return text(n, path, check);
  }

  std::int64_t integer(const Node& n, const std::string& path, std::int64_t lo, std::int64_t hi) {
    where_[path] = n.loc();
    if (n.is_scalar() && n.type() == yaml::ScalarType::Float)
      model::fail_expected(n, path, "an integer");
    return model::read_int_in(n, path, lo, hi);
  }

  std::map<std::string, std::string> labels(const Node& n, const std::string& path) {
    where_[path] = n.loc();
    std::map<std::string, std::string> out;
    if (n.is_null()) return out;
    mapping(n, path, {});
    for (const yaml::Entry& e : n.entries()) {
      std::string key = text(e.key, path, check_label_key);
      std::string value = e.value.is_null() ? std::string()
                                            : text(e.value, sub(path, key), check_label_value);
      out[key] = value;
    }
    return out;
  }

  void quota(const Node& n, const std::string& path, Quota& q);
  void cpu_memory(const Node& n, const std::string& path, CpuMemory& c);
  void limit_range(const Node& n, const std::string& path, LimitRange& l);
  void environment(const Node& n, const std::string& path, Environment& e);
  void environments(const Node& n, Profile& p);
  void priority_classes(const Node& n, Profile& p);
  void sections(const Node& key, const Node& value, Profile& p);

  const std::string* file_;
  std::map<std::string, Location> where_;
};

void Reader::quota(const Node& n, const std::string& path, Quota& q) {
  if (n.is_null()) {
    q = Quota{};
    return;
  }
  mapping(n, path,
          {"requests.cpu", "limits.cpu", "requests.memory", "limits.memory", "requests.storage",
           "persistentvolumeclaims", "pods", "services"});
  for (const yaml::Entry& e : n.entries()) {
    const std::string& k = e.key.value();
    std::string p = sub(path, k);
    auto count = [&](std::optional<std::int64_t>& field) {
      if (e.value.is_null()) field.reset();
      else field = integer(e.value, p, 0, 1'000'000'000);
    };
    if (k == "requests.cpu") q.requests_cpu = optional_text(e.value, p, check_quantity);
    else if (k == "limits.cpu") q.limits_cpu = optional_text(e.value, p, check_quantity);
    else if (k == "requests.memory") q.requests_memory = optional_text(e.value, p, check_quantity);
    else if (k == "limits.memory") q.limits_memory = optional_text(e.value, p, check_quantity);
    else if (k == "requests.storage") q.requests_storage = optional_text(e.value, p, check_quantity);
    else if (k == "persistentvolumeclaims") count(q.persistentvolumeclaims);
    else if (k == "pods") count(q.pods);
    else count(q.services);
  }
}

void Reader::cpu_memory(const Node& n, const std::string& path, CpuMemory& c) {
  if (n.is_null()) {
    c = CpuMemory{};
    return;
  }
  mapping(n, path, {"cpu", "memory"});
  if (const Node* v = n.find("cpu")) c.cpu = optional_text(*v, sub(path, "cpu"), check_positive_quantity);
  if (const Node* v = n.find("memory"))
    c.memory = optional_text(*v, sub(path, "memory"), check_positive_quantity);
}

void Reader::limit_range(const Node& n, const std::string& path, LimitRange& l) {
  if (n.is_null()) {
    l = LimitRange{};
    return;
  }
  mapping(n, path, {"min", "max", "default", "defaultRequest"});
  if (const Node* v = n.find("min")) cpu_memory(*v, sub(path, "min"), l.min);
  if (const Node* v = n.find("max")) cpu_memory(*v, sub(path, "max"), l.max);
  if (const Node* v = n.find("default")) cpu_memory(*v, sub(path, "default"), l.default_limit);
  if (const Node* v = n.find("defaultRequest"))
    cpu_memory(*v, sub(path, "defaultRequest"), l.default_request);
}

Check check_namespace_pattern(std::string_view s) {
  if (Check bad = check_placeholders(s, "{app}, {env}", "{app}")) return bad;
  // With a typical application name the result must be a namespace name.
  if (check_dns_label(expand(s, "app", "env")))
    return std::string("a namespace pattern such as \"{app}-prod\" that gives a DNS-1123 label");
  return std::nullopt;
}

void Reader::environment(const Node& n, const std::string& path, Environment& e) {
  if (n.is_null()) return;
  mapping(n, path,
          {"namespace", "replicas", "priority_class", "image_tag_prefix", "host_prefix", "quota",
           "limit_range"});
  for (const yaml::Entry& x : n.entries()) {
    const std::string& k = x.key.value();
    std::string p = sub(path, k);
    if (k == "namespace") e.namespace_pattern = text(x.value, p, check_namespace_pattern);
    else if (k == "replicas") e.replicas = integer(x.value, p, 1, 1000);
    else if (k == "priority_class") e.priority_class = optional_text(x.value, p, check_dns_subdomain);
    else if (k == "image_tag_prefix") e.image_tag_prefix = optional_text(x.value, p, check_image_tag_prefix);
    else if (k == "host_prefix") e.host_prefix = optional_text(x.value, p, check_host_prefix);
    else if (k == "quota") quota(x.value, p, e.quota);
    else limit_range(x.value, p, e.limit_range);
  }
}

// A new environment starts from the staging conventions with its own name everywhere.
Environment new_environment(const std::string& name) {
  Environment e = *find_environment(default_profile(), "staging");
  e.name = name;
  e.namespace_pattern = "{app}-" + name;
  e.image_tag_prefix = name + "-";
  e.host_prefix = name + ".";
  return e;
}

void Reader::environments(const Node& n, Profile& p) {
  where_["environments"] = n.loc();
  if (!n.is_mapping())
    model::fail_expected(n, "environments", "a mapping of environment name to settings");
  // The listed environments are the environments, in the file's order; each starts from the
  // default of the same name, so `staging: {}` keeps the staging conventions.
  std::vector<Environment> out;
  for (const yaml::Entry& e : n.entries()) {
    std::string name = text(e.key, "environments", check_dns_label);
    std::string path = "environments." + name;
    where_[path] = e.key.loc();
    const Environment* base = find_environment(p, name);
    out.push_back(base ? *base : new_environment(name));
    if (!e.value.is_null() && !e.value.is_mapping())
      model::fail_expected(e.value, path, "a mapping (or null for the defaults)");
    environment(e.value, path, out.back());
  }
  p.environments = std::move(out);
}

void Reader::priority_classes(const Node& n, Profile& p) {
  where_["priority_classes"] = n.loc();
  if (!n.is_mapping())
    model::fail_expected(n, "priority_classes", "a mapping of class name to value");
  std::vector<PriorityClass> out;
  for (const yaml::Entry& e : n.entries()) {
    std::string name = text(e.key, "priority_classes", check_dns_subdomain);
    if (name.rfind("system-", 0) == 0)
      throw Error(e.key.loc(), "priority_classes: \"" + name +
                                   "\": the system- prefix is reserved by Kubernetes");
    // Values above one billion are reserved for system classes.
    out.push_back({name, integer(e.value, "priority_classes." + name, -2'147'483'648LL,
                                 1'000'000'000)});
  }
  p.priority_classes = std::move(out);
}

CheckFn choice(std::string_view choices) {
  return [choices](std::string_view s) { return check_choice(s, choices); };
}

void Reader::sections(const Node& key, const Node& v, Profile& p) {
  const std::string& k = key.value();
  if (k == "version") {
    p.version = integer(v, "version", 1, 1);
  } else if (k == "environments") {
    environments(v, p);
  } else if (k == "ingress") {
    mapping(v, k, {"mode", "class", "entrypoint", "cluster_issuer", "domain", "traefik_namespace",
                   "traefik_pod_labels"});
    Ingress& i = p.ingress;
    for (const yaml::Entry& e : v.entries()) {
      const std::string& f = e.key.value();
      std::string path = sub(k, f);
      if (f == "mode") i.mode = text(e.value, path, choice("ingress|ingressroute"));
      else if (f == "class") i.class_name = text(e.value, path, check_dns_subdomain);
      else if (f == "entrypoint") i.entrypoint = text(e.value, path, check_dns_label);
      else if (f == "cluster_issuer") i.cluster_issuer = text(e.value, path, check_dns_subdomain);
      else if (f == "domain") i.domain = text(e.value, path, check_domain);
      else if (f == "traefik_namespace") i.traefik_namespace = text(e.value, path, check_dns_label);
      else i.traefik_pod_labels = labels(e.value, path);
    }
  } else if (k == "storage") {
    mapping(v, k, {"class", "volume_size", "database_size"});
    for (const yaml::Entry& e : v.entries()) {
      const std::string& f = e.key.value();
      std::string path = sub(k, f);
      if (f == "class") p.storage.class_name = text(e.value, path, check_dns_subdomain);
      else if (f == "volume_size") p.storage.volume_size = text(e.value, path, check_positive_quantity);
      else p.storage.database_size = text(e.value, path, check_positive_quantity);
    }
  } else if (k == "secrets") {
    mapping(v, k, {"method", "cert", "controller_namespace", "controller_name", "scope", "store"});
    for (const yaml::Entry& e : v.entries()) {
      const std::string& f = e.key.value();
      std::string path = sub(k, f);
      if (f == "method") p.secrets.method = text(e.value, path, choice("sealed-secrets|external-secrets|plain"));
      else if (f == "cert") p.secrets.cert = optional_text(e.value, path, nullptr);
      else if (f == "controller_namespace") p.secrets.controller_namespace = text(e.value, path, check_dns_label);
      else if (f == "controller_name") p.secrets.controller_name = text(e.value, path, check_dns_subdomain);
      else if (f == "store")
        p.secrets.store = text(e.value, path, check_dns_subdomain);
      else p.secrets.scope = text(e.value, path, choice("strict|namespace-wide|cluster-wide"));
    }
  } else if (k == "gitops") {
    mapping(
        v, k,
        {"tool", "repo_url", "revision", "path", "argocd_namespace", "project", "flux_namespace"});
    for (const yaml::Entry& e : v.entries()) {
      const std::string& f = e.key.value();
      std::string path = sub(k, f);
      if (f == "tool") p.gitops.tool = text(e.value, path, choice("argocd|flux"));
      else if (f == "repo_url") p.gitops.repo_url = text(e.value, path, check_git_url);
      else if (f == "revision") p.gitops.revision = text(e.value, path, nullptr);
      else if (f == "path")
        p.gitops.path = text(e.value, path, [](std::string_view s) -> Check {
          if (Check bad = check_placeholders(s, "{app}")) return bad;
          return check_relative_path(s);
        });
      else if (f == "argocd_namespace") p.gitops.argocd_namespace = text(e.value, path, check_dns_label);
      else if (f == "flux_namespace")
        p.gitops.flux_namespace = text(e.value, path, check_dns_label);
      else p.gitops.project = text(e.value, path, check_dns_subdomain);
    }
  } else if (k == "registry") {
    mapping(v, k, {"url", "pull_secret"});
    for (const yaml::Entry& e : v.entries()) {
      std::string path = sub(k, e.key.value());
      if (e.key.value() == "url") p.registry.url = text(e.value, path, check_registry);
      else p.registry.pull_secret = optional_text(e.value, path, check_dns_subdomain);
    }
  } else if (k == "observability") {
    mapping(v, k, {"servicemonitor_labels", "rules_namespace", "rule_labels",
                   "monitoring_namespace", "otlp_endpoint"});
    Observability& o = p.observability;
    for (const yaml::Entry& e : v.entries()) {
      const std::string& f = e.key.value();
      std::string path = sub(k, f);
      if (f == "servicemonitor_labels") o.servicemonitor_labels = labels(e.value, path);
      else if (f == "rules_namespace") o.rules_namespace = text(e.value, path, check_dns_label);
      else if (f == "rule_labels") o.rule_labels = labels(e.value, path);
      else if (f == "monitoring_namespace") o.monitoring_namespace = text(e.value, path, check_dns_label);
      else o.otlp_endpoint = optional_text(e.value, path, check_http_url);
    }
  } else if (k == "database") {
    mapping(v, k, {"strategy"});
    if (const Node* s = v.find("strategy"))
      p.database.strategy = text(*s, "database.strategy", choice("single|cloudnative-pg"));
  } else if (k == "backup") {
    mapping(v, k, {"schedule", "retention_days", "destination", "endpoint", "credentials_secret"});
    for (const yaml::Entry& e : v.entries()) {
      const std::string& f = e.key.value();
      std::string path = sub(k, f);
      if (f == "schedule") p.backup.schedule = text(e.value, path, check_cron);
      else if (f == "retention_days") p.backup.retention_days = integer(e.value, path, 1, 3650);
      else if (f == "destination")
        p.backup.destination = text(e.value, path, [](std::string_view s) -> Check {
          if (Check bad = check_placeholders(s, "{app}, {env}")) return bad;
          return check_s3_url(s);
        });
      else if (f == "endpoint") p.backup.endpoint = optional_text(e.value, path, check_http_url);
      else p.backup.credentials_secret = text(e.value, path, check_dns_subdomain);
    }
  } else if (k == "capacity") {
    mapping(v, k, {"cpu", "memory", "nodes"});
    for (const yaml::Entry& e : v.entries()) {
      const std::string& f = e.key.value();
      std::string path = sub(k, f);
      if (f == "cpu") p.capacity.cpu = text(e.value, path, check_positive_quantity);
      else if (f == "memory") p.capacity.memory = text(e.value, path, check_positive_quantity);
      else p.capacity.nodes = integer(e.value, path, 1, 10000);
    }
  } else {
    priority_classes(v, p);
  }
}

Profile Reader::read(const Node& doc) {
  Profile p = default_profile();
  if (doc.is_null()) return p;
  mapping(doc, "", {"version", "environments", "ingress", "storage", "secrets", "gitops",
                    "registry", "observability", "database", "backup", "capacity",
                    "priority_classes"});
  // version first: a future format should fail on the version, not on a renamed key.
  if (const Node* v = doc.find("version")) sections(Node::str("version"), *v, p);
  for (const yaml::Entry& e : doc.entries())
    if (e.key.value() != "version") sections(e.key, e.value, p);
  return p;
}

// Cross-field rules Kubernetes or the generated tree depend on.
void validate(const Profile& p, const Reader& r) {
  // Location of the first of `paths` the file set; the file itself when it set none.
  auto at = [&](std::initializer_list<std::string> paths) {
    for (const std::string& path : paths)
      if (const Location* l = r.where(path)) return *l;
    return r.file_loc();
  };
  if (p.environments.empty())
    throw Error(at({"environments"}), "environments: at least one environment is needed");
  // A certificate with a method that does not seal would be silently ignored.
  if (!p.secrets.cert.empty() && p.secrets.method != "sealed-secrets")
    throw Error(at({"secrets.cert", "secrets.method", "secrets"}),
                "secrets.cert: a sealing certificate is only used with method sealed-secrets, "
                "but secrets.method is " +
                    p.secrets.method +
                    "; remove secrets.cert or set secrets.method: sealed-secrets");
  // Flux's GitRepository accepts http(s):// and ssh:// URLs only (git@host:path is rewritten to
  // ssh://git@host/path when generating).
  if (p.gitops.tool == "flux" &&
      (p.gitops.repo_url.starts_with("file://") || p.gitops.repo_url.starts_with("git://")))
    throw Error(at({"gitops.repo_url", "gitops.tool", "gitops"}),
                "gitops.repo_url: Flux's GitRepository needs an https://, http:// or ssh:// URL "
                "(or git@host:org/repo.git), got " +
                    p.gitops.repo_url);
  std::map<std::string, std::string> namespaces, hosts;
  for (const Environment& e : p.environments) {
    std::string path = "environments." + e.name;
    std::string ns = namespace_for(e, "app");
    if (auto [it, fresh] = namespaces.emplace(ns, e.name); !fresh)
      throw Error(at({path + ".namespace", "environments." + it->second + ".namespace", path}), path + ".namespace: \"" + e.namespace_pattern +
                                               "\" gives the same namespace as environment " +
                                               it->second);
    if (auto [it, fresh] = hosts.emplace(e.host_prefix, e.name); !fresh)
      throw Error(at({path + ".host_prefix", "environments." + it->second + ".host_prefix", path}),
                  path + ".host_prefix: \"" + e.host_prefix +
                      "\" gives the same hosts as environment " + it->second);
    if (!e.priority_class.empty()) {
      bool known = false;
      for (const PriorityClass& c : p.priority_classes) known = known || c.name == e.priority_class;
      if (!known)
        throw Error(at({path + ".priority_class", "priority_classes", path}),
                    path + ".priority_class: \"" + e.priority_class +
                        "\" is not defined under priority_classes");
    }
    // LimitRange: min <= defaultRequest <= default <= max, per resource (empty: not set).
    const LimitRange& l = e.limit_range;
    struct Step { const char* name; const CpuMemory* v; };
    const Step steps[] = {{"min", &l.min}, {"defaultRequest", &l.default_request},
                          {"default", &l.default_limit}, {"max", &l.max}};
    for (bool cpu : {true, false}) {
      const char* res = cpu ? "cpu" : "memory";
      const Step* prev = nullptr;
      for (const Step& s : steps) {
        const std::string& value = cpu ? s.v->cpu : s.v->memory;
        if (value.empty()) continue;
        if (prev) {
          const std::string& before = cpu ? prev->v->cpu : prev->v->memory;
          if (quantity_value(before) > quantity_value(value)) {
            std::string lp = path + ".limit_range";
            std::string a = std::string(prev->name) + "." + res, b = std::string(s.name) + "." + res;
            throw Error(at({lp + "." + b, lp + "." + a, lp, path}),
                        lp + ": " + a + " " + before + " is above " + b + " " + value +
                            " (Kubernetes requires min <= defaultRequest <= default <= max)");
          }
        }
        prev = &s;
      }
    }
  }
}

Profile load_node(const Node& doc, const std::string& name) {
  Reader r(name);
  Profile p = r.read(doc);
  validate(p, r);
  return p;
}

} // namespace

Profile load_profile_text(std::string_view text, const std::string& name) {
  return load_node(yaml::parse_document(text, name), name);
}

Profile load_profile(const std::string& path) {
  std::vector<Node> docs = yaml::parse_file(path);
  if (docs.size() > 1)
    throw Error(docs[1].loc(), "a profile is one YAML document; found " +
                                   std::to_string(docs.size()));
  Node doc = docs.empty() ? Node() : docs[0];
  Profile p = load_node(doc, path);
  if (!p.secrets.cert.empty()) {
    namespace fs = std::filesystem;
    fs::path cert = p.secrets.cert;
    if (cert.is_relative()) cert = (fs::path(path).parent_path() / cert).lexically_normal();
    std::error_code ec;
    if (!fs::is_regular_file(cert, ec)) {
      const Node* c = doc.find("secrets") ? doc.find("secrets")->find("cert") : nullptr;
      throw Error(c ? c->loc() : Location{intern(path), 0, 0},
                  "secrets.cert: no such file: " + cert.string());
    }
    p.secrets.cert = cert.string();
  }
  return p;
}

} // namespace berth::profile
