// Deterministic generator of realistic Kubernetes manifests for the check benchmark: apps made of
// Deployments/StatefulSets, Services, ConfigMaps with long literal blocks, Ingresses, HPAs, PDBs,
// ServiceAccounts and NetworkPolicies, as one multi-document stream or a tree of many files.
#pragma once

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <string>
#include <vector>

namespace berth::bench {

class ManifestGen {
public:
  explicit ManifestGen(std::uint64_t seed = 0x5EED2024) : s_(seed) {}

  // One resource (without a document marker). Resources come in app groups; `kind` is set.
  std::string resource(std::string& kind) {
    if (queue_.empty()) app_group();
    Item item = std::move(queue_.front());
    queue_.erase(queue_.begin());
    kind = item.kind;
    return std::move(item.text);
  }

  // A multi-document stream of `count` resources, as `kubectl kustomize` or Helm would print it.
  std::string stream(std::size_t count) {
    std::string out, kind;
    for (std::size_t i = 0; i < count; ++i) {
      out += "---\n";
      if (i % 50 == 0) out += "# Source: shop/templates/app-" + std::to_string(i / 50) + ".yaml\n";
      out += resource(kind);
    }
    return out;
  }

  // A GitOps tree of `count` resources, one file per resource: DIR/<namespace>/<app>/<kind>.yaml.
  // Returns the bytes written.
  std::size_t tree(const std::filesystem::path& dir, std::size_t count) {
    std::size_t bytes = 0;
    std::string kind;
    for (std::size_t i = 0; i < count; ++i) {
      if (queue_.empty()) app_group();
      const std::string app = queue_.front().app, ns = queue_.front().ns;
      std::string text = resource(kind);
      std::string file = kind;
      for (char& c : file)
        c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
      const std::filesystem::path d = dir / ns / app;
      std::filesystem::create_directories(d);
      std::ofstream out(d / (file + ".yaml"), std::ios::binary);
      out << text;
      if (!out) throw std::runtime_error("cannot write " + (d / (file + ".yaml")).string());
      bytes += text.size();
    }
    return bytes;
  }

private:
  struct Item {
    std::string kind, app, ns, text;
  };

  std::uint64_t next() { // splitmix64
    std::uint64_t z = (s_ += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
  }
  std::size_t below(std::size_t n) { return static_cast<std::size_t>(next() % n); }
  template <std::size_t N> const char* pick(const char* const (&a)[N]) { return a[below(N)]; }
  static std::string num(std::size_t n) { return std::to_string(n); }

  void app_group() {
    static const char* const kNames[] = {"web",      "api",     "worker",  "cache",    "auth",
                                         "search",   "billing", "gateway", "frontend", "scheduler",
                                         "notifier", "catalog", "orders",  "payments"};
    static const char* const kNamespaces[] = {"shop-prod", "shop-staging", "platform", "data"};
    ++serial_;
    app_ = std::string(pick(kNames)) + "-" + num(serial_);
    ns_ = kNamespaces[serial_ % 4];
    port_ = 8000 + below(1000);
    const bool stateful = serial_ % 7 == 0;
    if (serial_ % 2 == 0) push("ServiceAccount", service_account());
    push("ConfigMap", config_map());
    push(stateful ? "StatefulSet" : "Deployment", workload(stateful));
    push("Service", service());
    if (serial_ % 2 == 1) push("Ingress", ingress());
    if (serial_ % 3 == 0) push("HorizontalPodAutoscaler", hpa(stateful));
    if (serial_ % 3 == 1) push("PodDisruptionBudget", pdb());
    if (serial_ % 4 == 0) push("NetworkPolicy", network_policy());
  }

  void push(const char* kind, std::string text) {
    queue_.push_back(Item{kind, app_, ns_, std::move(text)});
  }

  // `annotations`: lines of the kind's own annotations (4 spaces in); an owner and description
  // are added to a third of the objects.
  std::string metadata(const std::string& name, bool annotated = true,
                       const std::string& annotations = "") {
    std::string out =
        "metadata:\n  name: " + name + "\n  namespace: " + ns_ + "\n  labels:\n" + labels(4);
    std::string notes = annotations;
    if (annotated && below(3) == 0)
      notes += "    berth.dev/owner: team-" + num(serial_ % 9) + "\n    description: \"" + app_ +
               " of the shop, managed by Argo CD\"\n";
    if (!notes.empty()) out += "  annotations:\n" + notes;
    return out;
  }

  std::string labels(int indent) {
    const std::string pad(static_cast<std::size_t>(indent), ' ');
    return pad + "app.kubernetes.io/name: " + app_ + "\n" + pad +
           "app.kubernetes.io/part-of: shop\n" + pad + "app.kubernetes.io/version: \"2." +
           num(serial_ % 30) + "." + num(serial_ % 7) + "\"\n" + pad +
           "environment: " + (ns_ == "shop-staging" ? "staging" : "production") + "\n";
  }

  std::string service_account() {
    return "apiVersion: v1\nkind: ServiceAccount\n" + metadata(app_, false) +
           "automountServiceAccountToken: false\n";
  }

  std::string config_map() {
    std::string out = "apiVersion: v1\nkind: ConfigMap\n" + metadata(app_ + "-config") +
                      "data:\n  LOG_LEVEL: info\n  MAX_CONNECTIONS: \"" + num(100 + below(900)) +
                      "\"\n  FEATURE_FLAGS: 'search,checkout-v2'\n";
    out += "  nginx.conf: |\n    worker_processes auto;\n    events {\n"
           "      worker_connections 1024;\n    }\n    http {\n"
           "      # upstream of the app container\n      upstream app {\n"
           "        server 127.0.0.1:" +
           num(port_) +
           ";\n      }\n      server {\n"
           "        listen 8080;\n        location /healthz { return 200 'ok'; }\n"
           "        location / {\n          proxy_pass http://app;\n"
           "          proxy_set_header Host $host;\n          proxy_read_timeout 60s;\n"
           "        }\n      }\n    }\n";
    out += "  application.properties: |-\n";
    for (std::size_t i = 0, n = 20 + below(40); i < n; ++i)
      out += "    shop." + app_ + ".setting" + num(i) + "=value-" + num(below(1u << 20)) +
             (i % 5 == 0 ? "  # tuned\n" : "\n");
    if (serial_ % 3 == 0) {
      out += "  entrypoint.sh: |\n    #!/bin/sh\n    set -eu\n\n"
             "    echo \"starting " +
             app_ + "\"\n    exec /app/server --config /etc/app \"$@\"\n";
    }
    return out;
  }

  std::string container(const std::string& name, bool main) {
    static const char* const kImages[] = {
        "ghcr.io/acme/shop-api:v2.14.1", "registry.example.com/shop/web:1.8.0",
        "docker.io/library/nginx:1.25.3", "quay.io/acme/worker:3.2.0@sha256:4c9a1f0e",
        "ghcr.io/acme/search:v0.9.12"};
    const std::string p(8, ' ');
    std::string out = "      - name: " + name + "\n" + p + "image: " + pick(kImages) + "\n" + p +
                      "imagePullPolicy: IfNotPresent\n";
    if (main) {
      out += p + "args: [\"--port=" + num(port_) + "\", \"--log-format=json\"]\n";
      out += p + "ports:\n" + p + "- name: http\n" + p + "  containerPort: " + num(port_) + "\n" +
             p + "  protocol: TCP\n";
      if (serial_ % 5 == 0)
        out += p + "- name: metrics\n" + p + "  containerPort: 9090\n" + p + "  protocol: TCP\n";
      out += p + "env:\n";
      static const char* const kEnv[][2] = {
          {"TZ", "Europe/Berlin"},
          {"OTEL_EXPORTER_OTLP_ENDPOINT", "http://otel-collector.monitoring:4317"},
          {"HTTP_PORT", "\"8080\""},
          {"CACHE_URL", "redis://cache:6379/0"},
          {"GOMAXPROCS", "'2'"},
          {"JAVA_OPTS", "-XX:MaxRAMPercentage=75 -Dfile.encoding=UTF-8"}};
      for (std::size_t e = 0, n = 2 + below(5); e < n; ++e)
        out += p + "- name: " + kEnv[e][0] + "\n" + p + "  value: " + kEnv[e][1] + "\n";
      out += p + "- name: DATABASE_PASSWORD\n" + p + "  valueFrom:\n" + p + "    secretKeyRef:\n" +
             p + "      name: " + app_ + "-db\n" + p + "      key: password\n";
      out += p + "- name: POD_NAME\n" + p + "  valueFrom:\n" + p +
             "    fieldRef: {fieldPath: metadata.name}\n";
      out += p + "envFrom:\n" + p + "- configMapRef:\n" + p + "    name: " + app_ + "-config\n";
      for (const char* probe : {"livenessProbe", "readinessProbe", "startupProbe"})
        out += p + probe + ":\n" + p + "  httpGet:\n" + p +
               "    path: " + (probe[0] == 'r' ? "/ready" : "/healthz") + "\n" + p +
               "    port: http\n" + p + "  periodSeconds: " + num(probe[0] == 's' ? 5 : 10) + "\n" +
               p + "  failureThreshold: " + num(probe[0] == 's' ? 30 : 3) + "\n";
    } else {
      out += p + "command:\n" + p + "- /bin/sh\n" + p + "- -c\n" + p +
             "- exec nginx -g 'daemon off;'\n";
      out += p + "ports:\n" + p + "- name: proxy\n" + p + "  containerPort: 8080\n";
    }
    out += p + "resources:\n" + p + "  requests:\n" + p + "    cpu: " + num(50 + 50 * below(6)) +
           "m\n" + p + "    memory: " + num(64u << below(4)) + "Mi\n" + p + "  limits:\n" + p +
           "    cpu: \"1\"\n" + p + "    memory: " + num(256u << below(3)) + "Mi\n";
    out += p + "securityContext:\n" + p + "  allowPrivilegeEscalation: false\n" + p +
           "  readOnlyRootFilesystem: true\n" + p + "  runAsNonRoot: true\n" + p +
           "  capabilities:\n" + p + "    drop: [\"ALL\"]\n";
    out += p + "volumeMounts:\n" + p + "- name: config\n" + p + "  mountPath: /etc/app\n" + p +
           "  readOnly: true\n" + p + "- name: tmp\n" + p + "  mountPath: /tmp\n";
    return out;
  }

  std::string workload(bool stateful) {
    std::string out = std::string("apiVersion: apps/v1\nkind: ") +
                      (stateful ? "StatefulSet" : "Deployment") + "\n" + metadata(app_) + "spec:\n";
    out += "  replicas: " + num(2 + below(3)) + "\n";
    if (stateful)
      out += "  serviceName: " + app_ + "\n";
    else
      out += "  revisionHistoryLimit: 5\n  strategy:\n    type: RollingUpdate\n"
             "    rollingUpdate:\n      maxSurge: 25%\n      maxUnavailable: 0\n";
    out += "  selector:\n    matchLabels:\n      app.kubernetes.io/name: " + app_ + "\n";
    out += "  template:\n    metadata:\n      labels:\n" + labels(8);
    if (serial_ % 5 == 0)
      out += "      annotations:\n        prometheus.io/scrape: \"true\"\n"
             "        prometheus.io/port: \"9090\"\n";
    out += "    spec:\n";
    if (serial_ % 2 == 0) out += "      serviceAccountName: " + app_ + "\n";
    out += "      automountServiceAccountToken: false\n      priorityClassName: shop-standard\n"
           "      securityContext:\n        runAsNonRoot: true\n        runAsUser: 10001\n"
           "        fsGroup: 10001\n        seccompProfile:\n          type: RuntimeDefault\n";
    out +=
        "      topologySpreadConstraints:\n      - maxSkew: 1\n"
        "        topologyKey: kubernetes.io/hostname\n        whenUnsatisfiable: ScheduleAnyway\n"
        "        labelSelector:\n          matchLabels:\n            app.kubernetes.io/name: " +
        app_ + "\n";
    out += "      containers:\n" + container(app_, true);
    if (serial_ % 4 == 1) out += container("proxy", false);
    out += "      volumes:\n      - name: config\n        configMap:\n          name: " + app_ +
           "-config\n      - name: tmp\n        emptyDir:\n          medium: Memory\n"
           "          sizeLimit: 64Mi\n";
    if (stateful)
      out += "  volumeClaimTemplates:\n  - metadata:\n      name: data\n    spec:\n"
             "      accessModes: [\"ReadWriteOnce\"]\n      storageClassName: longhorn\n"
             "      resources:\n        requests:\n          storage: " +
             num(10 * (1 + below(10))) + "Gi\n";
    return out;
  }

  std::string service() {
    std::string out = "apiVersion: v1\nkind: Service\n" + metadata(app_) +
                      "spec:\n  type: ClusterIP\n  selector:\n    app.kubernetes.io/name: " + app_ +
                      "\n  ports:\n  - name: http\n    port: 80\n    targetPort: http\n"
                      "    protocol: TCP\n";
    if (serial_ % 5 == 0) out += "  - name: metrics\n    port: 9090\n    targetPort: metrics\n";
    return out;
  }

  std::string ingress() {
    const std::string host = app_ + ".shop.example.com";
    return "apiVersion: networking.k8s.io/v1\nkind: Ingress\n" +
           metadata(app_, true,
                    "    cert-manager.io/cluster-issuer: letsencrypt-prod\n"
                    "    traefik.ingress.kubernetes.io/router.middlewares: " +
                        ns_ + "-redirect-https@kubernetescrd\n") +
           "spec:\n  ingressClassName: traefik\n  tls:\n"
           "  - hosts:\n    - " +
           host + "\n    secretName: " + app_ +
           "-tls\n  rules:\n"
           "  - host: " +
           host +
           "\n    http:\n      paths:\n      - path: /\n"
           "        pathType: Prefix\n        backend:\n          service:\n            name: " +
           app_ + "\n            port:\n              name: http\n";
  }

  std::string hpa(bool stateful) {
    return "apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\n" + metadata(app_, false) +
           "spec:\n  scaleTargetRef:\n    apiVersion: apps/v1\n    kind: " +
           (stateful ? "StatefulSet" : "Deployment") + "\n    name: " + app_ +
           "\n  minReplicas: 2\n  maxReplicas: " + num(4 + below(8)) +
           "\n  metrics:\n  - type: Resource\n    resource:\n      name: cpu\n      target:\n"
           "        type: Utilization\n        averageUtilization: 70\n";
  }

  std::string pdb() {
    return "apiVersion: policy/v1\nkind: PodDisruptionBudget\n" + metadata(app_, false) +
           "spec:\n  minAvailable: 1\n  selector:\n    matchLabels:\n"
           "      app.kubernetes.io/name: " +
           app_ + "\n";
  }

  std::string network_policy() {
    return "apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\n" + metadata(app_, false) +
           "spec:\n  podSelector:\n    matchLabels:\n      app.kubernetes.io/name: " + app_ +
           "\n  policyTypes: [Ingress]\n  ingress:\n  - from:\n    - namespaceSelector:\n"
           "        matchLabels:\n          kubernetes.io/metadata.name: traefik\n"
           "    ports:\n    - protocol: TCP\n      port: " +
           num(port_) + "\n";
  }

  std::uint64_t s_;
  std::size_t serial_ = 0;
  std::size_t port_ = 8080;
  std::string app_, ns_;
  std::vector<Item> queue_;
};

} // namespace berth::bench
