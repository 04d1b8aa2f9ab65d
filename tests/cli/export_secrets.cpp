// The secret values an export holds, read with berth's own export loader.
#include "cli/export_secrets.h"

#include <algorithm>

#include "import/load.h"
#include "seal/base64.h"

namespace berth::test {

namespace {

bool secret_word(const std::string& name) {
  for (const char* w : {"PASSWORD", "SECRET", "TOKEN", "KEY"})
    if (name.find(w) != std::string::npos) return true;
  return false;
}

void env_values(const yaml::Node& n, std::set<std::string>& out) {
  if (n.is_sequence()) {
    for (const yaml::Node& i : n.items())
      env_values(i, out);
    return;
  }
  if (!n.is_mapping()) return;
  if (const yaml::Node* env = n.find("env"); env && env->is_sequence())
    for (const yaml::Node& e : env->items())
      if (e.is_mapping() && secret_word(e.text("name")) && !e.text("value").empty())
        out.insert(e.text("value"));
  for (const auto& e : n.entries())
    env_values(e.value, out);
}

} // namespace

std::set<std::string> export_secret_values(const std::filesystem::path& input) {
  std::set<std::string> values;
  for (const auto& o : import::load_exports({input.string()}).objects) {
    env_values(o.object, values);
    if (o.object.text("kind") != "Secret") continue;
    const bool token = o.object.text("type") == "kubernetes.io/service-account-token";
    if (const yaml::Node* data = o.object.find("data"); data && data->is_mapping())
      for (const auto& e : data->entries()) {
        if (token && e.key.value() == "namespace") continue;
        auto bytes = seal::base64_decode(e.value.value());
        if (bytes) values.insert(std::string(seal::as_view(*bytes)));
      }
    if (const yaml::Node* data = o.object.find("stringData"); data && data->is_mapping())
      for (const auto& e : data->entries())
        values.insert(e.value.value());
  }
  std::erase_if(values, [](const std::string& v) { return v.size() < 6; });
  return values;
}

} // namespace berth::test
