// Flux objects (gitops.tool: flux): the GitRepository, the Kustomizations per environment and
// per alerts folder, the HPA replicas patch, and what convert writes instead of argocd/.
#include <gtest/gtest.h>

#include "generate/context.h"
#include "generate/convert.h"
#include "generate/fixture.h"
#include "generate/gitops.h"
#include "kube/object.h"
#include "yaml/emit.h"

using namespace berth;
using namespace berth::generate;

namespace {

const char* kApp = "name: shop\n"
                   "services:\n"
                   "  api:\n"
                   "    image: example/api:1\n"
                   "    ports: ['8080:8080']\n"
                   "    x-berth:\n"
                   "      hpa: {min: 2, max: 4, cpu: 70}\n"
                   "      metrics: {port: 8080, path: /metrics}\n";

profile::Profile flux_profile() {
  profile::Profile p = profile::default_profile();
  p.gitops.tool = "flux";
  return p;
}

const TextFile* file(const Output& out, const std::string& path) {
  for (const TextFile& f : out.files)
    if (f.path == path) return &f;
  return nullptr;
}

} // namespace

TEST(Flux, GitRepositoryOnePerApplication) {
  auto f = test::load_fixture_with(kApp, flux_profile());
  Context ctx{f->app, f->profile, f->plan};
  EXPECT_EQ(yaml::emit(flux_git_repository(ctx)), "apiVersion: source.toolkit.fluxcd.io/v1\n"
                                                  "kind: GitRepository\n"
                                                  "metadata:\n"
                                                  "  name: shop\n"
                                                  "  namespace: flux-system\n"
                                                  "  labels:\n"
                                                  "    app.kubernetes.io/managed-by: berth\n"
                                                  "    app.kubernetes.io/name: shop\n"
                                                  "    app.kubernetes.io/part-of: shop\n"
                                                  "spec:\n"
                                                  "  interval: 1m\n"
                                                  "  url: https://github.com/example/gitops.git\n"
                                                  "  ref:\n"
                                                  "    branch: main\n");
}

TEST(Flux, RevisionKindsAndSshUrls) {
  profile::Profile p = flux_profile();
  p.gitops.repo_url = "git@github.com:acme/gitops.git";
  p.gitops.revision = "0123456789abcdef0123456789abcdef01234567";
  p.gitops.flux_namespace = "gitops";
  auto f = test::load_fixture_with(kApp, p);
  Context ctx{f->app, f->profile, f->plan};
  yaml::Node repo = flux_git_repository(ctx);
  const yaml::Node& spec = *repo.find("spec");
  EXPECT_EQ(kube::metadata(repo).text("namespace"), "gitops");
  EXPECT_EQ(spec.text("url"), "ssh://git@github.com/acme/gitops.git");
  EXPECT_EQ(spec.find("ref")->text("commit"), p.gitops.revision);
  EXPECT_EQ(spec.find("secretRef")->text("name"), "shop-git-auth");

  p.gitops.revision = "refs/tags/v1.2.0";
  auto g = test::load_fixture_with(kApp, p);
  Context gctx{g->app, g->profile, g->plan};
  EXPECT_EQ(flux_git_repository(gctx).find("spec")->find("ref")->text("name"), "refs/tags/v1.2.0");
  EXPECT_EQ(flux_git_url("https://example.org/x.git"), "https://example.org/x.git");
}

TEST(Flux, KustomizationPerEnvironmentDropsHpaReplicas) {
  auto f = test::load_fixture_with(kApp, flux_profile());
  Context ctx{f->app, f->profile, f->plan};
  const profile::Environment& prod = *profile::find_environment(f->profile, "production");
  EXPECT_EQ(yaml::emit(flux_kustomization(ctx, prod, {"api"})),
            "apiVersion: kustomize.toolkit.fluxcd.io/v1\n"
            "kind: Kustomization\n"
            "metadata:\n"
            "  name: shop-production\n"
            "  namespace: flux-system\n"
            "  labels:\n"
            "    app.kubernetes.io/managed-by: berth\n"
            "    app.kubernetes.io/name: shop-production\n"
            "    app.kubernetes.io/part-of: shop\n"
            "spec:\n"
            "  interval: 10m\n"
            "  retryInterval: 2m\n"
            "  timeout: 5m\n"
            "  sourceRef:\n"
            "    kind: GitRepository\n"
            "    name: shop\n"
            "  path: ./deploy/shop/overlays/production\n"
            "  prune: true\n"
            "  wait: true\n"
            "  patches:\n"
            "    - patch: |\n"
            "        apiVersion: v1\n"
            "        kind: Namespace\n"
            "        metadata:\n"
            "          name: shop-prod\n"
            "          annotations:\n"
            "            kustomize.toolkit.fluxcd.io/prune: disabled\n"
            "      target:\n"
            "        kind: Namespace\n"
            "        name: shop-prod\n"
            "    - patch: |\n"
            "        - op: remove\n"
            "          path: /spec/replicas\n"
            "      target:\n"
            "        group: apps\n"
            "        version: v1\n"
            "        kind: Deployment\n"
            "        name: api\n");
  yaml::Node plain = flux_kustomization(ctx, prod, {});
  EXPECT_EQ(plain.find("spec")->find("patches")->size(), 1u); // the Namespace's only
  EXPECT_EQ(plain.find("spec")->find("targetNamespace"), nullptr);
  yaml::Node alerts = flux_alerts_kustomization(ctx, prod);
  EXPECT_EQ(kube::metadata(alerts).text("name"), "shop-production-alerts");
  EXPECT_EQ(alerts.find("spec")->text("path"), "./deploy/shop/overlays/production/alerts");
  EXPECT_EQ(alerts.find("spec")->find("targetNamespace"), nullptr);
  EXPECT_EQ(alerts.find("spec")->find("patches"), nullptr); // the rules namespace is not ours
}

TEST(Flux, ConvertWritesFluxInsteadOfArgocd) {
  auto f = test::load_fixture_with(kApp, flux_profile());
  Output out = convert(f->app, f->profile, ConvertOptions{});
  for (const TextFile& t : out.files)
    EXPECT_FALSE(t.path.starts_with("argocd/")) << t.path;
  ASSERT_NE(file(out, "flux/shop-source.yaml"), nullptr);
  for (const char* env : {"staging", "production"}) {
    std::string base = std::string("flux/shop-") + env;
    ASSERT_NE(file(out, base + ".yaml"), nullptr) << base;
    ASSERT_NE(file(out, base + "-alerts.yaml"), nullptr) << base;
    EXPECT_NE(file(out, base + ".yaml")->content.find("name: api\n"), std::string::npos);
  }
  const TextFile* md = file(out, "MIGRATION.md");
  ASSERT_NE(md, nullptr);
  EXPECT_NE(md->content.find("Flux Kustomization `shop-production`"), std::string::npos);
  EXPECT_NE(md->content.find("flux bootstrap"), std::string::npos);
  EXPECT_NE(md->content.find("flux reconcile kustomization shop-<env>"), std::string::npos);
  EXPECT_NE(md->content.find("flux get kustomizations -n flux-system"), std::string::npos);
  EXPECT_EQ(md->content.find("ArgoCD Application"), std::string::npos);
  EXPECT_EQ(md->content.find("argocd app"), std::string::npos);
}

TEST(Flux, ArgocdStaysTheDefault) {
  auto f = test::load_fixture(kApp);
  Output out = convert(f->app, f->profile, ConvertOptions{});
  EXPECT_NE(file(out, "argocd/shop-production.yaml"), nullptr);
  for (const TextFile& t : out.files)
    EXPECT_FALSE(t.path.starts_with("flux/")) << t.path;
}
