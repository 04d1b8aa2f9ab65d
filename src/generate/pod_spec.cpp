// The pod template shared by every workload kind: labels, pod-level settings, the container.
#include "generate/workloads.h"
#include "kube/object.h"

namespace berth::generate::workloads {

using yaml::Node;

std::int64_t seconds_ceil(std::int64_t ns, std::int64_t min) {
  std::int64_t s = ns <= 0 ? 0 : (ns + 999'999'999) / 1'000'000'000;
  return s < min ? min : s;
}

namespace {

bool in_profile_registry(const ServicePlan& plan, const profile::Profile& profile) {
  if (plan.built) return true;
  const std::string& url = profile.registry.url;
  return !url.empty() && plan.image.starts_with(url + "/");
}

// Compose keys about the pod's network identity and host namespaces.
void network_identity(const model::Service& s, Node& spec, Report& report) {
  if (!s.extra_hosts.empty()) {
    // hostAliases groups hostnames by IP.
    std::map<std::string, std::vector<std::string>> by_ip;
    for (const auto& [host, ips] : s.extra_hosts)
      for (const auto& ip : ips) by_ip[ip].push_back(host);
    Node aliases = Node::sequence();
    for (const auto& [ip, hosts] : by_ip) {
      if (ip == "host-gateway") {
        report.add(s.name, "extra_hosts", Disposition::Dropped,
                   "host-gateway: pods do not reach the node this way; use a Service", s.at.loc);
        continue;
      }
      Node a = Node::mapping();
      a.set("ip", Node::str(ip));
      Node names = Node::sequence();
      for (const auto& h : hosts) names.push(Node::str(h));
      a.set("hostnames", std::move(names));
      aliases.push(std::move(a));
    }
    if (aliases.size()) {
      spec.set("hostAliases", std::move(aliases));
      report.add(s.name, "extra_hosts", Disposition::Translated, "hostAliases");
    }
  }
  if (!s.dns_search.empty() || !s.dns_opt.empty()) {
    Node cfg = Node::mapping();
    if (!s.dns_search.empty()) {
      Node list = Node::sequence();
      for (const auto& d : s.dns_search) list.push(Node::str(d));
      cfg.set("searches", std::move(list));
      report.add(s.name, "dns_search", Disposition::Translated, "dnsConfig.searches");
    }
    if (!s.dns_opt.empty()) {
      Node list = Node::sequence();
      for (const auto& o : s.dns_opt) {
        Node opt = Node::mapping();
        auto colon = o.find(':');
        opt.set("name", Node::str(o.substr(0, colon)));
        if (colon != std::string::npos) opt.set("value", Node::str(o.substr(colon + 1)));
        list.push(std::move(opt));
      }
      cfg.set("options", std::move(list));
      report.add(s.name, "dns_opt", Disposition::Translated, "dnsConfig.options");
    }
    spec.set("dnsConfig", std::move(cfg));
  }
  if (!s.dns.empty())
    report.add(s.name, "dns", Disposition::Dropped,
               "custom nameservers would replace cluster DNS and break Service names; "
               "configure CoreDNS forwarding instead",
               s.at.loc);
  if (!s.hostname.empty())
    report.add(s.name, "hostname", Disposition::Dropped,
               "pods are reached through their Service name, not a hostname", s.at.loc);
  if (s.network_mode == "host")
    report.add(s.name, "network_mode", Disposition::Dropped,
               "host networking is never used (hostNetwork bypasses NetworkPolicies); ports "
               "are exposed through Services",
               s.at.loc);
  else if (s.network_mode == "none")
    report.add(s.name, "network_mode", Disposition::Translated,
               "no network: the NetworkPolicies allow this pod nothing");
  else if (!s.network_mode.empty() && s.network_mode != "bridge")
    report.add(s.name, "network_mode", Disposition::Dropped,
               s.network_mode + ": pods have their own network namespace; containers that "
                                "must share one belong in the same pod (sidecar)",
               s.at.loc);
  if (s.pid == "host" || s.ipc == "host")
    report.add(s.name, s.pid == "host" ? "pid" : "ipc", Disposition::Dropped,
               "host namespaces are never shared with pods", s.at.loc);
}

} // namespace

Node make_pod_template(const Context& ctx, const ServicePlan& plan, Output& out,
                       PodStorage& storage) {
  const model::Service& s = *plan.service;
  Report& report = out.report;
  Node spec = Node::mapping();
  // The app never talks to the Kubernetes API; a mounted token would only help an attacker.
  spec.set("automountServiceAccountToken", Node::boolean(false));
  if (in_profile_registry(plan, ctx.profile) && !ctx.profile.registry.pull_secret.empty()) {
    Node secrets = Node::sequence();
    Node ref = Node::mapping();
    ref.set("name", Node::str(ctx.profile.registry.pull_secret));
    secrets.push(std::move(ref));
    spec.set("imagePullSecrets", std::move(secrets));
  }
  spec.set("securityContext", pod_security_context(plan, report));
  if (s.stop_grace_period_ns) {
    spec.set("terminationGracePeriodSeconds",
             Node::integer(seconds_ceil(*s.stop_grace_period_ns, 0)));
    report.add(s.name, "stop_grace_period", Disposition::Translated,
               "terminationGracePeriodSeconds");
  }
  if (!s.platform.empty()) {
    // "linux/arm64/v8" → kubernetes.io/os=linux, kubernetes.io/arch=arm64
    auto slash = s.platform.find('/');
    Node sel = Node::mapping();
    sel.set("kubernetes.io/os", Node::str(s.platform.substr(0, slash)));
    if (slash != std::string::npos) {
      auto rest = s.platform.substr(slash + 1);
      sel.set("kubernetes.io/arch", Node::str(rest.substr(0, rest.find('/'))));
    }
    spec.set("nodeSelector", std::move(sel));
    report.add(s.name, "platform", Disposition::Translated, "nodeSelector kubernetes.io/os/arch");
  }
  network_identity(s, spec, report);
  Node containers = Node::sequence();
  containers.push(make_container(ctx, plan, storage, report));
  spec.set("containers", std::move(containers));
  if (storage.volumes.size()) spec.set("volumes", storage.volumes);

  Node meta = Node::mapping();
  meta.set("labels", kube::string_map(kube::standard_labels(ctx.plan.app, plan.name)));
  // For scrapers configured by annotation rather than by ServiceMonitor (both are common).
  if (s.x_berth && s.x_berth->metrics) {
    const model::MetricsEndpoint& m = *s.x_berth->metrics;
    meta.set("annotations", kube::string_map({{"prometheus.io/scrape", "true"},
                                              {"prometheus.io/port", std::to_string(m.port)},
                                              {"prometheus.io/path", m.path}}));
  }
  Node tmpl = Node::mapping();
  tmpl.set("metadata", std::move(meta));
  tmpl.set("spec", std::move(spec));
  return tmpl;
}

} // namespace berth::generate::workloads
