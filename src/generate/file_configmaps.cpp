// Bind-mounted configuration files → ConfigMaps (the only form a host file can take in a pod).
#include <filesystem>
#include <fstream>
#include <iterator>

#include "generate/config.h"
#include "generate/naming.h"
#include "generate/secret_refs.h"
#include "kube/object.h"

namespace berth::generate {

using yaml::Node;

namespace {

std::string read_text(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

} // namespace

void add_file_configmaps(const Context& ctx, const ServicePlan& plan, Output& out) {
  if (!plan.service) return;
  const std::string& svc = plan.service->name;
  const auto& mounts = plan.service->volumes;
  for (std::size_t i = 0; i < mounts.size(); ++i) {
    const model::Mount& m = mounts[i];
    if (m.type != model::MountType::Bind) continue; // volumes, tmpfs: the workload generator
    std::string key = "volumes[" + std::to_string(i) + "]";
    BindMountUse use = bind_mount_use(m);
    if (!use.configmap) {
      // A host path that is not ours to copy is dropped; content berth could not inline
      // (missing, too big, binary, secret-looking) needs a person.
      bool dropped = is_system_path(m.source);
      out.report.add(svc, key, dropped ? Disposition::Dropped : Disposition::Manual,
                     use.reason + (dropped ? "" : "; provide " + m.target +
                                                      " another way (image, init container, "
                                                      "PVC, or a sealed Secret)"),
                     m.at.loc);
      continue;
    }
    std::string name = bind_configmap_name(plan, i);
    Node data = Node::mapping();
    namespace fs = std::filesystem;
    for (const auto& file : use.files) {
      fs::path path = use.directory ? fs::path(m.source) / file : fs::path(m.source);
      data.set(configmap_key(file), Node::str(read_text(path)));
    }
    Node cm = kube::make_object("v1", "ConfigMap", name);
    for (const auto& [k, v] : kube::standard_labels(ctx.plan.app, plan.name)) kube::set_label(cm, k, v);
    cm.set("data", std::move(data));
    out.add_base("base/" + plan.name + "/configmap-files-" + std::to_string(i) + ".yaml", std::move(cm));
    out.report.add(svc, key, Disposition::Translated,
                   "ConfigMap " + name + " (" + std::to_string(use.files.size()) +
                       (use.files.size() == 1 ? " file" : " files") + ") mounted read-only at " +
                       m.target + "; edits on the host no longer reach the pod",
                   m.at.loc);
  }
}

} // namespace berth::generate
