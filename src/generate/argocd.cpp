// ArgoCD Applications: one per environment overlay, one per environment's alerts folder.
#include <algorithm>

#include "generate/gitops.h"
#include "kube/object.h"

namespace berth::generate {

using yaml::Node;

namespace {

Node sync_policy(bool create_namespace) {
  Node automated = Node::mapping();
  automated.set("prune", Node::boolean(true));
  automated.set("selfHeal", Node::boolean(true));
  Node policy = Node::mapping();
  policy.set("automated", std::move(automated));
  if (create_namespace) {
    Node options = Node::sequence();
    options.push(Node::str("CreateNamespace=true"));
    policy.set("syncOptions", std::move(options));
  }
  Node backoff = Node::mapping();
  backoff.set("duration", Node::str("5s"));
  backoff.set("factor", Node::integer(2));
  backoff.set("maxDuration", Node::str("3m"));
  Node retry = Node::mapping();
  retry.set("limit", Node::integer(5));
  retry.set("backoff", std::move(backoff));
  policy.set("retry", std::move(retry));
  return policy;
}

Node application(const Context& ctx, const std::string& name, const std::string& path,
                 const std::string& dest_ns, bool create_namespace) {
  const profile::GitOps& g = ctx.profile.gitops;
  Node a = kube::make_object("argoproj.io/v1alpha1", "Application", name, g.argocd_namespace);
  for (const auto& [k, v] : kube::standard_labels(ctx.plan.app, name)) kube::set_label(a, k, v);
  Node spec = Node::mapping();
  spec.set("project", Node::str(g.project));
  Node source = Node::mapping();
  source.set("repoURL", Node::str(g.repo_url));
  source.set("targetRevision", Node::str(g.revision));
  source.set("path", Node::str(path));
  spec.set("source", std::move(source));
  Node dest = Node::mapping();
  dest.set("server", Node::str("https://kubernetes.default.svc"));
  dest.set("namespace", Node::str(dest_ns));
  spec.set("destination", std::move(dest));
  spec.set("syncPolicy", sync_policy(create_namespace));
  a.set("spec", std::move(spec));
  return a;
}

} // namespace

std::string gitops_path(const Context& ctx, const std::string& env) {
  std::string root = profile::expand(ctx.profile.gitops.path, ctx.plan.app, env);
  while (!root.empty() && root.back() == '/') root.pop_back();
  return (root.empty() ? std::string() : root + "/") + "overlays/" + env;
}

std::vector<std::string> hpa_targets(const Output& out, const std::string& env) {
  std::vector<std::string> names;
  auto scan = [&](const Manifest& m) {
    const Node* kind = m.object.find("kind");
    if (!kind || kind->value() != "HorizontalPodAutoscaler") return;
    const Node* spec = m.object.find("spec");
    const Node* ref = spec ? spec->find("scaleTargetRef") : nullptr;
    const Node* rk = ref ? ref->find("kind") : nullptr;
    const Node* rn = ref ? ref->find("name") : nullptr;
    if (rk && rn && rk->value() == "Deployment") names.push_back(rn->value());
  };
  for (const Manifest& m : out.base) scan(m);
  if (auto it = out.overlay.find(env); it != out.overlay.end())
    for (const Manifest& m : it->second) scan(m);
  std::sort(names.begin(), names.end());
  names.erase(std::unique(names.begin(), names.end()), names.end());
  return names;
}

Node argocd_application(const Context& ctx, const profile::Environment& env,
                        const std::vector<std::string>& hpa_deployments) {
  Node a = application(ctx, ctx.plan.app + "-" + env.name, gitops_path(ctx, env.name),
                       profile::namespace_for(env, ctx.plan.app), true);
  if (!hpa_deployments.empty()) {
    // The HPA owns spec.replicas; without this ArgoCD would fight it on every sync.
    Node ignore = Node::sequence();
    for (const std::string& name : hpa_deployments) {
      Node d = Node::mapping();
      d.set("group", Node::str("apps"));
      d.set("kind", Node::str("Deployment"));
      d.set("name", Node::str(name));
      Node pointers = Node::sequence();
      pointers.push(Node::str("/spec/replicas"));
      d.set("jsonPointers", std::move(pointers));
      ignore.push(std::move(d));
    }
    a.find("spec")->set("ignoreDifferences", std::move(ignore));
    Node& options = *a.find("spec")->find("syncPolicy")->find("syncOptions");
    options.push(Node::str("RespectIgnoreDifferences=true"));
  }
  return a;
}

Node argocd_alerts_application(const Context& ctx, const profile::Environment& env) {
  // The rules namespace belongs to the monitoring stack: never created by this Application.
  return application(ctx, ctx.plan.app + "-" + env.name + "-alerts",
                     gitops_path(ctx, env.name) + "/alerts",
                     ctx.profile.observability.rules_namespace, false);
}

} // namespace berth::generate
