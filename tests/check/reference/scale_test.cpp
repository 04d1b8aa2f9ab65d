// A synthetic 20k-object set through Index::add and both set-level families: prints the time
// (not asserted: the machine is shared) and checks the expected findings, so a quadratic scan
// or a wrong index shows up either as a slow run or as a failure.
#include <chrono>

#include "check/reference/set_fixture.h"

namespace berth::check::test {
namespace {

// One namespace: Namespace, quota, LimitRange, default deny, an Ingress and a ServiceMonitor
// over `apps` applications of Deployment + Service + HPA + PDB + NetworkPolicy each.
std::string namespace_file(int n, int apps) {
  std::string ns = "team-" + std::to_string(n);
  std::string out = "apiVersion: v1\nkind: Namespace\nmetadata: {name: " + ns + "}\n---\n" +
                    "apiVersion: v1\nkind: ResourceQuota\nmetadata: {name: q, namespace: " + ns +
                    "}\nspec: {hard: {requests.cpu: '100', limits.memory: 1Ti, pods: '500'}}\n---\n"
                    "apiVersion: v1\nkind: LimitRange\nmetadata: {name: l, namespace: " +
                    ns +
                    "}\nspec: {limits: [{type: Container, max: {memory: 4Gi}, "
                    "defaultRequest: {cpu: 100m}}]}\n---\n"
                    "apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: deny, "
                    "namespace: " +
                    ns +
                    "}\nspec: {podSelector: {}, policyTypes: [Ingress]}\n---\n"
                    "apiVersion: monitoring.coreos.com/v1\nkind: ServiceMonitor\nmetadata: {name: "
                    "all, namespace: " +
                    ns +
                    "}\nspec: {selector: {matchLabels: {part-of: shop}}, "
                    "endpoints: [{port: http}]}\n---\n"
                    "apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata: {name: in, "
                    "namespace: " +
                    ns + "}\nspec:\n  rules:\n    - http:\n        paths:\n";
  for (int a = 0; a < apps; ++a)
    out += "          - {path: /a" + std::to_string(a) +
           ", pathType: Prefix, backend: {service: {name: app-" + std::to_string(a) +
           ", port: {number: 80}}}}\n";
  for (int a = 0; a < apps; ++a) {
    std::string app = "app-" + std::to_string(a);
    std::string meta = "metadata: {name: " + app + ", namespace: " + ns + "}\n";
    out += "---\napiVersion: apps/v1\nkind: Deployment\n" + meta +
           "spec:\n  replicas: 2\n  selector: {matchLabels: {app: " + app +
           "}}\n  template:\n    metadata: {labels: {app: " + app +
           ", part-of: shop}}\n"
           "    spec:\n      containers:\n        - name: main\n          image: x:1\n"
           "          ports: [{name: http, containerPort: 8080}]\n"
           "          resources: {requests: {cpu: 100m, memory: 128Mi}, limits: {memory: "
           "256Mi}}\n"
           "---\napiVersion: v1\nkind: Service\nmetadata: {name: " +
           app + ", namespace: " + ns +
           ", labels: {part-of: shop}}\nspec: {selector: {app: " + app +
           "}, ports: [{name: http, port: 80, targetPort: http}]}\n"
           "---\napiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\n" +
           meta + "spec: {scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: " + app +
           "}, minReplicas: 2, maxReplicas: 4}\n"
           "---\napiVersion: policy/v1\nkind: PodDisruptionBudget\n" +
           meta + "spec: {maxUnavailable: 1, selector: {matchLabels: {app: " + app +
           "}}}\n"
           "---\napiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\n" +
           meta + "spec: {podSelector: {matchLabels: {app: " + app + "}}, ingress: [{}]}\n";
  }
  return out;
}

TEST(Scale, TwentyThousandObjects) {
  constexpr int kNamespaces = 198, kApps = 19; // 198 × (6 + 19 × 5) = 19,998 objects
  std::vector<std::string> files;
  for (int n = 0; n < kNamespaces; ++n)
    files.push_back(namespace_file(n, kApps));

  using Clock = std::chrono::steady_clock;
  std::vector<std::vector<yaml::Node>> docs;
  auto t0 = Clock::now();
  for (std::size_t i = 0; i < files.size(); ++i)
    docs.push_back(yaml::parse_stream(files[i], "ns" + std::to_string(i) + ".yaml"));
  auto t1 = Clock::now();
  std::deque<ObjectInfo> infos;
  Index index;
  std::size_t objects = 0;
  for (std::size_t i = 0; i < docs.size(); ++i) {
    Index per_file; // as the engine does: one Index per file, appended in order
    for (const yaml::Node& doc : docs[i]) {
      ObjectInfo& info = infos.emplace_back(
          object_info(doc, "ns" + std::to_string(i) + ".yaml", infos.size(), false));
      per_file.add(Object{info, doc});
      ++objects;
    }
    index.append(std::move(per_file));
  }
  auto t2 = Clock::now();
  Options options;
  options.complete = true;
  Context ctx(options, set_catalog(), no_schemas());
  reference::check_set(index, ctx);
  capacity::check_set(index, ctx);
  auto t3 = Clock::now();

  auto ms = [](auto d) { return std::chrono::duration<double, std::milli>(d).count(); };
  std::cout << "[ timing   ] " << objects << " objects: parse " << ms(t1 - t0) << " ms, index "
            << ms(t2 - t1) << " ms, reference+capacity " << ms(t3 - t2) << " ms\n";
  EXPECT_EQ(objects, 19'998u);
  std::vector<Finding> all = ctx.findings();
  EXPECT_EQ(of(all, "quota-headroom").size(), std::size_t(kNamespaces));
  std::erase_if(all, [](const Finding& f) { return f.rule == "quota-headroom"; });
  EXPECT_TRUE(all.empty()) << dump(all).substr(0, 4000);
}

} // namespace
} // namespace berth::check::test
