// ServiceMonitor → Services: servicemonitor-selector-no-match, servicemonitor-port-missing.
#include "check/reference/set_fixture.h"

namespace berth::check::test {
namespace {

const char* kService = R"(apiVersion: v1
kind: Service
metadata:
  name: api
  namespace: shop
  labels: {app.kubernetes.io/name: api}
spec:
  ports: [{name: metrics, port: 9090}]
)";

// Line 10: the selector mapping (column 5); line 13: endpoints[0].port (column 13).
std::string monitor(std::string_view label, std::string_view port,
                    std::string_view names = "[shop]") {
  return R"(apiVersion: monitoring.coreos.com/v1
kind: ServiceMonitor
metadata:
  name: api
  namespace: monitoring
spec:
  namespaceSelector:
    matchNames: )" +
         std::string(names) + R"(
  selector:
    matchLabels:
      app.kubernetes.io/name: )" +
         std::string(label) + R"(
  endpoints:
    - port: )" +
         std::string(port) + "\n";
}

TEST(ServiceMonitorSelector, MatchingServiceAndPortPass) {
  SetRun s;
  s.add("svc.yaml", kService).add("sm.yaml", monitor("api", "metrics"));
  EXPECT_TRUE(s.problems().empty()) << dump(s.problems());
}

TEST(ServiceMonitorSelector, NoServiceInTheWatchedNamespacesIsAWarning) {
  SetRun s;
  s.add("svc.yaml", kService).add("sm.yaml", monitor("api", "metrics", "[other]"));
  Finding f = only(s.run(), "servicemonitor-selector-no-match");
  EXPECT_EQ(f.severity, Severity::Warning);
  EXPECT_EQ(at(f), "10:5");
  EXPECT_EQ(f.message, "selector app.kubernetes.io/name=api matches no Service in namespaces "
                       "other (it selects Service labels, not pod labels)");
}

TEST(ServiceMonitorSelector, OwnNamespaceByDefaultAndAnyNamespace) {
  std::string own = monitor("api", "metrics");
  own.erase(own.find("  namespaceSelector:"),
            std::string("  namespaceSelector:\n    matchNames: [shop]\n").size());
  SetRun s;
  s.add("svc.yaml", kService).add("sm.yaml", own);
  EXPECT_EQ(of(s.run(), "servicemonitor-selector-no-match").size(), 1u);
  SetRun any;
  std::string anyns = monitor("api", "metrics");
  anyns.replace(anyns.find("matchNames: [shop]"), 18, "any: true");
  any.add("svc.yaml", kService).add("sm.yaml", anyns);
  EXPECT_TRUE(any.problems().empty()) << dump(any.problems());
}

TEST(ServiceMonitorSelector, PodLabelsDoNotCount) {
  SetRun s;
  s.add("svc.yaml", kService).add("sm.yaml", monitor("web", "metrics"));
  EXPECT_EQ(of(s.run(), "servicemonitor-selector-no-match").size(), 1u);
}

TEST(ServiceMonitorPort, UnknownPortNameIsAWarningAtThePort) {
  SetRun s;
  s.add("svc.yaml", kService).add("sm.yaml", monitor("api", "http"));
  Finding f = only(s.run(), "servicemonitor-port-missing");
  EXPECT_EQ(at(f), "13:13");
  EXPECT_EQ(f.message,
            "endpoint port \"http\" is not a port name of Service \"api\" (ports: metrics)");
}

TEST(ServiceMonitorSelector, SilentWithoutServicesUnlessComplete) {
  SetRun s;
  s.add("sm.yaml", monitor("api", "metrics"));
  EXPECT_TRUE(s.run().empty());
  s.options.complete = true;
  EXPECT_EQ(of(s.run(), "servicemonitor-selector-no-match").size(), 1u);
}

} // namespace
} // namespace berth::check::test
