// Reference family: the rule list (ids, severities, docs) and the set-level dispatch.
#include "check/reference/reference.h"

#include "check/reference/checks.h"

namespace berth::check::reference {

// Appended to the docs of rules that match objects by namespace.
// Appended to the docs of selector rules.
#define BERTH_SELECTOR_NOTE                                                                        \
  " Requirements on labels controllers add to pods (pod-template-hash, "                           \
  "statefulset.kubernetes.io/pod-name, job-name) are taken as met; selectors using the label "     \
  "domain of an operator whose resources are in the set (cnpg.io/ with a postgresql.cnpg.io "      \
  "Cluster) are skipped: that operator creates the pods or Services."

#define BERTH_NS_NOTE                                                                              \
  " Namespaces: an object's namespace is the one its kustomization's `namespace:` sets, else "     \
  "metadata.namespace. Objects with neither are in \"the default namespace of the set\" "          \
  "(kustomize or kubectl -n decides later): they match each other and objects of any namespace."

std::vector<RuleInfo> rules() {
  using enum Area;
  using enum Severity;
  const Family F = Family::Reference;
  return {
      {"service-selector-no-match", F, Reliability, Error, true,
       "Service selector matches no pod template in its namespace",
       "Make spec.selector a subset of the pod template labels of the workload it fronts.",
       "A Service whose selector matches no pod has no endpoints: every connection is refused. "
       "Services without a selector (manual Endpoints, ExternalName) are skipped; so is the rule "
       "when the checked set holds no pod-creating object at all (a partial input) unless "
       "--complete is given. kube-linter: dangling-service; kube-score: "
       "service-targets-pod." BERTH_NS_NOTE BERTH_SELECTOR_NOTE},
      {"service-target-port-missing", F, Reliability, Error, true,
       "Service targetPort names a port that no selected container declares",
       "Name the container port (ports[].name) as the Service's targetPort says, or use the "
       "number.",
       "A named targetPort is resolved per pod against containers[].ports[].name; when no "
       "container of the selected pods has that name the Service gets no endpoints. kube-linter: "
       "dangling-service (port check)."},
      {"service-target-port-undeclared", F, Reliability, Warning, true,
       "Service targetPort number is not among the ports the selected containers declare",
       "Point targetPort at a declared containerPort, or declare the port the process listens on.",
       "A numeric targetPort works even when undeclared, so this is a warning: but when the "
       "containers do declare ports and none is this number, the Service most likely sends "
       "traffic to the wrong port. Skipped when a selected container declares no ports."},
      {"ingress-backend-missing", F, Reliability, Error, true,
       "Ingress or IngressRoute backend Service (or TraefikService) does not exist",
       "Point the backend at an existing Service of the same namespace, or add the Service.",
       "Ingress backends (networking.k8s.io/v1 service.name, v1beta1 serviceName) and Traefik "
       "IngressRoute routes[].services[] (kind Service or TraefikService, optional namespace) "
       "must name an object of the set; names with a Traefik provider suffix (name@file) are "
       "skipped. Silent when the set holds no Service at all, unless --complete." BERTH_NS_NOTE},
      {"ingress-backend-port-missing", F, Reliability, Error, true,
       "Ingress or IngressRoute backend port is not a port of the Service",
       "Use one of the Service's spec.ports[].port numbers or names.",
       "The backend port refers to the Service port (not the container port): a number must be a "
       "spec.ports[].port, a name a spec.ports[].name; otherwise the controller answers 503."},
      {"ingressroute-middleware-missing", F, Reliability, Error, true,
       "IngressRoute route uses a Middleware that is not in the set (--complete only)",
       "Add the Middleware (same namespace, or the namespace the reference names) or fix the name.",
       "Traefik drops a router whose middleware does not exist, so the whole route 404s. Checked "
       "only with --complete (shared middlewares often live in another repository); names with "
       "a provider suffix (@file, @kubernetescrd) are skipped."},
      {"servicemonitor-selector-no-match", F, Observability, Warning, true,
       "ServiceMonitor selector matches no Service in the namespaces it watches",
       "Make spec.selector match the Service's metadata.labels (not the pod labels).",
       "prometheus-operator selects Services by their own labels in the ServiceMonitor's namespace "
       "(or namespaceSelector.matchNames / any); a selector matching none scrapes nothing and no "
       "alert fires. Silent when the set holds no Service at all, unless "
       "--complete." BERTH_NS_NOTE BERTH_SELECTOR_NOTE},
      {"servicemonitor-port-missing", F, Observability, Warning, true,
       "ServiceMonitor endpoint port is not a port name of the selected Services",
       "Set endpoints[].port to the Service port's name (spec.ports[].name).",
       "endpoints[].port is a Service port *name*; a number or an unnamed port yields no targets."},
      {"hpa-target-missing", F, Reliability, Error, true,
       "HorizontalPodAutoscaler scaleTargetRef does not exist",
       "Point scaleTargetRef at the workload (kind and name) in the HPA's namespace.",
       "An HPA whose target is missing scales nothing. Silent when the set holds no object of "
       "the target's kind at all, unless --complete." BERTH_NS_NOTE},
      {"hpa-target-no-requests", F, Reliability, Error, true,
       "HPA uses cpu/memory utilization but a target container has no request for it",
       "Set resources.requests for that resource on every container of the target (or a "
       "LimitRange defaultRequest in the namespace).",
       "Utilization is usage divided by the request; without a request on every container the "
       "HPA reports 'missing request' and never scales. An autoscaling/v2 HPA without metrics "
       "targets 80% cpu. Containers covered by a LimitRange default in the namespace pass."},
      {"pdb-selector-no-match", F, Reliability, Warning, true,
       "PodDisruptionBudget selector matches no pod template",
       "Make spec.selector match the pod template labels of the workload it protects.",
       "A PDB that selects nothing protects nothing during drains. Silent when the set holds no "
       "pod-creating object at all, unless --complete." BERTH_NS_NOTE BERTH_SELECTOR_NOTE},
      {"pdb-blocks-eviction", F, Reliability, Warning, true,
       "PodDisruptionBudget allows no disruption at all",
       "Use maxUnavailable: 1 (or minAvailable below the replica count).",
       "maxUnavailable 0, minAvailable 100%, or minAvailable >= the replicas of the selected "
       "workloads means no pod may ever be evicted: node drains and cluster upgrades hang. "
       "The Gatekeeper library's k8spoddisruptionbudget rejects the same cases." BERTH_NS_NOTE},
      {"pdb-missing", F, Reliability, Warning, true,
       "Replicated workload has no PodDisruptionBudget selecting its pods",
       "Add a PodDisruptionBudget (maxUnavailable: 1) selecting the workload's pod labels.",
       "A workload with replicas >= 2 (or an HPA with minReplicas >= 2) is replicated for "
       "availability; without a PDB a node drain may evict every replica at once. kube-score: "
       "deployment-has-poddisruptionbudget / statefulset-has-poddisruptionbudget." BERTH_NS_NOTE},
      {"networkpolicy-selector-no-match", F, Security, Warning, true,
       "NetworkPolicy podSelector matches no pod template",
       "Make spec.podSelector match pod template labels ({} selects every pod).",
       "A policy that selects no pod isolates nothing: the pods it was meant for stay open. "
       "Silent when the set holds no pod-creating object at all, unless --complete." BERTH_NS_NOTE
           BERTH_SELECTOR_NOTE},
      {"pod-without-networkpolicy", F, Security, Warning, true,
       "Pods not selected by any NetworkPolicy in a namespace that has NetworkPolicies",
       "Add a NetworkPolicy for these pods, or a default-deny policy (podSelector: {}).",
       "When a namespace uses NetworkPolicies, pods selected by none accept traffic from "
       "anywhere — usually a forgotten workload. Warning (kube-score's pod-networkpolicy is "
       "critical, but the pods still work). Only ingress policies count." BERTH_NS_NOTE},
      {"namespace-without-default-deny", F, Security, Info, true,
       "Namespace with workloads has no default-deny ingress NetworkPolicy",
       "Add a NetworkPolicy with podSelector: {}, policyTypes: [Ingress] and no ingress rules, "
       "then allow the edges the application uses.",
       "Default deny is the baseline of the cluster conventions berth follows (seed 000). Info "
       "only: many clusters enforce isolation outside the application's manifests (cluster-wide "
       "policies, a platform team's defaults), which this set cannot show." BERTH_NS_NOTE},
      {"configmap-ref-missing", F, Reliability, Error, true,
       "Referenced ConfigMap is not in the set (--complete only)",
       "Add the ConfigMap (or a configMapGenerator), fix the name, or mark the reference optional.",
       "env valueFrom, envFrom, volumes and projected sources must name an existing ConfigMap or "
       "the pod never starts (CreateContainerConfigError). Checked only with --complete: a "
       "partial set legitimately refers to objects created elsewhere. Optional references are "
       "skipped; kustomize configMapGenerator names count." BERTH_NS_NOTE},
      {"secret-ref-missing", F, Reliability, Error, true,
       "Referenced Secret is not in the set (--complete only)",
       "Add the Secret as a SealedSecret (or generator / ExternalSecret), or fix the name.",
       "Secrets referenced by env, envFrom, volumes, projected sources and imagePullSecrets. "
       "A SealedSecret provides the Secret named by spec.template.metadata.name (else its own "
       "name); cert-manager Certificates (spec.secretName), ExternalSecrets and kustomize "
       "secretGenerators count too. Checked only with --complete." BERTH_NS_NOTE},
      {"pvc-ref-missing", F, DataSafety, Error, true,
       "Referenced PersistentVolumeClaim is not in the set (--complete only)",
       "Add the PersistentVolumeClaim, or use a StatefulSet volumeClaimTemplate.",
       "A pod whose claim does not exist stays Pending. StatefulSet volumeClaimTemplates count as "
       "claims. Checked only with --complete." BERTH_NS_NOTE},
      {"serviceaccount-ref-missing", F, Reliability, Error, true,
       "Referenced ServiceAccount is not in the set (--complete only)",
       "Add the ServiceAccount, or remove serviceAccountName to use the namespace default.",
       "Pods naming a missing ServiceAccount are rejected by the API server; 'default' always "
       "exists. Checked only with --complete." BERTH_NS_NOTE},
      {"namespace-inconsistent", F, Delivery, Error, true,
       "Object's namespace differs from the rest of its kustomization or directory",
       "Use the same metadata.namespace as the other objects, or set `namespace:` in the "
       "kustomization so kustomize sets it everywhere.",
       "Objects of one kustomization (its resources: files) or, without one, of one directory "
       "normally share a namespace; seed 004 shipped a Deployment in `gauzian` while everything "
       "else was in `gauzian-v2`, so its Service had no endpoints. Flagged: an explicit namespace "
       "other than the group's most common one that is not declared by a Namespace object of the "
       "set while the common one is, or that looks like a variant of it (prefix, small edit). "
       "Skipped when the kustomization sets `namespace:` (kustomize overrides every object)."},
  };
}

void check_set(const Index& index, Context& ctx) {
  const Lookup& lookup = index.lookup();
  check_services(lookup, ctx);
  check_routes(lookup, ctx);
  check_service_monitors(lookup, ctx);
  check_autoscaling(lookup, ctx);
  check_disruption(lookup, ctx);
  check_network_policies(lookup, ctx);
  check_config_refs(lookup, ctx);
  check_namespaces(lookup, ctx);
}

#undef BERTH_NS_NOTE
#undef BERTH_SELECTOR_NOTE

} // namespace berth::check::reference
