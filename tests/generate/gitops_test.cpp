// GitOps layer: kustomizations, ArgoCD Applications, CI workflow.
#include <gtest/gtest.h>

#include "generate/context.h"
#include "generate/fixture.h"
#include "generate/gitops.h"
#include "kube/object.h"
#include "yaml/emit.h"

using namespace berth;
using namespace berth::generate;
using yaml::Node;

namespace {

const char* kApp = "name: shop\n"
                   "services:\n"
                   "  api:\n"
                   "    build: ./api\n"
                   "    ports: ['8080:8080']\n"
                   "  db:\n"
                   "    image: postgres:16\n";

Node hpa(const std::string& target) {
  Node h = kube::make_object("autoscaling/v2", "HorizontalPodAutoscaler", target);
  Node ref = Node::mapping();
  ref.set("apiVersion", Node::str("apps/v1"));
  ref.set("kind", Node::str("Deployment"));
  ref.set("name", Node::str(target));
  Node spec = Node::mapping();
  spec.set("scaleTargetRef", ref);
  h.set("spec", spec);
  return h;
}

Output sample_output() {
  Output out;
  out.add_base("base/db/statefulset.yaml", Node::mapping());
  out.add_base("base/api/deployment.yaml", Node::mapping());
  out.add_base("base/api/hpa.yaml", hpa("api"));
  out.add_overlay("production", "overlays/production/namespace.yaml", Node::mapping());
  out.add_overlay("production", "overlays/production/alerts/api-rules.yaml", Node::mapping());
  out.add_overlay("production", "overlays/production/api-secret-sealedsecret.yaml", Node::mapping());
  out.add_patch("production", "overlays/production/patches/api-replicas.yaml", Node::mapping());
  return out;
}

} // namespace

TEST(Gitops, BaseKustomizationListsEveryBaseFileSorted) {
  EXPECT_EQ(yaml::emit(base_kustomization(sample_output())),
            "apiVersion: kustomize.config.k8s.io/v1beta1\n"
            "kind: Kustomization\n"
            "resources:\n"
            "  - api/deployment.yaml\n"
            "  - api/hpa.yaml\n"
            "  - db/statefulset.yaml\n");
}

TEST(Gitops, OverlayKustomization) {
  auto f = test::load_fixture(kApp);
  Context ctx{f->app, f->profile, f->plan};
  const ServicePlan& api = f->service("api");
  ASSERT_TRUE(api.built);
  std::string text = yaml::emit(
      overlay_kustomization(ctx, sample_output(), *profile::find_environment(f->profile, "production")));
  EXPECT_EQ(text, "apiVersion: kustomize.config.k8s.io/v1beta1\n"
                  "kind: Kustomization\n"
                  "namespace: shop-prod\n"
                  "resources:\n"
                  "  - ../../base\n"
                  "  - api-secret-sealedsecret.yaml\n"
                  "  - namespace.yaml\n"
                  "patches:\n"
                  "  - path: patches/api-replicas.yaml\n"
                  "images:\n"
                  "  - name: " + api.image + "\n"
                  "    newTag: prod-initial\n"
                  "labels:\n"
                  "  - pairs:\n"
                  "      environment: production\n"
                  "    includeSelectors: false\n");
}

TEST(Gitops, AlertsKustomizationHasNoNamespace) {
  Output out = sample_output();
  EXPECT_TRUE(has_alerts(out, "production"));
  EXPECT_FALSE(has_alerts(out, "staging"));
  EXPECT_EQ(yaml::emit(alerts_kustomization(out, "production")),
            "apiVersion: kustomize.config.k8s.io/v1beta1\n"
            "kind: Kustomization\n"
            "resources:\n"
            "  - api-rules.yaml\n");
}

TEST(Gitops, ArgoApplicationIgnoresReplicasOfHpaTargets) {
  auto f = test::load_fixture(kApp);
  Context ctx{f->app, f->profile, f->plan};
  const auto& env = *profile::find_environment(f->profile, "production");
  Output out = sample_output();
  EXPECT_EQ(hpa_targets(out, "production"), std::vector<std::string>{"api"});
  std::string text = yaml::emit(argocd_application(ctx, env, hpa_targets(out, "production")));
  EXPECT_NE(text.find("kind: Application\nmetadata:\n  name: shop-production\n  namespace: argocd\n"),
            std::string::npos) << text;
  EXPECT_NE(text.find("    path: deploy/shop/overlays/production\n"), std::string::npos) << text;
  EXPECT_NE(text.find("    server: https://kubernetes.default.svc\n    namespace: shop-prod\n"),
            std::string::npos) << text;
  EXPECT_NE(text.find("      - CreateNamespace=true\n      - RespectIgnoreDifferences=true\n"),
            std::string::npos) << text;
  EXPECT_NE(text.find("  ignoreDifferences:\n    - group: apps\n      kind: Deployment\n"
                      "      name: api\n      jsonPointers:\n        - /spec/replicas\n"),
            std::string::npos) << text;
  EXPECT_NE(text.find("      backoff:\n        duration: 5s\n        factor: 2\n        maxDuration: 3m\n"),
            std::string::npos) << text;

  std::string alerts = yaml::emit(argocd_alerts_application(ctx, env));
  EXPECT_NE(alerts.find("name: shop-production-alerts"), std::string::npos);
  EXPECT_NE(alerts.find("path: deploy/shop/overlays/production/alerts\n"), std::string::npos);
  EXPECT_NE(alerts.find("namespace: observability\n"), std::string::npos);
  EXPECT_EQ(alerts.find("CreateNamespace"), std::string::npos);
}

TEST(Gitops, CiWorkflowBuildsAndBumpsTags) {
  auto f = test::load_fixture(kApp);
  Context ctx{f->app, f->profile, f->plan};
  Node wf = ci_workflow(ctx);
  ASSERT_TRUE(wf.is_mapping());
  std::string text = yaml::emit(wf);
  // `on` must stay a string key for YAML 1.1 readers (GitHub's parser).
  EXPECT_TRUE(text.find("\n\"on\":\n") != std::string::npos ||
              text.find("\n'on':\n") != std::string::npos) << text;
  EXPECT_NE(text.find("uses: docker/build-push-action@v6"), std::string::npos);
  EXPECT_NE(text.find("context: api\n"), std::string::npos) << text;
  EXPECT_NE(text.find("file: api/Dockerfile\n"), std::string::npos) << text;
  EXPECT_NE(text.find("cd deploy/shop/overlays/staging\n"), std::string::npos) << text;
  EXPECT_NE(text.find("kustomize edit set image " + f->service("api").image + "=" +
                      f->service("api").image + ":staging-${GITHUB_SHA::7}"),
            std::string::npos) << text;
  EXPECT_NE(text.find("workflow_dispatch"), std::string::npos);
  EXPECT_NE(text.find(":prod-${{ inputs.sha }}"), std::string::npos) << text;

  auto none = test::load_fixture("name: shop\nservices:\n  db:\n    image: postgres:16\n");
  EXPECT_FALSE(ci_workflow(Context{none->app, none->profile, none->plan}).is_mapping());
}

TEST(Gitops, GenerateGitopsWritesFiles) {
  auto f = test::load_fixture(kApp);
  Output out = sample_output();
  generate_gitops(Context{f->app, f->profile, f->plan}, out);
  std::vector<std::string> paths;
  for (const TextFile& t : out.files) paths.push_back(t.path);
  EXPECT_EQ(paths, (std::vector<std::string>{
                       "base/kustomization.yaml", "overlays/staging/kustomization.yaml",
                       "argocd/shop-staging.yaml", "overlays/production/kustomization.yaml",
                       "argocd/shop-production.yaml", "overlays/production/alerts/kustomization.yaml",
                       "argocd/shop-production-alerts.yaml", ".github/workflows/build.yaml"}));
}
