// Storage: every claim (and claim template) gets the target's storage class (--storage-class-map,
// else the profile's), access modes the class cannot serve are reported, and each claim with
// data is listed for the data copy in MIGRATION.md.
#include <algorithm>
#include <map>
#include <set>

#include "import/state.h"
#include "import/workload.h"

namespace berth::import {

using generate::Disposition;
using yaml::Node;

namespace {

// local-path (K3s) provisions a directory on one node: one node may mount it.
bool node_local(const std::string& storage_class) {
  return storage_class == "local-path";
}

std::string access_modes(const Node& spec) {
  std::string s;
  if (const Node* modes = spec.find("accessModes"); modes && modes->is_sequence())
    for (const Node& m : modes->items())
      s += (s.empty() ? "" : ",") + m.value();
  return s;
}

void adapt_claim_spec(State& st, Node& claim, const std::string& ref, const std::string& what,
                      const Location& at) {
  Node* spec = claim.find("spec");
  if (!spec || !spec->is_mapping()) return;
  std::string source = spec->text("storageClassName");
  Node* meta = claim.find("metadata");
  Node* annotations = meta && meta->is_mapping() ? meta->find("annotations") : nullptr;
  if (annotations && annotations->is_mapping()) {
    // The beta annotation predates storageClassName and wins over it on old clusters.
    const std::string beta = annotations->text("volume.beta.kubernetes.io/storage-class");
    if (!beta.empty()) source = beta;
    annotations->erase("volume.beta.kubernetes.io/storage-class");
    if (annotations->size() == 0) meta->erase("annotations");
  }
  auto mapped = st.options.storage_class_map.find(source);
  const std::string target =
      mapped != st.options.storage_class_map.end() ? mapped->second : st.profile.storage.class_name;
  spec->set("storageClassName", Node::str(target));
  st.add(
      ref, what + "storageClassName", Disposition::Translated,
      (source.empty() ? std::string("(none: the source cluster's default)") : source) + " → " +
          target +
          (mapped != st.options.storage_class_map.end() ? " (--storage-class-map)" : " (profile)"),
      at);
  const std::string modes = access_modes(*spec);
  if (node_local(target) && (modes.find("ReadWriteMany") != std::string::npos ||
                             modes.find("ReadOnlyMany") != std::string::npos))
    st.add(
        ref, what + "accessModes", Disposition::Manual,
        "accessModes " + modes + ": " + target +
            " serves only ReadWriteOnce (a directory on one "
            "node), so the claim stays Pending; on a single-node K3s change it to ReadWriteOnce, "
            "else map the class to one that shares volumes (NFS, Longhorn) with "
            "--storage-class-map",
        at);
  if (spec->has("selector"))
    st.add(ref, what + "selector", Disposition::Manual,
           "selects a pre-created PersistentVolume, which the target does not have; remove the "
           "selector to provision dynamically or create the volume",
           at);
  if (spec->has("dataSource") || spec->has("dataSourceRef"))
    st.add(ref, what + "dataSource", Disposition::Manual,
           "clones a snapshot or claim of the source cluster, absent in the target: remove "
           "dataSource and copy the data instead (MIGRATION.md)",
           at);
}

// Who the workload's processes run as: the container's runAsUser, else the pod's; the group
// from runAsGroup, else fsGroup.
void owner_of(const Node& spec, const Node* container, Claim& c) {
  auto field = [](const Node* n, const char* key) {
    const Node* sc = n && n->is_mapping() ? n->find("securityContext") : nullptr;
    return sc && sc->is_mapping() ? sc->text(key) : std::string();
  };
  c.uid = field(container, "runAsUser");
  if (c.uid.empty()) c.uid = field(&spec, "runAsUser");
  c.gid = field(container, "runAsGroup");
  if (c.gid.empty()) c.gid = field(&spec, "runAsGroup");
  if (c.gid.empty()) c.gid = field(&spec, "fsGroup");
}

// The container mounting `volume`, and where.
const Node* mounting(const Node& spec, const std::string& volume, std::string& path) {
  for (const Node* c : containers(spec))
    if (const Node* mounts = c->find("volumeMounts"); mounts && mounts->is_sequence())
      for (const Node& m : mounts->items())
        if (m.is_mapping() && m.text("name") == volume) {
          path = m.text("mountPath");
          return c;
        }
  return nullptr;
}

// True when every container mounting `volume` mounts it read-only.
bool mount_read_only(const Node& spec, const std::string& volume) {
  bool any = false;
  for (const Node* c : containers(spec))
    if (const Node* mounts = c->find("volumeMounts"); mounts && mounts->is_sequence())
      for (const Node& m : mounts->items())
        if (m.is_mapping() && m.text("name") == volume) {
          if (m.text("readOnly") != "true") return false;
          any = true;
        }
  return any;
}

std::string first_image(const Node& spec) {
  const Node* cs = spec.find("containers");
  if (cs && cs->is_sequence() && !cs->items().empty() && cs->items()[0].is_mapping())
    return cs->items()[0].text("image");
  return {};
}

std::string storage_of(const Node& claim) {
  const Node* spec = claim.find("spec");
  const Node* res = spec && spec->is_mapping() ? spec->find("resources") : nullptr;
  const Node* req = res && res->is_mapping() ? res->find("requests") : nullptr;
  return req && req->is_mapping() ? req->text("storage") : std::string();
}

// A workload's mount of a claim (one per workload and claim, in object order).
struct Use {
  const Kept* workload;
  const Node* spec;   // its PodSpec
  const Node* volume; // the volume naming the claim
};

void list_claims(State& st) {
  // Who mounts what, in one pass: claim name → uses.
  std::map<std::string, std::vector<Use>> uses;
  for (const Kept& w : st.objects) {
    const Node* spec = is_workload(w.object.text("kind")) ? pod_spec(w.object) : nullptr;
    const Node* volumes = spec ? spec->find("volumes") : nullptr;
    if (!volumes || !volumes->is_sequence()) continue;
    std::set<std::string> seen;
    for (const Node& v : volumes->items()) {
      const Node* pvc = v.is_mapping() ? v.find("persistentVolumeClaim") : nullptr;
      if (!pvc || !pvc->is_mapping()) continue;
      std::string claim = pvc->text("claimName");
      if (seen.insert(claim).second) uses[claim].push_back({&w, spec, &v});
    }
  }
  // Standalone claims. The writer (a read-write mount) owns the data; readers stop during the
  // copy too.
  for (const Kept& k : st.objects) {
    if (k.object.text("kind") != "PersistentVolumeClaim") continue;
    Claim c;
    c.name = name_of(k.object);
    c.size = storage_of(k.object);
    if (const Node* spec = k.object.find("spec"); spec && spec->is_mapping())
      c.access = access_modes(*spec);
    bool writer = false;
    for (const Use& u : uses[c.name]) {
      const Node& v = *u.volume;
      std::string ref = kubectl_ref(u.workload->object), path;
      const Node* container = mounting(*u.spec, v.text("name"), path);
      bool read_only = v.find("persistentVolumeClaim")->text("readOnly") == "true" ||
                       mount_read_only(*u.spec, v.text("name"));
      if (c.workload.empty() || (!writer && !read_only)) {
        c.workload = ref;
        c.image = first_image(*u.spec);
        c.mount = path;
        c.uid.clear();
        c.gid.clear();
        owner_of(*u.spec, container, c);
        writer = !read_only;
      }
      if (std::find(c.users.begin(), c.users.end(), ref) == c.users.end()) c.users.push_back(ref);
    }
    if (!c.workload.empty()) {
      std::erase(c.users, c.workload);
      c.users.insert(c.users.begin(), c.workload);
    }
    st.claims.push_back(std::move(c));
  }
  // Claims of StatefulSets: <template>-<name>-<ordinal> for each replica.
  for (const Kept& w : st.objects) {
    if (w.object.text("kind") != "StatefulSet") continue;
    const Node* spec = w.object.find("spec");
    const Node* vct = spec && spec->is_mapping() ? spec->find("volumeClaimTemplates") : nullptr;
    const Node* ps = pod_spec(w.object);
    if (!vct || !vct->is_sequence() || !ps) continue;
    std::int64_t replicas =
        spec->find("replicas") ? spec->find("replicas")->as_int().value_or(1) : 1;
    for (const Node& t : vct->items()) {
      const std::string tname = name_of(t);
      for (std::int64_t i = 0; i < replicas; ++i) {
        Claim c;
        c.name = tname + "-" + name_of(w.object) + "-" + std::to_string(i);
        c.workload = kubectl_ref(w.object);
        c.users = {c.workload};
        c.image = first_image(*ps);
        c.size = storage_of(t);
        if (const Node* ts = t.find("spec"); ts && ts->is_mapping()) c.access = access_modes(*ts);
        owner_of(*ps, mounting(*ps, tname, c.mount), c);
        st.claims.push_back(std::move(c));
      }
    }
  }
}

} // namespace

void adapt_storage(State& st) {
  for (Kept& k : st.objects) {
    const std::string kind = k.object.text("kind");
    if (kind == "PersistentVolumeClaim") {
      adapt_claim_spec(st, k.object, k.ref, "", k.at);
    } else if (kind == "StatefulSet") {
      Node* spec = k.object.find("spec");
      Node* vct = spec && spec->is_mapping() ? spec->find("volumeClaimTemplates") : nullptr;
      if (!vct || !vct->is_sequence()) continue;
      for (Node& t : vct->items())
        adapt_claim_spec(st, t, k.ref, "volumeClaimTemplates[" + name_of(t) + "].", k.at);
    }
  }
  list_claims(st);
}

} // namespace berth::import
