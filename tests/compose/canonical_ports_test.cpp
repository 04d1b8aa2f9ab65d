// Tests for Compose `ports`/`expose` canonicalization (short syntax → long form, errors).
#include <gtest/gtest.h>

#include "canonical_fixture.h"
#include "support/yaml_assert.h"

#include "common/error.h"
#include "compose/canonical.h"
#include "yaml/emit.h"
#include "yaml/parse.h"

namespace berth::compose {
namespace {

using yaml::Node;
using test::canon_key;
using test::error_of;

TEST(CanonicalPorts, ContainerOnlyInteger) {
  EXPECT_YAML_EQ(canon_key("ports", "[80]"), "- {mode: ingress, target: 80, protocol: tcp}");
}

TEST(CanonicalPorts, ContainerOnlyString) {
  EXPECT_YAML_EQ(canon_key("ports", "[\"80\"]"), "- {mode: ingress, target: 80, protocol: tcp}");
}

TEST(CanonicalPorts, HostAndContainer) {
  EXPECT_YAML_EQ(canon_key("ports", "[\"49100:22\"]"),
                 "- {mode: ingress, target: 22, published: \"49100\", protocol: tcp}");
}

TEST(CanonicalPorts, HostIpV4) {
  EXPECT_YAML_EQ(canon_key("ports", "[\"127.0.0.1:8001:8001\"]"),
                 "- {mode: ingress, host_ip: 127.0.0.1, target: 8001, published: \"8001\", "
                 "protocol: tcp}");
}

TEST(CanonicalPorts, HostIpV6InBrackets) {
  EXPECT_YAML_EQ(canon_key("ports", "[\"[::1]:80:80\"]"),
                 "- {mode: ingress, host_ip: \"::1\", target: 80, published: \"80\", protocol: tcp}");
}

TEST(CanonicalPorts, HostIpWithoutHostPort) {
  EXPECT_YAML_EQ(canon_key("ports", "[\"127.0.0.1::5000\"]"),
                 "- {mode: ingress, host_ip: 127.0.0.1, target: 5000, protocol: tcp}");
}

TEST(CanonicalPorts, Udp) {
  EXPECT_YAML_EQ(canon_key("ports", "[\"6060:6060/udp\"]"),
                 "- {mode: ingress, target: 6060, published: \"6060\", protocol: udp}");
}

TEST(CanonicalPorts, EqualRangesExpandOnePerPort) {
  EXPECT_YAML_EQ(canon_key("ports", "[\"9090-9091:8080-8081\"]"),
                 "- {mode: ingress, target: 8080, published: \"9090\", protocol: tcp}\n"
                 "- {mode: ingress, target: 8081, published: \"9091\", protocol: tcp}");
  EXPECT_EQ(canon_key("ports", "[\"8000-8010:8000-8010\"]").size(), 11u);
}

TEST(CanonicalPorts, ContainerRangeWithoutHost) {
  EXPECT_YAML_EQ(canon_key("ports", "[\"3000-3001\"]"),
                 "- {mode: ingress, target: 3000, protocol: tcp}\n"
                 "- {mode: ingress, target: 3001, protocol: tcp}");
}

TEST(CanonicalPorts, HostRangeForOneContainerPortStaysARange) {
  EXPECT_YAML_EQ(canon_key("ports", "[\"9090-9091:8080\"]"),
                 "- {mode: ingress, target: 8080, published: \"9090-9091\", protocol: tcp}");
}

TEST(CanonicalPorts, LongSyntaxDefaultsAndTypes) {
  EXPECT_YAML_EQ(canon_key("ports", "[{target: \"80\", published: 8080, app_protocol: http, name: web}]"),
                 "- {name: web, mode: ingress, target: 80, published: \"8080\", protocol: tcp, "
                 "app_protocol: http}");
}

TEST(CanonicalPorts, LongSyntaxKeepsHostModeAndExtensions) {
  EXPECT_YAML_EQ(canon_key("ports", "[{target: 53, protocol: UDP, mode: host, x-note: dns}]"),
                 "- {mode: host, target: 53, protocol: udp, x-note: dns}");
}

TEST(CanonicalPorts, TooManyColonsIsAnError) {
  std::string e = error_of("ports", "[\"80\", \"81\", \"80:80:80:80\"]");
  EXPECT_NE(e.find("compose.yaml:3:"), std::string::npos) << e;
  EXPECT_NE(e.find("services.web.ports[2]: expected \"[HOST_IP:][HOST:]CONTAINER[/PROTO]\", got "
                   "\"80:80:80:80\""),
            std::string::npos)
      << e;
}

TEST(CanonicalPorts, MismatchedRangesAreAnError) {
  EXPECT_NE(error_of("ports", "[\"8000-8002:80-81\"]").find("ranges differ"), std::string::npos);
}

TEST(CanonicalPorts, BadProtocolAndPortNumbers) {
  EXPECT_NE(error_of("ports", "[\"80/xyz\"]").find("protocol"), std::string::npos);
  EXPECT_NE(error_of("ports", "[\"70000\"]").find("invalid container port"), std::string::npos);
  EXPECT_NE(error_of("ports", "[\"a:80\"]").find("invalid host port"), std::string::npos);
}

TEST(CanonicalPorts, LongSyntaxErrors) {
  EXPECT_NE(error_of("ports", "[{published: 80}]").find("missing \"target\""), std::string::npos);
  EXPECT_NE(error_of("ports", "[{target: 80, hostip: x}]").find("unknown key \"hostip\""),
            std::string::npos);
  EXPECT_NE(error_of("ports", "\"80:80\"").find("expected a sequence of ports"), std::string::npos);
}

TEST(CanonicalPorts, OverrideTagIsKept) {
  Node ports = canon_key("ports", "!override [\"8443:443\"]");
  EXPECT_EQ(ports.tag(), "!override");
  EXPECT_EQ(ports.items()[0].find("target")->value(), "443");
}

TEST(CanonicalPorts, LocationsPointIntoTheSource) {
  Node ports = canon_key("ports", "\n      - \"8080:80\"");
  EXPECT_EQ(ports.items()[0].loc().line, 4u);
  EXPECT_EQ(ports.items()[0].find("target")->loc().line, 4u);
}

TEST(CanonicalExpose, StringsAndNumbers) {
  EXPECT_YAML_EQ(canon_key("expose", "[80, \"8000-8010\", 9000/udp]"),
                 "[\"80\", \"8000-8010\", \"9000/udp\"]");
}

TEST(CanonicalExpose, Malformed) {
  EXPECT_NE(error_of("expose", "[\"80:80\"]").find("services.web.expose[0]: expected \"PORT[-PORT][/PROTO]\""),
            std::string::npos);
}

} // namespace
} // namespace berth::compose
