// Tests for Compose service `volumes`, `tmpfs` and `devices` canonicalization.
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

TEST(CanonicalVolumes, NamedVolume) {
  EXPECT_YAML_EQ(canon_key("volumes", "[\"db-data:/var/lib/postgresql/data\"]"),
                 "- {type: volume, source: db-data, target: /var/lib/postgresql/data, volume: {}}");
}

TEST(CanonicalVolumes, AnonymousVolume) {
  EXPECT_YAML_EQ(canon_key("volumes", "[/data]"), "- {type: volume, target: /data, volume: {}}");
}

TEST(CanonicalVolumes, RelativeBindCreatesHostPath) {
  EXPECT_YAML_EQ(canon_key("volumes", "[\"./conf:/etc/nginx/conf.d\"]"),
                 "- {type: bind, source: ./conf, target: /etc/nginx/conf.d, "
                 "bind: {create_host_path: true}}");
}

TEST(CanonicalVolumes, HomeAbsoluteAndSlashPathsAreBinds) {
  for (const char* source : {"~/x", "/abs", "../up", "sub/dir"}) {
    Node v = canon_key("volumes", std::string("[\"") + source + ":/t\"]");
    EXPECT_EQ(v.items()[0].find("type")->value(), "bind") << source;
    EXPECT_EQ(v.items()[0].find("source")->value(), source);
  }
}

TEST(CanonicalVolumes, ReadOnlyAndSelinux) {
  EXPECT_YAML_EQ(canon_key("volumes", "[\"./data:/data:ro,Z\"]"),
                 "- {type: bind, source: ./data, target: /data, read_only: true, "
                 "bind: {create_host_path: true, selinux: Z}}");
}

TEST(CanonicalVolumes, ReadWriteIsTheDefault) {
  EXPECT_YAML_EQ(canon_key("volumes", "[\"cache:/cache:rw\"]"),
                 "- {type: volume, source: cache, target: /cache, volume: {}}");
}

TEST(CanonicalVolumes, NocopyAndConsistencyAndPropagation) {
  EXPECT_YAML_EQ(canon_key("volumes", "[\"cache:/cache:nocopy\"]"),
                 "- {type: volume, source: cache, target: /cache, volume: {nocopy: true}}");
  EXPECT_YAML_EQ(canon_key("volumes", "[\"/src:/src:cached,rshared\"]"),
                 "- {type: bind, source: /src, target: /src, consistency: cached, "
                 "bind: {propagation: rshared, create_host_path: true}}");
}

TEST(CanonicalVolumes, LongSyntaxValidatedAndKept) {
  EXPECT_YAML_EQ(canon_key("volumes", "[{type: tmpfs, target: /tmp, tmpfs: {size: 1000000}}]"),
                 "- {type: tmpfs, target: /tmp, tmpfs: {size: 1000000}}");
  EXPECT_YAML_EQ(canon_key("volumes", "[{type: bind, source: ., target: /app, read_only: \"true\"}]"),
                 "- {type: bind, source: ., target: /app, read_only: true}");
}

TEST(CanonicalVolumes, Errors) {
  EXPECT_NE(error_of("volumes", "[\"a:b:c:d\"]").find("services.web.volumes[0]: expected \"[SOURCE:]TARGET[:MODE]\""),
            std::string::npos);
  EXPECT_NE(error_of("volumes", "[\"data:/d:rx\"]").find("unknown mode \"rx\""), std::string::npos);
  EXPECT_NE(error_of("volumes", "[\"data:/d:z\"]").find("bind mounts only"), std::string::npos);
  EXPECT_NE(error_of("volumes", "[{type: blob, target: /x}]").find("services.web.volumes[0].type: expected one of"),
            std::string::npos);
  EXPECT_NE(error_of("volumes", "[{type: volume, source: x}]").find("missing \"target\""), std::string::npos);
  EXPECT_NE(error_of("volumes", "[{type: bind, target: /x, bind: {selinux: q}}]").find("bind.selinux"),
            std::string::npos);
  EXPECT_NE(error_of("volumes", "[{type: volume, target: /x, readonly: true}]").find("did you mean \"read_only\""),
            std::string::npos);
}

TEST(CanonicalTmpfs, StringBecomesList) {
  EXPECT_YAML_EQ(canon_key("tmpfs", "/run"), "[/run]");
  EXPECT_YAML_EQ(canon_key("tmpfs", "[/run, /tmp]"), "[/run, /tmp]");
}

TEST(CanonicalDevices, ShortSyntax) {
  EXPECT_YAML_EQ(canon_key("devices", "[\"/dev/ttyUSB0:/dev/ttyUSB1:r\", /dev/sda]"),
                 "- {source: /dev/ttyUSB0, target: /dev/ttyUSB1, permissions: r}\n"
                 "- {source: /dev/sda, target: /dev/sda, permissions: rwm}");
}

} // namespace
} // namespace berth::compose
