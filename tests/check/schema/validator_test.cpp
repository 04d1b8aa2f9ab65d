// Validator: one failing and one passing fixture per rule, with positions (line:col).
#include <gtest/gtest.h>

#include "check/schema/rule_ids.h"
#include "check/schema/schema_test_util.h"

namespace berth::check::schema {
namespace {

using test::check_yaml;
using test::dump;
using test::has;
using test::of_rule;

const char* kDeployment = R"(apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  labels:
    app: web
spec:
  replicas: 2
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
        - name: web
          image: nginx:1.27
          imagePullPolicy: IfNotPresent
          ports:
            - containerPort: 8080
              name: http
          resources:
            requests: {cpu: 100m, memory: 128Mi}
            limits: {memory: 256Mi}
)";

TEST(Validator, CleanDeploymentHasNoFindings) {
  auto f = check_yaml(kDeployment);
  EXPECT_TRUE(f.empty()) << dump(f);
}

TEST(Validator, NestedUnknownFieldIsReportedAtItsKey) {
  std::string yaml = kDeployment;
  yaml.replace(yaml.find("imagePullPolicy"), 15, "imagePullPolicyy");
  auto f = check_yaml(yaml);
  ASSERT_EQ(f.size(), 1u) << dump(f);
  EXPECT_TRUE(has(f, std::string(rule::kUnknownField), 20, 11)) << dump(f);
  EXPECT_NE(f[0].message.find("spec.template.spec.containers[0]"), std::string::npos)
      << f[0].message;
  EXPECT_NE(f[0].fix.find("did you mean \"imagePullPolicy\""), std::string::npos) << f[0].fix;
}

} // namespace
} // namespace berth::check::schema
