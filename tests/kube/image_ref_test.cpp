// Image reference parsing and which tags move (used by convert's pull policy and check's rules).
#include <gtest/gtest.h>

#include "kube/image_ref.h"

using berth::kube::defaults_to_always;
using berth::kube::parse_image;
using berth::kube::tag_moves;

TEST(ImageRef, SplitsNameTagAndDigest) {
  auto r = parse_image("localhost:5000/team/app:1.2@sha256:abc");
  EXPECT_EQ(r.name, "localhost:5000/team/app");
  EXPECT_EQ(r.tag, "1.2");
  EXPECT_TRUE(r.digest);
  r = parse_image("localhost:5000/app"); // a registry port is not a tag
  EXPECT_EQ(r.name, "localhost:5000/app");
  EXPECT_EQ(r.tag, "");
  EXPECT_FALSE(r.digest);
  r = parse_image("postgres:17-alpine");
  EXPECT_EQ(r.name, "postgres");
  EXPECT_EQ(r.tag, "17-alpine");
}

TEST(ImageRef, KubernetesDefaultsToAlwaysOnlyForLatestOrNoTag) {
  EXPECT_TRUE(defaults_to_always(parse_image("nginx")));
  EXPECT_TRUE(defaults_to_always(parse_image("nginx:latest")));
  EXPECT_FALSE(defaults_to_always(parse_image("nginx:alpine")));
  EXPECT_FALSE(defaults_to_always(parse_image("nginx@sha256:abc")));
}

TEST(ImageRef, ChannelTagsMove) {
  for (const char* image :
       {"nginx", "nginx:latest", "nginx:alpine", "debian:bookworm", "nginx:mainline", "app:nonroot",
        "app:latest-alpine3.19", "app:STABLE-slim", "localhost:5000/app"})
    EXPECT_TRUE(tag_moves(parse_image(image))) << image;
}

TEST(ImageRef, ReleaseTagsAndDigestsDoNotMove) {
  for (const char* image : {"postgres:17", "redis:7-alpine", "app:stable-1.25", "app:main-3f2a9c1",
                            "app:nightly-20240101", "app:v2", "app:latest-v3", "nginx@sha256:abc",
                            "nginx:latest@sha256:abc"})
    EXPECT_FALSE(tag_moves(parse_image(image))) << image;
}
