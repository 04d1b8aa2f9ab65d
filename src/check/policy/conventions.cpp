// The cluster profile's conventions (--cluster): monitoring discovery labels and namespaces,
// ingress class and certificate issuer, storage class, registry pull secret, priority classes.
#include <map>

#include "check/policy/topics.h"

namespace berth::check::policy {

namespace {

constexpr std::string_view kMonitorLabels = "convention-servicemonitor-labels";
constexpr std::string_view kRuleLabels = "convention-prometheusrule-labels";
constexpr std::string_view kRuleNamespace = "convention-prometheusrule-namespace";
constexpr std::string_view kIngressClass = "convention-ingress-class";
constexpr std::string_view kIssuer = "convention-ingress-issuer";
constexpr std::string_view kStorageClass = "convention-storage-class";
constexpr std::string_view kPullSecret = "convention-pull-secret";
constexpr std::string_view kPriorityClass = "convention-priority-class-unknown";

const RuleInfo kRules[] = {
    {kMonitorLabels, Family::Policy, Area::Observability, Severity::Warning, true,
     "A ServiceMonitor lacks the profile's discovery labels (observability.servicemonitor_labels).",
     "Add the labels to metadata.labels (berth's default profile: release: "
     "kube-prometheus-stack).",
     "kube-prometheus-stack's Prometheus selects ServiceMonitors by label (serviceMonitorSelector "
     "matches its Helm release); one without the labels is silently ignored and the service is "
     "never scraped. Checked only with --cluster."},
    {kRuleLabels, Family::Policy, Area::Observability, Severity::Warning, true,
     "A PrometheusRule lacks the profile's rule labels (observability.rule_labels).",
     "Add the labels to metadata.labels (berth's default profile: prometheus, release: "
     "kube-prometheus-stack, role: alert-rules).",
     "Prometheus loads only rules matching its ruleSelector: alerts without the labels never "
     "fire. Checked only with --cluster."},
    {kRuleNamespace, Family::Policy, Area::Observability, Severity::Warning, true,
     "A PrometheusRule is not in the profile's rules namespace (observability.rules_namespace).",
     "Set metadata.namespace to the rules namespace (berth's default profile: observability) "
     "and keep the rule out of kustomizations that set another namespace.",
     "The cluster's Prometheus reads rules from that namespace only (ruleNamespaceSelector). A "
     "rule without metadata.namespace is flagged too: it lands in whatever namespace the "
     "applying kustomization or kubectl context sets, usually the application's, where it is "
     "never loaded. berth writes its rules with an explicit namespace in a separate alerts "
     "kustomization for that reason. Checked only with --cluster."},
    {kIngressClass, Family::Policy, Area::Delivery, Severity::Warning, true,
     "An Ingress does not use the profile's ingress class (ingress.class_name).",
     "Set spec.ingressClassName to the profile's class (berth's default profile: traefik).",
     "An Ingress without a class is served only if the cluster has a default IngressClass; one "
     "with another class is ignored by the cluster's controller and the site is unreachable. "
     "The legacy kubernetes.io/ingress.class annotation is accepted. Checked only with "
     "--cluster."},
    {kIssuer, Family::Policy, Area::Security, Severity::Warning, true,
     "An Ingress lacks the cert-manager annotation cert-manager.io/cluster-issuer naming the "
     "profile's issuer (ingress.cluster_issuer).",
     "Add the annotation cert-manager.io/cluster-issuer: <issuer> (berth's default profile: "
     "letsencrypt-prod) next to spec.tls.",
     "cert-manager's ingress-shim issues the certificate of spec.tls only when the annotation "
     "names an issuer; without it the TLS secret never exists and the site serves Traefik's "
     "default certificate. Checked only with --cluster."},
    {kStorageClass, Family::Policy, Area::DataSafety, Severity::Warning, true,
     "A PersistentVolumeClaim (or volumeClaimTemplate) does not use the profile's storage class "
     "(storage.class_name).",
     "Set spec.storageClassName to the profile's class (berth's default profile: local-path).",
     "A claim on a class the cluster does not have stays Pending forever; one without a class "
     "depends on which class is the default today, and the backup/restore procedures of the "
     "profile assume its class. Checked only with --cluster."},
    {kPullSecret, Family::Policy, Area::Delivery, Severity::Warning, true,
     "A pod pulls images from the profile's registry without its pull secret "
     "(registry.pull_secret).",
     "Add `imagePullSecrets: [{name: <pull secret>}]` to the pod spec (berth's default "
     "profile: ghcr-secret), or attach it to the pod's ServiceAccount.",
     "Private registry images fail with ImagePullBackOff without credentials. A pull secret "
     "attached to the ServiceAccount is not visible per pod; ignore the rule then. Checked only "
     "with --cluster."},
    {kPriorityClass, Family::Policy, Area::Reliability, Severity::Warning, true,
     "A pod names a priorityClassName the profile does not define.",
     "Use one of the profile's priority classes (berth's default profile: "
     "critical-infrastructure, production, tools, staging) or add the class to the profile.",
     "The API server rejects pods whose PriorityClass does not exist, so the workload never "
     "starts. system-cluster-critical and system-node-critical always exist. Checked only with "
     "--cluster."},
};

// "release=kube-prometheus-stack, role=alert-rules": the required labels `labels` lacks.
std::string missing_labels(const yaml::Node* labels,
                           const std::map<std::string, std::string>& want) {
  std::string out;
  for (const auto& [k, v] : want) {
    if (text(get(labels, k)) == v) continue;
    if (!out.empty()) out += ", ";
    out += k + "=" + v;
  }
  return out;
}

void check_labels(const Object& object, std::string_view rule,
                  const std::map<std::string, std::string>& want, Context& ctx) {
  const yaml::Node* metadata = get(object.root, "metadata");
  const yaml::Node* labels = get(metadata, "labels");
  bool complete = true;
  for (const auto& [k, v] : want)
    complete = complete && text(get(labels, k)) == v;
  if (complete || !ctx.enabled(rule)) return;
  const yaml::Node* at = labels ? labels : metadata ? metadata : &object.root;
  std::string missing = missing_labels(labels, want);
  ctx.report(rule, &object.info, at->loc(),
             object.info.kind + " " + object.info.name + " lacks the label(s) " + missing +
                 " the cluster's Prometheus selects on",
             "Add " + missing + " to metadata.labels.");
}

void check_rule_namespace(const Object& object, const profile::Profile& p, Context& ctx) {
  const std::string& want = p.observability.rules_namespace;
  if (want.empty() || object.info.ns == want || !ctx.enabled(kRuleNamespace)) return;
  const yaml::Node* metadata = get(object.root, "metadata");
  const yaml::Node* ns = get(metadata, "namespace");
  ctx.report(kRuleNamespace, &object.info,
             ns ? ns->loc() : (metadata ? metadata->loc() : Location{}),
             object.info.ns.empty() ? "PrometheusRule " + object.info.name +
                                          " has no metadata.namespace: it lands "
                                          "wherever it is applied, not in the rules namespace " +
                                          want
                                    : "PrometheusRule " + object.info.name + " is in namespace " +
                                          object.info.ns + ", not in the rules namespace " + want,
             "Set metadata.namespace: " + want + ".");
}

void check_ingress(const Object& object, const profile::Profile& p, Context& ctx) {
  const yaml::Node* spec = get(object.root, "spec");
  const yaml::Node* metadata = get(object.root, "metadata");
  const yaml::Node* annotations = get(metadata, "annotations");
  const std::string& want_class = p.ingress.class_name;
  if (!want_class.empty()) {
    const yaml::Node* cls = get(spec, "ingressClassName");
    if (!cls) cls = get(annotations, "kubernetes.io/ingress.class");
    std::string_view have = text(cls);
    if (have != want_class && ctx.enabled(kIngressClass))
      ctx.report(kIngressClass, &object.info, cls ? cls->loc() : (spec ? spec->loc() : Location{}),
                 have.empty() ? "Ingress " + object.info.name +
                                    " sets no ingressClassName (the "
                                    "profile's class is " +
                                    want_class + ")"
                              : "Ingress " + object.info.name + " uses ingress class " +
                                    std::string(have) + ", not the profile's " + want_class,
                 "Set spec.ingressClassName: " + want_class + ".");
  }
  const std::string& issuer = p.ingress.cluster_issuer;
  if (!issuer.empty()) {
    const yaml::Node* have = get(annotations, "cert-manager.io/cluster-issuer");
    if (text(have) != issuer && ctx.enabled(kIssuer)) {
      Location at = have          ? have->loc()
                    : annotations ? annotations->loc()
                    : metadata    ? metadata->loc()
                                  : Location{};
      ctx.report(kIssuer, &object.info, at,
                 have ? "Ingress " + object.info.name + " names cluster issuer " +
                            std::string(text(have)) + ", not the profile's " + issuer
                      : "Ingress " + object.info.name +
                            " has no cert-manager.io/cluster-issuer annotation (the profile's "
                            "issuer is " +
                            issuer + ")",
                 "Set the annotation cert-manager.io/cluster-issuer: " + issuer + ".");
    }
  }
}

// `what` and `name` make "PersistentVolumeClaim data" / "volumeClaimTemplate pgdata".
void check_claim(const Object& object, const yaml::Node* claim_spec, std::string_view what,
                 std::string_view name, const std::string& want, Context& ctx) {
  const yaml::Node* cls = get(claim_spec, "storageClassName");
  if (cls && text(cls) == want) return;
  if (!ctx.enabled(kStorageClass)) return;
  std::string w = std::string(what) + " " + std::string(name);
  std::string fix = "Set spec.storageClassName: " + want + ".";
  if (!cls)
    ctx.report(kStorageClass, &object.info, claim_spec ? claim_spec->loc() : Location{},
               w +
                   " sets no storageClassName: it gets the cluster's default class, not the "
                   "profile's " +
                   want,
               fix);
  else
    ctx.report(kStorageClass, &object.info, cls->loc(),
               w + " uses storage class \"" + std::string(text(cls)) + "\", not the profile's " +
                   want,
               fix);
}

} // namespace

void convention_rules(std::vector<RuleInfo>& out) {
  out.insert(out.end(), std::begin(kRules), std::end(kRules));
}

void check_conventions(const Object& object, Context& ctx) {
  const profile::Profile* p = ctx.profile();
  if (!p) return;
  const std::string& kind = object.info.kind;
  std::string_view group = object.info.group();
  if (kind == "ServiceMonitor" && group == "monitoring.coreos.com") {
    check_labels(object, kMonitorLabels, p->observability.servicemonitor_labels, ctx);
  } else if (kind == "PrometheusRule" && group == "monitoring.coreos.com") {
    check_labels(object, kRuleLabels, p->observability.rule_labels, ctx);
    check_rule_namespace(object, *p, ctx);
  } else if (kind == "Ingress") {
    check_ingress(object, *p, ctx);
  } else if (p->storage.class_name.empty()) {
    return;
  } else if (kind == "PersistentVolumeClaim" && group.empty()) {
    check_claim(object, get(object.root, "spec"), "PersistentVolumeClaim", object.info.name,
                p->storage.class_name, ctx);
  } else if (kind == "StatefulSet") {
    for (const yaml::Node& t : items(get(get(object.root, "spec"), "volumeClaimTemplates")))
      check_claim(object, get(t, "spec"), "volumeClaimTemplate",
                  text_at(get(t, "metadata"), "name"), p->storage.class_name, ctx);
  }
}

void check_pod_conventions(const Pod& pod, Context& ctx) {
  const profile::Profile* p = ctx.profile();
  if (!p) return;
  const ObjectInfo* info = &pod.object.info;

  const std::string& registry = p->registry.url;
  const std::string& secret = p->registry.pull_secret;
  if (!registry.empty() && !secret.empty()) {
    bool has_secret = false;
    for (const yaml::Node& s : items(get(pod.spec, "imagePullSecrets")))
      has_secret = has_secret || text_at(&s, "name") == secret;
    if (!has_secret) {
      bool reported = false;
      for_each_container(pod, [&](const Container& c) {
        const yaml::Node* image = get(c.node, "image");
        std::string_view ref = text(image);
        if (reported || ref.size() <= registry.size() ||
            ref.substr(0, registry.size()) != registry || ref[registry.size()] != '/')
          return;
        reported = true;
        if (ctx.enabled(kPullSecret))
          ctx.report(kPullSecret, info, image->loc(),
                     describe(c) + " pulls " + std::string(ref) + " from " + registry +
                         " but the pod has no imagePullSecrets entry " + secret,
                     "Add `imagePullSecrets: [{name: " + secret + "}]` to the pod spec.");
      });
    }
  }

  const yaml::Node* priority = get(pod.spec, "priorityClassName");
  std::string_view cls = text(priority);
  if (cls.empty() || p->priority_classes.empty()) return;
  if (cls == "system-cluster-critical" || cls == "system-node-critical") return;
  for (const profile::PriorityClass& pc : p->priority_classes)
    if (pc.name == cls) return;
  if (!ctx.enabled(kPriorityClass)) return;
  std::string known;
  for (const profile::PriorityClass& pc : p->priority_classes)
    known += (known.empty() ? "" : ", ") + pc.name;
  ctx.report(kPriorityClass, info, priority->loc(),
             "priorityClassName " + std::string(cls) +
                 " is not a priority class of the cluster profile",
             "Use one of " + known + ".");
}

} // namespace berth::check::policy
