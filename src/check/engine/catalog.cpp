// The rule catalog of `berth check`: the input family's rules (problems reading the manifests
// themselves) followed by every rule family's own list.
#include "check/apiversion/apiversion.h"
#include "check/capacity/capacity.h"
#include "check/engine/engine.h"
#include "check/engine/file_pass.h"
#include "check/policy/policy.h"
#include "check/reference/reference.h"
#include "check/schema/schema.h"

namespace berth::check {

namespace {

std::vector<RuleInfo> input_rules() {
  // Input problems hide everything inside the document, so they are errors and count against
  // delivery (a tree that does not parse does not deploy).
  return {
      {kRuleYamlSyntax, Family::Input, Area::Delivery, Severity::Error, true,
       "The file is not well-formed YAML/JSON; nothing after the error was checked",
       "Fix the syntax at the reported position (indentation, quoting, tabs, a duplicate key).",
       "kubectl apply and kustomize reject the whole file. Documents before the error are still "
       "checked; berth exits with code 2 because part of the input could not be used."},
      {kRuleInputUnreadable, Family::Input, Area::Delivery, Severity::Error, true,
       "A file or directory of the input could not be read",
       "Check the path's permissions, or exclude it in .berth-check.yaml.", ""},
      {kRuleObjectNotMapping, Family::Input, Area::Delivery, Severity::Error, true,
       "A YAML document is a list or a scalar, not a Kubernetes object",
       "Each document must be a mapping with apiVersion, kind and metadata; separate objects "
       "with `---` or wrap them in a `kind: List` with `items`.",
       ""},
      {kRuleObjectKindMissing, Family::Input, Area::Delivery, Severity::Error, true,
       "A document has no apiVersion or no kind, so it is not a Kubernetes object",
       "Add apiVersion and kind, or exclude non-Kubernetes YAML (Helm values, CI files) with "
       "`exclude` in .berth-check.yaml.",
       "kubeconform reports the same as `missing 'kind' key`. Documents of files that a "
       "kustomization lists as patches may omit them."},
      {kRuleListItemInvalid, Family::Input, Area::Delivery, Severity::Error, true,
       "An item of a `kind: List` (or *List) is not an object, or `items` is not a list",
       "`items` must be a sequence of mappings, each a complete Kubernetes object.", ""},
  };
}

std::vector<RuleInfo> all_rules() {
  std::vector<RuleInfo> all = input_rules();
  for (auto family :
       {schema::rules, policy::rules, reference::rules, capacity::rules, apiversion::rules}) {
    std::vector<RuleInfo> rules = family();
    all.insert(all.end(), rules.begin(), rules.end());
  }
  return all;
}

} // namespace

const Catalog& catalog() {
  static const Catalog instance(all_rules());
  return instance;
}

} // namespace berth::check
