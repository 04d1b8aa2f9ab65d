// The shared import state's small helpers: object names and lookups.
#include "import/state.h"

namespace berth::import {

std::string name_of(const yaml::Node& object) {
  const yaml::Node* meta = object.is_mapping() ? object.find("metadata") : nullptr;
  return meta && meta->is_mapping() ? meta->text("name") : std::string();
}

std::string ref_of(const yaml::Node& object) {
  return (object.is_mapping() ? object.text("kind") : std::string()) + "/" + name_of(object);
}

Kept* State::find(std::string_view kind, std::string_view name) {
  for (Kept& k : objects)
    if (k.object.text("kind") == kind && name_of(k.object) == name) return &k;
  return nullptr;
}

const Kept* State::find_const(std::string_view kind, std::string_view name) const {
  for (const Kept& k : objects)
    if (k.object.text("kind") == kind && name_of(k.object) == name) return &k;
  return nullptr;
}

Kept& State::make(yaml::Node object, std::string owner) {
  Kept k;
  k.ref = ref_of(object);
  k.object = std::move(object);
  k.owner = std::move(owner);
  k.made = true;
  objects.push_back(std::move(k));
  return objects.back();
}

} // namespace berth::import
