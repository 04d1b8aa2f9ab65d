// Loads Compose fixtures through the real loader and planner for generator tests.
#include "fixture.h"

#include <gtest/gtest.h>

#include "compose/load.h"
#include "compose/to_model.h"
#include "support/test_support.h"
#include "yaml/emit.h"

namespace berth::generate::test {

namespace {

// Local spelling, so the fixture does not depend on whichever file implements to_string.
const char* disposition_name(Disposition d) {
  switch (d) {
  case Disposition::Translated: return "translated";
  case Disposition::Inferred: return "inferred";
  case Disposition::Dropped: return "dropped";
  case Disposition::Manual: return "manual";
  }
  return "?";
}

} // namespace

const ServicePlan& Fixture::service(const std::string& compose_name) const {
  const ServicePlan* sp = plan.find(compose_name);
  if (!sp) {
    ADD_FAILURE() << "no service " << compose_name << " in the plan";
    static const ServicePlan empty;
    return empty;
  }
  return *sp;
}

std::string Fixture::report_of(const std::string& service, const std::string& key) const {
  std::string out;
  for (const ReportEntry& e : report.entries)
    if (e.service == service && e.key == key)
      out += std::string(disposition_name(e.disposition)) + ": " + e.detail + "\n";
  return out;
}

namespace {

std::unique_ptr<Fixture> plan_dir(const std::string& dir,
                                  const std::map<std::string, std::string>& env,
                                  const profile::Profile& profile, const ConvertOptions& options) {
  compose::LoadOptions lo;
  lo.working_dir = dir;
  lo.process_env = {{"HOME", "/home/tester"}};
  for (const auto& [k, v] : env) lo.process_env[k] = v;
  auto f = std::make_unique<Fixture>();
  f->dir = dir;
  f->app = compose::to_model(compose::load_project(lo));
  f->profile = profile;
  f->plan = plan_app(f->app, f->profile, options, f->report);
  return f;
}

} // namespace

std::unique_ptr<Fixture> load_fixture_with(const std::string& compose_yaml,
                                           const profile::Profile& profile,
                                           const std::map<std::string, std::string>& env,
                                           const ConvertOptions& options) {
  std::filesystem::path dir = std::filesystem::weakly_canonical(berth::test::temp_dir("berth-plan"));
  berth::test::write_file(dir / "compose.yaml", compose_yaml);
  std::string dotenv;
  for (const auto& [k, v] : env) dotenv += k + "=" + v + "\n";
  if (!env.empty()) berth::test::write_file(dir / ".env", dotenv);
  return plan_dir(dir.string(), {}, profile, options);
}

std::unique_ptr<Fixture> load_fixture(const std::string& compose_yaml,
                                      const std::map<std::string, std::string>& env,
                                      const ConvertOptions& options) {
  return load_fixture_with(compose_yaml, profile::default_profile(), env, options);
}

std::unique_ptr<Fixture> load_project_dir(const std::string& dir,
                                          const std::map<std::string, std::string>& env) {
  return plan_dir(dir, env, profile::default_profile(), {});
}

std::string emitted(const Output& out, const std::string& path) {
  for (const Manifest& m : out.base)
    if (m.path == path) return yaml::emit(m.object);
  return "<no " + path + ">";
}

std::string report_of(const Output& out, const std::string& service, const std::string& key) {
  std::string text;
  for (const ReportEntry& e : out.report.entries)
    if (e.service == service && e.key == key)
      text += std::string(to_string(e.disposition)) + ": " + e.detail + "\n";
  return text;
}

} // namespace berth::generate::test
