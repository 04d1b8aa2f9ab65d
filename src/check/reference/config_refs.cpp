// Pod specs → ConfigMaps, Secrets, PVCs and ServiceAccounts they need (only with --complete:
// a partial set legitimately refers to objects created elsewhere).
#include "check/reference/checks.h"

namespace berth::check::reference {

namespace {

struct RefRule {
  std::string_view rule, what;
};

RefRule rule_of(RefKind k) {
  switch (k) {
  case RefKind::ConfigMap:
    return {"configmap-ref-missing", "ConfigMap"};
  case RefKind::Secret:
    return {"secret-ref-missing", "Secret"};
  case RefKind::PersistentVolumeClaim:
    return {"pvc-ref-missing", "PersistentVolumeClaim"};
  case RefKind::ServiceAccount:
    return {"serviceaccount-ref-missing", "ServiceAccount"};
  }
  return {};
}

} // namespace

void check_config_refs(const Lookup& l, Context& ctx) {
  if (!ctx.options().complete) return;
  for (const PodsFacts& p : l.data().pods) {
    const std::string& ns = l.ns(*p.object);
    for (const RefFact& r : p.refs) {
      if (l.provides(r.kind, ns, r.name)) continue;
      RefRule rr = rule_of(r.kind);
      ctx.report(rr.rule, p.object, r.loc,
                 std::string(rr.what) + " \"" + r.name + "\" (" + r.via + ") is not in " +
                     describe_namespace(ns));
    }
  }
}

} // namespace berth::check::reference
