// The policy family as a whole: its catalog is well formed, the clean workload passes every
// rule, odd input never throws, and berth's own golden trees have no policy errors.
#include "check/policy/policy.h"

#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <iostream>
#include <map>
#include <new>
#include <set>

#include <gtest/gtest.h>

#include "check/context.h"
#include "check/policy/policy_fixture.h"
#include "support/test_support.h"
#include "yaml/parse.h"

// Counts heap allocations, so a test can show that passing objects cost none.
namespace {
std::atomic<std::size_t> g_allocations{0};
}
void* operator new(std::size_t size) {
  ++g_allocations;
  if (void* p = std::malloc(size ? size : 1)) return p;
  throw std::bad_alloc();
}
void operator delete(void* p) noexcept {
  std::free(p);
}
void operator delete(void* p, std::size_t) noexcept {
  std::free(p);
}

namespace berth::check::policy::test {
namespace {

bool kebab(std::string_view id) {
  if (id.empty() || id.front() == '-' || id.back() == '-') return false;
  for (char c : id)
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) return false;
  return id.find("--") == std::string_view::npos;
}

TEST(PolicyCatalog, RulesAreWellFormed) {
  std::vector<RuleInfo> rules = policy::rules();
  ASSERT_GT(rules.size(), 40u);
  std::set<std::string_view> ids;
  for (const RuleInfo& r : rules) {
    EXPECT_TRUE(kebab(r.id)) << r.id;
    EXPECT_TRUE(ids.insert(r.id).second) << "duplicate " << r.id;
    EXPECT_EQ(r.family, Family::Policy) << r.id;
    EXPECT_FALSE(r.summary.empty()) << r.id;
    EXPECT_FALSE(r.fix.empty()) << r.id;
    EXPECT_FALSE(r.doc.empty()) << r.id;
  }
}

Options everything() {
  Options o = with_profile();
  for (const RuleInfo& r : policy::rules())
    if (!r.enabled) o.config.enable.emplace_back(r.id);
  return o;
}

TEST(PolicyCatalog, CleanDeploymentPassesEveryRule) {
  PolicyRun r = run(kCleanDeployment, everything());
  EXPECT_TRUE(r.findings.empty()) << r.dump();
}

// One object of every kind the family looks at, each breaking many rules.
const char* kEveryKind = R"yaml(apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata: {name: h}
spec:
  minReplicas: 1
  maxReplicas: 1
  behavior: {scaleDown: {stabilizationWindowSeconds: 0}}
---
apiVersion: batch/v1
kind: CronJob
metadata: {name: c}
spec:
  failedJobsHistoryLimit: 0
  jobTemplate:
    spec:
      template:
        spec:
          hostNetwork: true
          hostPID: true
          volumes: [{name: s, hostPath: {path: /var/run/docker.sock}}]
          initContainers: [{name: i, image: "busybox", securityContext: {privileged: true}}]
          containers:
            - name: c
              image: ghcr.io/example/c:latest
              imagePullPolicy: IfNotPresent
              ports: [{containerPort: 80, hostPort: 80}]
              env: [{name: DB_PASSWORD, value: x1}, {name: U, value: "a://b:c@d"}]
              securityContext:
                runAsUser: 0
                capabilities: {add: [SYS_ADMIN, CHOWN], drop: [NET_RAW]}
                seccompProfile: {type: Unconfined}
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: i, annotations: {cert-manager.io/cluster-issuer: other}}
spec:
  ingressClassName: nginx
  tls: [{hosts: [a.example.org]}]
  rules: [{host: b.example.org}]
---
apiVersion: traefik.io/v1alpha1
kind: IngressRoute
metadata: {name: r}
spec:
  entryPoints: [web]
  routes: [{match: "Host(`a`)", services: [{name: s, port: 80}]}]
---
apiVersion: v1
kind: Secret
metadata: {name: s}
data: {a: aGk=}
stringData: {b: REPLACE_ME}
---
apiVersion: v1
kind: ConfigMap
metadata: {name: m}
data: {API_TOKEN: abc, u: "x://y:z@w"}
---
apiVersion: monitoring.coreos.com/v1
kind: ServiceMonitor
metadata: {name: sm}
---
apiVersion: monitoring.coreos.com/v1
kind: PrometheusRule
metadata: {name: pr, labels: {role: x}}
---
apiVersion: v1
kind: PersistentVolumeClaim
metadata: {name: p}
spec: {storageClassName: other}
---
apiVersion: apps/v1
kind: StatefulSet
metadata: {name: st}
spec:
  replicas: 2
  volumeClaimTemplates: [{metadata: {name: d}, spec: {}}]
  template: {spec: {priorityClassName: nope, containers: [{name: s, image: "x@sha256:1", imagePullPolicy: Always}]}}
)yaml";

// Replaces every node of `n` in turn by a value of each other shape, runs `check`, restores it.
void mutate_each(yaml::Node& n, const std::function<void()>& check) {
  const yaml::Node replacements[] = {yaml::Node::null(), yaml::Node::str("x"),
                                     yaml::Node::integer(-1), yaml::Node::sequence(),
                                     yaml::Node::mapping()};
  for (const yaml::Node& r : replacements) {
    yaml::Node saved = n;
    n = r;
    check();
    n = std::move(saved);
  }
  for (yaml::Node& item : n.items())
    mutate_each(item, check);
  for (yaml::Entry& e : n.entries())
    mutate_each(e.value, check);
}

TEST(PolicyRobustness, EveryKindBreaksManyRules) {
  PolicyRun r = run(kEveryKind, everything());
  std::set<std::string> rules;
  for (const Finding& f : r.findings)
    rules.insert(f.rule);
  EXPECT_GT(rules.size(), 45u) << r.dump();
}

TEST(PolicyRobustness, WrongShapesAnywhereNeverThrow) {
  std::vector<yaml::Node> docs = yaml::parse_stream(kEveryKind, "test.yaml");
  docs.push_back(yaml::parse_document(kCleanDeployment, "clean.yaml"));
  Options all = everything();
  std::size_t runs = 0;
  for (yaml::Node& doc : docs) {
    std::vector<yaml::Node> one(1);
    mutate_each(doc, [&] {
      one[0] = doc;
      ++runs;
      EXPECT_NO_THROW(run_docs(one, all));
    });
  }
  EXPECT_GT(runs, 1000u);
}

TEST(PolicyRobustness, PatchesAreSkipped) {
  EXPECT_TRUE(
      run_docs(yaml::parse_stream(kEveryKind, "test.yaml"), everything(), true).findings.empty());
}

// The common path (an object that passes) allocates nothing: rules read the tree in place and
// build strings only for findings.
TEST(PolicyPerformance, PassingObjectsAllocateNothing) {
  yaml::Node doc = yaml::parse_document(kCleanDeployment, "clean.yaml");
  std::vector<yaml::Node> others = yaml::parse_stream(R"(apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata: {name: web}
spec:
  minReplicas: 2
  maxReplicas: 4
  metrics: [{type: Resource}]
---
apiVersion: v1
kind: ConfigMap
metadata: {name: c}
data: {LOG_LEVEL: info, URL: "http://a/b", nginx.conf: "server {}"}
---
apiVersion: v1
kind: Secret
metadata: {name: s}
type: kubernetes.io/service-account-token
---
apiVersion: monitoring.coreos.com/v1
kind: ServiceMonitor
metadata: {name: m, labels: {release: kube-prometheus-stack}}
)",
                                                      "others.yaml");
  Options options = with_profile();
  Catalog catalog(policy::rules());
  Context ctx(options, catalog, no_schemas());
  ObjectInfo info;
  info.api_version = "apps/v1";
  info.kind = "Deployment";
  info.name = "web";
  std::vector<ObjectInfo> infos(others.size());
  for (std::size_t i = 0; i < others.size(); ++i) {
    infos[i].api_version = others[i].text("apiVersion");
    infos[i].kind = others[i].text("kind");
  }
  std::size_t before = g_allocations.load();
  policy::check_object(Object{info, doc}, ctx);
  for (std::size_t i = 0; i < others.size(); ++i)
    policy::check_object(Object{infos[i], others[i]}, ctx);
  std::size_t used = g_allocations.load() - before;
  EXPECT_EQ(used, 0u);
  for (const Finding& f : ctx.findings())
    ADD_FAILURE() << f.rule << " " << f.message;
}

// Files a kustomization uses as patches (partial objects the engine marks and policy skips).
std::set<std::filesystem::path> patch_files(const std::filesystem::path& root) {
  std::set<std::filesystem::path> out;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(root)) {
    if (entry.path().filename() != "kustomization.yaml") continue;
    yaml::Node k = yaml::parse_document(berth::test::read_file(entry.path()), entry.path());
    const yaml::Node* patches = k.find("patches");
    if (!patches) continue;
    for (const yaml::Node& p : patches->items())
      if (p.is_mapping() && p.find("path"))
        out.insert(std::filesystem::weakly_canonical(entry.path().parent_path() / p.text("path")));
  }
  return out;
}

// Every object of berth's golden trees, checked with the default profile like
// `berth check --cluster berth.yaml DIR` would: no policy errors. Warnings are the known,
// justified ones listed in the policy family's report; BERTH_POLICY_SUMMARY=1 prints them.
TEST(PolicyGolden, GoldenTreesHaveNoPolicyErrors) {
  std::filesystem::path golden = berth::test::source_dir() / "tests/cli/golden";
  ASSERT_TRUE(std::filesystem::exists(golden));
  std::set<std::filesystem::path> patches = patch_files(golden);
  std::map<std::string, int> counts;
  std::size_t objects = 0;
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(golden))
    if (entry.is_regular_file() && entry.path().extension() == ".yaml" &&
        entry.path().filename() != "kustomization.yaml" &&
        entry.path().string().find("/.github/") == std::string::npos &&
        !patches.count(std::filesystem::weakly_canonical(entry.path())))
      files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  for (const auto& file : files) {
    PolicyRun r = run(berth::test::read_file(file), with_profile());
    objects += yaml::parse_stream(berth::test::read_file(file), file).size();
    for (const Finding& f : r.findings) {
      EXPECT_NE(f.severity, Severity::Error) << std::filesystem::relative(file, golden).string()
                                             << ":" << at(f) << " " << f.rule << " " << f.message;
      ++counts[std::string(to_string(f.severity)) + " " + f.rule];
      if (std::getenv("BERTH_POLICY_SUMMARY"))
        std::cout << std::filesystem::relative(file, golden).string() << ":" << at(f) << " "
                  << f.rule << ": " << f.message << "\n";
    }
  }
  EXPECT_GT(objects, 100u);
  if (std::getenv("BERTH_POLICY_SUMMARY"))
    for (const auto& [rule, n] : counts)
      std::cout << n << "\t" << rule << "\n";
}

// The same trees rendered per overlay (what `kubectl kustomize overlays/ENV | berth check -`
// sees: patches applied, image tags set): no policy errors, and fewer warnings than the files.
TEST(PolicyGolden, RenderedOverlaysHaveNoPolicyErrors) {
  if (!berth::test::have_program("kubectl")) GTEST_SKIP() << "kubectl not installed";
  std::filesystem::path golden = berth::test::source_dir() / "tests/cli/golden";
  std::vector<std::filesystem::path> overlays;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(golden))
    if (entry.path().filename() == "kustomization.yaml" &&
        entry.path().string().find("/overlays/") != std::string::npos)
      overlays.push_back(entry.path().parent_path());
  std::sort(overlays.begin(), overlays.end());
  ASSERT_FALSE(overlays.empty());
  for (const auto& dir : overlays) {
    berth::test::RunResult out = berth::test::run("kubectl kustomize '" + dir.string() + "'");
    ASSERT_EQ(out.exit_code, 0) << dir << "\n" << out.err;
    PolicyRun r = run(out.out, with_profile());
    for (const Finding& f : r.findings) {
      EXPECT_NE(f.severity, Severity::Error) << dir << " " << f.rule << " " << f.message;
      if (std::getenv("BERTH_POLICY_SUMMARY"))
        std::cout << std::filesystem::relative(dir, golden).string() << " " << to_string(f.severity)
                  << " " << f.rule << ": " << f.object << ": " << f.message << "\n";
    }
  }
}

} // namespace
} // namespace berth::check::policy::test
