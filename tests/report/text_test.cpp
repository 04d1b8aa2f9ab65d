// Text renderer: grep-friendly finding lines grouped by object, fixes, escaping, colour only
// when asked, summary and scorecard, empty result, determinism.
#include <gtest/gtest.h>

#include <regex>
#include <sstream>

#include "report/check_report.h"
#include "report/fixture.h"

namespace berth::report {
namespace {

std::string text(const check::Result& r, bool color = false) {
  std::ostringstream out;
  render_text(r, test::catalog(), out, color);
  return out.str();
}

TEST(TextReport, GoldenWithoutColour) {
  EXPECT_EQ(text(test::result()),
            "== stdin  Ingress/web\n"
            "stdin:2:13 error api-removed networking.k8s.io/v1beta1 Ingress is not served since "
            "Kubernetes 1.22\n"
            "  fix: Change apiVersion to the replacement.\n"
            "\n"
            "== apps/web.yaml  Deployment/web  (namespace shop)\n"
            "apps/web.yaml:12:7 warning probe-missing container \"web\" has no readinessProbe\n"
            "  fix: Add a readinessProbe to every container.\n"
            "apps/web.yaml:20:9 error run-as-root securityContext.runAsUser is 0 <root> & "
            "\"privileged\" isn't 'false'\n"
            "  fix: set runAsNonRoot: true and runAsUser: 1000\n"
            "\n"
            "== apps/web.yaml  Service/web\n"
            "apps/web.yaml:40:3 info monitor-label Service has no label release: naïve ✓ 日本\n"
            "  fix: Label the Service for discovery.\n"
            "\n"
            "== broken dir/bad.yaml\n"
            "broken dir/bad.yaml:3:5 error yaml-syntax could not parse:\\nmapping values are not "
            "allowed here\n"
            "  fix: Fix the syntax at the position given.\n"
            "\n"
            "3 errors, 1 warning, 1 info in 3 files, 4 objects, 1234 bytes\n"
            "\n"
            "scorecard        score  errors  warnings  infos\n"
            "  security         5.0       1         0      0\n"
            "  reliability      8.0       0         1      0\n"
            "  observability   10.0       0         0      1\n"
            "  data-safety     10.0       0         0      0\n"
            "  delivery         4.0       2         0      0\n"
            "  overall          7.4\n");
}

TEST(TextReport, EveryFindingLineIsGrepFriendly) {
  std::istringstream lines(text(test::result()));
  std::regex finding(R"(^[^ ]+( [^ ]+)*:\d+:\d+ (error|warning|info) [a-z0-9-]+ .+$)");
  int count = 0;
  for (std::string line; std::getline(lines, line);)
    if (std::regex_match(line, finding)) ++count;
  EXPECT_EQ(count, 5);
}

TEST(TextReport, ColourOnlyWhenAskedAndOnlyAsStyling) {
  std::string plain = text(test::result(), false);
  std::string coloured = text(test::result(), true);
  EXPECT_EQ(plain.find('\x1b'), std::string::npos);
  EXPECT_NE(coloured.find("\x1b[1;31merror\x1b[0m"), std::string::npos);
  EXPECT_NE(coloured.find("\x1b[33mwarning\x1b[0m"), std::string::npos);
  std::string stripped = std::regex_replace(coloured, std::regex("\x1b\\[[0-9;]*m"), "");
  EXPECT_EQ(stripped, plain);
}

TEST(TextReport, HostileTextCannotEscapeItsLine) {
  check::Result r = test::empty_result();
  r.findings = {test::finding("probe-missing", check::Severity::Warning, "a\nb.yaml", 1, 1,
                              "Deployment/x\x1b[2J", "", "evil \x1b]0;title\x07 and \xff byte")};
  std::string out = text(r);
  EXPECT_EQ(out.find('\x1b'), std::string::npos);
  EXPECT_EQ(out.find('\x07'), std::string::npos);
  EXPECT_NE(
      out.find(
          "a\\nb.yaml:1:1 warning probe-missing evil \\x1b]0;title\\x07 and \xEF\xBF\xBD byte"),
      std::string::npos)
      << out;
}

TEST(TextReport, EmptyResult) {
  std::string out = text(test::empty_result());
  EXPECT_EQ(out.rfind("0 errors, 0 warnings, 0 infos in 0 files, 0 objects, 0 bytes\n\n", 0), 0u)
      << out;
  EXPECT_NE(out.find("  overall         10.0\n"), std::string::npos);
}

TEST(TextReport, Deterministic) {
  EXPECT_EQ(text(test::result()), text(test::result()));
}

} // namespace
} // namespace berth::report
