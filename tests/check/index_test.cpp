// The Index: quantity formatting, selectors, fact extraction (tolerant of odd input), append order,
// and the Lookup's kustomize namespace resolution and hash lookups.
#include <gtest/gtest.h>

#include <deque>

#include "check/index.h"
#include "check/index_data.h"
#include "check/index_lookup.h"
#include "check/index_quantity.h"
#include "check/input.h"
#include "yaml/parse.h"

namespace berth::check {
namespace {

struct Set {
  std::deque<ObjectInfo> infos;
  Index index;
  void add(const std::string& file, std::string_view yaml, bool patch = false) {
    for (const yaml::Node& doc : yaml::parse_stream(yaml, file)) {
      ObjectInfo& info = infos.emplace_back(object_info(doc, file, infos.size(), patch));
      index.add(Object{info, doc});
    }
  }
};

TEST(QuantityFormat, ShortForms) {
  EXPECT_EQ(format_cpu(250), "250m");
  EXPECT_EQ(format_cpu(2000), "2");
  EXPECT_EQ(format_cpu(3200), "3.2");
  EXPECT_EQ(format_cpu(1005), "1.005");
  EXPECT_EQ(format_cpu(0), "0");
  EXPECT_EQ(format_bytes(512), "512");
  EXPECT_EQ(format_bytes(12LL << 30), "12Gi");
  EXPECT_EQ(format_bytes(1536LL << 20), "1.5Gi");
  EXPECT_EQ(format_bytes(500'000'000), "476.8Mi");
  EXPECT_EQ(format_bytes((2LL << 30) - 1), "2Gi"); // rounds to a whole number: no "2.0Gi"
  EXPECT_EQ(format_percent(32, 80), "40%");
  EXPECT_EQ(format_percent(1, 0), "-");
}

TEST(Selector, LabelSelectorSemantics) {
  Selector s;
  s.match_labels = {{"app", "web"}};
  s.expressions = {{"tier", Selector::Op::In, {"front", "edge"}},
                   {"canary", Selector::Op::DoesNotExist, {}},
                   {"env", Selector::Op::NotIn, {"dev"}},
                   {"team", Selector::Op::Exists, {}}};
  EXPECT_TRUE(s.matches({{"app", "web"}, {"team", "a"}, {"tier", "front"}}));
  EXPECT_TRUE(s.matches({{"app", "web"}, {"env", "prod"}, {"team", "a"}, {"tier", "edge"}}));
  EXPECT_FALSE(s.matches({{"app", "web"}, {"team", "a"}, {"tier", "back"}}));
  EXPECT_FALSE(s.matches({{"app", "web"}, {"canary", "1"}, {"team", "a"}, {"tier", "front"}}));
  EXPECT_FALSE(s.matches({{"app", "web"}, {"env", "dev"}, {"team", "a"}, {"tier", "front"}}));
  EXPECT_FALSE(s.matches({{"app", "web"}, {"tier", "front"}}));
  EXPECT_TRUE(Selector{}.matches({}));
  EXPECT_EQ(describe_selector(s), "app=web, tier in (front, edge), !canary, env notin (dev), team");
}

TEST(IndexFacts, WorkloadFactsWithPositions) {
  Set s;
  s.add("web.yaml", R"(apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: shop}
spec:
  replicas: 3
  strategy: {rollingUpdate: {maxSurge: 2}}
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {tier: front, app: web}}
    spec:
      initContainers:
        - {name: migrate, image: 'm:1', resources: {requests: {cpu: '1'}}}
        - {name: proxy, image: 'p:1', restartPolicy: Always}
      containers:
        - name: web
          image: web:1
          ports: [{name: http, containerPort: 8080}, {containerPort: 53, protocol: UDP}]
          resources:
            requests: {cpu: 250m, memory: 1Gi, ephemeral-storage: 2Gi}
            limits: {memory: 1.5Gi}
)");
  const IndexData& d = s.index.data();
  ASSERT_EQ(d.pods.size(), 1u);
  const PodsFacts& p = d.pods[0];
  EXPECT_EQ(p.scale, Scale::Replicas);
  EXPECT_EQ(p.replicas, 3);
  EXPECT_EQ(p.replicas_loc.line, 5u);
  EXPECT_TRUE(p.surges);
  EXPECT_EQ(p.max_surge.value, 2);
  EXPECT_FALSE(p.max_surge.percent);
  EXPECT_EQ(p.labels, (Labels{{"app", "web"}, {"tier", "front"}}));
  ASSERT_EQ(p.containers.size(), 3u);
  EXPECT_TRUE(p.containers[0].init);
  EXPECT_FALSE(p.containers[0].sidecar);
  EXPECT_TRUE(p.containers[1].sidecar);
  const ContainerFacts& web = p.containers[2];
  ASSERT_EQ(web.ports.size(), 2u);
  EXPECT_EQ(web.ports[1].protocol, "UDP");
  EXPECT_EQ(web.requests[kCpu].value, 250);
  EXPECT_EQ(web.requests[kCpu].loc.line, 19u);
  EXPECT_EQ(web.requests[kCpu].loc.column, 29u);
  EXPECT_EQ(web.requests[kMemory].value, 1LL << 30);
  EXPECT_EQ(web.requests[kEphemeral].value, 2LL << 30);
  EXPECT_EQ(web.limits[kMemory].value, 1536LL << 20);
  EXPECT_FALSE(web.limits[kCpu].set);
  ASSERT_EQ(d.objects.size(), 1u);
  EXPECT_EQ(d.objects[0].ns_loc.line, 3u);
}

TEST(IndexFacts, OddTypesReadAsAbsentWithoutThrowing) {
  Set s;
  EXPECT_NO_THROW(s.add("odd.yaml", R"(apiVersion: apps/v1
kind: Deployment
metadata: {name: odd, labels: [a]}
spec:
  replicas: "three"
  strategy: RollingUpdate
  template:
    metadata: {labels: {app: [x], ok: y}}
    spec:
      containers:
        web: {image: x}
      volumes: [{name: v, configMap: nope}, 7, {secret: {secretName: [s]}}]
---
apiVersion: v1
kind: Service
metadata: {name: s}
spec: {selector: [app], ports: [{port: http}, 5]}
---
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata: {name: h}
spec: {scaleTargetRef: x, metrics: {type: Resource}, maxReplicas: many}
---
apiVersion: v1
kind: ResourceQuota
metadata: {name: q}
spec: {hard: {requests.cpu: lots, pods: '3'}}
---
apiVersion: v1
kind: LimitRange
metadata: {name: l}
spec: {limits: [{type: Container, max: {cpu: [1]}}, nope]}
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: n}
spec: {podSelector: {matchExpressions: [{key: a, operator: Maybe}]}}
---
apiVersion: kustomize.config.k8s.io/v1beta1
kind: Kustomization
namespace: [x]
resources: [a.yaml, {b: c}, https://github.com/x/y]
)"));
  const IndexData& d = s.index.data();
  ASSERT_EQ(d.pods.size(), 1u);
  EXPECT_EQ(d.pods[0].replicas, 1);
  EXPECT_FALSE(d.pods[0].replicas_set);
  EXPECT_TRUE(d.pods[0].containers.empty());
  EXPECT_EQ(d.pods[0].labels, (Labels{{"ok", "y"}}));
  ASSERT_EQ(d.services.size(), 1u);
  EXPECT_FALSE(d.services[0].selector.readable);
  EXPECT_TRUE(d.services[0].ports.empty());
  ASSERT_EQ(d.quotas.size(), 1u);
  ASSERT_EQ(d.quotas[0].hard.size(), 1u);
  EXPECT_EQ(d.quotas[0].hard[0].resource, "pods");
  EXPECT_EQ(d.quotas[0].hard[0].value, 3);
  ASSERT_EQ(d.network_policies.size(), 1u);
  EXPECT_FALSE(d.network_policies[0].pod_selector.readable);
  ASSERT_EQ(d.kustomizations.size(), 1u);
  EXPECT_EQ(d.kustomizations[0].ns, "");
  EXPECT_EQ(d.kustomizations[0].resources, std::vector<std::string>{"a.yaml"});
}

TEST(IndexFacts, PatchesAndNonMappingsAreSkipped) {
  Set s;
  s.add("patch.yaml", "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\n"
                      "spec: {replicas: 9}\n",
        /*patch=*/true);
  EXPECT_TRUE(s.index.data().pods.empty());
  EXPECT_TRUE(s.index.data().objects.empty());
}

TEST(IndexAppend, KeepsInputOrderAndMovedFromIndexesStayUsable) {
  std::deque<ObjectInfo> infos;
  auto index_of = [&](std::string_view name) {
    Index idx;
    std::string yaml = "apiVersion: v1\nkind: Pod\nmetadata: {name: " + std::string(name) +
                       "}\nspec: {containers: [{name: c, image: 'c:1'}]}\n";
    yaml::Node doc = yaml::parse_document(yaml, std::string(name) + ".yaml");
    ObjectInfo& info = infos.emplace_back(object_info(doc, std::string(name) + ".yaml", 0, false));
    idx.add(Object{info, doc});
    return idx;
  };
  Index all;
  all.append(index_of("a"));
  all.append(index_of("b"));
  Index c = index_of("c");
  all.append(std::move(c));
  EXPECT_TRUE(c.data().pods.empty());
  all.append(std::move(c)); // appending an emptied index is harmless
  Index moved = std::move(all);
  EXPECT_TRUE(all.data().pods.empty()); // moved-from: empty, not a crash
  all.append(index_of("d"));
  ASSERT_EQ(moved.data().pods.size(), 3u);
  EXPECT_EQ(moved.data().pods[0].object->name, "a");
  EXPECT_EQ(moved.data().pods[1].object->name, "b");
  EXPECT_EQ(moved.data().pods[2].object->name, "c");
  EXPECT_EQ(all.data().pods.size(), 1u);
}

TEST(LookupNamespaces, KustomizationNamespacesWithNestingAndSharedBases) {
  Set s;
  auto kustomization = [](std::string_view ns, std::string_view resources) {
    return "apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\n" +
           (ns.empty() ? std::string() : "namespace: " + std::string(ns) + "\n") +
           "resources: " + std::string(resources) + "\n";
  };
  auto cm = [](std::string_view name, std::string_view ns = {}) {
    return "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: " + std::string(name) +
           (ns.empty() ? std::string() : ", namespace: " + std::string(ns)) + "}\n";
  };
  s.add("overlays/prod/kustomization.yaml", kustomization("prod", "[../../base, ./extra/]"));
  s.add("overlays/dev/kustomization.yaml", kustomization("dev", "[../../base]"));
  s.add("base/kustomization.yaml", kustomization("", "[app.yaml, ./shared]"));
  s.add("base/shared/kustomization.yaml", kustomization("inner", "[s.yaml]"));
  s.add("overlays/prod/extra/kustomization.yaml", kustomization("", "[e.yaml]"));
  s.add("base/app.yaml", cm("app"));
  s.add("base/shared/s.yaml", cm("s"));
  s.add("overlays/prod/extra/e.yaml", cm("e", "written"));
  s.add("loose/l.yaml", cm("l", "mine"));
  Lookup l(s.index.data());
  auto ns_of = [&](std::string_view name) {
    for (const ObjectFacts& f : s.index.data().objects)
      if (f.object->name == name) return l.ns(*f.object);
    return std::string("?");
  };
  EXPECT_EQ(ns_of("app"), "");   // base shared by prod and dev: stays as written
  EXPECT_EQ(ns_of("s"), "");     // outer namespaces differ (prod, dev): as written
  EXPECT_EQ(ns_of("e"), "prod"); // only reached from prod: the outer namespace wins
  EXPECT_EQ(ns_of("l"), "mine"); // in no kustomization
  EXPECT_TRUE(Lookup::same_namespace("", "x"));
  EXPECT_FALSE(Lookup::same_namespace("x", "y"));
  EXPECT_EQ(l.listed_by("base/app.yaml")->size(), 1u);
  EXPECT_EQ(l.listed_by("overlays/prod/extra"), nullptr); // a directory: a kustomization
}

TEST(LookupQueries, PodsBySelectorAndObjectsByName) {
  Set s;
  for (int i = 0; i < 5; ++i)
    s.add("p" + std::to_string(i) + ".yaml",
          "apiVersion: v1\nkind: Pod\nmetadata: {name: p" + std::to_string(i) + ", namespace: " +
              (i % 2 ? "odd" : "even") + "}\n" +
              "spec: {containers: [{name: c, image: 'c:1'}]}\n" +
              "---\napiVersion: v1\nkind: Service\nmetadata: {name: s" + std::to_string(i) +
              ", namespace: " + (i % 2 ? "odd" : "even") + "}\n");
  Lookup l(s.index.data());
  EXPECT_EQ(l.pods_in("odd").size(), 2u);
  EXPECT_EQ(l.pods_in("even").size(), 3u);
  EXPECT_EQ(l.pods_in("").size(), 5u);
  EXPECT_NE(l.find("Service", "odd", "s1"), nullptr);
  EXPECT_EQ(l.find("Service", "even", "s1"), nullptr);
  EXPECT_TRUE(l.has_kind("Pod"));
  EXPECT_FALSE(l.has_kind("Deployment"));
}

} // namespace
} // namespace berth::check
