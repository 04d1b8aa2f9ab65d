// Exported objects → hand-written-looking objects: server fields, injected token volumes and
// API-server defaults removed (kubectl-neat keeps clusterIP and kube-api-access; we do not).
#include "kube/neat.h"

#include <algorithm>
#include <array>

namespace berth::kube {

using yaml::Node;

namespace {

bool is_empty_map(const Node* n) {
  return n && n->is_mapping() && n->size() == 0;
}

// Removes map[key] when it is a scalar whose text is one of `values`; records it as a default.
bool drop_default(Node& map, std::string_view key, std::initializer_list<std::string_view> values,
                  const std::string& path, NeatResult& r) {
  if (!map.is_mapping()) return false;
  const Node* n = map.find(key);
  if (!n || !n->is_scalar()) return false;
  for (std::string_view v : values)
    if (n->value() == v) {
      r.defaults.push_back(path + std::string(key) + "=" + n->value());
      map.erase(key);
      return true;
    }
  return false;
}

// Removes map[key] whatever it holds; records it as a server field.
bool drop_server(Node& map, std::string_view key, const std::string& path, NeatResult& r) {
  if (!map.is_mapping() || !map.has(key)) return false;
  map.erase(key);
  r.server_fields.push_back(path + std::string(key));
  return true;
}

void drop_if_empty(Node& map, std::string_view key) {
  if (map.is_mapping() && is_empty_map(map.find(key))) map.erase(key);
}

// "[name]" when the item has a name, else "[i]": paths stay readable and stable.
std::string item_path(const std::string& path, const Node& item, std::size_t i) {
  std::string name = item.is_mapping() ? item.text("name") : std::string();
  return path + "[" + (name.empty() ? std::to_string(i) : name) + "].";
}

constexpr std::string_view kTokenMountPath = "/var/run/secrets/kubernetes.io/serviceaccount";

bool is_legacy_token_name(std::string_view name) {
  // "<service-account>-token-<5 random characters>", what the token controller created (< 1.24).
  auto pos = name.rfind("-token-");
  if (pos == std::string_view::npos || pos == 0 || name.size() - pos - 7 != 5) return false;
  return std::all_of(name.begin() + static_cast<std::ptrdiff_t>(pos + 7), name.end(),
                     [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); });
}

bool projects_token(const Node& volume) {
  const Node* projected = volume.find("projected");
  const Node* sources = projected && projected->is_mapping() ? projected->find("sources") : nullptr;
  if (!sources || !sources->is_sequence()) return false;
  for (const Node& s : sources->items())
    if (s.is_mapping() && s.has("serviceAccountToken")) return true;
  return false;
}

// Names of the volumes the API server injected to hand the pod its service-account token.
std::vector<std::string> token_volumes(const Node& spec) {
  std::vector<std::string> mounted_at_token_path;
  for (const char* list : {"containers", "initContainers"}) {
    const Node* cs = spec.find(list);
    if (!cs || !cs->is_sequence()) continue;
    for (const Node& c : cs->items()) {
      const Node* mounts = c.is_mapping() ? c.find("volumeMounts") : nullptr;
      if (!mounts || !mounts->is_sequence()) continue;
      for (const Node& m : mounts->items())
        if (m.is_mapping() && m.text("mountPath") == kTokenMountPath)
          mounted_at_token_path.push_back(m.text("name"));
    }
  }
  auto at_token_path = [&](const std::string& name) {
    return std::find(mounted_at_token_path.begin(), mounted_at_token_path.end(), name) !=
           mounted_at_token_path.end();
  };
  std::vector<std::string> names;
  const Node* volumes = spec.find("volumes");
  if (!volumes || !volumes->is_sequence()) return names;
  for (const Node& v : volumes->items()) {
    if (!v.is_mapping()) continue;
    std::string name = v.text("name");
    bool injected = false;
    if (name.starts_with("kube-api-access-") && projects_token(v)) injected = true;
    if (const Node* secret = v.find("secret"); secret && secret->is_mapping() &&
                                               is_legacy_token_name(secret->text("secretName")) &&
                                               at_token_path(name))
      injected = true;
    if (projects_token(v) && at_token_path(name)) injected = true;
    if (injected) names.push_back(name);
  }
  return names;
}

void neat_probe(Node& probe, const std::string& path, NeatResult& r) {
  if (!probe.is_mapping()) return;
  drop_default(probe, "timeoutSeconds", {"1"}, path, r);
  drop_default(probe, "periodSeconds", {"10"}, path, r);
  drop_default(probe, "successThreshold", {"1"}, path, r);
  drop_default(probe, "failureThreshold", {"3"}, path, r);
  if (Node* get = probe.find("httpGet"); get && get->is_mapping())
    drop_default(*get, "scheme", {"HTTP"}, path + "httpGet.", r);
}

void neat_handler(Node& handler, const std::string& path, NeatResult& r) {
  if (!handler.is_mapping()) return;
  if (Node* get = handler.find("httpGet"); get && get->is_mapping())
    drop_default(*get, "scheme", {"HTTP"}, path + "httpGet.", r);
}

void neat_container(Node& c, const std::vector<std::string>& removed_volumes,
                    const std::string& path, NeatResult& r) {
  if (!c.is_mapping()) return;
  drop_default(c, "terminationMessagePath", {"/dev/termination-log"}, path, r);
  drop_default(c, "terminationMessagePolicy", {"File"}, path, r);
  if (const Node* image = c.find("image"); image && image->is_scalar())
    drop_default(c, "imagePullPolicy", {default_pull_policy(image->value())}, path, r);
  if (is_empty_map(c.find("resources"))) c.erase("resources");
  if (is_empty_map(c.find("securityContext"))) c.erase("securityContext");
  if (Node* ports = c.find("ports"); ports && ports->is_sequence())
    for (std::size_t i = 0; i < ports->items().size(); ++i)
      drop_default(ports->items()[i], "protocol", {"TCP"},
                   item_path(path + "ports", ports->items()[i], i), r);
  for (const char* p : {"livenessProbe", "readinessProbe", "startupProbe"})
    if (Node* probe = c.find(p)) neat_probe(*probe, path + p + ".", r);
  if (Node* lc = c.find("lifecycle"); lc && lc->is_mapping())
    for (const char* h : {"postStart", "preStop"})
      if (Node* handler = lc->find(h)) neat_handler(*handler, path + "lifecycle." + h + ".", r);
  if (Node* env = c.find("env"); env && env->is_sequence())
    for (std::size_t i = 0; i < env->items().size(); ++i) {
      Node& e = env->items()[i];
      Node* from = e.is_mapping() ? e.find("valueFrom") : nullptr;
      if (!from || !from->is_mapping()) continue;
      std::string p = item_path(path + "env", e, i) + "valueFrom.";
      if (Node* f = from->find("fieldRef"); f && f->is_mapping())
        drop_default(*f, "apiVersion", {"v1"}, p + "fieldRef.", r);
      if (Node* f = from->find("resourceFieldRef"); f && f->is_mapping())
        drop_default(*f, "divisor", {"0"}, p + "resourceFieldRef.", r);
    }
  if (Node* mounts = c.find("volumeMounts"); mounts && mounts->is_sequence()) {
    auto& items = mounts->items();
    std::size_t before = items.size();
    items.erase(std::remove_if(items.begin(), items.end(),
                               [&](const Node& m) {
                                 return m.is_mapping() &&
                                        std::find(removed_volumes.begin(), removed_volumes.end(),
                                                  m.text("name")) != removed_volumes.end();
                               }),
                items.end());
    if (items.size() != before)
      r.server_fields.push_back(path + "volumeMounts[service-account token]");
    if (items.empty()) c.erase("volumeMounts");
  }
}

void neat_volume(Node& v, const std::string& path, NeatResult& r) {
  if (!v.is_mapping()) return;
  for (const char* source : {"configMap", "secret", "projected", "downwardAPI"})
    if (Node* s = v.find(source); s && s->is_mapping())
      drop_default(*s, "defaultMode", {"420", "0644", "0o644"}, path + source + ".", r);
  if (Node* h = v.find("hostPath"); h && h->is_mapping())
    drop_default(*h, "type", {""}, path + "hostPath.", r);
}

// The tolerations the DefaultTolerationSeconds admission plugin adds to every pod.
bool is_default_toleration(const Node& t) {
  if (!t.is_mapping()) return false;
  std::string key = t.text("key");
  return (key == "node.kubernetes.io/not-ready" || key == "node.kubernetes.io/unreachable") &&
         t.text("operator") == "Exists" && t.text("effect") == "NoExecute" &&
         t.text("tolerationSeconds") == "300" && t.size() == 4;
}

void neat_metadata_maps(Node& meta, const std::string& path, NeatResult& r,
                        const Node* selector_labels) {
  if (!meta.is_mapping()) return;
  if (Node* a = meta.find("annotations"); a && a->is_mapping()) {
    auto& es = a->entries();
    for (auto it = es.begin(); it != es.end();) {
      if (is_server_annotation(it->key.value())) {
        r.server_fields.push_back(path + "annotations[" + it->key.value() + "]");
        it = es.erase(it);
      } else {
        ++it;
      }
    }
  }
  if (Node* l = meta.find("labels"); l && l->is_mapping()) {
    auto& es = l->entries();
    for (auto it = es.begin(); it != es.end();) {
      const std::string& key = it->key.value();
      bool selected = selector_labels && selector_labels->is_mapping() && selector_labels->has(key);
      if (is_controller_label(key) && !selected) {
        r.server_fields.push_back(path + "labels[" + key + "]");
        it = es.erase(it);
      } else {
        ++it;
      }
    }
  }
  drop_if_empty(meta, "annotations");
  drop_if_empty(meta, "labels");
}

// metadata of a template (pod, job, claim): creationTimestamp: null and controller marks.
void neat_template_metadata(Node& holder, const std::string& path, NeatResult& r,
                            const Node* selector_labels) {
  Node* meta = holder.find("metadata");
  if (!meta || !meta->is_mapping()) return;
  drop_server(*meta, "creationTimestamp", path + "metadata.", r);
  neat_metadata_maps(*meta, path + "metadata.", r, selector_labels);
  drop_if_empty(holder, "metadata");
}

const Node* match_labels(const Node& spec) {
  const Node* selector = spec.find("selector");
  return selector && selector->is_mapping() ? selector->find("matchLabels") : nullptr;
}

void neat_pod_template(Node& spec, bool job, const std::string& path, NeatResult& r) {
  Node* tpl = spec.find("template");
  if (!tpl || !tpl->is_mapping()) return;
  neat_template_metadata(*tpl, path + "template.", r, match_labels(spec));
  if (Node* ps = tpl->find("spec"); ps && ps->is_mapping())
    neat_pod_spec(*ps, job, path + "template.spec.", r);
}

// A rolling-update strategy equal to the defaults: rollingUpdate removed, then the strategy.
// Parameters are removed together or not at all: maxSurge and maxUnavailable read as a pair.
void neat_strategy(Node& spec, std::string_view key,
                   std::initializer_list<std::pair<std::string_view, std::string_view>> defaults,
                   const std::string& path, NeatResult& r) {
  Node* s = spec.find(key);
  if (!s || !s->is_mapping()) return;
  const std::string p = path + std::string(key) + ".";
  if (Node* ru = s->find("rollingUpdate"); ru && ru->is_mapping()) {
    bool all_default = true;
    for (const auto& e : ru->entries()) {
      bool known = false;
      for (const auto& [k, v] : defaults)
        known = known || (e.key.value() == k && e.value.value() == v);
      all_default = all_default && known && e.value.is_scalar();
    }
    if (all_default) {
      for (const auto& [k, v] : defaults)
        drop_default(*ru, k, {v}, p + "rollingUpdate.", r);
      drop_if_empty(*s, "rollingUpdate");
    }
  }
  if (s->size() == 1 && s->text("type") == "RollingUpdate") {
    r.defaults.push_back(p + "type=RollingUpdate");
    spec.erase(key);
  }
}

void neat_job_spec(Node& spec, bool job_object, const std::string& path, NeatResult& r) {
  if (!spec.is_mapping()) return;
  drop_default(spec, "backoffLimit", {"6"}, path, r);
  const Node* parallelism = spec.find("parallelism");
  if (!parallelism || parallelism->value() == "1")
    drop_default(spec, "completions", {"1"}, path, r);
  drop_default(spec, "parallelism", {"1"}, path, r);
  drop_default(spec, "completionMode", {"NonIndexed"}, path, r);
  drop_default(spec, "suspend", {"false"}, path, r);
  if (!spec.has("podFailurePolicy"))
    drop_default(spec, "podReplacementPolicy", {"TerminatingOrFailed"}, path, r);
  const bool manual = spec.text("manualSelector") == "true";
  if (job_object && !manual) drop_server(spec, "selector", path, r); // generated from the uid
  Node* tpl = spec.find("template");
  if (!tpl || !tpl->is_mapping()) return;
  neat_template_metadata(*tpl, path + "template.", r, manual ? match_labels(spec) : nullptr);
  if (Node* ps = tpl->find("spec"); ps && ps->is_mapping())
    neat_pod_spec(*ps, true, path + "template.spec.", r);
}

void neat_claim_template(Node& claim, const std::string& path, NeatResult& r) {
  if (!claim.is_mapping()) return;
  drop_server(claim, "status", path, r);
  drop_default(claim, "apiVersion", {"v1"}, path, r);
  drop_default(claim, "kind", {"PersistentVolumeClaim"}, path, r);
  neat_template_metadata(claim, path, r, nullptr);
  if (Node* s = claim.find("spec"); s && s->is_mapping())
    drop_default(*s, "volumeMode", {"Filesystem"}, path + "spec.", r);
}

void neat_service(Node& spec, const NeatOptions& o, NeatResult& r) {
  const std::string p = "spec.";
  if (spec.text("clusterIP") != "None") drop_server(spec, "clusterIP", p, r);
  drop_server(spec, "clusterIPs", p, r);
  const std::string policy = spec.text("ipFamilyPolicy");
  if (policy.empty() || policy == "SingleStack") {
    drop_default(spec, "ipFamilyPolicy", {"SingleStack"}, p, r);
    if (const Node* f = spec.find("ipFamilies"); f && f->is_sequence() && f->size() <= 1)
      drop_server(spec, "ipFamilies", p, r);
  }
  if (Node* ports = spec.find("ports"); ports && ports->is_sequence())
    for (std::size_t i = 0; i < ports->items().size(); ++i) {
      Node& port = ports->items()[i];
      if (!port.is_mapping()) continue;
      std::string pp = item_path(p + "ports", port, i);
      drop_default(port, "protocol", {"TCP"}, pp, r);
      const Node* target = port.find("targetPort");
      const Node* number = port.find("port");
      if (target && number && target->is_scalar() && number->is_scalar() && target->as_int() &&
          target->as_int() == number->as_int())
        drop_default(port, "targetPort", {target->value()}, pp, r);
      if (const Node* np = port.find("nodePort"); np && !o.keep_node_ports) {
        r.notes.push_back(
            {pp + "nodePort", "nodePort " + np->value() +
                                  " removed: the new cluster allocates one (pass --keep-node-ports "
                                  "if something outside the cluster points at it)"});
        port.erase("nodePort");
      }
    }
  drop_default(spec, "type", {"ClusterIP"}, p, r);
  drop_default(spec, "sessionAffinity", {"None"}, p, r);
  if (Node* sac = spec.find("sessionAffinityConfig"); sac && sac->is_mapping()) {
    if (Node* cip = sac->find("clientIP"); cip && cip->is_mapping()) {
      drop_default(*cip, "timeoutSeconds", {"10800"}, p + "sessionAffinityConfig.clientIP.", r);
      drop_if_empty(*sac, "clientIP");
    }
    drop_if_empty(spec, "sessionAffinityConfig");
  }
  drop_default(spec, "internalTrafficPolicy", {"Cluster"}, p, r);
  drop_default(spec, "externalTrafficPolicy", {"Cluster"}, p, r);
  drop_default(spec, "allocateLoadBalancerNodePorts", {"true"}, p, r);
  drop_server(spec, "healthCheckNodePort", p, r);
}

void neat_hpa_behavior(Node& spec, NeatResult& r) {
  Node* b = spec.find("behavior");
  if (!b || !b->is_mapping()) return;
  // autoscaling/v2 fills both directions with these when the object does not say.
  auto policy = [](const char* type, int value) {
    Node n = Node::mapping();
    n.set("type", Node::str(type));
    n.set("value", Node::integer(value));
    n.set("periodSeconds", Node::integer(15));
    return n;
  };
  auto side = [](int window, std::vector<Node> policies) {
    Node n = Node::mapping();
    n.set("stabilizationWindowSeconds", Node::integer(window));
    n.set("selectPolicy", Node::str("Max"));
    Node seq = Node::sequence();
    for (Node& p : policies)
      seq.push(std::move(p));
    n.set("policies", std::move(seq));
    return n;
  };
  // Compared without regard to key order (servers print them sorted).
  auto same = [](const Node& a, const Node& b) {
    if (!a.is_mapping() || !b.is_mapping() || a.size() != b.size()) return false;
    for (const auto& e : b.entries()) {
      const Node* other = a.find(e.key.value());
      if (!other) return false;
      if (e.value.is_sequence()) {
        if (!other->is_sequence() || other->size() != e.value.size()) return false;
        for (std::size_t i = 0; i < e.value.size(); ++i) {
          const Node& x = other->items()[i];
          const Node& y = e.value.items()[i];
          if (!x.is_mapping() || x.size() != y.size()) return false;
          for (const auto& f : y.entries())
            if (x.text(f.key.value()) != f.value.value()) return false;
        }
      } else if (other->value() != e.value.value()) {
        return false;
      }
    }
    return true;
  };
  Node down = side(300, {policy("Percent", 100)});
  Node up = side(0, {policy("Pods", 4), policy("Percent", 100)});
  if (const Node* d = b->find("scaleDown"); d && same(*d, down)) {
    r.defaults.push_back("spec.behavior.scaleDown=<default>");
    b->erase("scaleDown");
  }
  if (const Node* u = b->find("scaleUp"); u && same(*u, up)) {
    r.defaults.push_back("spec.behavior.scaleUp=<default>");
    b->erase("scaleUp");
  }
  drop_if_empty(spec, "behavior");
}

void neat_metadata(Node& object, NeatResult& r) {
  Node* meta = object.find("metadata");
  if (!meta || !meta->is_mapping()) return;
  const std::string p = "metadata.";
  for (const char* key : {"uid", "resourceVersion", "generation", "creationTimestamp", "selfLink",
                          "managedFields", "deletionTimestamp", "deletionGracePeriodSeconds"})
    drop_server(*meta, key, p, r);
  if (meta->has("name")) drop_server(*meta, "generateName", p, r);
  if (const Node* owners = meta->find("ownerReferences")) {
    std::string who;
    if (owners->is_sequence())
      for (const Node& o : owners->items())
        if (o.is_mapping())
          who += (who.empty() ? "" : ", ") + o.text("kind") + " " + o.text("name");
    r.notes.push_back(
        {"metadata.ownerReferences",
         "ownerReferences (" + who + ") removed: they point at uids of the source cluster"});
    meta->erase("ownerReferences");
  }
  if (Node* f = meta->find("finalizers"); f && f->is_sequence()) {
    static constexpr std::array<std::string_view, 5> kServer = {
        "kubernetes.io/pvc-protection", "kubernetes.io/pv-protection", "foregroundDeletion",
        "orphan", "kubernetes"};
    auto& items = f->items();
    items.erase(std::remove_if(items.begin(), items.end(),
                               [&](const Node& n) {
                                 bool server = std::find(kServer.begin(), kServer.end(),
                                                         n.value()) != kServer.end();
                                 if (server)
                                   r.server_fields.push_back(p + "finalizers[" + n.value() + "]");
                                 return server;
                               }),
                items.end());
    if (items.empty()) meta->erase("finalizers");
  }
  neat_metadata_maps(*meta, p, r, nullptr);
}

} // namespace

std::string default_pull_policy(std::string_view image) {
  if (image.find('@') != std::string_view::npos) return "IfNotPresent";
  auto slash = image.rfind('/');
  auto colon = image.rfind(':');
  bool tagged =
      colon != std::string_view::npos && (slash == std::string_view::npos || colon > slash);
  if (!tagged || image.substr(colon + 1) == "latest") return "Always";
  return "IfNotPresent";
}

bool is_server_annotation(std::string_view key) {
  static constexpr std::array<std::string_view, 16> kExact = {
      "kubectl.kubernetes.io/last-applied-configuration",
      "kubectl.kubernetes.io/restartedAt",
      "kubernetes.io/change-cause",
      "volume.beta.kubernetes.io/storage-provisioner",
      "volume.kubernetes.io/storage-provisioner",
      "volume.kubernetes.io/selected-node",
      "control-plane.alpha.kubernetes.io/leader",
      "autoscaling.alpha.kubernetes.io/conditions",
      "autoscaling.alpha.kubernetes.io/current-metrics",
      "endpoints.kubernetes.io/last-change-trigger-time",
      "deprecated.daemonset.template.generation",
      "meta.helm.sh/release-name",
      "meta.helm.sh/release-namespace",
      "argocd.argoproj.io/tracking-id",
      "kubernetes.io/psp",
      "batch.kubernetes.io/job-tracking",
  };
  if (std::find(kExact.begin(), kExact.end(), key) != kExact.end()) return true;
  return key.starts_with("deployment.kubernetes.io/") || key.starts_with("pv.kubernetes.io/") ||
         key.starts_with("cni.projectcalico.org/");
}

bool is_controller_label(std::string_view key) {
  static constexpr std::array<std::string_view, 10> kLabels = {
      "pod-template-hash",
      "controller-revision-hash",
      "statefulset.kubernetes.io/pod-name",
      "controller-uid",
      "batch.kubernetes.io/controller-uid",
      "job-name",
      "batch.kubernetes.io/job-name",
      "apps.kubernetes.io/pod-index",
      "pod-template-generation",
      "batch.kubernetes.io/job-completion-index"};
  return std::find(kLabels.begin(), kLabels.end(), key) != kLabels.end();
}

void neat_pod_spec(Node& spec, bool job, const std::string& path, NeatResult& r) {
  if (!spec.is_mapping()) return;
  drop_server(spec, "nodeName", path, r);
  // serviceAccount is the deprecated twin the server copies serviceAccountName into.
  if (const Node* twin = spec.find("serviceAccount"); twin && twin->is_scalar()) {
    if (!spec.has("serviceAccountName") && !twin->value().empty())
      spec.set("serviceAccountName", Node::str(twin->value()));
    drop_server(spec, "serviceAccount", path, r);
  }
  drop_default(spec, "serviceAccountName", {"default"}, path, r);
  drop_default(spec, "dnsPolicy", {"ClusterFirst"}, path, r);
  drop_default(spec, "schedulerName", {"default-scheduler"}, path, r);
  if (!job) drop_default(spec, "restartPolicy", {"Always"}, path, r);
  drop_default(spec, "terminationGracePeriodSeconds", {"30"}, path, r);
  drop_default(spec, "enableServiceLinks", {"true"}, path, r);
  // Admission computes priority from priorityClassName; a copied value conflicts with it.
  drop_server(spec, "priority", path, r);
  drop_default(spec, "preemptionPolicy", {"PreemptLowerPriority"}, path, r);
  if (is_empty_map(spec.find("securityContext"))) {
    r.defaults.push_back(path + "securityContext={}");
    spec.erase("securityContext");
  }
  if (Node* t = spec.find("tolerations"); t && t->is_sequence()) {
    auto& items = t->items();
    items.erase(std::remove_if(items.begin(), items.end(), is_default_toleration), items.end());
    if (items.empty()) spec.erase("tolerations");
  }
  if (spec.has("ephemeralContainers")) {
    r.notes.push_back(
        {path + "ephemeralContainers", "debugging containers added with kubectl debug removed"});
    spec.erase("ephemeralContainers");
  }

  std::vector<std::string> tokens = token_volumes(spec);
  if (Node* volumes = spec.find("volumes"); volumes && volumes->is_sequence()) {
    auto& items = volumes->items();
    for (const std::string& t : tokens)
      r.server_fields.push_back(path + "volumes[" + t + "]");
    items.erase(std::remove_if(items.begin(), items.end(),
                               [&](const Node& v) {
                                 return v.is_mapping() && std::find(tokens.begin(), tokens.end(),
                                                                    v.text("name")) != tokens.end();
                               }),
                items.end());
    for (std::size_t i = 0; i < items.size(); ++i)
      neat_volume(items[i], item_path(path + "volumes", items[i], i), r);
    if (items.empty()) spec.erase("volumes");
  }
  for (const char* list : {"initContainers", "containers"})
    if (Node* cs = spec.find(list); cs && cs->is_sequence())
      for (std::size_t i = 0; i < cs->items().size(); ++i)
        neat_container(cs->items()[i], tokens, item_path(path + list, cs->items()[i], i), r);
}

NeatResult neat(Node& object, const NeatOptions& options) {
  NeatResult r;
  if (!object.is_mapping()) return r;
  drop_server(object, "status", "", r);
  neat_metadata(object, r);
  const std::string kind = object.text("kind");
  Node* spec = object.find("spec");
  if (!spec || !spec->is_mapping()) {
    if (kind == "ServiceAccount")
      if (Node* secrets = object.find("secrets"); secrets && secrets->is_sequence()) {
        auto& items = secrets->items();
        items.erase(std::remove_if(items.begin(), items.end(),
                                   [&](const Node& s) {
                                     bool token =
                                         s.is_mapping() && is_legacy_token_name(s.text("name"));
                                     if (token)
                                       r.server_fields.push_back("secrets[" + s.text("name") + "]");
                                     return token;
                                   }),
                    items.end());
        if (items.empty()) object.erase("secrets");
      }
    return r;
  }
  const std::string p = "spec.";
  if (kind == "Deployment") {
    drop_default(*spec, "revisionHistoryLimit", {"10"}, p, r);
    drop_default(*spec, "progressDeadlineSeconds", {"600"}, p, r);
    neat_strategy(*spec, "strategy", {{"maxSurge", "25%"}, {"maxUnavailable", "25%"}}, p, r);
    neat_pod_template(*spec, false, p, r);
  } else if (kind == "StatefulSet") {
    drop_default(*spec, "revisionHistoryLimit", {"10"}, p, r);
    drop_default(*spec, "podManagementPolicy", {"OrderedReady"}, p, r);
    neat_strategy(*spec, "updateStrategy", {{"partition", "0"}}, p, r);
    if (Node* pol = spec->find("persistentVolumeClaimRetentionPolicy"); pol && pol->is_mapping()) {
      std::string q = p + "persistentVolumeClaimRetentionPolicy.";
      drop_default(*pol, "whenDeleted", {"Retain"}, q, r);
      drop_default(*pol, "whenScaled", {"Retain"}, q, r);
      drop_if_empty(*spec, "persistentVolumeClaimRetentionPolicy");
    }
    if (Node* claims = spec->find("volumeClaimTemplates"); claims && claims->is_sequence())
      for (std::size_t i = 0; i < claims->items().size(); ++i) {
        Node& c = claims->items()[i];
        const Node* meta = c.is_mapping() ? c.find("metadata") : nullptr;
        std::string name = meta && meta->is_mapping() ? meta->text("name") : std::string();
        neat_claim_template(
            c, p + "volumeClaimTemplates[" + (name.empty() ? std::to_string(i) : name) + "].", r);
      }
    neat_pod_template(*spec, false, p, r);
  } else if (kind == "DaemonSet") {
    drop_default(*spec, "revisionHistoryLimit", {"10"}, p, r);
    neat_strategy(*spec, "updateStrategy", {{"maxUnavailable", "1"}, {"maxSurge", "0"}}, p, r);
    neat_pod_template(*spec, false, p, r);
  } else if (kind == "ReplicaSet" || kind == "ReplicationController") {
    neat_pod_template(*spec, false, p, r);
  } else if (kind == "Job") {
    neat_job_spec(*spec, true, p, r);
  } else if (kind == "CronJob") {
    drop_default(*spec, "concurrencyPolicy", {"Allow"}, p, r);
    drop_default(*spec, "suspend", {"false"}, p, r);
    drop_default(*spec, "successfulJobsHistoryLimit", {"3"}, p, r);
    drop_default(*spec, "failedJobsHistoryLimit", {"1"}, p, r);
    if (Node* jt = spec->find("jobTemplate"); jt && jt->is_mapping()) {
      neat_template_metadata(*jt, p + "jobTemplate.", r, nullptr);
      if (Node* js = jt->find("spec")) neat_job_spec(*js, false, p + "jobTemplate.spec.", r);
    }
  } else if (kind == "Pod") {
    neat_pod_spec(*spec, false, p, r);
  } else if (kind == "Service") {
    neat_service(*spec, options, r);
  } else if (kind == "PersistentVolumeClaim") {
    drop_server(*spec, "volumeName", p, r);
    drop_default(*spec, "volumeMode", {"Filesystem"}, p, r);
    const Node* source = spec->find("dataSource");
    const Node* ref = spec->find("dataSourceRef");
    if (source && ref && *source == *ref) drop_server(*spec, "dataSourceRef", p, r);
  } else if (kind == "HorizontalPodAutoscaler") {
    neat_hpa_behavior(*spec, r);
  }
  if (spec->size() == 0 && kind != "NetworkPolicy") object.erase("spec");
  return r;
}

} // namespace berth::kube
