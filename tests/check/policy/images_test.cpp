// Images: :latest, missing tags, pull policies.
#include <gtest/gtest.h>

#include "check/policy/policy_fixture.h"

namespace berth::check::policy::test {
namespace {

std::string with_image(std::string_view image, std::string_view policy = "Always") {
  return replace(replace(kCleanDeployment, "ghcr.io/example/web:1.4.2", image),
                 "imagePullPolicy: Always", "imagePullPolicy: " + std::string(policy));
}

TEST(Images, LatestIsAnErrorAtTheImage) {
  Finding f = only(run(with_image("ghcr.io/example/web:latest")), "image-tag-latest");
  EXPECT_EQ(at(f), "34:18");
  EXPECT_EQ(f.severity, Severity::Error);
  EXPECT_NE(f.message.find("ghcr.io/example/web:latest"), std::string::npos);
  EXPECT_FALSE(run(kCleanDeployment).has("image-tag-latest"));
  EXPECT_FALSE(run(with_image("app:latest@sha256:0123abcd")).has("image-tag-latest"));
}

TEST(Images, MissingTagIsAWarning) {
  Finding f = only(run(with_image("ghcr.io/example/web")), "image-tag-missing");
  EXPECT_EQ(at(f), "34:18");
  EXPECT_EQ(f.severity, Severity::Warning);
  // A registry port is not a tag; a digest pins the image.
  EXPECT_TRUE(run(with_image("localhost:5000/web")).has("image-tag-missing"));
  EXPECT_FALSE(run(with_image("localhost:5000/web:2")).has("image-tag-missing"));
  EXPECT_FALSE(run(with_image("web@sha256:0123abcd")).has("image-tag-missing"));
}

TEST(Images, PullPolicyMustFitTheTag) {
  Finding f = only(run(with_image("web:latest", "IfNotPresent")), "image-pull-policy-mutable");
  EXPECT_EQ(at(f), "35:28");
  EXPECT_TRUE(run(with_image("web", "Never")).has("image-pull-policy-mutable"));
  EXPECT_FALSE(run(with_image("web:1.2", "IfNotPresent")).has("image-pull-policy-mutable"));
  EXPECT_FALSE(run(with_image("web:latest", "Always")).has("image-pull-policy-mutable"));
  // Channel tags move too (the same judgement convert uses to write Always): no digit, or a
  // channel word followed only by variants.
  EXPECT_EQ(at(only(run(with_image("nginx:alpine", "IfNotPresent")), "image-pull-policy-mutable")),
            "35:28");
  EXPECT_TRUE(
      run(with_image("app:latest-alpine3.19", "IfNotPresent")).has("image-pull-policy-mutable"));
  EXPECT_FALSE(run(with_image("redis:7-alpine", "IfNotPresent")).has("image-pull-policy-mutable"));
  EXPECT_FALSE(run(with_image("app:stable-1.25", "IfNotPresent")).has("image-pull-policy-mutable"));

  Finding digest =
      only(run(with_image("web@sha256:0123abcd", "Always")), "image-pull-policy-digest");
  EXPECT_EQ(at(digest), "35:28");
  EXPECT_EQ(digest.severity, Severity::Info);
  EXPECT_FALSE(
      run(with_image("web@sha256:0123abcd", "IfNotPresent")).has("image-pull-policy-digest"));
}

// A raw kustomize tree: the base's Deployment and an overlay's kustomization in one set.
std::string with_overlay(std::string_view image, std::string_view policy, std::string_view images) {
  return with_image(image, policy) +
         "---\napiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\n"
         "resources:\n  - ../../base\n" +
         std::string(images);
}

constexpr std::string_view kPinned = "images:\n  - name: ghcr.io/example/web\n"
                                     "    newTag: staging-initial\n";

TEST(Images, AnOverlayWithoutAnImagesEntryLeavesTheTagMissing) {
  std::string tree = with_overlay("ghcr.io/example/web", "IfNotPresent", "");
  EXPECT_EQ(at(only(run(tree), "image-tag-missing")), "34:18");
  EXPECT_EQ(at(only(run(tree), "image-pull-policy-mutable")), "35:28");
  // An entry for another image, or one that only renames, pins nothing.
  std::string other = with_overlay("ghcr.io/example/web", "IfNotPresent",
                                   "images:\n  - name: ghcr.io/example/api\n    newTag: '2'\n"
                                   "  - name: ghcr.io/example/web\n    newName: reg/web\n");
  EXPECT_EQ(at(only(run(other), "image-tag-missing")), "34:18");
  EXPECT_EQ(at(only(run(other), "image-pull-policy-mutable")), "35:28");
}

TEST(Images, AnOverlaysNewTagPinsTheBaseImage) {
  PolicyRun r = run(with_overlay("ghcr.io/example/web", "IfNotPresent", kPinned));
  EXPECT_FALSE(r.has("image-tag-missing")) << r.dump();
  EXPECT_FALSE(r.has("image-pull-policy-mutable")) << r.dump();
  // A digest pins too; the name matches with a registry port.
  PolicyRun digest =
      run(with_overlay("localhost:5000/web", "Never",
                       "images:\n  - name: localhost:5000/web\n    digest: sha256:0123abcd\n"));
  EXPECT_FALSE(digest.has("image-tag-missing")) << digest.dump();
  EXPECT_FALSE(digest.has("image-pull-policy-mutable")) << digest.dump();
  // :latest is retagged as well, but writing it stays an error of its own.
  PolicyRun latest = run(with_overlay("ghcr.io/example/web:latest", "IfNotPresent", kPinned));
  EXPECT_FALSE(latest.has("image-pull-policy-mutable")) << latest.dump();
  EXPECT_EQ(at(only(latest, "image-tag-latest")), "34:18");
}

TEST(Images, UnnamedContainersAreNamedByPosition) {
  std::string tree =
      replace(with_image("web", "IfNotPresent"), "- name: web\n          image:", "- image:");
  EXPECT_NE(only(run(tree), "image-tag-missing").message.find("container #1 uses image web "),
            std::string::npos)
      << run(tree).dump();
}

TEST(Images, KubeScoresAlwaysRuleIsOptIn) {
  Options on = enabling({"image-pull-policy-not-always"});
  EXPECT_FALSE(run(with_image("web:1.2", "IfNotPresent")).has("image-pull-policy-not-always"));
  EXPECT_EQ(
      at(only(run(with_image("web:1.2", "IfNotPresent"), on), "image-pull-policy-not-always")),
      "35:28");
  // No policy on a pinned tag defaults to IfNotPresent: reported at the image.
  std::string unset = replace(kCleanDeployment, "          imagePullPolicy: Always\n", "");
  EXPECT_EQ(at(only(run(unset, on), "image-pull-policy-not-always")), "34:18");
  // No policy on :latest defaults to Always.
  EXPECT_FALSE(
      run(replace(unset, "web:1.4.2", "web:latest"), on).has("image-pull-policy-not-always"));
  EXPECT_FALSE(run(kCleanDeployment, on).has("image-pull-policy-not-always"));
}

} // namespace
} // namespace berth::check::policy::test
