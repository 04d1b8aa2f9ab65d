// `berth check` on the hand-written manifests of the seeds (../shared/seeds, read at test time,
// never copied): the findings an expert reviewing them would raise, and none of the ones the
// manifests already get right. Each YAML block is written to its own file padded with blank
// lines, so a finding's line is the line in the seed document.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <vector>

#include <nlohmann/json.hpp>

#include "support/test_support.h"
#include "yaml/parse.h"

namespace fs = std::filesystem;
using berth::test::run;
using nlohmann::json;

namespace {

std::string quote(const fs::path& p) {
  return "'" + p.string() + "'";
}
std::string berth_bin() {
  return quote(berth::test::berth_binary());
}

struct Block {
  unsigned first_line = 0; // line of the block's first content line in the seed
  std::string text;
};

// ```yaml fenced blocks of a seed, with the fence's indentation removed.
std::vector<Block> yaml_blocks(const fs::path& seed) {
  std::vector<Block> blocks;
  std::istringstream in(berth::test::read_file(seed));
  std::string line;
  unsigned n = 0;
  Block* open = nullptr;
  std::size_t indent = 0;
  while (std::getline(in, line)) {
    ++n;
    std::size_t first = line.find_first_not_of(' ');
    bool fence = first != std::string::npos && line.compare(first, 3, "```") == 0;
    if (!open) {
      if (fence && line.compare(first, 7, "```yaml") == 0) {
        blocks.push_back(Block{n + 1, {}});
        open = &blocks.back();
        indent = first;
      }
      continue;
    }
    if (fence) {
      open = nullptr;
      continue;
    }
    open->text += (line.size() >= indent ? line.substr(indent) : std::string()) + "\n";
  }
  return blocks;
}

// Blocks that are whole Kubernetes objects (every document has apiVersion and kind); fragments
// (`spec:` excerpts, label lists, CI workflows) are prose, not manifests.
bool whole_objects(const Block& b) {
  try {
    auto docs = berth::yaml::parse_stream(b.text, "block");
    bool any = false;
    for (const auto& d : docs) {
      if (d.is_null()) continue;
      if (!d.is_mapping() || d.text("apiVersion").empty() || d.text("kind").empty()) return false;
      any = true;
    }
    return any;
  } catch (const berth::Error&) {
    return false;
  }
}

fs::path seed_file(const std::string& prefix) {
  fs::path dir = berth::test::shared_dir() / "seeds";
  if (berth::test::shared_dir().empty() || !fs::exists(dir)) return {};
  for (const auto& e : fs::directory_iterator(dir))
    if (e.path().filename().string().rfind(prefix, 0) == 0) return e.path();
  return {};
}

// Writes the seed's object blocks to DIR/L<line>.yaml; returns DIR (empty when no seed).
fs::path extract(const std::string& prefix) {
  fs::path seed = seed_file(prefix);
  if (seed.empty()) return {};
  fs::path dir = berth::test::temp_dir("berth-seed-" + prefix);
  for (const Block& b : yaml_blocks(seed)) {
    if (!whole_objects(b)) continue;
    berth::test::write_file(dir / ("L" + std::to_string(b.first_line) + ".yaml"),
                            std::string(b.first_line - 1, '\n') + b.text);
  }
  return dir;
}

const fs::path& default_profile() {
  static const fs::path file = [] {
    fs::path p = berth::test::temp_dir("berth-profile") / "berth.yaml";
    auto r = run(berth_bin() + " init --defaults -o " + quote(p));
    if (r.exit_code != 0) ADD_FAILURE() << "berth init --defaults: " << r.err;
    return p;
  }();
  return file;
}

struct Findings {
  json list = json::array();
  std::string raw;

  // Findings of `rule` on `object` ("Kind/name"); any object when empty.
  std::vector<json> of(const std::string& rule, const std::string& object = "") const {
    std::vector<json> out;
    for (const json& f : list)
      if (f.value("rule", "") == rule && (object.empty() || f.value("object", "") == object))
        out.push_back(f);
    return out;
  }
  bool has(const std::string& rule, const std::string& object = "") const {
    return !of(rule, object).empty();
  }
};

Findings check(const std::string& args) {
  auto r = run(berth_bin() + " check " + args + " -o json --fail-on none");
  Findings f;
  f.raw = r.out + r.err;
  EXPECT_EQ(r.exit_code, 0) << f.raw;
  json doc = json::parse(r.out, nullptr, false);
  EXPECT_FALSE(doc.is_discarded()) << f.raw;
  if (!doc.is_discarded() && doc.contains("findings")) f.list = doc["findings"];
  return f;
}

} // namespace

TEST(CheckSeeds, BlocksAreExtracted) {
  fs::path seed = seed_file("000_");
  if (seed.empty()) GTEST_SKIP() << "../shared/seeds not present";
  auto blocks = yaml_blocks(seed);
  ASSERT_FALSE(blocks.empty());
  std::size_t objects = std::count_if(blocks.begin(), blocks.end(), whole_objects);
  EXPECT_GE(objects, 10u);
  EXPECT_LT(objects, blocks.size()); // fragments and the CI workflow are left out
}

// Seed 000: the K3s cluster's own migration guide. Its example Deployment has probes, resources
// and a non-root pod, but no container securityContext; its Ingress, ServiceMonitor and
// PrometheusRule follow the conventions the default profile encodes.
TEST(CheckSeeds, Seed000MigrationGuide) {
  fs::path dir = extract("000_");
  if (dir.empty()) GTEST_SKIP() << "../shared/seeds not present";
  Findings f = check(quote(dir) + " --cluster " + quote(default_profile()));
  const std::string deploy = "Deployment/my-app";
  // What a reviewer flags on the example Deployment (container-level hardening).
  EXPECT_TRUE(f.has("privilege-escalation-allowed", deploy)) << f.raw;
  EXPECT_TRUE(f.has("root-filesystem-writable", deploy)) << f.raw;
  // Capabilities not dropped: NET_RAW at least (the default-on rule), or ALL when enabled.
  EXPECT_TRUE(f.has("capabilities-net-raw", deploy) || f.has("capabilities-drop-all", deploy))
      << f.raw;
  for (const json& x : f.of("privilege-escalation-allowed", deploy)) {
    EXPECT_EQ(fs::path(x.value("file", "")).filename(), "L1263.yaml");
    EXPECT_GE(x.value("line", 0), 1263);
    EXPECT_LE(x.value("line", 0), 1351);
  }
  // The example Service advertises a `metrics` port 9090 that no container of the Deployment
  // declares (it only exposes http 3000).
  EXPECT_TRUE(f.has("service-target-port-undeclared", "Service/my-app")) << f.raw;
  // What the guide already gets right must stay quiet.
  for (const char* rule :
       {"probe-liveness-missing", "probe-readiness-missing", "probe-identical",
        "resources-cpu-request-missing", "resources-memory-request-missing",
        "resources-memory-limit-missing", "run-as-root", "image-tag-latest", "image-tag-missing"})
    EXPECT_FALSE(f.has(rule, deploy)) << rule << "\n" << f.raw;
  EXPECT_FALSE(f.has("service-selector-no-match", "Service/my-app")) << f.raw;
  EXPECT_FALSE(f.has("ingress-tls-missing", "Ingress/my-app-ingress")) << f.raw;
  for (const char* rule :
       {"convention-ingress-class", "convention-ingress-issuer", "convention-servicemonitor-labels",
        "convention-prometheusrule-labels", "convention-prometheusrule-namespace"})
    EXPECT_FALSE(f.has(rule)) << rule << "\n" << f.raw;
  EXPECT_FALSE(f.has("secret-plaintext")) << f.raw; // it uses a SealedSecret
  for (const char* rule : {"yaml-syntax", "object-kind-missing", "object-not-mapping"})
    EXPECT_FALSE(f.has(rule)) << rule << "\n" << f.raw;
}

// Seed 004: GAUZIAN's hand-written manifests. Secrets with stringData are committed as plain
// Secrets; the backup CronJob has no resources, no non-root context and no starting deadline.
TEST(CheckSeeds, Seed004Manifests) {
  fs::path dir = extract("004_");
  if (dir.empty()) GTEST_SKIP() << "../shared/seeds not present";
  Findings f = check(quote(dir));
  // Both Secret blocks (lines 170 and 565): plaintext or a placeholder template in Git.
  std::set<std::string> secret_files;
  for (const char* rule : {"secret-plaintext", "secret-template"})
    for (const json& x : f.of(rule, "Secret/gauzian-secrets"))
      secret_files.insert(fs::path(x.value("file", "")).filename().string());
  EXPECT_EQ(secret_files, (std::set<std::string>{"L170.yaml", "L565.yaml"})) << f.raw;

  const std::string cron = "CronJob/postgres-backup";
  EXPECT_TRUE(f.has("resources-memory-limit-missing", cron)) << f.raw;
  EXPECT_TRUE(f.has("resources-cpu-request-missing", cron)) << f.raw;
  EXPECT_TRUE(f.has("run-as-root", cron)) << f.raw;
  EXPECT_TRUE(f.has("privilege-escalation-allowed", cron)) << f.raw;
  EXPECT_TRUE(f.has("cronjob-starting-deadline-missing", cron)) << f.raw;
  // A batch pod needs no liveness/readiness probes; its secretKeyRef names a Secret that exists.
  EXPECT_FALSE(f.has("probe-liveness-missing", cron)) << f.raw;
  EXPECT_FALSE(f.has("probe-readiness-missing", cron)) << f.raw;
  EXPECT_FALSE(f.has("secret-ref-missing", cron)) << f.raw;
  for (const char* rule : {"yaml-syntax", "object-kind-missing", "object-not-mapping"})
    EXPECT_FALSE(f.has(rule)) << rule << "\n" << f.raw;
}

// Seed 004 reports (line 157) that backend-deployment.yaml, line 5, said `namespace: gauzian`
// while every other file of the kustomization said `gauzian-v2`. The seed shows the other files
// but not that one, so the test writes it as described, next to the seed's namespaced objects.
TEST(CheckSeeds, Seed004NamespaceMismatch) {
  fs::path seed_dir = extract("004_");
  if (seed_dir.empty()) GTEST_SKIP() << "../shared/seeds not present";
  fs::path dir = berth::test::temp_dir("berth-seed-004-kustomize");
  std::vector<std::string> resources;
  for (const auto& e : fs::directory_iterator(seed_dir)) {
    std::string text = berth::test::read_file(e.path());
    if (text.find("namespace: gauzian-v2") == std::string::npos) continue;
    fs::copy_file(e.path(), dir / e.path().filename());
    resources.push_back(e.path().filename().string());
  }
  berth::test::write_file(dir / "backend-deployment.yaml", R"(apiVersion: apps/v1
kind: Deployment
metadata:
  name: backend
  namespace: gauzian
spec:
  replicas: 2
  selector:
    matchLabels: {app: backend}
  template:
    metadata:
      labels: {app: backend}
    spec:
      serviceAccountName: backend-sa
      containers:
        - name: backend
          image: ghcr.io/gauzian/backend:1.0.0
          ports: [{containerPort: 8080, name: http}]
)");
  resources.push_back("backend-deployment.yaml");
  std::sort(resources.begin(), resources.end());
  std::string kustomization = "apiVersion: kustomize.config.k8s.io/v1beta1\nkind: "
                              "Kustomization\nresources:\n";
  for (const std::string& r : resources)
    kustomization += "  - " + r + "\n";
  berth::test::write_file(dir / "kustomization.yaml", kustomization);

  Findings f = check(quote(dir));
  auto mismatch = f.of("namespace-inconsistent", "Deployment/backend");
  ASSERT_EQ(mismatch.size(), 1u) << f.raw;
  EXPECT_EQ(fs::path(mismatch[0].value("file", "")).filename(), "backend-deployment.yaml");
  EXPECT_EQ(mismatch[0].value("line", 0), 5);
  EXPECT_NE(mismatch[0].value("message", "").find("gauzian-v2"), std::string::npos) << f.raw;
  // The files that agree with the majority are not blamed.
  for (const json& x : f.of("namespace-inconsistent"))
    EXPECT_EQ(x.value("object", ""), "Deployment/backend") << f.raw;
}
