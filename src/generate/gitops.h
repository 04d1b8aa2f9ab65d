// The GitOps layer over what the other generators produced (exposed for tests): kustomizations,
// ArgoCD Applications or Flux objects (gitops.tool), the CI workflow.
#pragma once

#include <string>
#include <vector>

#include "generate/context.h"
#include "yaml/node.h"

namespace berth::generate {

// "overlays/<env>/alerts/" — objects that live outside the app's namespace.
std::string alerts_dir(const std::string& env);
bool has_alerts(const Output& out, const std::string& env);

// base/kustomization.yaml: every base path relative to base/, sorted.
yaml::Node base_kustomization(const Output& out);
// overlays/<env>/kustomization.yaml.
yaml::Node overlay_kustomization(const Context& ctx, const Output& out,
                                 const profile::Environment& env);
// overlays/<env>/alerts/kustomization.yaml (no namespace: the objects carry theirs).
yaml::Node alerts_kustomization(const Output& out, const std::string& env);

// The tag an overlay starts with, before CI sets a real one: "<prefix>initial".
std::string initial_tag(const profile::Environment& env);

// Deployments (names) scaled by an HPA in `env` (base or that overlay).
std::vector<std::string> hpa_targets(const Output& out, const std::string& env);

// argocd/<app>-<env>.yaml and argocd/<app>-<env>-alerts.yaml.
yaml::Node argocd_application(const Context& ctx, const profile::Environment& env,
                              const std::vector<std::string>& hpa_deployments);
yaml::Node argocd_alerts_application(const Context& ctx, const profile::Environment& env);
// Repository path of the tree of `env` ("deploy/<app>/overlays/<env>").
std::string gitops_path(const Context& ctx, const std::string& env);

// --- flux.cpp (gitops.tool: flux) -----------------------------------------------------------
// flux/<app>-source.yaml: the one GitRepository (named <app>) every Kustomization of the app
// reads. flux/<app>-<env>.yaml and flux/<app>-<env>-alerts.yaml: the Kustomizations.
yaml::Node flux_git_repository(const Context& ctx);
yaml::Node flux_kustomization(const Context& ctx, const profile::Environment& env,
                              const std::vector<std::string>& hpa_deployments);
yaml::Node flux_alerts_kustomization(const Context& ctx, const profile::Environment& env);
std::string flux_source_name(const Context& ctx);
// gitops.repo_url as Flux accepts it (git@host:org/repo → ssh://git@host/org/repo).
std::string flux_git_url(const std::string& url);
// ssh URLs need a deploy key: GitRepository.spec.secretRef names flux_auth_secret_name().
bool flux_needs_auth_secret(const Context& ctx);
std::string flux_auth_secret_name(const Context& ctx);

// .github/workflows/build.yaml; a null node when nothing is built.
yaml::Node ci_workflow(const Context& ctx);
// Build context relative to the enclosing git repository's root (else to the project).
std::string repo_relative(const std::string& path, const std::string& project_directory);

} // namespace berth::generate
