// Tests for the canonical forms of service keys and the validation of service and top-level keys.
#include <gtest/gtest.h>

#include "support/yaml_assert.h"

#include <filesystem>

#include "common/error.h"
#include "compose/canonical.h"
#include "support/test_support.h"
#include "yaml/emit.h"
#include "yaml/parse.h"

namespace berth::compose {
namespace {

using yaml::Node;

Node canon(const std::string& text) {
  Node file = yaml::parse_document(text, "compose.yaml");
  canonicalize_file(file);
  return file;
}

Node canon_key(const std::string& key, const std::string& body) {
  Node file = canon("services:\n  web:\n    " + key + ": " + body + "\n");
  return *file.find("services")->find("web")->find(key);
}

std::string error_of(const std::string& text) {
  try {
    canon(text);
  } catch (const Error& e) {
    return e.what();
  }
  return "(no error)";
}


TEST(CanonicalService, DependsOnListBecomesMap) {
  EXPECT_YAML_EQ(canon_key("depends_on", "[db, cache]"),
                 "db: {condition: service_started, required: true}\n"
                 "cache: {condition: service_started, required: true}");
}

TEST(CanonicalService, DependsOnLongFormDefaults) {
  EXPECT_YAML_EQ(canon_key("depends_on", "{db: {condition: service_healthy}, cache: {required: false, restart: true}}"),
                 "db: {condition: service_healthy, required: true}\n"
                 "cache: {condition: service_started, restart: true, required: false}");
}

TEST(CanonicalService, DependsOnBadCondition) {
  std::string e = error_of("services:\n  web:\n    depends_on:\n      db:\n        condition: healthy\n");
  EXPECT_NE(e.find("compose.yaml:5:20: services.web.depends_on.db.condition: expected one of"),
            std::string::npos)
      << e;
}

TEST(CanonicalService, EnvironmentListBecomesMap) {
  EXPECT_YAML_EQ(canon_key("environment", "[\"A=1\", B, \"C=x=y\", \"D=\"]"),
                 "{A: \"1\", B: null, C: \"x=y\", D: \"\"}");
}

TEST(CanonicalService, EnvironmentMapValuesStringified) {
  EXPECT_YAML_EQ(canon_key("environment", "{PORT: 8080, DEBUG: true, RATIO: 0.5, UNSET: null, S: text}"),
                 "{PORT: \"8080\", DEBUG: \"true\", RATIO: \"0.5\", UNSET: null, S: text}");
}

TEST(CanonicalService, EnvironmentRejectsNestedValues) {
  EXPECT_NE(error_of("services:\n  web:\n    environment: {A: [1]}\n")
                .find("services.web.environment.A: expected a string, number, boolean or null, got a sequence"),
            std::string::npos);
  EXPECT_NE(error_of("services:\n  web:\n    environment: \"A=1\"\n")
                .find("expected a mapping or a sequence of \"KEY=VALUE\" strings, got the string"),
            std::string::npos);
}

TEST(CanonicalService, LabelsListBecomesMapWithEmptyValues) {
  EXPECT_YAML_EQ(canon_key("labels", "[\"a=b\", flag]"), "{a: b, flag: \"\"}");
}

TEST(CanonicalService, SysctlsAndAnnotationsBecomeMaps) {
  EXPECT_YAML_EQ(canon_key("sysctls", "[\"net.core.somaxconn=1024\"]"),
                 "{net.core.somaxconn: \"1024\"}");
  EXPECT_YAML_EQ(canon_key("annotations", "{a: 1}"), "{a: \"1\"}");
}

TEST(CanonicalService, EnvFileForms) {
  EXPECT_YAML_EQ(canon_key("env_file", ".env"), "- {path: .env, required: true}");
  EXPECT_YAML_EQ(canon_key("env_file", "[a.env, {path: b.env, required: false, format: raw}]"),
                 "- {path: a.env, required: true}\n- {path: b.env, required: false, format: raw}");
}

TEST(CanonicalService, SecretsAndConfigsShortSyntax) {
  EXPECT_YAML_EQ(canon_key("secrets", "[db_password, {source: api, target: /run/api, mode: 0o440}]"),
                 "- {source: db_password}\n- {source: api, target: /run/api, mode: 0o440}");
  EXPECT_YAML_EQ(canon_key("configs", "[nginx]"), "- {source: nginx}");
}

TEST(CanonicalService, NetworksListBecomesMap) {
  EXPECT_YAML_EQ(canon_key("networks", "[front, back]"), "{front: null, back: null}");
  EXPECT_YAML_EQ(canon_key("networks", "{front: {aliases: [web1], priority: 10}, back: }"),
                 "{front: {aliases: [web1], priority: 10}, back: null}");
}

TEST(CanonicalService, NetworksUnknownOption) {
  EXPECT_NE(error_of("services:\n  web:\n    networks: {front: {alias: [x]}}\n")
                .find("services.web.networks.front: unknown key \"alias\""),
            std::string::npos);
}

TEST(CanonicalService, BuildStringBecomesContext) {
  EXPECT_YAML_EQ(canon_key("build", "./app"), "{context: ./app}");
  EXPECT_YAML_EQ(canon_key("build", "{context: ., args: [\"V=1\", NOVAL]}"),
                 "{context: ., args: {V: \"1\", NOVAL: null}}");
}

TEST(CanonicalService, ExtraHostsBecomeHostToIps) {
  EXPECT_YAML_EQ(canon_key("extra_hosts", "[\"somehost=162.242.195.82\", \"other:50.31.209.229\", \"v6=::1\"]"),
                 "{somehost: [162.242.195.82], other: [50.31.209.229], v6: [\"::1\"]}");
  EXPECT_YAML_EQ(canon_key("extra_hosts", "{a: 1.2.3.4, b: [5.6.7.8, 9.9.9.9]}"),
                 "{a: [1.2.3.4], b: [5.6.7.8, 9.9.9.9]}");
}

TEST(CanonicalService, DnsStringBecomesList) {
  EXPECT_YAML_EQ(canon_key("dns", "8.8.8.8"), "[8.8.8.8]");
  EXPECT_YAML_EQ(canon_key("dns_search", "example.com"), "[example.com]");
}

TEST(CanonicalService, UlimitsIntegerBecomesSoftHard) {
  EXPECT_YAML_EQ(canon_key("ulimits", "{nproc: 65535, nofile: {soft: 20000, hard: 40000}}"),
                 "{nproc: {soft: 65535, hard: 65535}, nofile: {soft: 20000, hard: 40000}}");
}

TEST(CanonicalService, HealthcheckTestStringBecomesCmdShell) {
  EXPECT_YAML_EQ(canon_key("healthcheck", "{test: \"curl -f http://localhost\", interval: 1m30s, retries: 3}"),
                 "{test: [CMD-SHELL, \"curl -f http://localhost\"], interval: 1m30s, retries: 3}");
  EXPECT_YAML_EQ(canon_key("healthcheck", "{test: [CMD, curl, -f, x], timeout: 10}"),
                 "{test: [CMD, curl, -f, x], timeout: \"10\"}");
}

TEST(CanonicalService, HealthcheckBadDuration) {
  EXPECT_NE(error_of("services:\n  web:\n    healthcheck: {interval: 10 seconds}\n")
                .find("services.web.healthcheck.interval: expected a duration"),
            std::string::npos);
}

TEST(CanonicalService, CommandAndEntrypointKept) {
  EXPECT_YAML_EQ(canon_key("command", "\"npm start\""), "npm start");
  EXPECT_YAML_EQ(canon_key("entrypoint", "[sh, -c]"), "[sh, -c]");
}

TEST(CanonicalService, InterpolatedScalarsAreCast) {
  EXPECT_YAML_EQ(canon_key("deploy", "{replicas: \"3\", resources: {limits: {cpus: \"0.5\", memory: 512M}}}"),
                 "{replicas: 3, resources: {limits: {cpus: \"0.5\", memory: 512M}}}");
  EXPECT_YAML_EQ(canon_key("read_only", "\"true\""), "true");
}

TEST(CanonicalService, DeployValidation) {
  EXPECT_NE(error_of("services:\n  web:\n    deploy: {replicas: many}\n")
                .find("services.web.deploy.replicas: expected an integer, got the string \"many\""),
            std::string::npos);
  EXPECT_NE(error_of("services:\n  web:\n    deploy: {resources: {limits: {gpu: 1}}}\n")
                .find("services.web.deploy.resources.limits: unknown key \"gpu\""),
            std::string::npos);
  EXPECT_YAML_EQ(canon_key("deploy", "{labels: [\"a=b\"], restart_policy: {condition: on-failure}}"),
                 "{labels: {a: b}, restart_policy: {condition: on-failure}}");
}

TEST(CanonicalService, UnknownServiceKeySuggestsTheRightOne) {
  std::string e = error_of("services:\n  web:\n    image: nginx\n    contaner_name: x\n");
  EXPECT_EQ(e, "compose.yaml:4:5: services.web: unknown key \"contaner_name\" (did you mean "
               "\"container_name\"?)");
}

TEST(CanonicalService, TypeMismatchNamesTheExpectedShape) {
  EXPECT_NE(error_of("services:\n  web:\n    image: [nginx]\n")
                .find("compose.yaml:3:12: services.web.image: expected a string, got a sequence"),
            std::string::npos);
  EXPECT_NE(error_of("services:\n  web:\n    cap_add: NET_ADMIN\n")
                .find("services.web.cap_add: expected a sequence of strings"),
            std::string::npos);
}

TEST(CanonicalService, ExtensionsAreKeptUntouched) {
  Node file = canon("services:\n  web:\n    x-berth: {kind: statefulset}\nx-common: &c {a: 1}\n");
  EXPECT_EQ(file.find("services")->find("web")->find("x-berth")->find("kind")->value(), "statefulset");
  EXPECT_TRUE(file.has("x-common"));
}

TEST(CanonicalService, ExtendsValidatedAndLeftInPlace) {
  EXPECT_YAML_EQ(canon_key("extends", "{service: base, file: common.yaml}"),
                 "{service: base, file: common.yaml}");
  EXPECT_YAML_EQ(canon_key("extends", "base"), "base");
  EXPECT_NE(error_of("services:\n  web:\n    extends: {file: x.yaml}\n").find("missing \"service\""),
            std::string::npos);
}

TEST(CanonicalService, ResetTagKeepsValueUnchecked) {
  Node env = canon_key("environment", "!reset null");
  EXPECT_EQ(env.tag(), "!reset");
  Node file = canon("services:\n  web:\n    environment:\n      FOO: !reset null\n      BAR: 1\n");
  const Node& e = *file.find("services")->find("web")->find("environment");
  EXPECT_EQ(e.find("FOO")->tag(), "!reset");
  EXPECT_EQ(e.find("BAR")->value(), "1");
}

TEST(CanonicalService, EmptyServiceIsAMapping) {
  Node file = canon("services:\n  web:\n");
  EXPECT_TRUE(file.find("services")->find("web")->is_mapping());
}

TEST(CanonicalService, EmptyCollectionKeysAreDropped) {
  Node file = canon("services:\n  web:\n    image: x\n    environment:\n    ports:\n    command:\n");
  const Node& web = *file.find("services")->find("web");
  EXPECT_FALSE(web.has("environment"));
  EXPECT_FALSE(web.has("ports"));
  EXPECT_TRUE(web.has("command")); // null command is meaningful (image default)
}

TEST(CanonicalService, CanonicalFormIsAFixedPoint) {
  Node once = canon(
      "services:\n  web:\n    ports: [\"80:80\", 90]\n    volumes: [\"./a:/a:ro\", b:/b]\n"
      "    depends_on: [db]\n    environment: [A=1]\n    env_file: .env\n    extra_hosts: [\"h=1.1.1.1\"]\n"
      "    healthcheck: {test: \"true\"}\n    ulimits: {nofile: 5}\n    build: .\n    devices: [/dev/x]\n"
      "    secrets: [s]\n    networks: [n]\n    expose: [80]\n");
  Node twice = once;
  canonicalize_file(twice);
  EXPECT_TRUE(once == twice) << yaml::emit(twice);
}

TEST(CanonicalTopLevel, UnknownKeyListsTheAllowedOnes) {
  std::string e = error_of("services: {}\nfoo: 1\n");
  EXPECT_NE(e.find("compose.yaml:2:1: unknown top-level key \"foo\" (expected one of version,"),
            std::string::npos)
      << e;
  EXPECT_NE(error_of("services: {}\nnetwork: {}\n").find("did you mean \"networks\""), std::string::npos);
}

TEST(CanonicalTopLevel, LegacyFileWithoutServicesIsNotRejected) {
  EXPECT_NO_THROW(canon("web:\n  image: nginx\n"));
}

TEST(CanonicalTopLevel, VersionAndNameAccepted) {
  EXPECT_NO_THROW(canon("version: \"3.8\"\nname: app\nservices: {}\n"));
}

TEST(CanonicalTopLevel, NullResourcesBecomeMappings) {
  Node file = canon("services: {}\nvolumes:\n  data:\nnetworks:\n  front:\n");
  EXPECT_YAML_EQ(*file.find("volumes"), "{data: {}}");
  EXPECT_YAML_EQ(*file.find("networks"), "{front: {}}");
}

TEST(CanonicalTopLevel, ResourceShapes) {
  Node file = canon(
      "services: {}\n"
      "volumes:\n  data: {external: {name: shared}, labels: [\"a=b\"]}\n"
      "networks:\n  front: {driver: bridge, ipam: {config: [{subnet: 10.0.0.0/24}]}}\n"
      "secrets:\n  pw: {file: ./pw.txt}\n"
      "configs:\n  conf: {content: \"hello\"}\n");
  EXPECT_YAML_EQ(*file.find("volumes"), "{data: {external: true, labels: {a: b}, name: shared}}");
  EXPECT_NE(error_of("services: {}\nsecrets:\n  pw: {path: x}\n").find("secrets.pw: unknown key \"path\""),
            std::string::npos);
  EXPECT_NE(error_of("services: {}\nvolumes:\n  d: {driver_opts: {type: [nfs]}}\n")
                .find("volumes.d.driver_opts.type: expected a string or a number"),
            std::string::npos);
}

TEST(CanonicalTopLevel, TopLevelMustBeAMapping) {
  EXPECT_NE(error_of("- a\n").find("expected a mapping at the top of the Compose file"), std::string::npos);
}

TEST(CanonicalCorpus, EveryAwesomeComposeFileCanonicalizes) {
  std::filesystem::path shared = test::shared_dir();
  std::filesystem::path corpus = shared / "corpus" / "awesome-compose";
  if (shared.empty() || !std::filesystem::exists(corpus)) GTEST_SKIP() << "SKIPPED: corpus/awesome-compose absent";
  int files = 0;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(corpus)) {
    std::string name = entry.path().filename().string();
    if (name != "compose.yaml" && name != "docker-compose.yml" && name != "docker-compose.yaml" &&
        name != "compose.yml")
      continue;
    ++files;
    std::vector<Node> docs = yaml::parse_file(entry.path().string());
    for (Node& doc : docs) {
      EXPECT_NO_THROW(canonicalize_file(doc)) << entry.path();
      Node again = doc;
      EXPECT_NO_THROW(canonicalize_file(again)) << entry.path();
      EXPECT_TRUE(again == doc) << entry.path() << " is not a fixed point";
    }
  }
  EXPECT_GT(files, 30);
}

} // namespace
} // namespace berth::compose
