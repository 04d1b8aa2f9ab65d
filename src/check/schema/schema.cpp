// Schema family: the rule catalog, the registry loader (built-in, --openapi, --crds) and the
// per-object check (kind lookup, then the validator).
#include "check/schema/schema.h"

#include <algorithm>

#include "check/schema/builtin.h"
#include "check/schema/kinds.h"
#include "check/schema/loaders.h"
#include "check/schema/registry.h"
#include "check/schema/rule_ids.h"
#include "check/schema/spelling.h"
#include "check/schema/validator.h"
#include "kube/api_catalog.h"

namespace berth::check::schema {

std::vector<RuleInfo> rules() {
  using enum Severity;
  constexpr Family F = Family::Schema;
  constexpr Area D = Area::Delivery;
  return {
      {rule::kKindMissing, F, D, Error, true, "apiVersion or kind is missing or not a string",
       "Set apiVersion and kind at the top of the object (e.g. apiVersion: apps/v1, kind: "
       "Deployment).",
       "Without both the API server cannot tell what the document is; kubectl refuses it."},
      {rule::kKindUnknown, F, D, Error, true,
       "the apiVersion does not serve this kind (misspelt kind or wrong API group/version)",
       "Fix the kind's spelling or use the apiVersion that serves it.",
       "Raised when the group/version is fully known (the Kubernetes API, or the --openapi "
       "document) or the kind is known under another version. Deprecated and removed API "
       "versions are reported by the apiversion family instead."},
      {rule::kKindNotKnown, F, D, Warning, true, "no schema for this kind: it is not checked",
       "Pass the CustomResourceDefinition with --crds FILE|DIR, or the cluster's OpenAPI "
       "document with --openapi FILE (kubectl get --raw /openapi/v2 > openapi.json).",
       "Custom resources are common, so an unknown kind is a warning, reported once per object "
       "(no further schema findings for it)."},
      {rule::kKindUnchecked, F, D, Info, true,
       "a Kubernetes API kind berth has no built-in schema for: it is not checked",
       "Pass the cluster's OpenAPI document with --openapi FILE (kubectl get --raw /openapi/v2).",
       "berth's built-in schemas cover the kinds it generates (workloads, Service, ConfigMap, "
       "Secret, PVC, Ingress, NetworkPolicy, HPA, PDB, quotas, Namespace, ServiceAccount, "
       "PriorityClass)."},
      {rule::kRequired, F, D, Error, true, "a required field is missing",
       "Add the field; the API server rejects the object without it.",
       "Patches (files a kustomization lists under patches) are checked without required "
       "fields, since they are partial on purpose."},
      {rule::kType, F, D, Error, true,
       "a field has the wrong type (object/array/string/integer/number/boolean)",
       "Give the field the type its schema wants: quote strings that look like numbers or "
       "booleans (\"8080\", \"true\"), unquote numbers.",
       "YAML reads 80 and true as non-strings; the API server rejects them where a string is "
       "expected, and rejects \"80\" where an integer is expected. Like kubectl (a YAML 1.1 "
       "reader), yes/no/on/off/y/n count as booleans and integral floats (2.0) as integers."},
      {rule::kEnum, F, D, Error, true, "a field's value is not one of the values it accepts",
       "Use one of the listed values (they are case-sensitive).",
       "Enums come from the CRD schema, or for built-in kinds from the Kubernetes API reference "
       "(imagePullPolicy, restartPolicy, protocol, Service type, pathType…)."},
      {rule::kFormat, F, D, Error, true,
       "a value does not have its format (quantity, base64, date-time, int32 range)",
       "Write the value in the format the field takes: quantities like 500m/128Mi/1Gi, base64 "
       "for Secret data, RFC 3339 timestamps.",
       "The same checks the API server's decoder and validation apply."},
      {rule::kRange, F, D, Error, true,
       "a value is outside its schema's minimum/maximum, length or item-count bounds",
       "Bring the value within the bounds the message names.",
       "Bounds come from CRD schemas (minimum, maximum, minItems, maxLength…)."},
      {rule::kPattern, F, D, Error, true, "a string does not match its schema's pattern",
       "Change the value to match the pattern the message shows.",
       "CRD `pattern`s are compiled once at load into a linear-time matcher (RE2 syntax subset); "
       "patterns using syntax outside it are skipped."},
      {rule::kUnknownField, F, D, Error, true, "a field the schema does not declare",
       "Fix the field's spelling or indentation, or remove it.",
       "Strict like the API server's field validation: a typo such as imagePullPolicyy is "
       "rejected (kubectl apply --validate=strict) or silently dropped; custom resources prune "
       "undeclared fields unless the schema preserves them."},
      {rule::kNullPruned, F, D, Warning, true,
       "a custom resource field is null but its schema does not allow null",
       "Remove the field or give it a value; the API server drops non-nullable nulls.",
       "Structural CRD schemas prune null values unless the field says nullable: true."},
      {rule::kNameInvalid, F, D, Error, true,
       "a name does not follow its grammar (DNS-1123 label/subdomain, DNS-1035 label, "
       "container, volume and ConfigMap/Secret key names)",
       "Use lowercase letters, digits and '-' (and '.' where subdomains are allowed), starting "
       "and ending with a letter or digit.",
       "Names by kind: Namespace DNS-1123 label, Service DNS-1035 label (starts with a letter), "
       "CronJob ≤52 characters, Job ≤63, RBAC kinds path segments, everything else DNS-1123 "
       "subdomains; container and volume names and Service port names are DNS-1123 labels."},
      {rule::kLabelInvalid, F, D, Error, true,
       "a label or annotation key, or a label value, has invalid syntax",
       "Label keys and annotation keys: an optional DNS subdomain prefix and '/', then ≤63 "
       "letters, digits, '-', '_', '.' starting and ending alphanumeric; label values the same "
       "(≤63, may be empty).",
       "Applies to metadata labels/annotations, selectors (matchLabels, Service selector, "
       "nodeSelector) and topology keys."},
      {rule::kPortInvalid, F, D, Error, true,
       "a port number is outside 1–65535 or a port name is not an IANA_SVC_NAME",
       "Use a port between 1 and 65535; name ports with ≤15 lowercase letters, digits and '-' "
       "(at least one letter, no leading, trailing or double '-').",
       "Container port names and named targetPorts/probe ports must be IANA service names; the "
       "API server rejects longer names such as \"metrics-endpoint\"."},
  };
}

namespace {

bool skip_kind(const ObjectInfo& info) {
  // kustomize's own files are not Kubernetes objects (another rule reads them).
  return info.group() == "kustomize.config.k8s.io" &&
         (info.kind == "Kustomization" || info.kind == "Component");
}

std::string join_versions(const std::vector<const KindSchema*>& known) {
  std::string out;
  for (const KindSchema* k : known) {
    if (out.find(k->api_version) != std::string::npos) continue;
    out += (out.empty() ? "" : ", ") + std::string(k->api_version);
  }
  return out;
}

std::string_view group_of(std::string_view api_version) {
  std::size_t slash = api_version.find('/');
  return slash == std::string_view::npos ? std::string_view() : api_version.substr(0, slash);
}

// The kind was not found under its apiVersion: decide between error, warning and info.
void unknown_kind(const Object& object, Context& ctx, const Registry& registry) {
  const ObjectInfo& info = object.info;
  const std::string& av = info.api_version;
  const std::string& kind = info.kind;
  const yaml::Node* kind_node = object.root.find("kind");
  Location at = kind_node ? kind_node->loc() : info.loc;
  std::string what = av + " " + kind;

  if (kube::find_api_change(av, kind)) return; // the apiversion family reports it
  if (is_kubernetes_kind(av, kind)) {
    ctx.report(rule::kKindUnchecked, &info, at,
               what + " has no built-in schema in berth; its fields are not checked");
    return;
  }
  std::vector<const KindSchema*> known = registry.versions_of(kind);
  std::string table_versions;
  for (const ApiKind& k : kubernetes_kinds())
    if (k.kind == kind)
      table_versions += (table_versions.empty() ? "" : ", ") + std::string(k.api_version);
  bool same_group_elsewhere = std::any_of(known.begin(), known.end(), [&](const KindSchema* s) {
    return group_of(s->api_version) == info.group() && s->source != Source::BuiltInCrd;
  });
  bool kubernetes_elsewhere = !table_versions.empty() && is_kubernetes_group(info.group()) &&
                              av.find("alpha") == std::string::npos;
  if (registry.complete(av) || same_group_elsewhere || kubernetes_elsewhere) {
    std::string served = join_versions(known);
    if (!table_versions.empty() && served.find(table_versions) == std::string::npos)
      served += (served.empty() ? "" : ", ") + table_versions;
    std::string message, fix;
    if (!served.empty()) {
      message = kind + " is not served as " + av + "; it is served as " + served;
      fix = "set apiVersion to " + served.substr(0, served.find(','));
    } else {
      message = av + " has no kind " + kind;
      Closest closest(kind);
      for (std::string_view k : registry.kinds_of(av))
        closest.offer(k);
      for (const ApiKind& k : kubernetes_kinds())
        if (k.api_version == av) closest.offer(k.kind);
      if (!closest.best().empty()) fix = "did you mean kind: " + std::string(closest.best()) + "?";
    }
    ctx.report(rule::kKindUnknown, &info, at, std::move(message), std::move(fix));
    return;
  }
  std::string message = "no schema for " + what + "; the object is not checked";
  if (!known.empty()) message += " (berth knows " + kind + " as " + join_versions(known) + ")";
  std::string fix; // a misspelt kind of a group berth knows some kinds of
  Closest closest(kind);
  for (std::string_view k : registry.kinds_of(av))
    closest.offer(k);
  if (!closest.best().empty())
    fix = "did you mean kind: " + std::string(closest.best()) +
          "? Otherwise pass its CustomResourceDefinition with --crds";
  ctx.report(rule::kKindNotKnown, &info, at, std::move(message), std::move(fix));
}

} // namespace

void check_object(const Object& object, Context& ctx) {
  const ObjectInfo& info = object.info;
  if (skip_kind(info)) return;
  const yaml::Node& root = object.root;
  if (!root.is_mapping()) return; // not an object: the input family reports documents
  const yaml::Node* av = root.find("apiVersion");
  const yaml::Node* kind = root.find("kind");
  bool av_ok = av && av->is_scalar() && av->is_string() && !av->value().empty();
  bool kind_ok = kind && kind->is_scalar() && kind->is_string() && !kind->value().empty();
  if (!av_ok || !kind_ok) {
    std::string missing = !av_ok && !kind_ok ? "apiVersion and kind"
                          : !av_ok           ? "apiVersion"
                                             : "kind";
    const yaml::Node* bad = !av_ok ? av : kind;
    bool present = bad && !bad->is_null();
    ctx.report(rule::kKindMissing, &info, present ? bad->loc() : root.loc(),
               present ? missing + " must be a non-empty string" : "missing " + missing);
    return;
  }
  const Registry& registry = ctx.schemas();
  const KindSchema* schema = registry.find(info.api_version, info.kind);
  if (!schema) {
    unknown_kind(object, ctx, registry);
    return;
  }
  ValidateOptions options;
  options.patch = info.patch;
  options.crd = schema->source == Source::Crd || schema->source == Source::BuiltInCrd;
  validate(registry.graph(), schema->type, object, ctx, options);
}

std::unique_ptr<Registry> load_registry(const Options& options) {
  auto registry = std::make_unique<Registry>();
  load_builtin(*registry);
  if (!options.openapi.empty()) load_openapi_file(*registry, options.openapi);
  for (const std::string& path : options.crds)
    load_crds_path(*registry, path);
  return registry;
}

} // namespace berth::check::schema
