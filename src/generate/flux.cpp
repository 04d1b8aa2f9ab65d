// Flux objects (gitops.tool: flux): one GitRepository per application and a Kustomization per
// environment overlay and per environment's alerts folder — the Flux counterparts of the ArgoCD
// Applications, with the same repository paths.
#include "generate/gitops.h"
#include "kube/object.h"

namespace berth::generate {

using yaml::Node;

namespace {

bool all_hex(std::string_view s) {
  for (char c : s)
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'))) return false;
  return true;
}

void add_standard_labels(const Context& ctx, Node& object, const std::string& name) {
  for (const auto& [k, v] : kube::standard_labels(ctx.plan.app, name))
    kube::set_label(object, k, v);
}

// The shared JSON6902 patch that leaves spec.replicas of an HPA-scaled Deployment out of what
// Flux applies, so its server-side apply field manager never owns the field the HPA sets.
Node drop_replicas_patch(const std::string& deployment) {
  Node target = Node::mapping();
  target.set("group", Node::str("apps"));
  target.set("version", Node::str("v1"));
  target.set("kind", Node::str("Deployment"));
  target.set("name", Node::str(deployment));
  Node patch = Node::mapping();
  patch.set("patch", Node::str("- op: remove\n  path: /spec/replicas\n"));
  patch.set("target", std::move(target));
  return patch;
}

// Strategic-merge patch annotating the overlay's Namespace so that pruning (deleting or renaming
// the Kustomization) never deletes the namespace and with it the data volumes in it.
Node keep_namespace_patch(const std::string& ns) {
  Node target = Node::mapping();
  target.set("kind", Node::str("Namespace"));
  target.set("name", Node::str(ns));
  Node patch = Node::mapping();
  patch.set("patch",
            Node::str("apiVersion: v1\nkind: Namespace\nmetadata:\n  name: " + ns +
                      "\n  annotations:\n    kustomize.toolkit.fluxcd.io/prune: disabled\n"));
  patch.set("target", std::move(target));
  return patch;
}

Node kustomization(const Context& ctx, const std::string& name, const std::string& path) {
  const profile::GitOps& g = ctx.profile.gitops;
  Node k =
      kube::make_object("kustomize.toolkit.fluxcd.io/v1", "Kustomization", name, g.flux_namespace);
  add_standard_labels(ctx, k, name);
  Node spec = Node::mapping();
  spec.set("interval", Node::str("10m"));
  // The ArgoCD retry-with-backoff analogue: a failed apply or health check is retried sooner
  // than the next regular interval.
  spec.set("retryInterval", Node::str("2m"));
  spec.set("timeout", Node::str("5m"));
  Node source = Node::mapping();
  source.set("kind", Node::str("GitRepository"));
  source.set("name", Node::str(flux_source_name(ctx)));
  spec.set("sourceRef", std::move(source));
  spec.set("path", Node::str("./" + path));
  spec.set("prune", Node::boolean(true));
  spec.set("wait", Node::boolean(true));
  // No targetNamespace: the overlay's kustomization.yaml already sets the namespace (and holds
  // the Namespace object); the alerts folder's rules carry the rules namespace, which a
  // targetNamespace would override.
  k.set("spec", std::move(spec));
  return k;
}

} // namespace

std::string flux_source_name(const Context& ctx) {
  return ctx.plan.app;
}

std::string flux_git_url(const std::string& url) {
  // Flux accepts http(s):// and ssh:// only; scp-like git@host:org/repo becomes ssh://.
  if (url.starts_with("git@")) {
    std::size_t colon = url.find(':');
    if (colon != std::string::npos)
      return "ssh://" + url.substr(0, colon) + "/" + url.substr(colon + 1);
  }
  return url;
}

bool flux_needs_auth_secret(const Context& ctx) {
  return flux_git_url(ctx.profile.gitops.repo_url).starts_with("ssh://");
}

std::string flux_auth_secret_name(const Context& ctx) {
  return ctx.plan.app + "-git-auth";
}

Node flux_git_repository(const Context& ctx) {
  const profile::GitOps& g = ctx.profile.gitops;
  const std::string name = flux_source_name(ctx);
  Node r =
      kube::make_object("source.toolkit.fluxcd.io/v1", "GitRepository", name, g.flux_namespace);
  add_standard_labels(ctx, r, name);
  Node spec = Node::mapping();
  spec.set("interval", Node::str("1m"));
  spec.set("url", Node::str(flux_git_url(g.repo_url)));
  // ArgoCD's targetRevision is a branch, a tag, a commit or a full ref; Flux names which.
  Node ref = Node::mapping();
  const std::string& rev = g.revision;
  if (rev.size() == 40 && all_hex(rev))
    ref.set("commit", Node::str(rev));
  else if (rev.starts_with("refs/"))
    ref.set("name", Node::str(rev));
  else if (!rev.empty() && rev != "HEAD")
    ref.set("branch", Node::str(rev));
  if (ref.size() > 0) spec.set("ref", std::move(ref));
  if (flux_needs_auth_secret(ctx)) {
    Node secret = Node::mapping();
    secret.set("name", Node::str(flux_auth_secret_name(ctx)));
    spec.set("secretRef", std::move(secret));
  }
  r.set("spec", std::move(spec));
  return r;
}

Node flux_kustomization(const Context& ctx, const profile::Environment& env,
                        const std::vector<std::string>& hpa_deployments) {
  Node k = kustomization(ctx, ctx.plan.app + "-" + env.name, gitops_path(ctx, env.name));
  Node patches = Node::sequence();
  patches.push(keep_namespace_patch(profile::namespace_for(env, ctx.plan.app)));
  for (const std::string& name : hpa_deployments)
    patches.push(drop_replicas_patch(name));
  k.find("spec")->set("patches", std::move(patches));
  return k;
}

Node flux_alerts_kustomization(const Context& ctx, const profile::Environment& env) {
  return kustomization(ctx, ctx.plan.app + "-" + env.name + "-alerts",
                       gitops_path(ctx, env.name) + "/alerts");
}

} // namespace berth::generate
