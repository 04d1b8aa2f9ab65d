// JUnit renderer: suites per file, cases per object, failures at warning and above, infos as
// output, XML escaping (attributes and text), summary suite, well-formedness by xmllint.
#include <gtest/gtest.h>

#include <sstream>

#include "report/check_report.h"
#include "report/fixture.h"
#include "support/test_support.h"

namespace berth::report {
namespace {

std::string junit(const check::Result& r) {
  std::ostringstream out;
  render_junit(r, test::catalog(), out);
  return out.str();
}

std::size_t occurrences(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (std::size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1))
    ++n;
  return n;
}

TEST(JunitReport, Golden) {
  EXPECT_EQ(junit(test::result()),
            R"xml(<?xml version="1.0" encoding="UTF-8"?>
<testsuites name="berth check" tests="5" failures="3" errors="0">
  <testsuite name="stdin" tests="1" failures="1" errors="0" skipped="0">
    <testcase classname="stdin" name="Ingress/web">
      <failure type="api-removed" message="networking.k8s.io/v1beta1 Ingress is not served since Kubernetes 1.22">stdin:2:13 error api-removed networking.k8s.io/v1beta1 Ingress is not served since Kubernetes 1.22
fix: Change apiVersion to the replacement.</failure>
    </testcase>
  </testsuite>
  <testsuite name="apps/web.yaml" tests="2" failures="1" errors="0" skipped="0">
    <testcase classname="apps/web.yaml" name="Deployment/web (namespace shop)">
      <failure type="probe-missing" message="container &quot;web&quot; has no readinessProbe">apps/web.yaml:12:7 warning probe-missing container "web" has no readinessProbe
fix: Add a readinessProbe to every container.</failure>
      <failure type="run-as-root" message="securityContext.runAsUser is 0 &lt;root&gt; &amp; &quot;privileged&quot; isn&apos;t &apos;false&apos;">apps/web.yaml:20:9 error run-as-root securityContext.runAsUser is 0 &lt;root&gt; &amp; "privileged" isn't 'false'
fix: set runAsNonRoot: true and runAsUser: 1000</failure>
    </testcase>
    <testcase classname="apps/web.yaml" name="Service/web">
      <system-out>apps/web.yaml:40:3 info monitor-label Service has no label release: naïve ✓ 日本
fix: Label the Service for discovery.
</system-out>
    </testcase>
  </testsuite>
  <testsuite name="broken dir/bad.yaml" tests="1" failures="1" errors="0" skipped="0">
    <testcase classname="broken dir/bad.yaml" name="broken dir/bad.yaml">
      <failure type="yaml-syntax" message="could not parse:&#10;mapping values are not allowed here">broken dir/bad.yaml:3:5 error yaml-syntax could not parse:
mapping values are not allowed here
fix: Fix the syntax at the position given.</failure>
    </testcase>
  </testsuite>
  <testsuite name="berth check" tests="1" failures="0" errors="0" skipped="0">
    <testcase classname="berth check" name="summary">
      <system-out>3 errors, 1 warning, 1 info in 3 files, 4 objects, 1234 bytes</system-out>
    </testcase>
  </testsuite>
</testsuites>
)xml");
}

TEST(JunitReport, EmptyResultStillHasATest) {
  std::string out = junit(test::empty_result());
  EXPECT_NE(out.find(R"(<testsuites name="berth check" tests="1" failures="0" errors="0">)"),
            std::string::npos)
      << out;
  EXPECT_EQ(occurrences(out, "<testsuite "), 1u);
  EXPECT_EQ(occurrences(out, "<failure"), 0u);
}

check::Result hostile() {
  check::Result r = test::empty_result();
  r.findings = {test::finding("probe-missing", check::Severity::Warning, "a&b<c>.yaml", 1, 1,
                              "Deployment/x\"y", "n's",
                              "esc \x1b[2J bell \x07 bad \xff end \xEF\xBF\xBE"),
                test::finding("run-as-root", check::Severity::Error, "a&b<c>.yaml", 2, 1,
                              "Deployment/x\"y", "n's", "tab\there\r\nnext", "]]> in fix")};
  return r;
}

TEST(JunitReport, HostileTextIsEscaped) {
  std::string out = junit(hostile());
  EXPECT_NE(out.find(R"(<testsuite name="a&amp;b&lt;c&gt;.yaml")"), std::string::npos) << out;
  EXPECT_NE(out.find(R"x(name="Deployment/x&quot;y (namespace n&apos;s)")x"), std::string::npos);
  EXPECT_NE(out.find(R"(message="esc \x1b[2J bell \x07 bad � end �")"), std::string::npos) << out;
  EXPECT_NE(out.find(R"(message="tab&#9;here&#13;&#10;next")"), std::string::npos);
  EXPECT_NE(out.find("]]&gt; in fix"), std::string::npos);
  EXPECT_EQ(out.find('\x1b'), std::string::npos);
  EXPECT_EQ(out.find('\x07'), std::string::npos);
}

TEST(JunitReport, Deterministic) {
  EXPECT_EQ(junit(test::result()), junit(test::result()));
}

// xmllint checks well-formedness and answers XPath counts independently of our own output code.
class JunitXmllint : public ::testing::Test {
protected:
  void SetUp() override {
    if (!berth::test::have_program("xmllint")) GTEST_SKIP() << "xmllint is not installed";
  }
  berth::test::RunResult xpath(const std::string& xml, const std::string& expr) {
    auto r = berth::test::run("xmllint --xpath '" + expr + "' -", xml);
    if (!r.out.empty() && r.out.back() == '\n') r.out.pop_back();
    return r;
  }
};

TEST_F(JunitXmllint, WellFormedAndCountsAgree) {
  for (const check::Result& r : {test::result(), test::empty_result(), hostile()}) {
    std::string xml = junit(r);
    auto lint = berth::test::run("xmllint --noout -", xml);
    EXPECT_EQ(lint.exit_code, 0) << lint.err << xml;
  }
  std::string xml = junit(test::result());
  EXPECT_EQ(xpath(xml, "count(//testsuite)").out, "4");
  EXPECT_EQ(xpath(xml, "count(//testcase)").out, "5");
  EXPECT_EQ(xpath(xml, "count(//testcase[failure])").out, "3");
  EXPECT_EQ(xpath(xml, "sum(//testsuite/@tests)").out, "5");
  EXPECT_EQ(xpath(xml, "string(/testsuites/@tests)").out, "5");
  // Attribute values read back exactly, newline included.
  EXPECT_EQ(xpath(xml, "string(//failure[@type=\"yaml-syntax\"]/@message)").out,
            "could not parse:\nmapping values are not allowed here");
  EXPECT_EQ(xpath(xml, "string(//failure[@type=\"run-as-root\"]/@message)").out,
            "securityContext.runAsUser is 0 <root> & \"privileged\" isn't 'false'");
}

} // namespace
} // namespace berth::report
