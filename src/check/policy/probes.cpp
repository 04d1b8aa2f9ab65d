// Probes: long-running containers have liveness and readiness probes, and the two differ.
#include <array>
#include <utility>

#include "check/policy/topics.h"

namespace berth::check::policy {

namespace {

constexpr std::string_view kLiveness = "probe-liveness-missing";
constexpr std::string_view kReadiness = "probe-readiness-missing";
constexpr std::string_view kIdentical = "probe-identical";
constexpr std::string_view kStartup = "probe-startup-missing";

const RuleInfo kRules[] = {
    {kLiveness, Family::Policy, Area::Reliability, Severity::Warning, true,
     "A long-running container has no livenessProbe.",
     "Add a livenessProbe that fails only when the process is stuck (a cheap local endpoint or "
     "command), with a failureThreshold generous enough to ride out load spikes.",
     "Without a liveness probe a deadlocked process keeps its pod Running forever. Polaris "
     "(livenessProbeMissing) warns; kube-score grades it almost-OK and kube-linter has it off by "
     "default, because a bad liveness probe is worse than none. berth warns: the fix is cheap and "
     "a stuck pod is otherwise invisible. Not checked for Jobs, CronJobs, run-to-completion Pods "
     "and init containers, which end by design."},
    {kReadiness, Family::Policy, Area::Reliability, Severity::Warning, true,
     "A long-running container that declares ports has no readinessProbe.",
     "Add a readinessProbe on the serving port (httpGet of a readiness endpoint, or tcpSocket) so "
     "traffic and rollouts wait until the container can answer.",
     "Without a readiness probe a pod receives Service traffic as soon as its process starts and a "
     "rolling update proceeds even when the new version cannot serve. Polaris "
     "(readinessProbeMissing) warns; kube-score makes it critical for pods targeted by a Service. "
     "A single object does not show which Services select it, so berth uses declared container "
     "ports as the sign that a container serves: queue workers without ports are not flagged."},
    {kIdentical, Family::Policy, Area::Reliability, Severity::Warning, true,
     "livenessProbe and readinessProbe are identical (same check and same timing).",
     "Keep the readiness probe and give the liveness probe a higher failureThreshold (or "
     "periodSeconds), or a cheaper endpoint that only proves the process is alive.",
     "With the same check and timing, a container that is merely busy fails both probes at the "
     "same moment: it is taken out of the Service and killed instead of being given time to "
     "recover, which turns load spikes into restart storms. kube-score "
     "(container-probes-identical) flags the same handler regardless of timing; berth accepts the "
     "common pattern of one health endpoint with a more patient liveness threshold and flags only "
     "probes that would fail together."},
    {kStartup, Family::Policy, Area::Reliability, Severity::Info, false,
     "A container with a livenessProbe has no startupProbe.",
     "Add a startupProbe (same check, failureThreshold × periodSeconds ≥ the worst start time) "
     "instead of a long initialDelaySeconds on the liveness probe.",
     "Slow starters (JVMs, migrations at boot, cache warm-up) are killed by their liveness probe "
     "before they are up unless initialDelaySeconds is long, which also delays detecting real "
     "hangs. A startupProbe holds the other probes until the first success. Off by default: most "
     "containers start fast enough."},
};

// Structural equality ignoring mapping key order and scalar quoting (8080 == "8080").
bool same(const yaml::Node& a, const yaml::Node& b) {
  if (a.kind() != b.kind()) return false;
  if (a.is_scalar()) return a.value() == b.value();
  if (a.is_sequence()) {
    if (a.items().size() != b.items().size()) return false;
    for (std::size_t i = 0; i < a.items().size(); ++i)
      if (!same(a.items()[i], b.items()[i])) return false;
    return true;
  }
  if (a.entries().size() != b.entries().size()) return false;
  for (const yaml::Entry& e : a.entries()) {
    const yaml::Node* other = e.key.is_scalar() ? b.find(e.key.value()) : nullptr;
    if (!other || !same(e.value, *other)) return false;
  }
  return true;
}

// Same handler and the same timing (Kubernetes defaults filled in).
bool identical(const yaml::Node& live, const yaml::Node& ready) {
  bool any_handler = false;
  for (std::string_view h : {"exec", "httpGet", "tcpSocket", "grpc"}) {
    const yaml::Node* a = get(live, h);
    const yaml::Node* b = get(ready, h);
    if (!a != !b) return false;
    if (a && !same(*a, *b)) return false;
    any_handler = any_handler || a;
  }
  if (!any_handler) return false;
  static constexpr std::array<std::pair<std::string_view, std::int64_t>, 5> kTiming{{
      {"initialDelaySeconds", 0},
      {"periodSeconds", 10},
      {"timeoutSeconds", 1},
      {"successThreshold", 1},
      {"failureThreshold", 3},
  }};
  for (const auto& [field, fallback] : kTiming)
    if (integer(get(live, field)).value_or(fallback) !=
        integer(get(ready, field)).value_or(fallback))
      return false;
  return true;
}

const yaml::Node* probe(const Container& c, std::string_view key) {
  const yaml::Node* p = get(c.node, key);
  return p && p->is_mapping() ? p : nullptr;
}

bool present(const Container& c, std::string_view key) {
  const yaml::Node* p = get(c.node, key);
  return p && !p->is_null();
}

} // namespace

void probe_rules(std::vector<RuleInfo>& out) {
  out.insert(out.end(), std::begin(kRules), std::end(kRules));
}

void check_probes(const Pod& pod, Context& ctx) {
  if (!pod.long_running) return;
  const ObjectInfo* info = &pod.object.info;
  for_each_container(pod, [&](const Container& c) {
    if (c.init) return;
    if (!present(c, "livenessProbe") && ctx.enabled(kLiveness))
      ctx.report(kLiveness, info, c.node.loc(),
                 describe(c) + " has no livenessProbe: a hung process is never restarted");
    if (!present(c, "readinessProbe") && non_empty(get(c.node, "ports")) && ctx.enabled(kReadiness))
      ctx.report(kReadiness, info, c.node.loc(),
                 describe(c) + " declares ports but has no readinessProbe: it gets traffic "
                               "before it can answer");
    const yaml::Node* live = probe(c, "livenessProbe");
    const yaml::Node* ready = probe(c, "readinessProbe");
    if (live && ready && identical(*live, *ready) && ctx.enabled(kIdentical))
      ctx.report(kIdentical, info, live->loc(),
                 describe(c) + ": livenessProbe is identical to readinessProbe (same check, "
                               "same timing), so a busy container is killed as soon as it "
                               "stops getting traffic");
    if (live && !present(c, "startupProbe") && ctx.enabled(kStartup))
      ctx.report(kStartup, info, live->loc(),
                 describe(c) + " has a livenessProbe but no startupProbe");
  });
}

} // namespace berth::check::policy
