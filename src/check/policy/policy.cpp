// Policy family: the rule list (topic by topic) and the dispatch of an object to the topics
// that concern its kind.
#include "check/policy/policy.h"

#include "check/policy/topics.h"

namespace berth::check::policy {

std::vector<RuleInfo> rules() {
  std::vector<RuleInfo> out;
  probe_rules(out);
  resource_rules(out);
  security_context_rules(out);
  host_access_rules(out);
  image_rules(out);
  service_account_rules(out);
  secret_rules(out);
  ingress_tls_rules(out);
  scheduling_rules(out);
  autoscaling_rules(out);
  job_rules(out);
  convention_rules(out);
  return out;
}

void check_object(const Object& object, Context& ctx) {
  if (object.info.patch || !object.root.is_mapping()) return;
  const std::string& kind = object.info.kind;
  std::string_view group = object.info.group();

  if (std::optional<Pod> pod = pod_of(object)) {
    check_probes(*pod, ctx);
    check_resources(*pod, ctx);
    check_security_context(*pod, ctx);
    check_host_access(*pod, ctx);
    check_images(*pod, ctx);
    check_service_account(*pod, ctx);
    check_env_secrets(*pod, ctx);
    check_scheduling(*pod, ctx);
    if (ctx.profile()) check_pod_conventions(*pod, ctx);
  }
  if (group.empty()) {
    if (kind == "Secret")
      check_secret(object, ctx);
    else if (kind == "ConfigMap")
      check_configmap(object, ctx);
  } else if (kind == "Ingress") {
    check_ingress_tls(object, ctx);
  } else if (kind == "IngressRoute") {
    check_ingressroute_tls(object, ctx);
  } else if (kind == "HorizontalPodAutoscaler") {
    check_hpa(object, ctx);
  } else if (kind == "Job" || kind == "CronJob") {
    check_job(object, ctx);
  }
  if (ctx.profile()) check_conventions(object, ctx);
}

void check_set(const Index& index, Context& ctx) {
  check_image_pins(index, ctx);
}

} // namespace berth::check::policy
