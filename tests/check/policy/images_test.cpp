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

  Finding digest =
      only(run(with_image("web@sha256:0123abcd", "Always")), "image-pull-policy-digest");
  EXPECT_EQ(at(digest), "35:28");
  EXPECT_EQ(digest.severity, Severity::Info);
  EXPECT_FALSE(
      run(with_image("web@sha256:0123abcd", "IfNotPresent")).has("image-pull-policy-digest"));
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
