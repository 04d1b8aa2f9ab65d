// The table of semantic formats: which fields are ports, port names, DNS names, label maps.
#include "check/schema/semantics.h"

#include <string_view>

namespace berth::check::schema {

namespace {

struct Rule {
  std::string_view definition, property;
  Format format;
};

constexpr std::string_view kCore = "io.k8s.api.core.v1.";
constexpr std::string_view kMeta = "io.k8s.apimachinery.pkg.apis.meta.v1.";
constexpr std::string_view kNet = "io.k8s.api.networking.v1.";

// Definitions are written without their package prefix; `package` says which one.
struct PackageRules {
  std::string_view package;
  Rule rules[24];
};

// Sources: the Kubernetes API validation (pkg/apis/core/validation and friends) — container
// port names are IANA_SVC_NAMEs, Service port names DNS labels, Ingress backend port names
// IANA_SVC_NAMEs, container and volume names DNS labels, ConfigMap/Secret keys config keys.
constexpr PackageRules kTables[] = {
    {kCore,
     {{"ContainerPort", "containerPort", Format::Port},
      {"ContainerPort", "hostPort", Format::PortOrZero},
      {"ContainerPort", "name", Format::IanaSvcName},
      {"ServicePort", "port", Format::Port},
      {"ServicePort", "nodePort", Format::PortOrZero},
      {"ServicePort", "targetPort", Format::PortOrName},
      {"ServicePort", "name", Format::Dns1123Label},
      {"HTTPGetAction", "port", Format::PortOrName},
      {"TCPSocketAction", "port", Format::PortOrName},
      {"GRPCAction", "port", Format::Port},
      {"ServiceSpec", "selector", Format::LabelMap},
      {"PodSpec", "nodeSelector", Format::LabelMap},
      {"Container", "name", Format::Dns1123Label},
      {"EphemeralContainer", "name", Format::Dns1123Label},
      {"Volume", "name", Format::Dns1123Label},
      {"ConfigMap", "data", Format::ConfigKeyMap},
      {"ConfigMap", "binaryData", Format::ConfigKeyMap},
      {"Secret", "data", Format::ConfigKeyMap},
      {"Secret", "stringData", Format::ConfigKeyMap},
      {"NodeSelectorRequirement", "key", Format::LabelKey},
      {"PodAffinityTerm", "topologyKey", Format::LabelKey},
      {"TopologySpreadConstraint", "topologyKey", Format::LabelKey}}},
    {kMeta,
     {{"ObjectMeta", "name", Format::ObjectName},
      {"ObjectMeta", "namespace", Format::Dns1123Label},
      {"ObjectMeta", "labels", Format::LabelMap},
      {"ObjectMeta", "annotations", Format::AnnotationMap},
      {"LabelSelector", "matchLabels", Format::LabelMap},
      {"LabelSelectorRequirement", "key", Format::LabelKey}}},
    {kNet,
     {{"ServiceBackendPort", "number", Format::Port},
      {"ServiceBackendPort", "name", Format::IanaSvcName},
      {"NetworkPolicyPort", "port", Format::PortOrName},
      {"NetworkPolicyPort", "endPort", Format::Port}}},
};

} // namespace

Format property_format(std::string_view definition, std::string_view property) {
  for (const PackageRules& t : kTables) {
    if (definition.substr(0, t.package.size()) != t.package) continue;
    std::string_view local = definition.substr(t.package.size());
    for (const Rule& r : t.rules)
      if (r.definition == local && r.property == property) return r.format;
  }
  return Format::None;
}

} // namespace berth::check::schema
