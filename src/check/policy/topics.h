// The policy topics policy.cpp dispatches to: each appends its rules to the family's list and
// checks the objects (or pod templates) it is about. One .cpp per topic.
#pragma once

#include <vector>

#include "check/context.h"
#include "check/index.h"
#include "check/object.h"
#include "check/policy/pod.h"
#include "check/rule.h"

namespace berth::check::policy {

// probes.cpp: liveness/readiness present and distinct (long-running pods), startup probe.
void probe_rules(std::vector<RuleInfo>& out);
void check_probes(const Pod& pod, Context& ctx);

// resources.cpp: cpu/memory requests, memory (and optionally cpu) limits.
void resource_rules(std::vector<RuleInfo>& out);
void check_resources(const Pod& pod, Context& ctx);

// security_context.cpp: non-root, privilege escalation, read-only root, capabilities,
// privileged, seccomp.
void security_context_rules(std::vector<RuleInfo>& out);
void check_security_context(const Pod& pod, Context& ctx);

// host_access.cpp: host namespaces, host ports, hostPath volumes, container runtime sockets.
void host_access_rules(std::vector<RuleInfo>& out);
void check_host_access(const Pod& pod, Context& ctx);

// images.cpp: mutable tags and pull policies. An untagged image is judged over the whole set
// (check_image_pins): a kustomization's `images:` may give it its tag.
void image_rules(std::vector<RuleInfo>& out);
void check_images(const Pod& pod, Context& ctx);
void check_image_pins(const Index& index, Context& ctx);

// service_account.cpp: API token mounted into pods that do not ask for an identity.
void service_account_rules(std::vector<RuleInfo>& out);
void check_service_account(const Pod& pod, Context& ctx);

// secrets.cpp: secret-looking env values, ConfigMap values, plaintext Secret objects.
void secret_rules(std::vector<RuleInfo>& out);
void check_env_secrets(const Pod& pod, Context& ctx);
void check_configmap(const Object& object, Context& ctx);
void check_secret(const Object& object, Context& ctx);

// ingress_tls.cpp: Ingress and Traefik IngressRoute without TLS.
void ingress_tls_rules(std::vector<RuleInfo>& out);
void check_ingress_tls(const Object& object, Context& ctx);
void check_ingressroute_tls(const Object& object, Context& ctx);

// scheduling.cpp: spreading replicas (anti-affinity / topology spread), priorityClassName.
void scheduling_rules(std::vector<RuleInfo>& out);
void check_scheduling(const Pod& pod, Context& ctx);

// autoscaling.cpp: HorizontalPodAutoscaler bounds, metrics, scale-down behaviour.
void autoscaling_rules(std::vector<RuleInfo>& out);
void check_hpa(const Object& object, Context& ctx);

// jobs.cpp: CronJob deadlines/concurrency/history, Job TTL and backoff.
void job_rules(std::vector<RuleInfo>& out);
void check_job(const Object& object, Context& ctx);

// conventions.cpp: the cluster profile's conventions (only with --cluster).
void convention_rules(std::vector<RuleInfo>& out);
void check_conventions(const Object& object, Context& ctx);
void check_pod_conventions(const Pod& pod, Context& ctx);

} // namespace berth::check::policy
