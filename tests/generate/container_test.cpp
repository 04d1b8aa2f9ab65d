// The application container: the pull policy follows whether the image's tag can move.
#include <gtest/gtest.h>

#include "fixture.h"
#include "generate/context.h"
#include "generate/workloads.h"

namespace berth::generate {
namespace {

struct Converted {
  std::string deployment; // base/web/deployment.yaml
  std::string image;      // report entries of web / image
  std::string pull_policy;
};

Converted convert_web(const std::string& service_body) {
  auto f = test::load_fixture("services:\n  web:\n" + service_body);
  Output out;
  Context ctx{f->app, f->profile, f->plan};
  generate_workloads(ctx, out);
  return {test::emitted(out, "base/web/deployment.yaml"), test::report_of(out, "web", "image"),
          test::report_of(out, "web", "pull_policy")};
}

std::string policy_of(const std::string& image) {
  std::string deployment = convert_web("    image: " + image + "\n").deployment;
  std::size_t at = deployment.find("imagePullPolicy: ");
  if (at == std::string::npos) return "<none>";
  std::size_t end = deployment.find('\n', at);
  return deployment.substr(at + 17, end - at - 17);
}

TEST(Container, MovingTagsArePulledAlwaysAndReported) {
  Converted c = convert_web("    image: nginx\n");
  EXPECT_NE(c.deployment.find("imagePullPolicy: Always"), std::string::npos) << c.deployment;
  EXPECT_NE(c.image.find("manual: pin a version tag or digest: nginx "), std::string::npos)
      << c.image;
  for (const char* image : {"nginx:latest", "redis:alpine", "localhost:5000/app", "debian:bookworm",
                            "ghcr.io/x/app:main", "app:stable-alpine3.19", "app:Nightly",
                            "gcr.io/distroless/static:nonroot"})
    EXPECT_EQ(policy_of(image), "Always") << image;
}

TEST(Container, VersionsAndDigestsStayIfNotPresent) {
  Converted c = convert_web("    image: postgres:17.2\n");
  EXPECT_NE(c.deployment.find("imagePullPolicy: IfNotPresent"), std::string::npos);
  EXPECT_EQ(c.image.find("manual:"), std::string::npos) << c.image;
  for (const char* image : {"postgres:17", "redis:7-alpine", "app:v2", "localhost:5000/app:1.0",
                            "app:stable-1.25", "app:main-3f2a9c1", "app:nightly-20240101",
                            "nginx@sha256:0123abcd", "nginx:latest@sha256:0123abcd"})
    EXPECT_EQ(policy_of(image), "IfNotPresent") << image;
}

TEST(Container, BuiltImagesGetTheirTagFromTheOverlays) {
  // No tag here: kustomize's `images:` sets <prefix><sha> per overlay.
  Converted c = convert_web("    build: .\n");
  EXPECT_NE(c.deployment.find("imagePullPolicy: IfNotPresent"), std::string::npos) << c.deployment;
  EXPECT_EQ(c.image.find("manual:"), std::string::npos) << c.image;
  Converted named = convert_web("    build: .\n    image: example/web\n");
  EXPECT_NE(named.deployment.find("imagePullPolicy: IfNotPresent"), std::string::npos);
  EXPECT_EQ(named.image.find("manual:"), std::string::npos) << named.image;
}

TEST(Container, ComposePullPolicyIsExplainedByTheTag) {
  EXPECT_EQ(convert_web("    image: nginx:1.27\n    pull_policy: always\n").pull_policy,
            "dropped: imagePullPolicy is IfNotPresent: GitOps deploys immutable tags\n");
  EXPECT_EQ(convert_web("    image: nginx\n    pull_policy: always\n").pull_policy,
            "dropped: imagePullPolicy is Always while the image's tag moves\n");
}

} // namespace
} // namespace berth::generate
