// Tests for the Compose multi-file merge rules on canonical trees, incl. !reset and !override.
#include <gtest/gtest.h>

#include "common/error.h"
#include "compose/canonical.h"
#include "compose/merge.h"
#include "yaml/emit.h"
#include "yaml/parse.h"

namespace berth::compose {
namespace {

using yaml::Node;

Node canon(const std::string& text, const std::string& name) {
  Node file = yaml::parse_document(text, name);
  canonicalize_file(file);
  return file;
}

// Merges two canonicalized files and returns the result.
Node merged(const std::string& base, const std::string& over) {
  Node b = canon(base, "compose.yaml");
  merge_project(b, canon(over, "override.yaml"));
  return b;
}

// The service `web` of merge(base, over) where both declare `web` with the given bodies.
Node web(const std::string& base_body, const std::string& over_body) {
  Node m = merged("services:\n  web:\n" + base_body, "services:\n  web:\n" + over_body);
  return *m.find("services")->find("web");
}

// The canonical form of a service body written in YAML.
Node canon_web(const std::string& body) {
  return *canon("services:\n  web:\n" + body, "expected.yaml").find("services")->find("web");
}

#define EXPECT_NODE_EQ(actual, expected)                                                       \
  do {                                                                                         \
    Node expected_ = (expected);                                                               \
    Node actual_ = (actual);                                                                   \
    EXPECT_TRUE(actual_ == expected_) << "got:\n" << yaml::emit(actual_) << "expected:\n"      \
                                      << yaml::emit(expected_);                                \
  } while (0)

TEST(Merge, ScalarsReplacedMappingsMerged) {
  EXPECT_NODE_EQ(web("    image: a\n    restart: always\n", "    image: b\n    user: \"1000\"\n"),
                 canon_web("    image: b\n    restart: always\n    user: \"1000\"\n"));
}

TEST(Merge, CommandEntrypointAndHealthcheckTestReplaced) {
  EXPECT_NODE_EQ(web("    command: [echo, foo]\n    entrypoint: [sh]\n"
                     "    healthcheck: {test: [CMD, a], interval: 5s}\n",
                     "    command: [echo, bar]\n    entrypoint: [bash, -c]\n"
                     "    healthcheck: {test: \"b\", retries: 3}\n"),
                 canon_web("    command: [echo, bar]\n    entrypoint: [bash, -c]\n"
                           "    healthcheck: {test: [CMD-SHELL, b], interval: 5s, retries: 3}\n"));
}

TEST(Merge, PortsUniqueByHostIpPublishedTargetProtocol) {
  EXPECT_NODE_EQ(web("    ports: [\"8080:80\", \"443:443\"]\n",
                     "    ports: [\"8080:80\", \"8080:80/udp\", {target: 443, published: 443, name: tls}]\n"),
                 canon_web("    ports: [\"8080:80\", {target: 443, published: 443, name: tls}, \"8080:80/udp\"]\n"));
}

TEST(Merge, VolumesUniqueByTarget) {
  EXPECT_NODE_EQ(web("    volumes: [\"./original:/app\", \"data:/data\"]\n",
                     "    volumes: [\"./new:/app:ro\", \"logs:/logs\"]\n"),
                 canon_web("    volumes: [\"./new:/app:ro\", \"data:/data\", \"logs:/logs\"]\n"));
}

TEST(Merge, SecretsAndConfigsUniqueByTarget) {
  EXPECT_NODE_EQ(web("    secrets: [a, {source: b, target: /x}]\n    configs: [c]\n",
                     "    secrets: [{source: a, mode: 0o400}, {source: z, target: /x}]\n    configs: [c, d]\n"),
                 canon_web("    secrets: [{source: a, mode: 0o400}, {source: z, target: /x}]\n"
                           "    configs: [c, d]\n"));
}

TEST(Merge, UniqueStringListsAppendWithoutRepeats) {
  EXPECT_NODE_EQ(web("    dns: 1.1.1.1\n    cap_add: [NET_ADMIN]\n    expose: [\"80\"]\n",
                     "    dns: [8.8.8.8, 1.1.1.1]\n    cap_add: [NET_ADMIN, SYS_TIME]\n    expose: [80, 81]\n"),
                 canon_web("    dns: [1.1.1.1, 8.8.8.8]\n    cap_add: [NET_ADMIN, SYS_TIME]\n"
                           "    expose: [\"80\", \"81\"]\n"));
}

TEST(Merge, OtherSequencesAppend) {
  EXPECT_NODE_EQ(web("    security_opt: [a]\n", "    security_opt: [b]\n"),
                 canon_web("    security_opt: [a, b]\n"));
}

TEST(Merge, EnvironmentAndLabelsMergedByKey) {
  EXPECT_NODE_EQ(web("    environment: [\"A=1\", \"B=2\"]\n    labels: {x: \"1\"}\n",
                     "    environment: {B: 3, C: null}\n    labels: [\"y=2\"]\n"),
                 canon_web("    environment: {A: \"1\", B: \"3\", C: null}\n    labels: {x: \"1\", y: \"2\"}\n"));
}

TEST(Merge, DependsOnAndNetworksMergedByName) {
  EXPECT_NODE_EQ(web("    depends_on: [db]\n    networks: {front: {aliases: [a]}}\n",
                     "    depends_on: {db: {condition: service_healthy}, cache: {condition: service_started}}\n"
                     "    networks: {front: {aliases: [a, b]}, back: null}\n"),
                 canon_web("    depends_on: {db: {condition: service_healthy}, cache: {condition: service_started}}\n"
                           "    networks: {front: {aliases: [a, b]}, back: null}\n"));
}

TEST(Merge, NullNetworkOverrideKeepsBaseOptions) {
  EXPECT_NODE_EQ(web("    networks: {front: {ipv4_address: 10.0.0.2}}\n", "    networks: [front]\n"),
                 canon_web("    networks: {front: {ipv4_address: 10.0.0.2}}\n"));
}

TEST(Merge, BuildMergedAsMapping) {
  EXPECT_NODE_EQ(web("    build: ./app\n", "    build: {dockerfile: Dockerfile.prod, args: [\"V=2\"]}\n"),
                 canon_web("    build: {context: ./app, dockerfile: Dockerfile.prod, args: {V: \"2\"}}\n"));
}

TEST(Merge, LoggingOptionsMergeOnlyForTheSameDriver) {
  EXPECT_NODE_EQ(web("    logging: {driver: json-file, options: {max-size: 10m}}\n",
                     "    logging: {options: {max-file: \"3\"}}\n"),
                 canon_web("    logging: {driver: json-file, options: {max-size: 10m, max-file: \"3\"}}\n"));
  EXPECT_NODE_EQ(web("    logging: {driver: json-file, options: {max-size: 10m}}\n",
                     "    logging: {driver: syslog, options: {tag: x}}\n"),
                 canon_web("    logging: {driver: syslog, options: {tag: x}}\n"));
}

TEST(Merge, UlimitsReplacedPerLimit) {
  EXPECT_NODE_EQ(web("    ulimits: {nofile: {soft: 1, hard: 2}, nproc: 5}\n", "    ulimits: {nofile: 10}\n"),
                 canon_web("    ulimits: {nofile: 10, nproc: 5}\n"));
}

TEST(Merge, ExtraHostsUnionOfIps) {
  EXPECT_NODE_EQ(web("    extra_hosts: [\"a=1.1.1.1\"]\n", "    extra_hosts: [\"a=1.1.1.1\", \"a=2.2.2.2\", \"b:3.3.3.3\"]\n"),
                 canon_web("    extra_hosts: {a: [1.1.1.1, 2.2.2.2], b: [3.3.3.3]}\n"));
}

TEST(Merge, ResetRemovesKeysAndValues) {
  EXPECT_NODE_EQ(web("    image: myapp\n    ports: [\"8080:80\"]\n    environment: {FOO: BAR, KEEP: \"1\"}\n",
                     "    image: myapp\n    ports: !reset []\n    environment: {FOO: !reset null}\n"),
                 canon_web("    image: myapp\n    environment: {KEEP: \"1\"}\n"));
}

TEST(Merge, OverrideReplacesInsteadOfMerging) {
  Node w = web("    image: myapp\n    ports: [\"8080:80\"]\n", "    ports: !override [\"8443:443\"]\n");
  EXPECT_NODE_EQ(w, canon_web("    image: myapp\n    ports: [\"8443:443\"]\n"));
  EXPECT_EQ(w.find("ports")->tag(), "");
}

TEST(Merge, TagsNeverReachTheResult) {
  Node m = merged("services:\n  web: {image: a}\n",
                  "services:\n  api:\n    image: b\n    ports: !override [\"80\"]\n    labels: {x: !reset null}\n");
  const Node& api = *m.find("services")->find("api");
  EXPECT_EQ(api.find("ports")->tag(), "");
  EXPECT_FALSE(api.find("labels")->has("x"));
}

TEST(Merge, ResetRemovesAWholeService) {
  Node m = merged("services:\n  web: {image: a}\n  debug: {image: b}\n", "services:\n  debug: !reset null\n");
  EXPECT_FALSE(m.find("services")->has("debug"));
  EXPECT_TRUE(m.find("services")->has("web"));
}

TEST(Merge, TopLevelResourcesByNameAndNameReplaced) {
  Node m = merged("name: one\nservices: {}\nvolumes: {data: {driver: local}}\nx-common: {a: 1}\n",
                  "name: two\nservices: {}\nvolumes: {data: {labels: [\"k=v\"]}, logs: }\nx-common: {b: 2}\n");
  EXPECT_NODE_EQ(m, canon("name: two\nservices: {}\nvolumes: {data: {driver: local, labels: {k: v}}, logs: {}}\n"
                          "x-common: {a: 1, b: 2}\n",
                          "expected.yaml"));
}

TEST(Merge, NetworksIpamConfigBySubnet) {
  Node m = merged("services: {}\nnetworks: {n: {ipam: {config: [{subnet: 10.0.0.0/24}]}}}\n",
                  "services: {}\nnetworks: {n: {ipam: {config: [{subnet: 10.0.0.0/24, gateway: 10.0.0.1}, "
                  "{subnet: 10.1.0.0/24}]}}}\n");
  EXPECT_NODE_EQ(*m.find("networks"),
                 yaml::parse_document("{n: {ipam: {config: [{subnet: 10.0.0.0/24, gateway: 10.0.0.1}, "
                                      "{subnet: 10.1.0.0/24}]}}}",
                                      "expected.yaml"));
}

TEST(Merge, IncompatibleShapesAreAnErrorAtTheOverride) {
  try {
    merged("services:\n  web:\n    x-a: [1]\n", "services:\n  web:\n    x-a: {b: 1}\n");
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("override.yaml:3:10"), std::string::npos) << e.what();
  }
}

TEST(Merge, MergeServiceForExtends) {
  Node base = canon_web("    image: base\n    environment: [A=1]\n");
  merge_service(base, canon_web("    environment: [B=2]\n"));
  EXPECT_NODE_EQ(base, canon_web("    image: base\n    environment: [A=1, B=2]\n"));
}

TEST(Merge, StripMergeTagsForASingleFile) {
  Node file = canon("services:\n  web:\n    ports: !override [\"80\"]\n    image: !reset x\n", "c.yaml");
  strip_merge_tags(file);
  const Node& w = *file.find("services")->find("web");
  EXPECT_EQ(w.find("ports")->tag(), "");
  EXPECT_FALSE(w.has("image"));
}

} // namespace
} // namespace berth::compose
