// --k8s-version accepts what `kubectl version` and release notes print.
#include <gtest/gtest.h>

#include "check/options.h"

using berth::check::KubeVersion;
using berth::check::parse_kube_version;

TEST(KubeVersion, AcceptedForms) {
  for (const char* text : {"1.29", "v1.29", "1.29.3", "v1.29.3+k3s1", "1.29.0-rc.1"}) {
    KubeVersion v{0, 0};
    EXPECT_TRUE(parse_kube_version(text, v)) << text;
    EXPECT_EQ(v.major, 1) << text;
    EXPECT_EQ(v.minor, 29) << text;
  }
}

TEST(KubeVersion, RejectedFormsLeaveTheValueAlone) {
  for (const char* text : {"", "1", "1.", ".29", "129", "1.29x", "2.0", "1.-1", "v", "1.29.",
                           "1.29.3+", "latest", " 1.29", "1.999"}) {
    KubeVersion v{1, 25};
    EXPECT_FALSE(parse_kube_version(text, v)) << text;
    EXPECT_EQ(v.minor, 25) << text;
  }
}

TEST(KubeVersion, Ordering) {
  EXPECT_LT((KubeVersion{1, 9}), (KubeVersion{1, 10}));
  EXPECT_EQ((KubeVersion{1, 32}), KubeVersion{});
}
