// Facts of workloads and bare Pods: pod labels, how many pods, containers (ports, resources,
// images), and the ConfigMaps/Secrets/PVCs/ServiceAccount their pod spec needs.
#include "check/index_extract.h"
#include "check/index_read.h"

namespace berth::check::index_extract {

using namespace index_read;
using yaml::Node;

namespace {

ContainerFacts container(const Node& c, bool init) {
  ContainerFacts f;
  f.name = text_at(&c, "name");
  f.init = init;
  f.sidecar = init && text_at(&c, "restartPolicy") == "Always";
  f.loc = c.loc();
  if (const Node* ports = sequence_at(&c, "ports"))
    for (const Node& p : ports->items()) {
      PortFact pf;
      if (!int_at(&p, "containerPort", pf.number)) continue;
      pf.name = text_at(&p, "name");
      pf.protocol = text_at(&p, "protocol");
      if (pf.protocol.empty()) pf.protocol = "TCP";
      pf.loc = p.loc();
      f.ports.push_back(std::move(pf));
    }
  const Node* resources = mapping_at(&c, "resources");
  read_amounts(mapping_at(resources, "requests"), f.requests);
  read_amounts(mapping_at(resources, "limits"), f.limits);
  return f;
}

void add_ref(PodsFacts& f, RefKind kind, const Node* name, std::string via) {
  if (!name || !name->is_scalar() || name->is_null() || name->value().empty()) return;
  f.refs.push_back(RefFact{kind, name->value(), std::move(via), name->loc()});
}

// env[].valueFrom.{configMapKeyRef,secretKeyRef} and envFrom[].{configMapRef,secretRef}.
void container_refs(PodsFacts& f, const Node& c) {
  std::string cname = text_at(&c, "name");
  if (const Node* env = sequence_at(&c, "env"))
    for (const Node& e : env->items()) {
      const Node* from = mapping_at(&e, "valueFrom");
      std::string via = "env " + text_at(&e, "name") + " of container " + cname;
      if (const Node* r = mapping_at(from, "configMapKeyRef"); r && !is_optional(r))
        add_ref(f, RefKind::ConfigMap, scalar_at(r, "name"), via);
      if (const Node* r = mapping_at(from, "secretKeyRef"); r && !is_optional(r))
        add_ref(f, RefKind::Secret, scalar_at(r, "name"), via);
    }
  if (const Node* env_from = sequence_at(&c, "envFrom"))
    for (const Node& e : env_from->items()) {
      std::string via = "envFrom of container " + cname;
      if (const Node* r = mapping_at(&e, "configMapRef"); r && !is_optional(r))
        add_ref(f, RefKind::ConfigMap, scalar_at(r, "name"), via);
      if (const Node* r = mapping_at(&e, "secretRef"); r && !is_optional(r))
        add_ref(f, RefKind::Secret, scalar_at(r, "name"), via);
    }
}

void volume_refs(PodsFacts& f, const Node* spec) {
  const Node* volumes = sequence_at(spec, "volumes");
  if (!volumes) return;
  for (const Node& v : volumes->items()) {
    std::string via = "volume " + text_at(&v, "name");
    if (const Node* cm = mapping_at(&v, "configMap"); cm && !is_optional(cm))
      add_ref(f, RefKind::ConfigMap, scalar_at(cm, "name"), via);
    if (const Node* s = mapping_at(&v, "secret"); s && !is_optional(s))
      add_ref(f, RefKind::Secret, scalar_at(s, "secretName"), via);
    if (const Node* pvc = mapping_at(&v, "persistentVolumeClaim"))
      add_ref(f, RefKind::PersistentVolumeClaim, scalar_at(pvc, "claimName"), via);
    if (const Node* sources = sequence_at(mapping_at(&v, "projected"), "sources"))
      for (const Node& src : sources->items()) {
        if (const Node* cm = mapping_at(&src, "configMap"); cm && !is_optional(cm))
          add_ref(f, RefKind::ConfigMap, scalar_at(cm, "name"), via);
        if (const Node* s = mapping_at(&src, "secret"); s && !is_optional(s))
          add_ref(f, RefKind::Secret, scalar_at(s, "name"), via);
      }
  }
}

void scale_of(const Object& o, PodsFacts& f) {
  std::string_view kind = o.info.kind;
  const Node* spec = mapping_at(&o.root, "spec");
  if (kind == "Pod") return;
  if (kind == "DaemonSet") {
    f.scale = Scale::PerNode;
    return;
  }
  const Node* counted = spec;
  const char* field = "replicas";
  if (kind == "Job" || kind == "CronJob") {
    f.scale = Scale::Parallelism;
    field = "parallelism";
    if (kind == "CronJob") counted = mapping_at(mapping_at(spec, "jobTemplate"), "spec");
  } else {
    f.scale = Scale::Replicas;
  }
  f.replicas_loc = o.info.loc;
  std::int64_t n = 0;
  if (int_at(counted, field, n) && n >= 0 && n <= INT32_MAX) { // int32 in the API
    f.replicas = n;
    f.replicas_set = true;
    f.replicas_loc = counted->find(field)->loc();
  }
  if (kind == "Deployment") {
    const Node* strategy = mapping_at(spec, "strategy");
    std::string type = text_at(strategy, "type");
    f.surges = type.empty() || type == "RollingUpdate";
    f.max_surge = read_int_or_percent(mapping_at(strategy, "rollingUpdate"), "maxSurge");
    if (!f.max_surge.set) f.max_surge = IntOrPercent{25, true, false, {}};
  }
}

} // namespace

void pods(const Object& o, IndexData& d) {
  const Node* spec = pod_spec(o);
  if (!spec) return;
  PodsFacts f;
  f.object = &o.info;
  f.spec_loc = spec->loc();
  f.labels = read_labels(mapping_at(pod_metadata(o), "labels"));
  scale_of(o, f);
  for (const char* key : {"initContainers", "containers"}) {
    const Node* list = sequence_at(spec, key);
    if (!list) continue;
    bool init = key[0] == 'i';
    for (const Node& c : list->items()) {
      if (!c.is_mapping()) continue;
      f.containers.push_back(container(c, init));
      container_refs(f, c);
    }
  }
  volume_refs(f, spec);
  if (const Node* secrets = sequence_at(spec, "imagePullSecrets"))
    for (const Node& s : secrets->items())
      add_ref(f, RefKind::Secret, scalar_at(&s, "name"), "imagePullSecrets");
  const Node* sa = scalar_at(spec, "serviceAccountName");
  if (!sa) sa = scalar_at(spec, "serviceAccount"); // deprecated alias
  if (sa && sa->value() != "default") add_ref(f, RefKind::ServiceAccount, sa, "serviceAccountName");

  if (o.info.kind == "StatefulSet")
    if (const Node* templates = sequence_at(mapping_at(&o.root, "spec"), "volumeClaimTemplates"))
      for (const Node& t : templates->items()) {
        ClaimTemplate ct;
        ct.name = text_at(mapping_at(&t, "metadata"), "name");
        ct.loc = t.loc();
        const Node* requests =
            mapping_at(mapping_at(mapping_at(&t, "spec"), "resources"), "requests");
        if (const Node* s = scalar_at(requests, "storage")) read_quantity(*s, false, ct.storage);
        if (!ct.name.empty())
          d.provided.push_back(ProvidedFact{RefKind::PersistentVolumeClaim, ct.name, "", &o.info});
        f.claim_templates.push_back(std::move(ct));
      }
  d.pods.push_back(std::move(f));
}

void images(const Object& o, IndexData& d) {
  const Node* spec = pod_spec(o);
  if (!spec) return;
  for (const char* key : {"initContainers", "containers"}) {
    const Node* list = sequence_at(spec, key);
    if (!list) continue;
    std::size_t index = 0;
    for (const Node& c : list->items()) {
      if (c.is_mapping()) {
        ImageFacts f;
        f.object = &o.info;
        f.container = text_at(&c, "name");
        f.index = index;
        f.init = key[0] == 'i';
        if (const Node* image = scalar_at(&c, "image")) {
          f.image = image->value();
          f.image_loc = image->loc();
        }
        if (const Node* policy = scalar_at(&c, "imagePullPolicy")) {
          f.pull_policy = policy->value();
          f.pull_policy_loc = policy->loc();
        }
        if (!f.image.empty()) d.images.push_back(std::move(f));
      }
      ++index;
    }
  }
}

} // namespace berth::check::index_extract
