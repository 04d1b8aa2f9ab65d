// Secret-looking values written straight into a workload's environment (a password, a token, a
// URL with credentials) move into a Secret of the workload, referenced by secretKeyRef: the
// container sees the same value, and the tree never holds it in plain text.
#include <algorithm>

#include "generate/plan.h"
#include "import/state.h"
#include "import/workload.h"
#include "kube/names.h"

namespace berth::import {

using generate::Disposition;
using yaml::Node;

namespace {

bool secret_name_taken(const State& st, const std::string& name) {
  return std::any_of(st.secrets.begin(), st.secrets.end(),
                     [&](const SecretItem& s) { return s.input.name == name; }) ||
         st.find_const("Secret", name) || st.find_const("SealedSecret", name);
}

bool valid_key(const std::string& key) {
  if (key.empty() || key.size() > 253 || key == "." || key == "..") return false;
  return std::all_of(key.begin(), key.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
           c == '_' || c == '.';
  });
}

} // namespace

void extract_env_secrets(State& st) {
  for (Kept& k : st.objects) {
    if (k.made || !is_workload(k.object.text("kind"))) continue;
    Node* spec = pod_spec(k.object);
    if (!spec) continue;
    const std::string workload = name_of(k.object);
    std::string secret;
    SecretItem item;
    for (Node* c : containers(*spec)) {
      Node* env = c->find("env");
      if (!env || !env->is_sequence()) continue;
      for (Node& e : env->items()) {
        Node* value = e.is_mapping() ? e.find("value") : nullptr;
        if (!value || !value->is_scalar() || value->value().empty()) continue;
        const std::string name = e.text("name");
        // A switch (RCLONE_CONFIG_BACKUP_ENV_AUTH: "true") is not a secret, whatever its name.
        if (yaml::resolve_plain(value->value()) == yaml::ScalarType::Bool) continue;
        const bool by_name = generate::is_secret_name(name);
        if (!by_name && !generate::has_url_password(value->value())) continue;
        if (!valid_key(name)) {
          st.add(k.ref, "env." + name, Disposition::Manual,
                 "secret-looking value written in the workload, under a name that cannot be a "
                 "Secret key: move it to a Secret yourself",
                 k.at);
          continue;
        }
        if (secret.empty()) {
          secret = kube::dns1123_label(workload + "-secret");
          if (secret_name_taken(st, secret)) secret = kube::dns1123_label(workload + "-env-secret");
          item.ref = "Secret/" + secret;
          item.workload = kubectl_ref(k.object);
          item.input.name = secret;
          if (const Node* meta = k.object.find("metadata"); meta && meta->is_mapping())
            if (const Node* labels = meta->find("labels");
                labels && labels->is_mapping() && labels->size() > 0)
              item.input.labels = *labels;
          item.input.loc = k.at;
        }
        bool duplicate = std::any_of(item.input.values.begin(), item.input.values.end(),
                                     [&](const seal::SecretValue& v) { return v.key == name; });
        if (!duplicate)
          item.input.values.push_back({name, seal::secret_bytes(value->value()), value->loc()});
        seal::cleanse(const_cast<std::string&>(value->value()));
        Node ref = Node::mapping();
        ref.set("name", Node::str(secret));
        ref.set("key", Node::str(name));
        Node from = Node::mapping();
        from.set("secretKeyRef", std::move(ref));
        Node replaced = Node::mapping();
        replaced.set("name", Node::str(name));
        replaced.set("valueFrom", std::move(from));
        e = std::move(replaced);
        st.add(k.ref, "env." + name, Disposition::Translated,
               std::string(by_name ? "secret-looking name" : "URL with a password") +
                   ": the literal value moved to Secret " + secret + " (key " + name +
                   "), read with secretKeyRef; same value, never written in plain text",
               k.at);
      }
    }
    if (item.input.values.empty()) continue;
    seal::sort_values(item.input);
    st.add(item.ref, "object", Disposition::Inferred,
           "made by berth for " + k.ref + " from its literal secret-looking environment values",
           k.at);
    st.secrets.push_back(std::move(item));
  }
}

} // namespace berth::import
