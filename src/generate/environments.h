// Per-environment objects (exposed for tests): Namespace, ResourceQuota, LimitRange, pull secret.
#pragma once

#include <string>

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

} // namespace berth::generate
