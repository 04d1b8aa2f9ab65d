// The Index: dispatches each object to the extractor of its kind and concatenates per-file
// indexes in input order.
#include "check/index.h"

#include <iterator>

#include "check/index_data.h"
#include "check/index_extract.h"
#include "check/index_lookup.h"
#include "check/index_read.h"

namespace berth::check {

namespace {

template <class T> void move_append(std::vector<T>& to, std::vector<T>& from) {
  if (to.empty()) {
    to = std::move(from);
    return;
  }
  to.insert(to.end(), std::make_move_iterator(from.begin()), std::make_move_iterator(from.end()));
}

bool group_is(const ObjectInfo& i, std::string_view a, std::string_view b = {}) {
  std::string_view g = i.group();
  return g == a || (!b.empty() && g == b);
}

} // namespace

Index::Index() : data_(std::make_unique<IndexData>()) {}
Index::~Index() = default;
Index::Index(Index&&) noexcept = default;
Index& Index::operator=(Index&&) noexcept = default;

const IndexData& Index::data() const {
  static const IndexData kEmpty;
  return data_ ? *data_ : kEmpty;
}

const Lookup& Index::lookup() const {
  if (!lookup_) lookup_ = std::make_unique<Lookup>(data());
  return *lookup_;
}

void Index::add(const Object& o) {
  if (!o.root.is_mapping()) return;
  if (!data_) data_ = std::make_unique<IndexData>(); // a moved-from Index is reusable
  lookup_.reset();
  IndexData& d = *data_;
  // Patches are partial objects: their facts would shadow the real ones; only the replica
  // count an overlay sets is kept.
  if (o.info.patch) {
    index_extract::replica_patch(o, d);
    return;
  }
  const ObjectInfo& i = o.info;
  std::string_view kind = i.kind;
  namespace ex = index_extract;

  if (group_is(i, "kustomize.config.k8s.io")) {
    if (kind == "Kustomization" || kind == "Component") ex::kustomization(o, d);
    return; // not a cluster object
  }
  ObjectFacts facts{&i, i.loc};
  if (const yaml::Node* ns =
          index_read::scalar_at(index_read::mapping_at(&o.root, "metadata"), "namespace"))
    facts.ns_loc = ns->loc();
  d.objects.push_back(facts);
  ex::images(o, d); // any pod spec, like the policy family's pod_of

  if (has_pod_template(kind) && kind != "PodTemplate") {
    if (group_is(i, "") || group_is(i, "apps", "extensions") || group_is(i, "batch"))
      ex::pods(o, d);
    return;
  }
  if (group_is(i, "")) {
    if (kind == "Service")
      ex::service(o, d);
    else if (kind == "ResourceQuota")
      ex::quota(o, d);
    else if (kind == "LimitRange")
      ex::limit_range(o, d);
    else if (kind == "PersistentVolumeClaim")
      ex::pvc(o, d);
  } else if (group_is(i, "networking.k8s.io", "extensions")) {
    if (kind == "Ingress")
      ex::ingress(o, d);
    else if (kind == "NetworkPolicy")
      ex::network_policy(o, d);
  } else if (group_is(i, "traefik.io", "traefik.containo.us")) {
    if (kind == "IngressRoute" || kind == "IngressRouteTCP" || kind == "IngressRouteUDP")
      ex::ingress_route(o, d);
  } else if (group_is(i, "monitoring.coreos.com")) {
    if (kind == "ServiceMonitor") ex::service_monitor(o, d);
  } else if (group_is(i, "autoscaling")) {
    if (kind == "HorizontalPodAutoscaler") ex::hpa(o, d);
  } else if (group_is(i, "policy")) {
    if (kind == "PodDisruptionBudget") ex::pdb(o, d);
  } else if (group_is(i, "bitnami.com") || group_is(i, "cert-manager.io") ||
             group_is(i, "external-secrets.io")) {
    ex::secret_provider(o, d);
  }
}

void Index::append(Index&& other) {
  if (!other.data_ || &other == this) return;
  if (!data_) data_ = std::make_unique<IndexData>();
  lookup_.reset();
  IndexData& a = *data_;
  IndexData& b = *other.data_;
  move_append(a.objects, b.objects);
  move_append(a.pods, b.pods);
  move_append(a.images, b.images);
  move_append(a.services, b.services);
  move_append(a.backends, b.backends);
  move_append(a.middleware_refs, b.middleware_refs);
  move_append(a.service_monitors, b.service_monitors);
  move_append(a.hpas, b.hpas);
  move_append(a.pdbs, b.pdbs);
  move_append(a.network_policies, b.network_policies);
  move_append(a.quotas, b.quotas);
  move_append(a.limit_ranges, b.limit_ranges);
  move_append(a.pvcs, b.pvcs);
  move_append(a.provided, b.provided);
  move_append(a.kustomizations, b.kustomizations);
  move_append(a.replica_patches, b.replica_patches);
  other.data_ = std::make_unique<IndexData>();
}

} // namespace berth::check
