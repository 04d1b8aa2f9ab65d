// Probe rules: curl/wget → httpGet, other checks → exec, timings, inferred probes.
#include <gtest/gtest.h>

#include "fixture.h"
#include "generate/workloads.h"
#include "yaml/emit.h"

namespace berth::generate {
namespace {

using workloads::parse_http_check;

std::string check_str(const std::optional<workloads::HttpCheck>& c) {
  if (!c) return "none";
  return c->scheme + " " + std::to_string(c->port) + " " + c->path;
}

TEST(ParseHttpCheck, CurlForms) {
  EXPECT_EQ(check_str(parse_http_check({"curl", "-f", "http://localhost:8080/health"})),
            "HTTP 8080 /health");
  EXPECT_EQ(check_str(parse_http_check({"/usr/bin/curl", "-fsS", "--max-time", "2",
                                        "http://127.0.0.1:3000/api/ready?deep=1"})),
            "HTTP 3000 /api/ready?deep=1");
  EXPECT_EQ(check_str(parse_http_check({"curl", "--fail", "-o", "/dev/null", "localhost"})),
            "HTTP 80 /");
  EXPECT_EQ(check_str(parse_http_check({"curl", "-k", "https://localhost:8443"})),
            "HTTPS 8443 /");
  EXPECT_EQ(check_str(parse_http_check({"curl", "-X", "GET", "http://[::1]:81/x"})),
            "HTTP 81 /x");
}

TEST(ParseHttpCheck, WgetForms) {
  EXPECT_EQ(check_str(parse_http_check({"wget", "-q", "--spider", "http://localhost:80/"})),
            "HTTP 80 /");
  EXPECT_EQ(check_str(parse_http_check({"wget", "-qO-", "http://localhost:9000/ping"})),
            "HTTP 9000 /ping");
  EXPECT_EQ(check_str(parse_http_check({"wget", "--no-verbose", "--tries=1", "-O", "/dev/null",
                                        "http://localhost:5000/healthz"})),
            "HTTP 5000 /healthz");
}

TEST(ParseHttpCheck, RejectsWhatIsNotALocalGet) {
  EXPECT_EQ(check_str(parse_http_check({"curl", "-f", "http://db:5432/"})), "none");
  EXPECT_EQ(check_str(parse_http_check({"curl", "-X", "POST", "http://localhost/"})), "none");
  EXPECT_EQ(check_str(parse_http_check({"curl", "http://localhost:${PORT}/"})), "none");
  EXPECT_EQ(check_str(parse_http_check({"curl", "-u", "a:b", "http://localhost/"})), "none");
  EXPECT_EQ(check_str(parse_http_check({"curl", "--unknown", "http://localhost/"})), "none");
  EXPECT_EQ(check_str(parse_http_check({"pg_isready"})), "none");
  EXPECT_EQ(check_str(parse_http_check({"curl"})), "none");
  EXPECT_EQ(check_str(parse_http_check({"curl", "ftp://localhost/"})), "none");
}

TEST(ParseHttpCheck, ShellFormWithExitTail) {
  model::Healthcheck hc;
  hc.kind = model::HealthKind::CmdShell;
  hc.test = {"curl -f http://localhost:8000/status || exit 1"};
  EXPECT_EQ(check_str(parse_http_check(hc)), "HTTP 8000 /status");
  hc.test = {"curl -f http://localhost:8000/ | grep ok"};
  EXPECT_EQ(check_str(parse_http_check(hc)), "none");
  hc.test = {"curl -f http://localhost/ || echo bad"};
  EXPECT_EQ(check_str(parse_http_check(hc)), "none");
}

std::string probes_text(const workloads::Probes& p) {
  std::string out;
  if (p.startup) out += "startup:\n" + yaml::emit(*p.startup);
  if (p.liveness) out += "liveness:\n" + yaml::emit(*p.liveness);
  if (p.readiness) out += "readiness:\n" + yaml::emit(*p.readiness);
  return out;
}

TEST(MakeProbes, HttpHealthcheckUsesPortNameAndTimings) {
  auto f = test::load_fixture(R"(
services:
  web:
    image: example/web:1
    ports: ["8080:8080"]
    healthcheck:
      test: ["CMD", "curl", "-f", "http://localhost:8080/health"]
      interval: 15s
      timeout: 3s
      retries: 4
      start_period: 40s
)");
  Report r;
  auto p = workloads::make_probes(f->service("web"), r);
  const std::string port = f->service("web").ports.front().name;
  EXPECT_EQ(probes_text(p), "startup:\nhttpGet:\n  path: /health\n  port: " + port +
                                "\nperiodSeconds: 5\ntimeoutSeconds: 3\nfailureThreshold: 12\n"
                                "liveness:\nhttpGet:\n  path: /health\n  port: " + port +
                                "\nperiodSeconds: 15\ntimeoutSeconds: 3\nfailureThreshold: 8\n"
                                "readiness:\nhttpGet:\n  path: /health\n  port: " + port +
                                "\nperiodSeconds: 15\ntimeoutSeconds: 3\nfailureThreshold: 4\n");
  ASSERT_EQ(r.entries.size(), 1u);
  EXPECT_EQ(r.entries[0].disposition, Disposition::Translated);
}

TEST(MakeProbes, ShellCheckBecomesShExec) {
  auto f = test::load_fixture(R"(
services:
  worker:
    image: example/worker:1
    healthcheck:
      test: celery inspect ping -d worker@$$HOSTNAME
)");
  Report r;
  auto p = workloads::make_probes(f->service("worker"), r);
  ASSERT_TRUE(p.readiness);
  EXPECT_EQ(yaml::emit(*p.readiness), R"(exec:
  command:
    - sh
    - -c
    - celery inspect ping -d worker@$HOSTNAME
periodSeconds: 10
timeoutSeconds: 5
failureThreshold: 3
)");
  EXPECT_NE(*p.liveness, *p.readiness);
}

TEST(MakeProbes, DisabledMeansNone) {
  auto f = test::load_fixture(R"(
services:
  web:
    image: example/web:1
    ports: ["80:80"]
    healthcheck:
      disable: true
)");
  Report r;
  auto p = workloads::make_probes(f->service("web"), r);
  EXPECT_FALSE(p.startup || p.liveness || p.readiness);
  ASSERT_EQ(r.entries.size(), 1u);
  EXPECT_EQ(r.entries[0].detail, "health checking disabled: no probes");
}

TEST(MakeProbes, NoHealthcheckWithPortIsTcpSocket) {
  auto f = test::load_fixture(R"(
services:
  api:
    image: example/api:1
    ports: ["3000:3000"]
)");
  Report r;
  auto p = workloads::make_probes(f->service("api"), r);
  ASSERT_TRUE(p.readiness && p.liveness && p.startup);
  EXPECT_TRUE(p.readiness->find("tcpSocket"));
  EXPECT_EQ(p.liveness->find("periodSeconds")->value(), "20");
  EXPECT_EQ(p.readiness->find("periodSeconds")->value(), "10");
  ASSERT_EQ(r.entries.size(), 1u);
  EXPECT_EQ(r.entries[0].disposition, Disposition::Inferred);
}

TEST(MakeProbes, WellKnownDatabaseGetsClientExec) {
  auto f = test::load_fixture(R"(
services:
  db:
    image: postgres:16
  cache:
    image: redis:7
)");
  Report r;
  auto db = workloads::make_probes(f->service("db"), r);
  ASSERT_TRUE(db.readiness);
  EXPECT_EQ(yaml::emit(*db.readiness->find("exec")),
            "command:\n  - pg_isready\n  - -h\n  - 127.0.0.1\n  - -p\n  - \"5432\"\n");
  auto cache = workloads::make_probes(f->service("cache"), r);
  ASSERT_TRUE(cache.readiness);
  EXPECT_EQ(cache.readiness->find("exec")->find("command")->items()[0].value(), "redis-cli");
  ASSERT_EQ(r.entries.size(), 2u);
  EXPECT_EQ(r.entries[0].disposition, Disposition::Inferred);
}

TEST(MakeProbes, NoHealthcheckNoPortIsManual) {
  auto f = test::load_fixture(R"(
services:
  worker:
    image: example/worker:1
)");
  Report r;
  auto p = workloads::make_probes(f->service("worker"), r);
  EXPECT_FALSE(p.readiness);
  ASSERT_EQ(r.entries.size(), 1u);
  EXPECT_EQ(r.entries[0].disposition, Disposition::Manual);
}

TEST(Redact, SecretValuesBecomeVariableReferences) {
  ServicePlan sp;
  sp.env = {{"SA_PASSWORD", "example_123", true, "name"}, {"MODE", "example", false, ""}};
  std::vector<std::string> shell = {"sh", "-c", "sqlcmd -U sa -P example_123 -Q 'SELECT 1'"};
  EXPECT_TRUE(workloads::redact_exec(sp, shell));
  EXPECT_EQ(shell[2], "sqlcmd -U sa -P ${SA_PASSWORD} -Q 'SELECT 1'");
  std::vector<std::string> exec = {"mysqladmin", "ping", "-pexample_123", "-h", "127.0.0.1"};
  EXPECT_TRUE(workloads::redact_exec(sp, exec));
  EXPECT_EQ(exec, (std::vector<std::string>{"sh", "-c",
                                            "mysqladmin ping \"-p${SA_PASSWORD}\" -h 127.0.0.1"}));
  std::vector<std::string> args = {"redis-server", "--requirepass", "example_123"};
  EXPECT_TRUE(workloads::redact_args(sp, args));
  EXPECT_EQ(args[2], "$(SA_PASSWORD)");
  std::vector<std::string> clean = {"serve", "example"};
  EXPECT_FALSE(workloads::redact_args(sp, clean));
  EXPECT_FALSE(workloads::redact_exec(sp, clean));
}

TEST(MakeProbes, SecretInHealthcheckIsNotWritten) {
  auto f = test::load_fixture(R"(
services:
  db:
    image: mcr.microsoft.com/azure-sql-edge:1.0.4
    environment:
      SA_PASSWORD: example_123
    healthcheck:
      test: ["CMD-SHELL", "/opt/mssql-tools/bin/sqlcmd -S localhost -U sa -P example_123 -Q 'SELECT 1' || exit 1"]
)");
  Report r;
  auto p = workloads::make_probes(f->service("db"), r);
  ASSERT_TRUE(p.readiness);
  std::string text = yaml::emit(*p.readiness);
  EXPECT_EQ(text.find("example_123"), std::string::npos) << text;
  EXPECT_NE(text.find("${SA_PASSWORD}"), std::string::npos) << text;
}

} // namespace
} // namespace berth::generate
