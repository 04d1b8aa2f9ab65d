// Shared helper for generator tests: a Compose text loaded, modelled and planned with the
// default profile.
#pragma once

#include <map>
#include <memory>
#include <string>

#include "generate/output.h"
#include "generate/plan.h"
#include "model/app.h"
#include "profile/profile.h"

namespace berth::generate::test {

// Non-copyable and non-movable: plan.services[i].service points into `app`.
struct Fixture {
  model::App app;
  profile::Profile profile;
  AppPlan plan;
  Report report;
  std::string dir; // the temp project directory

  Fixture() = default;
  Fixture(const Fixture&) = delete;
  Fixture& operator=(const Fixture&) = delete;

  const ServicePlan& service(const std::string& compose_name) const; // fails the test if absent
  // Report entries of `service` (compose name) with `key`, joined as "disposition: detail\n".
  std::string report_of(const std::string& service, const std::string& key) const;
};

// Writes compose.yaml (and a .env holding `env`) to a temp dir, loads it (project name from the
// top-level `name:` or the dir), plans with `profile` (default: profile::default_profile()).
// Throws berth::Error like the loader / plan_app do.
std::unique_ptr<Fixture> load_fixture(const std::string& compose_yaml,
                                      const std::map<std::string, std::string>& env = {},
                                      const ConvertOptions& options = {});
std::unique_ptr<Fixture> load_fixture_with(const std::string& compose_yaml,
                                           const profile::Profile& profile,
                                           const std::map<std::string, std::string>& env = {},
                                           const ConvertOptions& options = {});
// Loads an existing project directory (examples/, corpus apps) the same way.
std::unique_ptr<Fixture> load_project_dir(const std::string& dir,
                                          const std::map<std::string, std::string>& env = {});

// The emitted YAML of the base manifest at `path`, or "<no PATH>".
std::string emitted(const Output& out, const std::string& path);
// Report entries of one service and key, one "disposition: detail" line each.
std::string report_of(const Output& out, const std::string& service, const std::string& key);

} // namespace berth::generate::test
