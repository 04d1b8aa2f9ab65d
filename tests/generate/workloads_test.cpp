// Workload rules: kinds, strategy, Job/CronJob policies, and whole objects.
#include <gtest/gtest.h>

#include <filesystem>

#include "../support/test_support.h"
#include "fixture.h"
#include "generate/context.h"
#include "generate/workloads.h"
#include "yaml/emit.h"
#include "yaml/json.h"

namespace berth::generate {
namespace {

const Manifest* find_manifest(const Output& out, const std::string& path) {
  for (const auto& m : out.base)
    if (m.path == path) return &m;
  return nullptr;
}

TEST(Workloads, WholeDeployment) {
  auto f = test::load_fixture(R"(
name: shop
services:
  web:
    image: example/web:1.2
    entrypoint: ["/docker-entrypoint.sh"]
    command: ["serve", "--port", "8080"]
    working_dir: /app
    user: "1000:1000"
    read_only: true
    ports: ["8080:8080"]
    environment:
      LOG_LEVEL: info
    stop_grace_period: 45s
    healthcheck:
      test: ["CMD-SHELL", "wget -q --spider http://localhost:8080/healthz || exit 1"]
      interval: 10s
      retries: 3
    deploy:
      resources:
        limits: {cpus: "1", memory: 256M}
        reservations: {cpus: "0.25", memory: 128M}
)");
  Output out;
  Context ctx{f->app, f->profile, f->plan};
  generate_workloads(ctx, out);
  const Manifest* m = find_manifest(out, "base/web/deployment.yaml");
  ASSERT_TRUE(m);
  const ServicePlan& sp = f->service("web");
  const std::string port = sp.ports.at(0).name;
  EXPECT_EQ(yaml::emit(m->object), R"(apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  labels:
    app.kubernetes.io/managed-by: berth
    app.kubernetes.io/name: web
    app.kubernetes.io/part-of: shop
spec:
  replicas: 1
  revisionHistoryLimit: 3
  selector:
    matchLabels:
      app.kubernetes.io/name: web
      app.kubernetes.io/part-of: shop
  strategy:
    type: RollingUpdate
    rollingUpdate:
      maxSurge: 25%
      maxUnavailable: 0
  template:
    metadata:
      labels:
        app.kubernetes.io/managed-by: berth
        app.kubernetes.io/name: web
        app.kubernetes.io/part-of: shop
    spec:
      automountServiceAccountToken: false
      securityContext:
        runAsNonRoot: true
        seccompProfile:
          type: RuntimeDefault
      terminationGracePeriodSeconds: 45
      containers:
        - name: web
          image: example/web:1.2
          imagePullPolicy: IfNotPresent
          command:
            - /docker-entrypoint.sh
          args:
            - serve
            - --port
            - "8080"
          workingDir: /app
          ports:
            - name: )" + port + R"(
              containerPort: 8080
              protocol: TCP
          envFrom:
            - configMapRef:
                name: web-config
          resources:
            requests:
              cpu: 250m
              memory: 128Mi
            limits:
              cpu: "1"
              memory: 256Mi
          startupProbe:
            httpGet:
              path: /healthz
              port: )" + port + R"(
            periodSeconds: 5
            timeoutSeconds: 5
            failureThreshold: 30
          livenessProbe:
            httpGet:
              path: /healthz
              port: )" + port + R"(
            periodSeconds: 10
            timeoutSeconds: 5
            failureThreshold: 6
          readinessProbe:
            httpGet:
              path: /healthz
              port: )" + port + R"(
            periodSeconds: 10
            timeoutSeconds: 5
            failureThreshold: 3
          securityContext:
            allowPrivilegeEscalation: false
            capabilities:
              drop:
                - ALL
            readOnlyRootFilesystem: true
            runAsUser: 1000
            runAsGroup: 1000
)");
}

TEST(Workloads, StrategyRules) {
  auto f = test::load_fixture(R"(
services:
  a:
    image: example/a:1
    deploy:
      update_config: {parallelism: 2, order: stop-first}
  b:
    image: example/b:1
    deploy:
      update_config: {parallelism: 3, order: start-first, delay: 10s}
  c:
    image: example/c:1
    x-berth: {singleton: true}
)");
  Report r;
  EXPECT_EQ(yaml::emit(workloads::deployment_strategy(f->service("a"), false, r)),
            "type: RollingUpdate\nrollingUpdate:\n  maxSurge: 0\n  maxUnavailable: 2\n");
  EXPECT_EQ(yaml::emit(workloads::deployment_strategy(f->service("b"), false, r)),
            "type: RollingUpdate\nrollingUpdate:\n  maxSurge: 3\n  maxUnavailable: 0\n");
  EXPECT_EQ(yaml::emit(workloads::deployment_strategy(f->service("c"), false, r)),
            "type: Recreate\n");
  EXPECT_EQ(yaml::emit(workloads::deployment_strategy(f->service("b"), true, r)),
            "type: Recreate\n");
}

TEST(Workloads, StatefulSetForDatabase) {
  auto f = test::load_fixture(R"(
services:
  db:
    image: postgres:16
    volumes: [pgdata:/var/lib/postgresql/data]
    x-berth: {kind: statefulset, storage: {pgdata: 50Gi}}
volumes:
  pgdata:
)");
  Output out;
  Context ctx{f->app, f->profile, f->plan};
  generate_workloads(ctx, out);
  ASSERT_EQ(out.base.size(), 1u);
  EXPECT_EQ(out.base[0].path, "base/db/statefulset.yaml");
  const yaml::Node& spec = *out.base[0].object.find("spec");
  EXPECT_EQ(spec.find("serviceName")->value(), "db-headless");
  EXPECT_EQ(spec.find("podManagementPolicy")->value(), "OrderedReady");
  EXPECT_EQ(spec.find("replicas")->value(), "1");
  const yaml::Node& claim = spec.find("volumeClaimTemplates")->items().at(0);
  EXPECT_EQ(claim.find("metadata")->find("name")->value(), "pgdata");
  EXPECT_EQ(claim.find("spec")->find("resources")->find("requests")->find("storage")->value(),
            "50Gi");
  const yaml::Node& container =
      spec.find("template")->find("spec")->find("containers")->items().at(0);
  EXPECT_EQ(container.find("volumeMounts")->items().at(0).find("name")->value(), "pgdata");
  EXPECT_FALSE(spec.find("template")->find("spec")->has("volumes"));
}

TEST(Workloads, JobAndCronJob) {
  auto f = test::load_fixture(R"(
services:
  migrate:
    image: example/migrate:1
    restart: "no"
    deploy:
      restart_policy: {max_attempts: 5}
    x-berth: {kind: job}
  report:
    image: example/report:1
    healthcheck:
      test: ["CMD", "true"]
    x-berth: {kind: cronjob, schedule: "0 4 * * *"}
)");
  Output out;
  Context ctx{f->app, f->profile, f->plan};
  generate_workloads(ctx, out);
  const Manifest* job = find_manifest(out, "base/migrate/job.yaml");
  ASSERT_TRUE(job);
  const yaml::Node& jspec = *job->object.find("spec");
  EXPECT_EQ(jspec.find("backoffLimit")->value(), "5");
  EXPECT_EQ(jspec.find("ttlSecondsAfterFinished")->value(), "86400");
  EXPECT_EQ(jspec.find("template")->find("spec")->find("restartPolicy")->value(), "OnFailure");
  const Manifest* cron = find_manifest(out, "base/report/cronjob.yaml");
  ASSERT_TRUE(cron);
  const yaml::Node& cspec = *cron->object.find("spec");
  EXPECT_EQ(cron->object.find("apiVersion")->value(), "batch/v1");
  EXPECT_EQ(cspec.find("schedule")->value(), "0 4 * * *");
  EXPECT_EQ(cspec.find("concurrencyPolicy")->value(), "Forbid");
  EXPECT_EQ(cspec.find("startingDeadlineSeconds")->value(), "300");
  EXPECT_EQ(cspec.find("successfulJobsHistoryLimit")->value(), "3");
  EXPECT_EQ(cspec.find("failedJobsHistoryLimit")->value(), "1");
  const yaml::Node& pod = *cspec.find("jobTemplate")->find("spec")->find("template")->find("spec");
  EXPECT_EQ(pod.find("restartPolicy")->value(), "OnFailure");
  EXPECT_FALSE(pod.find("containers")->items()[0].has("livenessProbe"));
  bool dropped = false;
  for (const auto& e : out.report.entries)
    dropped |=
        e.service == "report" && e.key == "healthcheck" && e.disposition == Disposition::Dropped;
  EXPECT_TRUE(dropped);
}

// Job and rollback hints name the profile's GitOps tool and its own mechanism.
TEST(Workloads, HintsFollowTheGitOpsTool) {
  const std::string compose = R"(
services:
  migrate:
    image: example/migrate:1
    x-berth: {kind: job}
  web:
    image: example/web:1
    deploy:
      update_config: {delay: 10s}
      rollback_config: {parallelism: 1}
)";
  for (const std::string tool : {"argocd", "flux"}) {
    SCOPED_TRACE(tool);
    profile::Profile p = profile::default_profile();
    p.gitops.tool = tool;
    auto f = test::load_fixture_with(compose, p);
    Output out;
    generate_workloads(Context{f->app, f->profile, f->plan}, out);
    const std::string job = test::report_of(out, "migrate", "x-berth.kind");
    const std::string update = test::report_of(out, "web", "deploy.update_config");
    const std::string rollback = test::report_of(out, "web", "deploy.rollback_config");
    const bool flux = tool == "flux";
    EXPECT_EQ(job.find("kustomize.toolkit.fluxcd.io/force: enabled") != std::string::npos, flux)
        << job;
    EXPECT_EQ(job.find("Replace=true") != std::string::npos, !flux) << job;
    for (const std::string& text : {job, update, rollback}) {
      EXPECT_EQ(text.find("ArgoCD") != std::string::npos, !flux) << text;
      EXPECT_EQ(text.find("Flux") != std::string::npos, flux) << text;
    }
  }
}

TEST(Workloads, BackoffLimit) {
  model::Service s;
  EXPECT_EQ(workloads::job_backoff_limit(s), 3);
  s.restart = "on-failure:7";
  EXPECT_EQ(workloads::job_backoff_limit(s), 7);
  s.deploy.restart_policy = model::RestartPolicy{};
  s.deploy.restart_policy->condition = "none";
  EXPECT_EQ(workloads::job_backoff_limit(s), 0);
  EXPECT_EQ(workloads::job_restart_policy(s), "Never");
}

TEST(Workloads, SecretEnvAndPullSecretForBuiltImages) {
  auto f = test::load_fixture(R"(
services:
  api:
    build: .
    environment:
      MODE: prod
      API_TOKEN: abc
)");
  Output out;
  Context ctx{f->app, f->profile, f->plan};
  generate_workloads(ctx, out);
  const Manifest* m = find_manifest(out, "base/api/deployment.yaml");
  ASSERT_TRUE(m);
  const yaml::Node& pod = *m->object.find("spec")->find("template")->find("spec");
  if (!f->profile.registry.pull_secret.empty()) {
    EXPECT_EQ(pod.find("imagePullSecrets")->items()[0].find("name")->value(),
              f->profile.registry.pull_secret);
  }
  const yaml::Node& c = pod.find("containers")->items()[0];
  // Secret variables one by one (the Secret may also hold Compose secret files); config whole.
  EXPECT_EQ(yaml::emit(*c.find("env")), R"(- name: API_TOKEN
  valueFrom:
    secretKeyRef:
      name: api-secret
      key: API_TOKEN
)");
  EXPECT_EQ(yaml::emit(*c.find("envFrom")), R"(- configMapRef:
    name: api-config
)");
}

TEST(Workloads, MetricsAnnotationsAndOtelEnvironment) {
  const char* compose = R"(
name: shop
services:
  api:
    image: ghcr.io/acme/api:1.0
    ports: ["8080:8080"]
    environment:
      OTEL_SERVICE_NAME: custom
    x-berth:
      metrics: {port: 8080, path: /prom}
)";
  profile::Profile p = profile::default_profile();
  p.observability.otlp_endpoint = "http://otel-collector.observability:4317";
  auto f = test::load_fixture_with(compose, p);
  Output out;
  Context ctx{f->app, f->profile, f->plan};
  generate_workloads(ctx, out);
  const Manifest* m = find_manifest(out, "base/api/deployment.yaml");
  ASSERT_TRUE(m);
  const yaml::Node& tmpl = *m->object.find("spec")->find("template");
  EXPECT_EQ(yaml::emit(*tmpl.find("metadata")->find("annotations")), R"(prometheus.io/path: /prom
prometheus.io/port: "8080"
prometheus.io/scrape: "true"
)");
  const yaml::Node& c = tmpl.find("spec")->find("containers")->items()[0];
  // The service's own OTEL_SERVICE_NAME (in its ConfigMap) is not overridden.
  EXPECT_EQ(yaml::emit(*c.find("env")), R"(- name: OTEL_EXPORTER_OTLP_ENDPOINT
  value: http://otel-collector.observability:4317
- name: OTEL_RESOURCE_ATTRIBUTES
  value: service.namespace=shop
)");
}

TEST(Workloads, Deterministic) {
  const char* compose = R"(
name: shop
services:
  web:
    image: nginx:1.27
    ports: ["80:80"]
    volumes: [data:/data]
  db:
    image: redis:7
volumes:
  data:
)";
  auto a = test::load_fixture(compose);
  auto b = test::load_fixture(compose);
  Output oa, ob;
  generate_workloads(Context{a->app, a->profile, a->plan}, oa);
  generate_workloads(Context{b->app, b->profile, b->plan}, ob);
  ASSERT_EQ(oa.base.size(), ob.base.size());
  for (std::size_t i = 0; i < oa.base.size(); ++i) {
    EXPECT_EQ(oa.base[i].path, ob.base[i].path);
    EXPECT_EQ(yaml::emit(oa.base[i].object), yaml::emit(ob.base[i].object));
  }
}

// Every corpus application: workloads generate without throwing, and every object validates
// against the Kubernetes models (oracle, when node and its packages are installed).
TEST(Workloads, CorpusObjectsValidate) {
  namespace fs = std::filesystem;
  fs::path corpus = berth::test::shared_dir() / "corpus" / "awesome-compose";
  if (!fs::exists(corpus)) GTEST_SKIP() << "SKIPPED: shared corpus absent";
  std::vector<fs::path> apps;
  for (const auto& e : fs::directory_iterator(corpus))
    if (e.is_directory()) apps.push_back(e.path());
  std::sort(apps.begin(), apps.end());
  nlohmann::ordered_json all = nlohmann::ordered_json::array();
  std::size_t converted = 0;
  for (const auto& dir : apps) {
    std::unique_ptr<test::Fixture> f;
    try {
      f = test::load_project_dir(dir.string());
    } catch (const Error&) {
      continue; // the loader's and planner's own tests cover input they reject
    }
    Output out;
    EXPECT_NO_THROW(generate_workloads(Context{f->app, f->profile, f->plan}, out)) << dir;
    EXPECT_GE(out.base.size(), f->plan.services.size()) << dir;
    for (const auto& m : out.base)
      all.push_back(yaml::to_json(m.object));
    ++converted;
  }
  EXPECT_GT(converted, 20u);
  fs::path oracle = berth::test::source_dir() / "tests" / "oracle";
  if (!berth::test::have_program("node") ||
      !fs::exists(oracle / "node_modules" / "kubernetes-models"))
    GTEST_SKIP() << "SKIPPED: node / kubernetes-models oracle absent";
  auto r = berth::test::run("node '" + (oracle / "validate.mjs").string() + "'", all.dump());
  EXPECT_EQ(r.exit_code, 0) << r.err.substr(0, 4000);
}

} // namespace
} // namespace berth::generate
