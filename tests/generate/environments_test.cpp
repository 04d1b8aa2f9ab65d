// Environment objects: Namespace, ResourceQuota, LimitRange, image pull secret template.
#include <gtest/gtest.h>

#include "generate/context.h"
#include "generate/environments.h"
#include "generate/fixture.h"
#include "yaml/emit.h"

using namespace berth;
using namespace berth::generate;

namespace {
const profile::Environment& prod(const profile::Profile& p) {
  return *profile::find_environment(p, "production");
}
} // namespace

TEST(Environments, NamespaceWithLabelsAndPodSecurity) {
  profile::Profile p = profile::default_profile();
  EXPECT_EQ(yaml::emit(namespace_object(prod(p), "shop")),
            "apiVersion: v1\n"
            "kind: Namespace\n"
            "metadata:\n"
            "  name: shop-prod\n"
            "  labels:\n"
            "    app.kubernetes.io/part-of: shop\n"
            "    app.kubernetes.io/managed-by: berth\n"
            "    environment: production\n"
            "    pod-security.kubernetes.io/enforce: baseline\n"
            "    pod-security.kubernetes.io/warn: restricted\n"
            "    pod-security.kubernetes.io/audit: restricted\n");
}

TEST(Environments, ResourceQuotaFromProfile) {
  profile::Profile p = profile::default_profile();
  yaml::Node q = resource_quota(prod(p), "shop");
  std::string text = yaml::emit(*q.find("spec"));
  EXPECT_EQ(text, "hard:\n"
                  "  requests.cpu: \"8\"\n"
                  "  limits.cpu: \"16\"\n"
                  "  requests.memory: 32Gi\n"
                  "  limits.memory: 48Gi\n"
                  "  requests.storage: 500Gi\n"
                  "  persistentvolumeclaims: \"20\"\n"
                  "  pods: \"50\"\n");
  EXPECT_EQ(q.find("metadata")->find("name")->value(), "shop-quota");
  // Unset limits are left out (staging has no pod count).
  yaml::Node s = resource_quota(*profile::find_environment(p, "staging"), "shop");
  EXPECT_FALSE(s.find("spec")->find("hard")->has("pods"));
}

TEST(Environments, LimitRangeContainer) {
  profile::Profile p = profile::default_profile();
  EXPECT_EQ(yaml::emit(*limit_range(prod(p), "shop").find("spec")),
            "limits:\n"
            "  - type: Container\n"
            "    default:\n      cpu: 500m\n      memory: 512Mi\n"
            "    defaultRequest:\n      cpu: 100m\n      memory: 128Mi\n"
            "    max:\n      cpu: \"4\"\n      memory: 8Gi\n"
            "    min:\n      cpu: 10m\n      memory: 16Mi\n");
}

TEST(Environments, PullSecretTemplateOnlyWhenSomethingIsBuilt) {
  auto f = test::load_fixture("name: shop\nservices:\n  db:\n    image: postgres:16\n");
  Output out;
  generate_environments(Context{f->app, f->profile, f->plan}, out);
  ASSERT_EQ(out.overlay.size(), 2u);
  ASSERT_EQ(out.overlay["production"].size(), 3u);
  EXPECT_EQ(out.overlay["production"][0].path, "overlays/production/namespace.yaml");
  EXPECT_EQ(out.overlay["production"][1].path, "overlays/production/resourcequota.yaml");
  EXPECT_EQ(out.overlay["production"][2].path, "overlays/production/limitrange.yaml");
  EXPECT_TRUE(out.files.empty());

  ServicePlan& s = const_cast<ServicePlan&>(f->plan.services[0]);
  s.built = true;
  Output built;
  generate_environments(Context{f->app, f->profile, f->plan}, built);
  ASSERT_EQ(built.files.size(), 2u);
  EXPECT_EQ(built.files[0].path, "overlays/staging/secrets/ghcr-secret.template.yaml");
  EXPECT_NE(built.files[0].content.find("type: kubernetes.io/dockerconfigjson"), std::string::npos);
  EXPECT_NE(built.files[0].content.find(".dockerconfigjson: REPLACE_ME"), std::string::npos);
  EXPECT_NE(built.files[0].content.find("namespace: shop-staging"), std::string::npos);
  bool manual = false;
  for (const ReportEntry& e : built.report.entries)
    manual = manual || (e.disposition == Disposition::Manual && e.key == "registry.pull_secret");
  EXPECT_TRUE(manual);
}

namespace {
// generate_environments for a built "web" service under `method`.
Output pull_secret_output(const std::string& method) {
  profile::Profile p = profile::default_profile();
  p.secrets.method = method;
  auto f = test::load_fixture_with("name: shop\nservices:\n  web:\n    image: nginx:1.27\n", p);
  const_cast<ServicePlan&>(f->plan.services[0]).built = true;
  Output out;
  generate_environments(Context{f->app, f->profile, f->plan}, out);
  return out;
}

std::string manual_pull_secret(const Output& out) {
  std::string text;
  for (const ReportEntry& e : out.report.entries)
    if (e.disposition == Disposition::Manual && e.key == "registry.pull_secret")
      text += e.detail + "\n";
  return text;
}
} // namespace

TEST(Environments, PullSecretIsAnExternalSecretWithExternalSecrets) {
  Output out = pull_secret_output("external-secrets");
  EXPECT_TRUE(out.files.empty()); // no template to fill and seal
  ASSERT_EQ(out.overlay["production"].size(), 4u);
  const Manifest& m = out.overlay["production"][3];
  EXPECT_EQ(m.path, "overlays/production/externalsecret-ghcr.yaml");
  EXPECT_EQ(yaml::emit(m.object),
            "apiVersion: external-secrets.io/v1\n"
            "kind: ExternalSecret\n"
            "metadata:\n"
            "  name: ghcr-secret\n"
            "  namespace: shop-prod\n"
            "  labels:\n"
            "    app.kubernetes.io/managed-by: berth\n"
            "    app.kubernetes.io/name: ghcr-secret\n"
            "    app.kubernetes.io/part-of: shop\n"
            "spec:\n"
            "  refreshInterval: 1h\n"
            "  secretStoreRef:\n"
            "    kind: ClusterSecretStore\n"
            "    name: berth-secrets\n"
            "  target:\n"
            "    name: ghcr-secret\n"
            "    creationPolicy: Owner\n"
            "    template:\n"
            "      type: kubernetes.io/dockerconfigjson\n"
            "      data:\n"
            "        .dockerconfigjson: \"{{ .dockerconfigjson | toString }}\"\n"
            "  data:\n"
            "    - secretKey: dockerconfigjson\n"
            "      remoteRef:\n"
            "        key: shop/production/ghcr-secret\n"
            "        property: dockerconfigjson\n");
  std::string manual = manual_pull_secret(out);
  EXPECT_NE(manual.find("at key shop/staging/ghcr-secret, property dockerconfigjson"),
            std::string::npos)
      << manual;
  EXPECT_EQ(manual.find("seal"), std::string::npos) << manual;
}

TEST(Environments, PullSecretInPlainModeIsWrittenByKubectl) {
  Output out = pull_secret_output("plain");
  ASSERT_EQ(out.files.size(), 2u);
  EXPECT_EQ(out.overlay["production"].size(), 3u); // REPLACE_ME is no valid docker config
  const std::string cmd =
      "kubectl create secret docker-registry ghcr-secret --namespace shop-prod "
      "--docker-server=ghcr.io --docker-username=USER --docker-password=TOKEN --dry-run=client -o "
      "yaml > overlays/production/secret-ghcr.yaml && (cd overlays/production && kustomize edit "
      "add resource secret-ghcr.yaml)";
  const TextFile& t = out.files[1];
  EXPECT_EQ(t.path, "overlays/production/secrets/ghcr-secret.template.yaml");
  EXPECT_NE(t.content.find(cmd), std::string::npos) << t.content;
  EXPECT_NE(t.content.find(".dockerconfigjson: REPLACE_ME"), std::string::npos);
  EXPECT_EQ(t.content.find("seal"), std::string::npos) << t.content;
  std::string manual = manual_pull_secret(out);
  EXPECT_NE(manual.find("`" + cmd + "`"), std::string::npos) << manual;
  EXPECT_EQ(manual.find("seal"), std::string::npos) << manual;
}

TEST(Environments, PullSecretSealedModeUnchanged) {
  Output out = pull_secret_output("sealed-secrets");
  ASSERT_EQ(out.files.size(), 2u);
  EXPECT_NE(out.files[0].content.find("berth seal --cert CERT.pem"), std::string::npos);
  EXPECT_NE(manual_pull_secret(out).find("fill and seal"), std::string::npos);
}
