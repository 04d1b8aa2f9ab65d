// Per-environment objects (exposed for tests): Namespace, ResourceQuota, LimitRange, pull secret.
#pragma once

#include <string>

#include "generate/context.h"
#include "profile/profile.h"
#include "yaml/node.h"

namespace berth::generate {

yaml::Node namespace_object(const profile::Environment& env, const std::string& app);
yaml::Node resource_quota(const profile::Environment& env, const std::string& app);
yaml::Node limit_range(const profile::Environment& env, const std::string& app);
// The image pull Secret as a template (REPLACE_ME), never a kustomize resource.
std::string pull_secret_template(const profile::Environment& env, const std::string& app,
                                 const std::string& name);
std::string pull_secret_template_path(const profile::Environment& env, const std::string& name);

// secrets.method external-secrets: the pull secret as an ExternalSecret writing a
// kubernetes.io/dockerconfigjson Secret from property `dockerconfigjson` of
// "<app>/<env>/<name>".
yaml::Node pull_secret_external_secret(const Context& ctx, const profile::Environment& env,
                                       const std::string& name);
std::string pull_secret_external_secret_path(const profile::Environment& env,
                                             const std::string& name);
// secrets.method plain: the `kubectl create secret docker-registry ... --dry-run=client -o yaml`
// command writing the filled Secret into the overlay (berth has no registry credentials), and
// the template whose header gives it.
std::string pull_secret_create_command(const Context& ctx, const profile::Environment& env,
                                       const std::string& name);
std::string plain_pull_secret_template(const Context& ctx, const profile::Environment& env,
                                       const std::string& name);

} // namespace berth::generate
