// Service account token automount on pods of the default service account.
#include <gtest/gtest.h>

#include "check/policy/policy_fixture.h"

namespace berth::check::policy::test {
namespace {

const std::string kAutomount = "      automountServiceAccountToken: false\n";

TEST(ServiceAccount, DefaultAccountWithTokenIsInfoAtThePodSpec) {
  Finding f =
      only(run(replace(kCleanDeployment, kAutomount, "")), "service-account-token-automount");
  EXPECT_EQ(at(f), "16:7");
  EXPECT_EQ(f.severity, Severity::Info);
  EXPECT_FALSE(run(kCleanDeployment).has("service-account-token-automount"));
}

TEST(ServiceAccount, OwnAccountsAndExplicitChoicesAreRespected) {
  EXPECT_FALSE(run(replace(kCleanDeployment, kAutomount, "      serviceAccountName: web\n"))
                   .has("service-account-token-automount"));
  EXPECT_FALSE(
      run(replace(kCleanDeployment, kAutomount, "      automountServiceAccountToken: true\n"))
          .has("service-account-token-automount"));
  EXPECT_TRUE(run(replace(kCleanDeployment, kAutomount, "      serviceAccountName: default\n"))
                  .has("service-account-token-automount"));
}

} // namespace
} // namespace berth::check::policy::test
