// Writes a profile with the same keys and order the loader accepts; every key is written, so the
// file reads back to the same profile whatever the defaults are.
#include "profile/serialize.h"

namespace berth::profile {

namespace {

using yaml::Node;

Node labels(const std::map<std::string, std::string>& m) {
  Node out = Node::mapping();
  for (const auto& [k, v] : m) out.set(k, Node::str(v));
  return out;
}

// Unset values are written as null ("no limit"): leaving them out would mean "the default".
void put_text(Node& m, std::string_view key, const std::string& value) {
  m.set(key, value.empty() ? Node::null() : Node::str(value));
}

void put_count(Node& m, std::string_view key, const std::optional<std::int64_t>& value) {
  m.set(key, value ? Node::integer(*value) : Node::null());
}

Node cpu_memory(const CpuMemory& c) {
  Node out = Node::mapping();
  put_text(out, "cpu", c.cpu);
  put_text(out, "memory", c.memory);
  return out;
}

Node environment(const Environment& e) {
  Node out = Node::mapping();
  out.set("namespace", Node::str(e.namespace_pattern));
  out.set("replicas", Node::integer(e.replicas));
  out.set("priority_class", Node::str(e.priority_class));
  out.set("image_tag_prefix", Node::str(e.image_tag_prefix));
  out.set("host_prefix", Node::str(e.host_prefix));
  Node& q = out.set("quota", Node::mapping());
  put_text(q, "requests.cpu", e.quota.requests_cpu);
  put_text(q, "limits.cpu", e.quota.limits_cpu);
  put_text(q, "requests.memory", e.quota.requests_memory);
  put_text(q, "limits.memory", e.quota.limits_memory);
  put_text(q, "requests.storage", e.quota.requests_storage);
  put_count(q, "persistentvolumeclaims", e.quota.persistentvolumeclaims);
  put_count(q, "pods", e.quota.pods);
  put_count(q, "services", e.quota.services);
  Node& l = out.set("limit_range", Node::mapping());
  l.set("min", cpu_memory(e.limit_range.min));
  l.set("max", cpu_memory(e.limit_range.max));
  l.set("default", cpu_memory(e.limit_range.default_limit));
  l.set("defaultRequest", cpu_memory(e.limit_range.default_request));
  return out;
}

} // namespace

Node profile_to_yaml(const Profile& p) {
  Node doc = Node::mapping();
  doc.set("version", Node::integer(p.version));

  Node& envs = doc.set("environments", Node::mapping());
  for (const Environment& e : p.environments) envs.set(e.name, environment(e));

  Node& in = doc.set("ingress", Node::mapping());
  in.set("mode", Node::str(p.ingress.mode));
  in.set("class", Node::str(p.ingress.class_name));
  in.set("entrypoint", Node::str(p.ingress.entrypoint));
  in.set("cluster_issuer", Node::str(p.ingress.cluster_issuer));
  in.set("domain", Node::str(p.ingress.domain));
  in.set("traefik_namespace", Node::str(p.ingress.traefik_namespace));
  in.set("traefik_pod_labels", labels(p.ingress.traefik_pod_labels));

  Node& st = doc.set("storage", Node::mapping());
  st.set("class", Node::str(p.storage.class_name));
  st.set("volume_size", Node::str(p.storage.volume_size));
  st.set("database_size", Node::str(p.storage.database_size));

  Node& se = doc.set("secrets", Node::mapping());
  se.set("method", Node::str(p.secrets.method));
  se.set("cert", Node::str(p.secrets.cert));
  se.set("controller_namespace", Node::str(p.secrets.controller_namespace));
  se.set("controller_name", Node::str(p.secrets.controller_name));
  se.set("scope", Node::str(p.secrets.scope));
  se.set("store", Node::str(p.secrets.store));

  Node& g = doc.set("gitops", Node::mapping());
  g.set("tool", Node::str(p.gitops.tool));
  g.set("repo_url", Node::str(p.gitops.repo_url));
  g.set("revision", Node::str(p.gitops.revision));
  g.set("path", Node::str(p.gitops.path));
  g.set("argocd_namespace", Node::str(p.gitops.argocd_namespace));
  g.set("project", Node::str(p.gitops.project));
  g.set("flux_namespace", Node::str(p.gitops.flux_namespace));

  Node& r = doc.set("registry", Node::mapping());
  r.set("url", Node::str(p.registry.url));
  r.set("pull_secret", Node::str(p.registry.pull_secret));

  Node& o = doc.set("observability", Node::mapping());
  o.set("servicemonitor_labels", labels(p.observability.servicemonitor_labels));
  o.set("rules_namespace", Node::str(p.observability.rules_namespace));
  o.set("rule_labels", labels(p.observability.rule_labels));
  o.set("monitoring_namespace", Node::str(p.observability.monitoring_namespace));
  o.set("otlp_endpoint", Node::str(p.observability.otlp_endpoint));

  doc.set("database", Node::mapping()).set("strategy", Node::str(p.database.strategy));

  Node& b = doc.set("backup", Node::mapping());
  b.set("schedule", Node::str(p.backup.schedule));
  b.set("retention_days", Node::integer(p.backup.retention_days));
  b.set("destination", Node::str(p.backup.destination));
  b.set("endpoint", Node::str(p.backup.endpoint));
  b.set("credentials_secret", Node::str(p.backup.credentials_secret));

  Node& c = doc.set("capacity", Node::mapping());
  c.set("cpu", Node::str(p.capacity.cpu));
  c.set("memory", Node::str(p.capacity.memory));
  c.set("nodes", Node::integer(p.capacity.nodes));

  Node& pc = doc.set("priority_classes", Node::mapping());
  for (const PriorityClass& x : p.priority_classes) pc.set(x.name, Node::integer(x.value));
  return doc;
}

} // namespace berth::profile
