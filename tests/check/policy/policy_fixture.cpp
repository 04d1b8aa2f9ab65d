// Runs the policy family on test YAML like the engine does (ObjectInfo from the document, one
// Context over the family's catalog), and the clean Deployment the topic tests break.
#include "check/policy/policy_fixture.h"

#include <cstddef>
#include <deque>
#include <sstream>

#include <gtest/gtest.h>

#include "check/context.h"
#include "check/index.h"
#include "check/policy/policy.h"
#include "profile/profile.h"
#include "yaml/parse.h"

namespace berth::check::policy::test {

// Context wants the schema registry, which policy rules never touch, and the policy test binary
// does not link the schema family. A suitably aligned stand-in is never dereferenced.
const schema::Registry& no_schemas() {
  alignas(std::max_align_t) static const unsigned char storage[64] = {};
  return *reinterpret_cast<const schema::Registry*>(storage);
}

namespace {

ObjectInfo info_of(const yaml::Node& root, std::size_t id) {
  ObjectInfo info;
  info.id = id;
  info.file = "test.yaml";
  info.api_version = root.text("apiVersion");
  info.kind = root.text("kind");
  if (const yaml::Node* m = root.find("metadata"); m && m->is_mapping()) {
    info.name = m->text("name");
    info.ns = m->text("namespace");
  }
  info.loc = root.loc();
  return info;
}

} // namespace

std::vector<Finding> PolicyRun::of(std::string_view rule) const {
  std::vector<Finding> out;
  for (const Finding& f : findings)
    if (f.rule == rule) out.push_back(f);
  return out;
}

std::string PolicyRun::dump() const {
  std::ostringstream out;
  for (const Finding& f : findings)
    out << f.rule << " " << at(f) << " " << f.message << "\n";
  return out.str();
}

PolicyRun run(std::string_view text, const Options& options) {
  return run_docs(yaml::parse_stream(text, "test.yaml"), options);
}

PolicyRun run_docs(const std::vector<yaml::Node>& docs, const Options& options, bool patch) {
  Catalog catalog(policy::rules());
  Context ctx(options, catalog, no_schemas());
  std::deque<ObjectInfo> infos; // the Index points at them
  Index index;
  for (std::size_t i = 0; i < docs.size(); ++i) {
    if (!docs[i].is_mapping()) continue;
    ObjectInfo& info = infos.emplace_back(info_of(docs[i], i));
    info.patch = patch;
    Object object{info, docs[i]};
    // As in the engine: kustomize's own kinds are only indexed.
    if (!info.api_version.starts_with("kustomize.config.k8s.io/"))
      policy::check_object(object, ctx);
    index.add(object);
  }
  policy::check_set(index, ctx);
  return PolicyRun{std::move(ctx.findings())};
}

Options with_profile() {
  Options o;
  o.profile = profile::default_profile();
  return o;
}

Options enabling(std::initializer_list<std::string> rules) {
  Options o;
  o.config.enable.assign(rules.begin(), rules.end());
  return o;
}

Finding only(const PolicyRun& r, std::string_view rule) {
  std::vector<Finding> found = r.of(rule);
  if (found.size() != 1) {
    ADD_FAILURE() << "expected one " << rule << " finding, got " << found.size() << ":\n"
                  << r.dump();
    return {};
  }
  return found.front();
}

std::string at(const Finding& f) {
  return std::to_string(f.loc.line) + ":" + std::to_string(f.loc.column);
}

std::string replace(std::string text, std::string_view from, std::string_view to) {
  std::size_t pos = text.find(from);
  if (pos == std::string::npos || text.find(from, pos + 1) != std::string::npos) {
    ADD_FAILURE() << "replace: \"" << from << "\" must occur exactly once";
    return text;
  }
  return text.replace(pos, from.size(), to);
}

// Positions the tests assert (a mapping is located at its first key): 7:13 replicas, 16:7 the
// pod spec, 21:9 its securityContext, 33:11 the container, 34:18 image, 35:28 imagePullPolicy,
// 41:22 the env value, 43:13 resources, 55:13 livenessProbe, 60:13 readinessProbe, 64:13 the
// container's securityContext, 68:17 capabilities.drop.
const std::string kCleanDeployment = R"(apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: shop
spec:
  replicas: 3
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      automountServiceAccountToken: false
      priorityClassName: production
      imagePullSecrets:
        - name: ghcr-secret
      securityContext:
        runAsNonRoot: true
        runAsUser: 10001
        seccompProfile:
          type: RuntimeDefault
      topologySpreadConstraints:
        - maxSkew: 1
          topologyKey: kubernetes.io/hostname
          whenUnsatisfiable: ScheduleAnyway
          labelSelector:
            matchLabels:
              app: web
      containers:
        - name: web
          image: ghcr.io/example/web:1.4.2
          imagePullPolicy: Always
          ports:
            - name: http
              containerPort: 8080
          env:
            - name: LOG_LEVEL
              value: info
          resources:
            requests:
              cpu: 100m
              memory: 128Mi
            limits:
              cpu: 500m
              memory: 256Mi
          startupProbe:
            httpGet:
              path: /healthz
              port: http
            failureThreshold: 30
          livenessProbe:
            httpGet:
              path: /healthz
              port: http
            failureThreshold: 6
          readinessProbe:
            httpGet:
              path: /healthz
              port: http
          securityContext:
            allowPrivilegeEscalation: false
            readOnlyRootFilesystem: true
            capabilities:
              drop:
                - ALL
)";

} // namespace berth::check::policy::test
