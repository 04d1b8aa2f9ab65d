// A handcrafted `berth check` result shared by the renderer tests: several files (stdin among
// them), objects with and without namespace, a file-level finding, every severity, and messages
// with quotes, markup characters, newlines and non-ASCII text.
#pragma once

#include <algorithm>
#include <string>
#include <vector>

#include "check/engine/engine.h"
#include "check/scorecard.h"
#include "common/error.h"

namespace berth::report::test {

inline const check::Catalog& catalog() {
  using namespace check;
  static const Catalog c({
      {"yaml-syntax", Family::Input, Area::Delivery, Severity::Error, true,
       "the file is not valid YAML", "Fix the syntax at the position given.", ""},
      {"run-as-root", Family::Policy, Area::Security, Severity::Error, true,
       "containers may run as root", "Set securityContext.runAsNonRoot: true.",
       "Root in a container is root on the node once anything escapes."},
      {"probe-missing", Family::Policy, Area::Reliability, Severity::Warning, true,
       "containers without a readiness probe", "Add a readinessProbe to every container.", ""},
      {"unused-rule", Family::Policy, Area::Reliability, Severity::Warning, true, "never fires",
       "Nothing.", ""},
      {"monitor-label", Family::Policy, Area::Observability, Severity::Info, true,
       "Services without the monitoring label", "Label the Service for discovery.", ""},
      {"api-removed", Family::ApiVersion, Area::Delivery, Severity::Error, true,
       "apiVersion no longer served", "Change apiVersion to the replacement.", ""},
  });
  return c;
}

inline check::Finding finding(std::string rule, check::Severity s, std::string file, unsigned line,
                              unsigned col, std::string object, std::string ns, std::string message,
                              std::string fix = {}) {
  check::Finding f;
  f.rule = std::move(rule);
  f.severity = s;
  f.file = std::move(file);
  f.loc = Location{intern(f.file), line, col};
  f.object = std::move(object);
  f.ns = std::move(ns);
  f.message = std::move(message);
  f.fix = std::move(fix);
  return f;
}

inline check::Result result() {
  using check::Severity;
  check::Result r;
  r.findings = {
      finding("probe-missing", Severity::Warning, "apps/web.yaml", 12, 7, "Deployment/web", "shop",
              "container \"web\" has no readinessProbe"),
      finding("run-as-root", Severity::Error, "apps/web.yaml", 20, 9, "Deployment/web", "shop",
              "securityContext.runAsUser is 0 <root> & \"privileged\" isn't 'false'",
              "set runAsNonRoot: true and runAsUser: 1000"),
      finding("monitor-label", Severity::Info, "apps/web.yaml", 40, 3, "Service/web", "",
              "Service has no label release: naïve ✓ 日本"),
      finding("yaml-syntax", Severity::Error, "broken dir/bad.yaml", 3, 5, "", "",
              "could not parse:\nmapping values are not allowed here"),
      finding("api-removed", Severity::Error, "-", 2, 13, "Ingress/web", "",
              "networking.k8s.io/v1beta1 Ingress is not served since Kubernetes 1.22"),
  };
  std::sort(r.findings.begin(), r.findings.end());
  r.files = 3;
  r.documents = 4;
  r.objects = 4;
  r.bytes = 1234;
  r.scorecard = check::compute_scorecard(r.findings, catalog(), r.objects);
  return r;
}

inline check::Result empty_result() {
  check::Result r;
  r.scorecard = check::compute_scorecard({}, catalog(), 0);
  return r;
}

} // namespace berth::report::test
