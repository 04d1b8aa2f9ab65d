// The application container: image, command, ports, env, resources, probes, hooks, mounts.
#include <algorithm>
#include <cctype>
#include <iterator>

#include "generate/workloads.h"
#include "kube/image_ref.h"

namespace berth::generate::workloads {

using yaml::Node;

namespace {

Node strings(const std::vector<std::string>& list) {
  Node seq = Node::sequence();
  for (const auto& s : list)
    seq.push(Node::str(s));
  return seq;
}

Node ref(const char* kind, const std::string& name) {
  Node r = Node::mapping();
  r.set("name", Node::str(name));
  Node e = Node::mapping();
  e.set(kind, std::move(r));
  return e;
}

// post_start / pre_stop → lifecycle handler; Kubernetes takes one command per hook.
std::optional<Node> hook(const ServicePlan& plan, const std::vector<model::Hook>& hooks,
                         const std::string& svc, const char* key, Report& report) {
  if (hooks.empty()) return std::nullopt;
  const model::Hook& h = hooks.front();
  if (hooks.size() > 1)
    report.add(svc, std::string(key) + "[1]", Disposition::Dropped,
               "Kubernetes runs one command per lifecycle hook; merge them into one script",
               hooks[1].at.loc);
  if (!h.user.empty() || h.privileged || !h.working_dir.empty() || !h.environment.empty())
    report.add(svc, std::string(key) + "[0]", Disposition::Dropped,
               "hook user/privileged/working_dir/environment: hooks run in the container's own "
               "context",
               h.at.loc);
  std::vector<std::string> argv = h.command.argv;
  if (redact_exec(plan, argv))
    report.add(svc, key, Disposition::Inferred,
               "the hook contained a secret value: it now reads the variable from the Secret",
               h.at.loc);
  Node exec = Node::mapping();
  exec.set("command", strings(argv));
  Node handler = Node::mapping();
  handler.set("exec", std::move(exec));
  report.add(svc, key, Disposition::Translated,
             std::string("lifecycle.") +
                 (std::string_view(key) == "post_start" ? "postStart" : "preStop"),
             h.at.loc);
  return handler;
}

} // namespace

Node make_container(const Context& ctx, const ServicePlan& plan, const PodStorage& storage,
                    Report& report) {
  const model::Service& s = *plan.service;
  Node c = Node::mapping();
  c.set("name", Node::str(plan.name));
  c.set("image", Node::str(plan.image));
  // Images berth builds get an immutable <prefix><sha> tag from the overlays' `images:`.
  // A moving tag pulled IfNotPresent would leave each node on whichever copy it pulled first.
  const bool moving = !plan.built && kube::tag_moves(kube::parse_image(plan.image));
  c.set("imagePullPolicy", Node::str(moving ? "Always" : "IfNotPresent"));
  if (moving)
    report.add(s.name, "image", Disposition::Manual,
               "pin a version tag or digest: " + plan.image +
                   " (its tag moves, so pods pull it Always until then)",
               s.at.loc);
  if (!s.pull_policy.empty())
    report.add(s.name, "pull_policy", Disposition::Dropped,
               moving ? "imagePullPolicy is Always while the image's tag moves"
                      : "imagePullPolicy is IfNotPresent: GitOps deploys immutable tags");
  auto argv_field = [&](const std::optional<model::Command>& cmd, const char* key,
                        const char* field) {
    if (!cmd) return;
    std::vector<std::string> argv = cmd->argv;
    if (redact_args(plan, argv))
      report.add(s.name, key, Disposition::Inferred,
                 "a secret value in the command became $(NAME), expanded by the kubelet from "
                 "the container's Secret",
                 cmd->at.loc);
    c.set(field, strings(argv));
    report.add(s.name, key, Disposition::Translated, field, cmd->at.loc);
  };
  argv_field(s.entrypoint, "entrypoint", "command");
  argv_field(s.command, "command", "args");
  if (!s.working_dir.empty()) {
    c.set("workingDir", Node::str(s.working_dir));
    report.add(s.name, "working_dir", Disposition::Translated, "workingDir");
  }
  if (!plan.ports.empty()) {
    Node ports = Node::sequence();
    for (const auto& p : plan.ports) {
      Node port = Node::mapping();
      port.set("name", Node::str(p.name));
      port.set("containerPort", Node::integer(p.port));
      port.set("protocol", Node::str(p.protocol));
      ports.push(std::move(port));
    }
    c.set("ports", std::move(ports));
  }
  // Secret variables are referenced one by one: the Secret also holds Compose secret files,
  // which must stay files (envFrom would turn them into environment variables too).
  Node env = Node::sequence();
  for (const EnvPlan& e : plan.env) {
    if (!e.secret) continue;
    Node key_ref = Node::mapping();
    key_ref.set("name", Node::str(plan.secret_name));
    key_ref.set("key", Node::str(e.name));
    Node value_from = Node::mapping();
    value_from.set("secretKeyRef", std::move(key_ref));
    Node var = Node::mapping();
    var.set("name", Node::str(e.name));
    var.set("valueFrom", std::move(value_from));
    env.push(std::move(var));
  }
  // OpenTelemetry SDKs read these; only when the profile has a collector and the service does
  // not set them itself.
  const std::string& otlp = ctx.profile.observability.otlp_endpoint;
  if (!otlp.empty()) {
    const std::pair<const char*, std::string> otel[] = {
        {"OTEL_EXPORTER_OTLP_ENDPOINT", otlp},
        {"OTEL_SERVICE_NAME", plan.name},
        {"OTEL_RESOURCE_ATTRIBUTES", "service.namespace=" + ctx.plan.app}};
    for (const auto& [name, value] : otel) {
      if (s.env(name)) continue;
      Node var = Node::mapping();
      var.set("name", Node::str(name));
      var.set("value", Node::str(value));
      env.push(std::move(var));
    }
    report.add(s.name, "environment", Disposition::Inferred,
               "OTEL_* variables for the profile's OTLP endpoint " + otlp);
  }
  if (env.size() > 0) c.set("env", std::move(env));
  if (!plan.config_name.empty()) {
    Node from = Node::sequence();
    from.push(ref("configMapRef", plan.config_name));
    c.set("envFrom", std::move(from));
  }
  c.set("resources", container_resources(s, ctx.profile, report));
  if (plan.kind == model::WorkloadKind::Deployment ||
      plan.kind == model::WorkloadKind::StatefulSet ||
      plan.kind == model::WorkloadKind::DaemonSet) {
    Probes probes = make_probes(plan, report);
    if (probes.startup) c.set("startupProbe", *probes.startup);
    if (probes.liveness) c.set("livenessProbe", *probes.liveness);
    if (probes.readiness) c.set("readinessProbe", *probes.readiness);
  } else if (s.healthcheck && !s.healthcheck->disabled()) {
    report.add(s.name, "healthcheck", Disposition::Dropped,
               "a run-to-completion " + std::string(model::to_string(plan.kind)) +
                   " has no readiness; its exit code is the health",
               s.healthcheck->at.loc);
  }
  auto post_start = hook(plan, s.post_start, s.name, "post_start", report);
  auto pre_stop = hook(plan, s.pre_stop, s.name, "pre_stop", report);
  if (post_start || pre_stop) {
    Node lifecycle = Node::mapping();
    if (post_start) lifecycle.set("postStart", std::move(*post_start));
    if (pre_stop) lifecycle.set("preStop", std::move(*pre_stop));
    c.set("lifecycle", std::move(lifecycle));
  }
  c.set("securityContext", container_security_context(plan, report));
  if (storage.mounts.size()) c.set("volumeMounts", storage.mounts);
  if (s.stdin_open) {
    c.set("stdin", Node::boolean(true));
    report.add(s.name, "stdin_open", Disposition::Translated, "stdin");
  }
  if (s.tty) {
    c.set("tty", Node::boolean(true));
    report.add(s.name, "tty", Disposition::Translated, "tty");
  }
  return c;
}

} // namespace berth::generate::workloads
