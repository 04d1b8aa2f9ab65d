// API-version family: flags apiVersion/kind pairs the target Kubernetes version no longer serves
// (error) or serves with a deprecation warning, naming the replacement and what else changes.
#include "check/apiversion/apiversion.h"

#include <string>

#include "kube/api_catalog.h"

namespace berth::check::apiversion {

namespace {

std::string version_text(int major, int minor) {
  return std::to_string(major) + "." + std::to_string(minor);
}
std::string version_text(const kube::MinorVersion& v) {
  return version_text(v.major, v.minor);
}

bool at_or_after(const KubeVersion& target, const kube::MinorVersion& v) {
  return target.major > v.major || (target.major == v.major && target.minor >= v.minor);
}

// "set apiVersion: X" plus the structural note, or the note alone when nothing replaces it.
std::string fix_text(const kube::ApiChange& c) {
  std::string fix;
  if (!c.replacement.empty())
    fix = "set apiVersion: " + std::string(c.replacement);
  else
    fix = "remove this object";
  if (!c.note.empty()) fix += "; " + std::string(c.note);
  return fix;
}

std::string pair_text(const kube::ApiChange& c) {
  return std::string(c.api_version) + " " + std::string(c.kind);
}

} // namespace

std::vector<RuleInfo> rules() {
  return {
      {"api-removed", Family::ApiVersion, Area::Delivery, Severity::Error, true,
       "apiVersion/kind no longer served by the target Kubernetes version (--k8s-version)",
       "Change apiVersion to the replacement and apply the structural changes it needs "
       "(`berth import` migrates them).",
       "The API server rejects objects of an API version it stops serving, so the apply fails "
       "before anything starts. The table covers every removal from 1.16 to 1.32 (pluto's and "
       "kubent's subject)."},
      {"api-deprecated", Family::ApiVersion, Area::Delivery, Severity::Warning, true,
       "apiVersion/kind deprecated in the target Kubernetes version and removed in a later one",
       "Move to the replacement apiVersion before upgrading the cluster past its removal.",
       "Still served, with a warning on every request; the manifest breaks on the upgrade that "
       "removes it."},
  };
}

void check_object(const Object& object, Context& ctx) {
  const kube::ApiChange* c = kube::find_api_change(object.info.api_version, object.info.kind);
  if (!c) return;
  const KubeVersion& target = ctx.options().k8s_version;
  const yaml::Node* field = object.root.is_mapping() ? object.root.find("apiVersion") : nullptr;
  Location loc = field ? field->loc() : Location{};
  std::string target_text = version_text(target.major, target.minor);

  bool removed = c->removed_in.minor != 0 && at_or_after(target, c->removed_in);
  if (removed) {
    if (!ctx.enabled("api-removed")) return;
    std::string msg = pair_text(*c) + " is not served since Kubernetes " +
                      version_text(c->removed_in) + " (target " + target_text + ")";
    msg += c->replacement.empty() ? "; it has no replacement API"
                                  : "; use " + std::string(c->replacement);
    ctx.report("api-removed", &object.info, loc, std::move(msg), fix_text(*c));
    return;
  }
  if (!at_or_after(target, c->deprecated_in) || !ctx.enabled("api-deprecated")) return;
  std::string msg =
      pair_text(*c) + " is deprecated since Kubernetes " + version_text(c->deprecated_in);
  if (c->removed_in.minor != 0) msg += " and removed in " + version_text(c->removed_in);
  msg += " (target " + target_text + ")";
  msg += c->replacement.empty() ? "; it has no replacement API"
                                : "; use " + std::string(c->replacement);
  ctx.report("api-deprecated", &object.info, loc, std::move(msg), fix_text(*c));
}

} // namespace berth::check::apiversion
