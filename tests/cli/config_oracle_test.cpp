// Oracle test: `berth config` vs Debian's docker-compose 1.29 `config` on v3-compatible fixtures.
//
// Both outputs are reduced to the same facts per service (image, environment, ports, volumes,
// command, entrypoint, healthcheck) so that the two tools' different output syntaxes compare.
// Where 1.29 and the current Compose Specification differ, berth follows the spec:
//  - 1.29 keeps `$$` escaped in its output ("$$5"); the spec resolves it to "$5".
//  - 1.29 does not support nested defaults (`${A:-${B:-x}}`) nor `${VAR:+x}` (unit tests cover
//    them); the NESTED variable of the interpolation fixture is therefore not compared.
#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "compose/shell_split.h"
#include "compose/units.h"
#include "support/test_support.h"
#include "yaml/json.h"
#include "yaml/parse.h"

namespace fs = std::filesystem;
using nlohmann::ordered_json;

namespace {

struct Facts {
  std::string image;
  std::map<std::string, std::string> environment;
  std::set<std::string> ports;   // host_ip|published|target|protocol
  std::set<std::string> volumes; // type|source|target|ro
  std::vector<std::string> command, entrypoint;
  std::vector<std::string> health_test;
  std::map<std::string, long long> health_times; // interval/timeout/start_period in ns
  long long health_retries = -1;
  bool operator==(const Facts&) const = default;
};

std::string scalar(const ordered_json& j) {
  if (j.is_string()) return j.get<std::string>();
  if (j.is_null()) return "";
  return j.dump();
}

std::vector<std::string> argv(const ordered_json& j) {
  if (j.is_null()) return {};
  if (j.is_array()) {
    std::vector<std::string> out;
    for (const auto& a : j) out.push_back(scalar(a));
    return out;
  }
  return berth::compose::shell_split(scalar(j), berth::Location{});
}

// "[ip:]published:target[/proto]" or "target[/proto]" (1.29 prints expanded ranges this way).
std::string port_fact(const ordered_json& p) {
  if (p.is_object()) {
    std::string ip = p.contains("host_ip") ? scalar(p["host_ip"]) : "";
    std::string published = p.contains("published") ? scalar(p["published"]) : "";
    std::string proto = p.contains("protocol") ? scalar(p["protocol"]) : "tcp";
    return ip + "|" + published + "|" + scalar(p["target"]) + "|" + proto;
  }
  std::string s = scalar(p), proto = "tcp";
  if (auto slash = s.find('/'); slash != std::string::npos) {
    proto = s.substr(slash + 1);
    s = s.substr(0, slash);
  }
  std::string ip, published, target = s;
  if (auto last = s.rfind(':'); last != std::string::npos) {
    target = s.substr(last + 1);
    std::string rest = s.substr(0, last);
    if (auto first = rest.rfind(':'); first != std::string::npos) {
      ip = rest.substr(0, first);
      published = rest.substr(first + 1);
    } else {
      published = rest;
    }
  }
  return ip + "|" + published + "|" + target + "|" + proto;
}

std::string volume_fact(const ordered_json& v) {
  if (v.is_object()) {
    bool ro = v.contains("read_only") && v["read_only"].is_boolean() && v["read_only"].get<bool>();
    std::string source = v.contains("source") ? scalar(v["source"]) : "";
    return scalar(v["type"]) + "|" + source + "|" + scalar(v["target"]) + "|" + (ro ? "ro" : "rw");
  }
  // source:target[:mode] as 1.29 prints it
  std::string s = scalar(v);
  std::vector<std::string> parts;
  size_t start = 0;
  for (size_t i = 0; i <= s.size(); ++i)
    if (i == s.size() || s[i] == ':') {
      parts.push_back(s.substr(start, i - start));
      start = i + 1;
    }
  std::string mode = parts.size() > 2 ? parts[2] : "rw";
  bool ro = mode.find("ro") != std::string::npos;
  std::string type = !parts[0].empty() && parts[0][0] == '/' ? "bind" : "volume";
  return type + "|" + parts[0] + "|" + parts[1] + "|" + (ro ? "ro" : "rw");
}

std::string unescape_dollars(std::string s) {
  for (size_t i = s.find("$$"); i != std::string::npos; i = s.find("$$", i + 1)) s.erase(i, 1);
  return s;
}

Facts facts(const ordered_json& service, bool from_v1) {
  Facts f;
  if (service.contains("image")) f.image = scalar(service["image"]);
  if (service.contains("environment"))
    for (const auto& [k, v] : service["environment"].items())
      if (!(from_v1 && k == "NESTED")) f.environment[k] = from_v1 ? unescape_dollars(scalar(v)) : scalar(v);
  if (!from_v1) f.environment.erase("NESTED");
  if (service.contains("ports"))
    for (const auto& p : service["ports"]) f.ports.insert(port_fact(p));
  if (service.contains("volumes"))
    for (const auto& v : service["volumes"]) f.volumes.insert(volume_fact(v));
  if (service.contains("command")) f.command = argv(service["command"]);
  if (service.contains("entrypoint")) f.entrypoint = argv(service["entrypoint"]);
  if (service.contains("healthcheck")) {
    const auto& h = service["healthcheck"];
    bool disabled = (h.contains("disable") && h["disable"] == true);
    if (h.contains("test")) {
      f.health_test = h["test"].is_array() ? argv(h["test"])
                                            : std::vector<std::string>{"CMD-SHELL", scalar(h["test"])};
      if (f.health_test == std::vector<std::string>{"NONE"}) disabled = true;
    }
    if (disabled) f.health_test = {"NONE"};
    for (const char* key : {"interval", "timeout", "start_period"})
      if (h.contains(key)) {
        auto ns = berth::compose::parse_duration_ns(scalar(h[key]));
        f.health_times[key] = ns ? *ns : -1;
      }
    if (h.contains("retries")) f.health_retries = std::stoll(scalar(h["retries"]));
  }
  return f;
}

void PrintTo(const Facts& f, std::ostream* os) {
  *os << "image=" << f.image << "\n env:";
  for (const auto& [k, v] : f.environment) *os << " " << k << "=" << v;
  *os << "\n ports:";
  for (const auto& p : f.ports) *os << " " << p;
  *os << "\n volumes:";
  for (const auto& v : f.volumes) *os << " " << v;
  *os << "\n command:";
  for (const auto& a : f.command) *os << " [" << a << "]";
  *os << "\n entrypoint:";
  for (const auto& a : f.entrypoint) *os << " [" << a << "]";
  *os << "\n health:";
  for (const auto& a : f.health_test) *os << " [" << a << "]";
  for (const auto& [k, v] : f.health_times) *os << " " << k << "=" << v;
  *os << " retries=" << f.health_retries;
}

class ConfigOracle : public ::testing::TestWithParam<std::string> {};

TEST_P(ConfigOracle, MatchesDockerCompose129) {
  if (!berth::test::have_program("docker-compose"))
    GTEST_SKIP() << "SKIPPED: docker-compose (Debian package docker-compose 1.29) not installed";
  fs::path dir = berth::test::source_dir() / "tests/cli/oracle" / GetParam();
  // Same environment for both tools: a variable set in the process shadows .env.
  std::string env = "cd '" + dir.string() +
                    "' && env -u UNSET_VAR -u TAG -u IMAGE_NAME NAME=berth SHADOWED=from-process ";
  auto oracle = berth::test::run(env + "docker-compose config");
  ASSERT_EQ(oracle.exit_code, 0) << oracle.err;
  auto ours = berth::test::run(env + "'" + berth::test::berth_binary().string() + "' config -o json");
  ASSERT_EQ(ours.exit_code, 0) << ours.err;

  ordered_json expected = berth::yaml::to_json(berth::yaml::parse_document(oracle.out, "oracle"));
  ordered_json actual = ordered_json::parse(ours.out);
  ASSERT_TRUE(actual.contains("services")) << ours.out;
  std::set<std::string> expected_names, actual_names;
  for (const auto& [name, _] : expected["services"].items()) expected_names.insert(name);
  for (const auto& [name, _] : actual["services"].items()) actual_names.insert(name);
  EXPECT_EQ(expected_names, actual_names);
  for (const auto& name : expected_names) {
    if (!actual["services"].contains(name)) continue;
    EXPECT_EQ(facts(expected["services"][name], true), facts(actual["services"][name], false))
        << "service " << name << " differs from docker-compose 1.29";
  }
}

INSTANTIATE_TEST_SUITE_P(Fixtures, ConfigOracle,
                         ::testing::Values("interpolation", "ports", "volumes", "commands",
                                           "healthcheck", "multifile", "extends", "envfile"));

} // namespace
