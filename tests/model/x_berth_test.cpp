// x-berth block: reading, each validation rule with its location, normalized round trip.
#include <gtest/gtest.h>

#include "model/cron.h"
#include "model/quantity.h"
#include "model/x_berth.h"
#include "yaml/parse.h"

namespace berth::model {
namespace {

XBerth parse(const std::string& text) {
  return parse_x_berth(yaml::parse_document(text, "c.yaml"));
}

// The message of the error parse() throws, or "" when it does not throw.
std::string error_of(const std::string& text) {
  try {
    parse(text);
  } catch (const Error& e) {
    return e.what();
  }
  return "";
}

TEST(XBerth, ReadsTheDesignExample) {
  XBerth x = parse(R"(
kind: statefulset
ingress:
  - {port: 8080, host: api.example.org, path: /api, strip_prefix: true}
  - {port: 3000}
metrics: {port: 9090, path: /prom}
hpa: {min: 2, max: 10, cpu: 50, memory: 70}
storage: {pgdata: 150Gi}
replicas: {staging: 1, production: 3}
session_affinity: true
backup: {schedule: "0 2 * * *"}
)");
  EXPECT_EQ(x.kind, WorkloadKind::StatefulSet);
  ASSERT_EQ(x.ingress.size(), 2u);
  EXPECT_EQ(x.ingress[0].port, 8080);
  EXPECT_EQ(x.ingress[0].host, "api.example.org");
  EXPECT_EQ(x.ingress[0].path, "/api");
  EXPECT_TRUE(x.ingress[0].strip_prefix);
  EXPECT_EQ(x.ingress[1].host, "");
  EXPECT_EQ(x.ingress[1].at.loc.line, 5u);
  ASSERT_TRUE(x.metrics);
  EXPECT_EQ(x.metrics->port, 9090);
  EXPECT_EQ(x.metrics->path, "/prom");
  ASSERT_TRUE(x.hpa);
  EXPECT_EQ(x.hpa->min, 2);
  EXPECT_EQ(x.hpa->max, 10);
  EXPECT_EQ(x.hpa->cpu, 50);
  EXPECT_EQ(x.hpa->memory, 70);
  EXPECT_EQ(x.storage.at("pgdata"), "150Gi");
  EXPECT_EQ(x.replicas.at("production"), 3);
  EXPECT_TRUE(x.session_affinity);
  ASSERT_TRUE(x.backup);
  EXPECT_EQ(x.backup->schedule, "0 2 * * *");
}

TEST(XBerth, CronJobNeedsSchedule) {
  XBerth x = parse("kind: cronjob\nschedule: '*/15 * * * *'\nsingleton: true\n");
  EXPECT_EQ(x.kind, WorkloadKind::CronJob);
  EXPECT_EQ(x.schedule, "*/15 * * * *");
  EXPECT_TRUE(x.singleton);
  EXPECT_NE(error_of("kind: cronjob\n").find("needs a `schedule`"), std::string::npos);
}

TEST(XBerth, UnknownKeyListsAllowedOnes) {
  std::string e = error_of("kind: deployment\nreplica: 3\n");
  EXPECT_NE(e.find("c.yaml:2:1"), std::string::npos) << e;
  EXPECT_NE(e.find("unknown key \"replica\""), std::string::npos) << e;
  EXPECT_NE(e.find("allowed: kind, schedule, ingress"), std::string::npos) << e;
}

TEST(XBerth, ValidationErrorsNameTheField) {
  EXPECT_NE(error_of("schedule: '0 3 * * *'\n").find("only allowed with `kind: cronjob`"),
            std::string::npos);
  EXPECT_NE(error_of("kind: job\nschedule: '0 3 * * *'\n").find("kind is job"), std::string::npos);
  std::string e = error_of("hpa: {min: 5, max: 2}\n");
  EXPECT_NE(e.find("c.yaml:1:12"), std::string::npos) << e;
  EXPECT_NE(e.find("min (5) is greater than max (2)"), std::string::npos) << e;
  EXPECT_NE(error_of("singleton: true\nhpa: {max: 3}\n").find("cannot have an HPA"),
            std::string::npos);
  EXPECT_NE(error_of("hpa: {max: 3}\nsingleton: true\n").find("cannot have an HPA"),
            std::string::npos);
  EXPECT_NE(error_of("singleton: true\nreplicas: {production: 2}\n").find("at most 1 replica"),
            std::string::npos);
  e = error_of("ingress: [{port: 70000}]\n");
  EXPECT_NE(e.find("x-berth.ingress[0].port: expected an integer in 1..65535, got integer 70000"),
            std::string::npos)
      << e;
  EXPECT_NE(error_of("metrics: {port: 0}\n").find("1..65535"), std::string::npos);
  EXPECT_NE(error_of("storage: {data: 10GB}\n").find("Kubernetes quantity"), std::string::npos);
  EXPECT_NE(error_of("storage: {data: -1Gi}\n").find("Kubernetes quantity"), std::string::npos);
  EXPECT_NE(error_of("kind: pod\n").find("one of deployment"), std::string::npos);
  EXPECT_NE(error_of("backup: {schedule: '61 * * * *'}\n").find("minute field"), std::string::npos);
  EXPECT_NE(error_of("ingress: [{port: 80, host: 'Bad_Host'}]\n").find("DNS host"), std::string::npos);
  EXPECT_NE(error_of("ingress: [{port: 80, strip_prefix: true}]\n").find("needs a `path`"),
            std::string::npos);
  EXPECT_NE(error_of("ingress: [{port: 80, path: api}]\n").find("starting with \"/\""),
            std::string::npos);
  EXPECT_NE(error_of("ingress: [{host: a.b}]\n").find("missing required key \"port\""),
            std::string::npos);
  EXPECT_NE(error_of("kind: daemonset\nhpa: {max: 3}\n").find("cannot scale a daemonset"),
            std::string::npos);
  EXPECT_NE(error_of("- kind\n").find("expected a mapping"), std::string::npos);
  EXPECT_NE(error_of("session_affinity: maybe\n").find("expected true or false"), std::string::npos);
}

TEST(XBerth, HpaDefaultsToCpuTarget) {
  XBerth x = parse("hpa: {max: 4}\n");
  EXPECT_EQ(x.hpa->min, 1);
  EXPECT_EQ(x.hpa->cpu, 80);
  EXPECT_FALSE(x.hpa->memory);
}

TEST(XBerth, NormalizedFormRoundTrips) {
  const char* texts[] = {
      "kind: statefulset\ningress: {port: 80, path: /x, strip_prefix: true}\nmetrics: 9100\n"
      "hpa: {min: 2, max: 5, memory: 60}\nstorage: {b: 1Gi, a: 500Mi}\nreplicas: {production: 3}\n"
      "session_affinity: true\nbackup: {schedule: '@daily'}\n",
      "kind: cronjob\nschedule: '0 3 * * MON-FRI'\nsingleton: true\n",
      "{}\n",
  };
  for (const char* t : texts) {
    XBerth x = parse(t);
    EXPECT_EQ(parse_x_berth(to_node(x)), x) << t;
  }
}

TEST(Cron, AcceptsKubernetesSchedules) {
  for (const char* ok : {"* * * * *", "*/5 * * * *", "0 3 * * *", "0 0 1,15 * *",
                         "30 2 * * MON-FRI", "0 0 * JAN,JUL SUN", "0 0 ? * 7", "@hourly", "5-10/2 * * * *"})
    EXPECT_FALSE(cron_error(ok)) << ok << ": " << *cron_error(ok);
  for (const char* bad : {"", "* * * *", "* * * * * *", "60 * * * *", "* 24 * * *", "* * 0 * *",
                          "* * * 13 *", "* * * * 8", "*/0 * * * *", "5-1 * * * *", "a * * * *",
                          "@reboot"})
    EXPECT_TRUE(cron_error(bad)) << bad;
}

TEST(Quantity, ParsesKubernetesQuantities) {
  EXPECT_EQ(quantity_bytes("150Gi"), 150LL << 30);
  EXPECT_EQ(quantity_bytes("500M"), 500000000);
  EXPECT_EQ(quantity_bytes("1.5Gi"), 3LL << 29);
  EXPECT_EQ(quantity_bytes("1e3"), 1000);
  EXPECT_EQ(quantity_bytes("1024"), 1024);
  EXPECT_FALSE(quantity_bytes("10GB"));
  EXPECT_FALSE(quantity_bytes("Gi"));
  EXPECT_FALSE(quantity_bytes("-1Gi"));
  EXPECT_FALSE(quantity_bytes(""));
}

} // namespace
} // namespace berth::model
