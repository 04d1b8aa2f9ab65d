// Which exported objects belong in the tree: objects controllers or the cluster create (pods of
// a ReplicaSet, endpoints, revisions, events, default tokens, kube-root-ca.crt...) are left out,
// each with the reason, so the tree holds what a person would have written.
#include <algorithm>
#include <array>
#include <set>

#include "import/state.h"

namespace berth::import {

using yaml::Node;

namespace {

const Node* meta_of(const Node& o) {
  const Node* m = o.find("metadata");
  return m && m->is_mapping() ? m : nullptr;
}

std::string annotation(const Node& o, std::string_view key) {
  const Node* m = meta_of(o);
  const Node* a = m ? m->find("annotations") : nullptr;
  return a && a->is_mapping() ? a->text(key) : std::string();
}

std::string label(const Node& o, std::string_view key) {
  const Node* m = meta_of(o);
  const Node* l = m ? m->find("labels") : nullptr;
  return l && l->is_mapping() ? l->text(key) : std::string();
}

std::string namespace_of(const Node& o) {
  const Node* m = meta_of(o);
  return m ? m->text("namespace") : std::string();
}

// The controlling owner reference (controller: true), else nullptr.
const Node* controller_of(const Node& o) {
  const Node* m = meta_of(o);
  const Node* owners = m ? m->find("ownerReferences") : nullptr;
  if (!owners || !owners->is_sequence()) return nullptr;
  for (const Node& r : owners->items())
    if (r.is_mapping() && r.text("controller") == "true") return &r;
  return nullptr;
}

struct Index {
  std::set<std::string> refs; // "Kind/name" (one application; Helm output has no namespace)
  std::map<std::string, std::string> claim_owner; // PVC name prefix <template>-<sts>- → sts

  bool has(std::string_view kind, const std::string& name) const {
    return refs.count(std::string(kind) + "/" + name) > 0;
  }
};

Index index_of(const std::vector<SourceObject>& objects) {
  Index idx;
  for (const SourceObject& s : objects) {
    const Node& o = s.object;
    idx.refs.insert(o.text("kind") + "/" + name_of(o));
    if (o.text("kind") != "StatefulSet") continue;
    const Node* spec = o.find("spec");
    const Node* vct = spec && spec->is_mapping() ? spec->find("volumeClaimTemplates") : nullptr;
    if (!vct || !vct->is_sequence()) continue;
    for (const Node& t : vct->items())
      if (const Node* m = meta_of(t))
        idx.claim_owner[m->text("name") + "-" + name_of(o) + "-"] = name_of(o);
  }
  return idx;
}

bool all_digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool is_system_namespace(const std::string& ns) {
  return ns == "kube-system" || ns == "kube-public" || ns == "kube-node-lease";
}

// Cluster infrastructure that K3s (or the target cluster's operators) provides itself.
std::string infrastructure_reason(const std::string& kind) {
  static const std::map<std::string, std::string> kReasons = {
      {"Namespace", "each environment's overlay creates its own namespace"},
      {"Node", "a node of the source cluster"},
      {"ResourceQuota", "each environment's overlay has the profile's ResourceQuota (compare "
                        "its limits with the source's)"},
      {"LimitRange", "each environment's overlay has the profile's LimitRange (compare its "
                     "defaults with the source's)"},
      {"PersistentVolume", "provisioned for its claim; the claim is provisioned again by the "
                           "target's storage class"},
      {"StorageClass",
       "cluster storage: K3s provides local-path (see the profile's storage class)"},
      {"IngressClass", "cluster ingress: K3s provides traefik"},
      {"PriorityClass", "cluster-wide: the profile lists the target's priority classes"},
      {"CustomResourceDefinition", "an API definition: install the operator that owns it in the "
                                   "target cluster"},
      {"APIService", "an aggregated API of the source cluster"},
      {"CSINode", "storage driver state of a node"},
      {"CSIDriver", "a storage driver of the source cluster"},
      {"VolumeAttachment", "attachment state of a volume"},
      {"CertificateSigningRequest", "a request to the source cluster's CA"},
      {"ComponentStatus", "source cluster health"},
      {"Lease", "leader election state"},
      {"Event", "an event (history, not configuration)"},
      {"ControllerRevision", "revision history a controller keeps"},
      {"PodSecurityPolicy", "removed in Kubernetes 1.25 without replacement: the overlays' "
                            "namespaces enforce Pod Security Standards by label"},
      {"MutatingWebhookConfiguration", "cluster-wide admission webhook: install its operator"},
      {"ValidatingWebhookConfiguration", "cluster-wide admission webhook: install its operator"},
  };
  auto it = kReasons.find(kind);
  return it == kReasons.end() ? std::string() : it->second;
}

std::string left_out_reason(const Node& o, const Index& idx) {
  const std::string kind = o.text("kind");
  const std::string name = name_of(o);
  const std::string ns = namespace_of(o);
  if (std::string r = infrastructure_reason(kind); !r.empty()) return r;
  if (is_system_namespace(ns)) return "in system namespace " + ns + " (the cluster's own)";
  if (!annotation(o, "kubernetes.io/config.mirror").empty()) return "mirror of a static pod";
  if (std::string hook = annotation(o, "helm.sh/hook"); !hook.empty())
    return "Helm hook (" + hook +
           "): runs around helm install/upgrade, which the GitOps tree "
           "does not do; run it once by hand if the target needs it";
  if (const Node* owner = controller_of(o)) {
    const std::string okind = owner->text("kind"), oname = owner->text("name");
    static const std::set<std::string> kBuiltin = {
        "ReplicaSet", "Deployment", "StatefulSet",          "DaemonSet", "Job", "CronJob",
        "Service",    "Node",       "ReplicationController"};
    // Secrets a SealedSecret decrypted are re-sealed for the target's controller (secrets.cpp).
    if (!(kind == "Secret" && okind == "SealedSecret")) {
      if (idx.has(okind, oname) || kBuiltin.count(okind))
        return "created by " + okind + " " + oname + "; the target's controllers recreate it";
      return "created by " + okind + " " + oname +
             ", which is not in the export: export and import the " + okind +
             " objects too, or install the operator that makes them";
    }
  }
  if (kind == "Endpoints") {
    // Endpoints of a Service with a selector are the endpoints controller's; without a
    // selector they are the user's (an external address).
    return idx.has("Service", name) ? "maintained by the endpoints controller for Service " + name
                                    : "endpoints of a Service not in the export";
  }
  if (kind == "EndpointSlice") {
    std::string by = label(o, "endpointslice.kubernetes.io/managed-by");
    if (!by.empty() && by != "endpointslice-controller.k8s.io" &&
        by != "endpointslicemirroring-controller.k8s.io")
      return {};
    return "maintained by the EndpointSlice controller for Service " +
           label(o, "kubernetes.io/service-name");
  }
  if (kind == "ConfigMap" && name == "kube-root-ca.crt")
    return "the cluster publishes its CA in every namespace";
  if (kind == "ServiceAccount" && name == "default")
    return "every namespace gets one from the cluster";
  if (kind == "Secret") {
    const std::string type = o.text("type");
    if (type == "kubernetes.io/service-account-token")
      return "service-account token: the target cluster issues its own";
    if (type == "helm.sh/release.v1") return "Helm release record: the GitOps tree replaces Helm";
    if (std::string cert = annotation(o, "cert-manager.io/certificate-name"); !cert.empty())
      return "TLS certificate issued by cert-manager (Certificate " + cert +
             "): it is issued again in the target cluster";
  }
  if (kind == "PersistentVolumeClaim")
    for (const auto& [prefix, sts] : idx.claim_owner)
      if (name.starts_with(prefix) && all_digits(std::string_view(name).substr(prefix.size())))
        return "created by StatefulSet " + sts +
               " from its volumeClaimTemplates; its data is copied (Data copy)";
  return {};
}

} // namespace

void select_objects(std::vector<SourceObject>&& objects, State& state) {
  Index idx = index_of(objects);
  std::map<std::string, Location> seen;
  for (SourceObject& s : objects) {
    std::string ref = ref_of(s.object);
    std::string reason = left_out_reason(s.object, idx);
    const std::string key = ref + "/" + namespace_of(s.object);
    if (reason.empty()) {
      auto [it, first] = seen.emplace(key, s.at);
      if (!first)
        reason = "a second copy (the first" +
                 (it->second.file == s.at.file ? ", line " + std::to_string(it->second.line) : "") +
                 ", is kept)";
    }
    if (!reason.empty()) {
      state.add(ref, "object", generate::Disposition::Dropped, "left out: " + reason, s.at);
      std::string ns = namespace_of(s.object);
      state.left_out.push_back({ref, std::move(reason), s.at, is_system_namespace(ns) ? "" : ns});
      continue;
    }
    Kept k;
    k.ref = std::move(ref);
    k.at = s.at;
    k.object = std::move(s.object);
    state.objects.push_back(std::move(k));
  }
}

} // namespace berth::import
