// YAML throughput benchmark: generates a large Kubernetes manifest stream, then measures the
// read floor, parse_stream and emit_stream in MB/s and peak memory.
//
//   yaml_bench [--size-mb 50] [--file PATH] [--write PATH] [--runs 3]
//
// Without --file, a deterministic stream (fixed seed) of about --size-mb is written to --write
// (default: a file in the temp dir) and kept, so peers can be timed on the very same bytes.
#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "bench_util.h"
#include "common/error.h"
#include "yaml/emit.h"
#include "yaml/parse.h"

namespace {

namespace fs = std::filesystem;
using namespace berth::bench;

// xorshift64: fixed seed, same stream on every machine and run.
struct Rng {
  std::uint64_t s = 0x2545F4914F6CDD1Dull;
  std::uint64_t next() {
    s ^= s << 13;
    s ^= s >> 7;
    s ^= s << 17;
    return s;
  }
  std::size_t below(std::size_t n) { return static_cast<std::size_t>(next() % n); }
  template <class T, std::size_t N> const T& pick(const T (&a)[N]) { return a[below(N)]; }
};

const char* const kApps[] = {"web", "api", "worker", "cache", "db", "auth", "search", "billing",
                             "gateway", "frontend", "scheduler", "metrics", "mailer", "queue"};
const char* const kImages[] = {"nginx:1.25.3", "ghcr.io/acme/api:v2.14.1", "redis:7.2-alpine",
                               "postgres:16.1", "docker.io/library/python:3.12-slim",
                               "quay.io/prometheus/node-exporter:v1.7.0", "traefik:v3.0"};
const char* const kEnvNames[] = {"LOG_LEVEL", "DATABASE_URL", "REDIS_HOST", "FEATURE_FLAGS",
                                 "HTTP_PORT", "OTEL_EXPORTER_OTLP_ENDPOINT", "TZ", "WORKERS"};
const char* const kEnvValues[] = {"info", "\"8080\"", "postgres://db:5432/app?sslmode=disable",
                                  "redis.cache.svc.cluster.local", "'true'", "Europe/Berlin",
                                  "http://otel-collector:4317", "\"4\""};

struct Gen {
  Rng rng;
  std::string out;
  unsigned serial = 0;

  std::string name() { return std::string(rng.pick(kApps)) + "-" + std::to_string(serial); }

  void labels(const std::string& app, int indent) {
    std::string pad(static_cast<std::size_t>(indent), ' ');
    out += pad + "app.kubernetes.io/name: " + app + "\n";
    out += pad + "app.kubernetes.io/part-of: shop\n";
    out += pad + "app.kubernetes.io/version: \"1." + std::to_string(rng.below(30)) + "." +
           std::to_string(rng.below(10)) + "\"\n";
  }

  void metadata(const std::string& n) {
    out += "metadata:\n  name: " + n + "\n  namespace: prod\n  labels:\n";
    labels(n, 4);
    out += "  annotations:\n    berth.dev/source: compose.yaml\n"
           "    kubectl.kubernetes.io/last-applied-configuration: '{\"kind\":\"x\",\"n\":" +
           std::to_string(rng.below(100000)) + "}'\n";
  }

  void deployment() {
    std::string n = name();
    out += "# workload " + n + "\napiVersion: apps/v1\nkind: Deployment\n";
    metadata(n);
    out += "spec:\n  replicas: " + std::to_string(1 + rng.below(5)) +
           "\n  revisionHistoryLimit: 10\n  selector:\n    matchLabels:\n      app.kubernetes.io/name: " +
           n + "\n  strategy:\n    type: RollingUpdate\n    rollingUpdate:\n      maxSurge: 25%\n"
           "      maxUnavailable: 0\n  template:\n    metadata:\n      labels:\n";
    labels(n, 8);
    out += "    spec:\n      serviceAccountName: " + n +
           "\n      securityContext:\n        runAsNonRoot: true\n        runAsUser: 10001\n"
           "        fsGroup: 10001\n        seccompProfile: {type: RuntimeDefault}\n"
           "      containers:\n";
    for (std::size_t c = 0, nc = 1 + rng.below(2); c < nc; ++c) container(n, c);
    out += "      volumes:\n        - name: config\n          configMap:\n            name: " + n +
           "-config\n        - name: tmp\n          emptyDir: {}\n";
  }

  void container(const std::string& n, std::size_t c) {
    std::string port = std::to_string(8000 + rng.below(1000));
    out += "        - name: " + (c == 0 ? n : n + "-sidecar") + "\n          image: " +
           rng.pick(kImages) + "\n          imagePullPolicy: IfNotPresent\n";
    if (rng.below(3) == 0)
      out += "          command: [\"sh\", \"-c\", \"exec /app/run --port=" + port + "\"]\n";
    else
      out += "          args:\n            - --port=" + port + "\n            - --log-format=json\n";
    out += "          ports:\n            - name: http\n              containerPort: " + port +
           "\n              protocol: TCP\n          env:\n";
    for (std::size_t e = 0, ne = 3 + rng.below(6); e < ne; ++e)
      out += std::string("            - name: ") + rng.pick(kEnvNames) + "_" + std::to_string(e) +
             "\n              value: " + rng.pick(kEnvValues) + "\n";
    out += "            - name: PASSWORD\n              valueFrom:\n                secretKeyRef:\n"
           "                  name: " + n + "-secret\n                  key: password\n";
    out += "          resources:\n            requests:\n              cpu: " +
           std::to_string(50 + 50 * rng.below(10)) + "m\n              memory: " +
           std::to_string(64 << rng.below(4)) + "Mi\n            limits:\n              memory: " +
           std::to_string(256 << rng.below(3)) + "Mi\n";
    for (const char* probe : {"livenessProbe", "readinessProbe"})
      out += std::string("          ") + probe + ":\n            httpGet:\n              path: /healthz\n"
             "              port: http\n            initialDelaySeconds: " +
             std::to_string(rng.below(30)) + "\n            periodSeconds: 10\n"
             "            failureThreshold: 3\n";
    out += "          securityContext:\n            allowPrivilegeEscalation: false\n"
           "            readOnlyRootFilesystem: true\n            capabilities:\n"
           "              drop:\n                - ALL\n"
           "          volumeMounts:\n            - name: config\n              mountPath: /etc/app\n"
           "              readOnly: true\n            - name: tmp\n              mountPath: /tmp\n";
  }

  void service() {
    std::string n = name();
    out += "apiVersion: v1\nkind: Service\n";
    metadata(n);
    out += "spec:\n  type: ClusterIP\n  selector:\n    app.kubernetes.io/name: " + n +
           "\n  ports:\n    - name: http\n      port: 80\n      targetPort: http\n      protocol: TCP\n";
  }

  void config_map() {
    std::string n = name();
    out += "apiVersion: v1\nkind: ConfigMap\n";
    metadata(n + "-config");
    out += "data:\n  LOG_LEVEL: debug\n  MAX_CONNECTIONS: \"" + std::to_string(rng.below(1000)) +
           "\"\n  nginx.conf: |\n    worker_processes auto;\n    events {\n"
           "      worker_connections 1024;\n    }\n    http {\n      server {\n"
           "        listen 80;\n        location / {\n          proxy_pass http://" + n +
           ":8080;\n          proxy_set_header Host $host;\n        }\n      }\n    }\n"
           "  app.properties: |-\n";
    for (std::size_t i = 0, lines = 5 + rng.below(20); i < lines; ++i)
      out += "    app.setting." + std::to_string(i) + "=value-" + std::to_string(rng.below(1u << 20)) +
             "\n";
  }

  void ingress() {
    std::string n = name();
    out += "apiVersion: networking.k8s.io/v1\nkind: Ingress\n";
    metadata(n);
    out += "spec:\n  ingressClassName: traefik\n  tls:\n    - hosts:\n        - " + n +
           ".example.com\n      secretName: " + n + "-tls\n  rules:\n    - host: " + n +
           ".example.com\n      http:\n        paths:\n          - path: /\n"
           "            pathType: Prefix\n            backend:\n              service:\n"
           "                name: " + n + "\n                port:\n                  name: http\n";
  }

  std::string run(std::size_t bytes) {
    out.reserve(bytes + (1u << 16));
    while (out.size() < bytes) {
      if (serial > 0) out += "---\n";
      ++serial;
      switch (serial % 5) {
      case 0: case 1: deployment(); break;
      case 2: service(); break;
      case 3: config_map(); break;
      default: ingress(); break;
      }
    }
    return std::move(out);
  }
};

std::string read_all(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw berth::Error("cannot read " + path);
  std::string text;
  in.seekg(0, std::ios::end);
  text.resize(static_cast<std::size_t>(in.tellg()));
  in.seekg(0);
  in.read(text.data(), static_cast<std::streamsize>(text.size()));
  return text;
}

} // namespace

int main(int argc, char** argv) {
  double size_mb = 50;
  int runs = 3;
  std::string file, write_path;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    auto value = [&]() -> std::string {
      if (i + 1 >= argc) {
        std::cerr << "yaml_bench: " << a << " needs a value\n";
        std::exit(2);
      }
      return argv[++i];
    };
    if (a == "--size-mb") size_mb = std::atof(value().c_str());
    else if (a == "--file") file = value();
    else if (a == "--write") write_path = value();
    else if (a == "--runs") runs = std::max(1, std::atoi(value().c_str()));
    else {
      std::cerr << "usage: yaml_bench [--size-mb N] [--file PATH] [--write PATH] [--runs N]\n";
      return a == "--help" || a == "-h" ? 0 : 2;
    }
  }

  try {
    if (file.empty()) {
      file = write_path.empty()
                 ? (fs::temp_directory_path() / ("berth-yaml-bench-" + std::to_string(static_cast<int>(size_mb)) + "mb.yaml")).string()
                 : write_path;
      auto t0 = Clock::now();
      std::string text = Gen{}.run(static_cast<std::size_t>(size_mb * 1024 * 1024));
      std::ofstream(file, std::ios::binary).write(text.data(), static_cast<std::streamsize>(text.size()));
      std::printf("generated %s (%.1f MB) in %.2f s\n", file.c_str(), text.size() / 1048576.0,
                  seconds_since(t0));
    }

    // Peak memory of each phase alone, measured in fresh children before this process grows.
    long rss_start = current_rss_kb();
    long peak_read = child_peak_kb([&] { volatile auto n = read_all(file).size(); (void)n; });
    long peak_parse = child_peak_kb([&] {
      std::string text = read_all(file);
      volatile auto n = berth::yaml::parse_stream(text, file).size();
      (void)n;
    });
    long peak_emit = child_peak_kb([&] {
      std::vector<berth::yaml::Node> docs = berth::yaml::parse_stream(read_all(file), file);
      volatile auto n = berth::yaml::emit_stream(docs).size();
      (void)n;
    });

    std::string text;
    double t_floor = best_of(runs, [&] {
      text = read_all(file);
      volatile std::size_t lines = std::count(text.begin(), text.end(), '\n');
      (void)lines;
    });
    double mb = text.size() / 1048576.0;
    std::vector<berth::yaml::Node> docs;
    double t_parse = best_of(runs, [&] {
      docs.clear();
      docs = berth::yaml::parse_stream(text, file);
    });
    std::string emitted;
    double t_emit = best_of(runs, [&] { emitted = berth::yaml::emit_stream(docs); });

    // Sanity: the emitted stream reads back as the same documents (not timed).
    std::vector<berth::yaml::Node> again = berth::yaml::parse_stream(emitted, "emitted");
    bool same = again == docs;

    std::printf("\nberth YAML benchmark: %s, %.1f MB, %zu documents, best of %d\n", file.c_str(), mb,
                docs.size(), runs);
    std::printf("%-28s %10s %10s %16s\n", "phase", "seconds", "MB/s", "peak RSS (MB)");
    std::printf("%-28s %10.3f %10.1f %16.1f\n", "read + count lines (floor)", t_floor, mb / t_floor,
                peak_read / 1024.0);
    std::printf("%-28s %10.3f %10.1f %16.1f\n", "parse_stream → tree", t_parse, mb / t_parse,
                peak_parse / 1024.0);
    std::printf("%-28s %10.3f %10.1f %16.1f\n", "emit_stream (from tree)", t_emit, mb / t_emit,
                peak_emit / 1024.0);
    std::printf("emitted %.1f MB; re-parse equal: %s; process RSS start %.1f MB, now %.1f MB\n",
                emitted.size() / 1048576.0, same ? "yes" : "NO", rss_start / 1024.0,
                current_rss_kb() / 1024.0);
    std::printf("(peak RSS per phase is measured in a fresh child and includes the file text;\n"
                " emit's child also holds the parsed tree)\n");
    return same ? 0 : 1;
  } catch (const std::exception& e) {
    std::cerr << "yaml_bench: " << e.what() << "\n";
    return 2;
  }
}
