// Pod volumes and mounts: named volumes → PVCs / claim templates, bind files → ConfigMaps,
// tmpfs and anonymous volumes → emptyDir, Compose secrets/configs → projected files.
#include <algorithm>
#include <set>

#include "compose/units.h"
#include "generate/naming.h"
#include "generate/secret_refs.h"
#include "generate/workloads.h"
#include "kube/names.h"
#include "kube/object.h"

namespace berth::generate::workloads {

using yaml::Node;

const ServicePlan* volume_owner(const AppPlan& plan, std::string_view volume) {
  for (const auto& sp : plan.services)
    for (const auto& m : sp.service->volumes)
      if (m.is_named_volume() && m.source == volume) return &sp;
  return nullptr;
}

std::string volume_size(const ServicePlan& plan, const profile::Profile& profile,
                        std::string_view volume) {
  if (plan.service->x_berth) {
    auto it = plan.service->x_berth->storage.find(std::string(volume));
    if (it != plan.service->x_berth->storage.end()) return it->second;
  }
  return plan.family != DataFamily::None ? profile.storage.database_size
                                         : profile.storage.volume_size;
}

namespace {

Node claim_spec(const Context& ctx, const ServicePlan& plan, std::string_view volume) {
  Node spec = Node::mapping();
  Node modes = Node::sequence();
  modes.push(Node::str("ReadWriteOnce"));
  spec.set("accessModes", std::move(modes));
  if (!ctx.profile.storage.class_name.empty())
    spec.set("storageClassName", Node::str(ctx.profile.storage.class_name));
  Node requests = Node::mapping();
  requests.set("storage", Node::str(volume_size(plan, ctx.profile, volume)));
  Node resources = Node::mapping();
  resources.set("requests", std::move(requests));
  spec.set("resources", std::move(resources));
  return spec;
}

// The claim a pod of `plan` mounts for a named volume owned by `owner`.
std::string claim_name(const ServicePlan& owner, std::string_view volume) {
  // A StatefulSet's claim of pod 0 is "<template>-<set>-0".
  if (owner.stateful()) return claim_template_name(volume) + "-" + owner.name + "-0";
  return pvc_name(owner, volume);
}

// Pod volume names must be unique DNS-1123 labels.
class VolumeNames {
public:
  std::string take(std::string_view wanted) {
    std::string base = kube::dns1123_label(wanted);
    std::string name = base;
    for (int n = 2; used_.count(name); ++n)
      name = kube::dns1123_label(base + "-" + std::to_string(n));
    used_.insert(name);
    return name;
  }

private:
  std::set<std::string> used_;
};

Node mount(const std::string& name, const std::string& path, bool read_only,
           const std::string& sub_path = {}) {
  Node m = Node::mapping();
  m.set("name", Node::str(name));
  m.set("mountPath", Node::str(path));
  if (!sub_path.empty()) m.set("subPath", Node::str(sub_path));
  if (read_only) m.set("readOnly", Node::boolean(true));
  return m;
}

Node empty_dir(const std::string& name, bool memory, std::optional<std::int64_t> size) {
  Node dir = Node::mapping();
  if (memory) dir.set("medium", Node::str("Memory"));
  if (size) dir.set("sizeLimit", Node::str(compose::bytes_to_quantity(*size)));
  Node v = Node::mapping();
  v.set("name", Node::str(name));
  v.set("emptyDir", std::move(dir));
  return v;
}

std::string trim_slash(std::string p) {
  while (p.size() > 1 && p.back() == '/') p.pop_back();
  return p;
}

// Database data directories that must not be the volume root: a fresh ext4 volume holds
// lost+found, and initdb / mysqld --initialize refuse a non-empty directory.
std::string data_dir_sub_path(const ServicePlan& plan, const model::Mount& m) {
  std::string target = trim_slash(m.target);
  if (plan.family == DataFamily::Postgres) {
    std::string pgdata = "/var/lib/postgresql/data";
    if (const model::EnvVar* e = plan.service->env("PGDATA"); e && e->value)
      pgdata = trim_slash(*e->value);
    if (target == pgdata) return "pgdata";
  }
  if (plan.family == DataFamily::MySQL && target == "/var/lib/mysql") return "mysql";
  return {};
}

void named_volume(const Context& ctx, const ServicePlan& plan, const model::Mount& m,
                  std::size_t index, VolumeNames& names, PodStorage& st, Output& out) {
  const std::string& svc = plan.service->name;
  const std::string key = "volumes[" + std::to_string(index) + "]";
  std::string sub_path = m.subpath;
  if (sub_path.empty()) {
    sub_path = data_dir_sub_path(plan, m);
    if (!sub_path.empty())
      out.report.add(svc, key, Disposition::Inferred,
                     "mounted with subPath " + sub_path + " so the database's data directory "
                         "is not the volume root (lost+found would break initialization)",
                     m.at.loc);
  }
  const model::Volume* top = ctx.app.volume(m.source);
  if (top && top->external) {
    std::string claim = kube::dns1123_label(top->name.empty() ? top->key : top->name);
    std::string name = names.take(claim_template_name(m.source));
    Node pvc = Node::mapping();
    pvc.set("claimName", Node::str(claim));
    Node v = Node::mapping();
    v.set("name", Node::str(name));
    v.set("persistentVolumeClaim", std::move(pvc));
    st.volumes.push(std::move(v));
    st.mounts.push(mount(name, m.target, m.read_only, sub_path));
    st.pvcs.push_back(claim);
    out.report.add(svc, key, Disposition::Manual,
                   "external volume " + m.source + " → existing PVC " + claim +
                       ": create it (and copy the data) before deploying",
                   m.at.loc);
    return;
  }
  if (top && (!top->driver.empty() || !top->driver_opts.empty()))
    out.report.add(svc, key, Disposition::Dropped,
                   "volume driver/driver_opts of " + m.source + ": the profile's storage class "
                   "is used instead",
                   top->at.loc);
  const ServicePlan* owner = volume_owner(ctx.plan, m.source);
  if (!owner) owner = &plan;
  if (owner == &plan && plan.stateful()) {
    std::string name = claim_template_name(m.source);
    Node meta = Node::mapping();
    meta.set("name", Node::str(name));
    meta.set("labels", kube::string_map(kube::standard_labels(ctx.plan.app, plan.name)));
    Node tmpl = Node::mapping();
    tmpl.set("metadata", std::move(meta));
    tmpl.set("spec", claim_spec(ctx, plan, m.source));
    st.claim_templates.push(std::move(tmpl));
    names.take(name);
    st.mounts.push(mount(name, m.target, m.read_only, sub_path));
    out.report.add(svc, key, Disposition::Translated,
                   "volumeClaimTemplate " + name + " (" + volume_size(plan, ctx.profile, m.source) +
                       ", ReadWriteOnce)",
                   m.at.loc);
    return;
  }
  std::string claim = claim_name(*owner, m.source);
  if (owner == &plan) {
    out.add_base("base/" + plan.name + "/pvc-" + kube::dns1123_label(m.source) + ".yaml",
                 make_pvc(ctx, plan, m.source));
    out.report.add(svc, key, Disposition::Translated,
                   "PersistentVolumeClaim " + claim + " (" +
                       volume_size(plan, ctx.profile, m.source) + ", ReadWriteOnce)",
                   m.at.loc);
  } else {
    out.report.add(svc, key, Disposition::Translated,
                   "shares PersistentVolumeClaim " + claim + " of " + owner->service->name +
                       ": ReadWriteOnce, so both pods must run on the same node (fine on a "
                       "single-node K3s; needs a ReadWriteMany storage class otherwise)",
                   m.at.loc);
  }
  std::string name = names.take(claim_template_name(m.source));
  Node pvc = Node::mapping();
  pvc.set("claimName", Node::str(claim));
  Node v = Node::mapping();
  v.set("name", Node::str(name));
  v.set("persistentVolumeClaim", std::move(pvc));
  st.volumes.push(std::move(v));
  st.mounts.push(mount(name, m.target, m.read_only, sub_path));
  st.pvcs.push_back(claim);
}

void bind_mount(const ServicePlan& plan, const model::Mount& m, std::size_t index,
                VolumeNames& names, PodStorage& st, Report& report) {
  const std::string& svc = plan.service->name;
  const std::string key = "volumes[" + std::to_string(index) + "]";
  // One decision for both sides: the config generator creates exactly these ConfigMaps and
  // reports the refused mounts (with the reason and the manual step).
  BindMountUse use = bind_mount_use(m);
  if (!use.configmap) return;
  std::string object = bind_configmap_name(plan, index);
  std::string name = names.take("files-" + std::to_string(index));
  Node cm = Node::mapping();
  cm.set("name", Node::str(object));
  Node v = Node::mapping();
  v.set("name", Node::str(name));
  v.set("configMap", std::move(cm));
  st.volumes.push(std::move(v));
  st.mounts.push(mount(name, m.target, true,
                       use.directory ? std::string() : configmap_key(use.files.front())));
  report.add(svc, key, Disposition::Translated,
             "ConfigMap " + object + " mounted at " + m.target +
                 (m.read_only ? "" : " (read-only: ConfigMap mounts cannot be written)"),
             m.at.loc);
}

void file_mounts(const std::vector<FileMount>& files, bool secret, const std::string& key,
                 const std::string& svc, VolumeNames& names, PodStorage& st, Report& report) {
  // Group by pod volume, keeping first-seen order.
  std::vector<std::string> order;
  for (const auto& f : files)
    if (std::find(order.begin(), order.end(), f.volume) == order.end()) order.push_back(f.volume);
  for (const auto& vol : order) {
    std::string name = names.take(vol);
    Node items = Node::sequence();
    std::set<std::string> seen;
    std::string object;
    for (const auto& f : files) {
      if (f.volume != vol) continue;
      object = f.object;
      if (seen.insert(f.key).second) {
        Node item = Node::mapping();
        item.set("key", Node::str(f.key));
        item.set("path", Node::str(f.key));
        if (f.mode) item.set("mode", Node::integer(*f.mode));
        items.push(std::move(item));
      }
      st.mounts.push(mount(name, f.mount_path, true, f.key));
    }
    Node src = Node::mapping();
    src.set(secret ? "secretName" : "name", Node::str(object));
    src.set("items", std::move(items));
    Node v = Node::mapping();
    v.set("name", Node::str(name));
    v.set(secret ? "secret" : "configMap", std::move(src));
    st.volumes.push(std::move(v));
  }
  if (!files.empty())
    report.add(svc, key, Disposition::Translated,
               std::string(secret ? "Secret" : "ConfigMap") + " files mounted read-only");
}

} // namespace

Node make_pvc(const Context& ctx, const ServicePlan& plan, std::string_view volume) {
  Node pvc = kube::make_object("v1", "PersistentVolumeClaim", pvc_name(plan, volume));
  kube::metadata(pvc).set("labels",
                          kube::string_map(kube::standard_labels(ctx.plan.app, plan.name)));
  pvc.set("spec", claim_spec(ctx, plan, volume));
  return pvc;
}

std::optional<std::int64_t> tmpfs_size(std::string_view entry) {
  auto colon = entry.find(':');
  if (colon == std::string_view::npos) return std::nullopt;
  std::string_view opts = entry.substr(colon + 1);
  while (!opts.empty()) {
    auto comma = opts.find(',');
    std::string_view opt = opts.substr(0, comma);
    if (opt.starts_with("size=")) return compose::parse_bytes(opt.substr(5));
    if (comma == std::string_view::npos) break;
    opts.remove_prefix(comma + 1);
  }
  return std::nullopt;
}

PodStorage pod_storage(const Context& ctx, const ServicePlan& plan, Output& out) {
  PodStorage st;
  VolumeNames names;
  const model::Service& s = *plan.service;
  for (std::size_t i = 0; i < s.volumes.size(); ++i) {
    const model::Mount& m = s.volumes[i];
    const std::string key = "volumes[" + std::to_string(i) + "]";
    switch (m.type) {
    case model::MountType::Volume:
      if (m.is_named_volume()) {
        named_volume(ctx, plan, m, i, names, st, out);
      } else {
        std::string name = names.take("anon" + m.target);
        st.volumes.push(empty_dir(name, false, std::nullopt));
        st.mounts.push(mount(name, m.target, m.read_only));
        out.report.add(s.name, key, Disposition::Translated,
                       "anonymous volume → emptyDir (lost when the pod goes away, like a "
                       "recreated container's)",
                       m.at.loc);
      }
      break;
    case model::MountType::Bind:
      bind_mount(plan, m, i, names, st, out.report);
      break;
    case model::MountType::Tmpfs: {
      std::string name = names.take("tmp" + m.target);
      st.volumes.push(empty_dir(name, true, m.tmpfs_size));
      st.mounts.push(mount(name, m.target, m.read_only));
      out.report.add(s.name, key, Disposition::Translated, "emptyDir (medium: Memory)",
                     m.at.loc);
      if (m.tmpfs_mode)
        out.report.add(s.name, key + ".tmpfs.mode", Disposition::Dropped,
                       "emptyDir has no mode; the directory is world-writable", m.at.loc);
      break;
    }
    default:
      out.report.add(s.name, key, Disposition::Dropped,
                     std::string(model::to_string(m.type)) +
                         " mounts have no Kubernetes equivalent berth can write",
                     m.at.loc);
    }
  }
  for (const auto& entry : s.tmpfs) {
    std::string target = entry.substr(0, entry.find(':'));
    std::string name = names.take("tmp" + target);
    st.volumes.push(empty_dir(name, true, tmpfs_size(entry)));
    st.mounts.push(mount(name, target, false));
  }
  if (!s.tmpfs.empty())
    out.report.add(s.name, "tmpfs", Disposition::Translated, "emptyDir (medium: Memory)");
  if (s.shm_size) {
    std::string name = names.take("dshm");
    st.volumes.push(empty_dir(name, true, s.shm_size));
    st.mounts.push(mount(name, "/dev/shm", false));
    out.report.add(s.name, "shm_size", Disposition::Translated,
                   "emptyDir (medium: Memory) at /dev/shm");
  }
  file_mounts(secret_file_mounts(ctx.app, plan), true, "secrets", s.name, names, st, out.report);
  file_mounts(config_file_mounts(ctx.app, plan), false, "configs", s.name, names, st,
              out.report);
  return st;
}

} // namespace berth::generate::workloads
