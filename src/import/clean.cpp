// Every kept object: removed APIs migrated to their current version (kube/migrate), then the
// server's fields and defaults removed (kube/neat); both reported per object.
#include <algorithm>

#include "import/state.h"
#include "kube/migrate.h"
#include "kube/neat.h"

namespace berth::import {

namespace {

std::string summary(const std::vector<std::string>& items, std::size_t shown) {
  std::string s;
  for (std::size_t i = 0; i < items.size() && i < shown; ++i)
    s += (i ? ", " : "") + items[i];
  if (items.size() > shown) s += ", … (" + std::to_string(items.size() - shown) + " more)";
  return s;
}

// The overlays label everything with environment=<env>; an exported copy of that label (a tree
// berth wrote before) would only repeat it in base.
void drop_environment_label(yaml::Node& object, const profile::Profile& profile) {
  yaml::Node* meta = object.find("metadata");
  yaml::Node* labels = meta && meta->is_mapping() ? meta->find("labels") : nullptr;
  if (!labels || !labels->is_mapping()) return;
  std::string value = labels->text("environment");
  if (value.empty() || !profile::find_environment(profile, value)) return;
  labels->erase("environment");
  if (labels->size() == 0) meta->erase("labels");
}

} // namespace

void clean_objects(State& st) {
  using generate::Disposition;
  std::vector<Kept> kept;
  kube::NeatOptions neat_options{st.options.keep_node_ports};
  for (Kept& k : st.objects) {
    kube::Migration m = kube::migrate(k.object);
    if (m.removed) {
      std::string reason = m.from + " " + k.object.text("kind") + " has no replacement: " +
                           (m.warnings.empty() ? std::string() : m.warnings[0]);
      st.add(k.ref, "apiVersion", Disposition::Dropped, "left out: " + reason, k.at);
      st.left_out.push_back({k.ref, reason, k.at, ""});
      continue;
    }
    if (m.migrated()) {
      std::string detail = m.from + " → " + m.to;
      for (const std::string& c : m.changes)
        detail += "; " + c;
      st.add(k.ref, "apiVersion", Disposition::Translated, detail, k.at);
    }
    for (const std::string& w : m.warnings)
      st.add(k.ref, "apiVersion", Disposition::Manual, w, k.at);

    kube::NeatResult r = kube::neat(k.object, neat_options);
    drop_environment_label(k.object, st.profile);
    if (!r.server_fields.empty() || !r.defaults.empty()) {
      std::string detail = "cleaned";
      if (!r.server_fields.empty())
        detail += ": " + std::to_string(r.server_fields.size()) + " server field(s) removed (" +
                  summary(r.server_fields, 6) + ")";
      if (!r.defaults.empty())
        detail += (r.server_fields.empty() ? ": " : "; ") + std::to_string(r.defaults.size()) +
                  " field(s) equal to the API server's defaults removed";
      st.add(k.ref, "neat", Disposition::Translated, detail, k.at);
    }
    for (const kube::NeatNote& n : r.notes)
      st.add(k.ref, n.field, Disposition::Dropped, n.detail, k.at);
    kept.push_back(std::move(k));
  }
  st.objects = std::move(kept);
}

} // namespace berth::import
