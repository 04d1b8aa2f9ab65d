// `berth convert` benchmark: generates a realistic Compose project of N services (fixed seed),
// then times each stage of the conversion and the whole command, and reports peak memory.
//
//   convert_bench [--services 1000] [--keep DIR] [--out-dir DIR] [--runs 3] [--generate-only]
//                 [--keep-trees]
//
// The project goes to a temp dir (removed at exit) or to --keep DIR (kept, so the CLI and peers
// can be timed on the very same files; --generate-only stops there). Trees are written to fresh
// dirs under --out-dir (default: the temp dir); the writer flushes the file system once per
// tree (syncfs), so that disk is part of what is measured: pass a tmpfs (/dev/shm) to see the
// CPU cost alone. --keep-trees leaves the trees under --out-dir: on ext4 without a journal,
// deleting thousands of files makes creating files slow for the next minute or more, which
// would penalize whatever runs next.
// Target (issue 3): 1,000 services in < 0.5 s.
#include <algorithm>
#include <cctype>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include <sys/resource.h>

#include "bench_util.h"
#include "cli/convert.h"
#include "common/error.h"
#include "compose/load.h"
#include "compose/to_model.h"
#include "generate/convert.h"
#include "profile/profile.h"
#include "tree/writer.h"

namespace {

namespace fs = std::filesystem;
using namespace berth::bench;

// xorshift64: fixed seed, same project on every machine and run.
struct Rng {
  std::uint64_t s = 0x9E3779B97F4A7C15ull;
  std::uint64_t next() {
    s ^= s << 13;
    s ^= s >> 7;
    s ^= s << 17;
    return s;
  }
  std::size_t below(std::size_t n) { return static_cast<std::size_t>(next() % n); }
  template <class T, std::size_t N> const T& pick(const T (&a)[N]) { return a[below(N)]; }
};

void write_file(const fs::path& path, const std::string& text) {
  fs::create_directories(path.parent_path());
  std::ofstream out(path, std::ios::binary);
  out << text;
  if (!out) throw berth::Error("cannot write " + path.string());
}

const char* const kWebNames[] = {"api",     "web",     "auth",   "billing", "search",
                                 "gateway", "catalog", "orders", "profile", "notify"};
const char* const kLogLevels[] = {"info", "debug", "warn"};
const char* const kImages[] = {"nginx:1.27-alpine", "grafana/grafana:11.2.0",
                               "mailhog/mailhog:v1.0.1", "traefik/whoami:v1.10"};

// The project as a docker compose user writes it. Of every 20 services: 12 built HTTP services
// (ports, env with secret-looking values, curl healthchecks, depends_on; x-berth routes, metrics
// and HPA on some), 3 workers without ports, 2 data stores (postgres/redis/mysql with named
// volumes, backups on the SQL ones), 3 off-the-shelf images with ports. Every 25th HTTP service
// bind-mounts a small config file.
struct ProjectGen {
  Rng rng;
  std::size_t services;
  fs::path dir;
  std::string compose, env, volumes;
  std::string last_store, last_store_url, last_web;
  std::size_t http = 0;

  void header(const std::string& name) { compose += "\n  " + name + ":\n"; }

  void depends_on() {
    std::vector<std::string> deps;
    if (!last_store.empty()) deps.push_back(last_store);
    if (!last_web.empty() && rng.below(2) == 0) deps.push_back(last_web);
    if (deps.empty()) return;
    compose += "    depends_on:\n";
    for (const std::string& d : deps)
      compose += "      " + d + ":\n        condition: " +
                 (d == last_store ? "service_healthy" : "service_started") + "\n";
  }

  void web(std::size_t i) {
    std::string name = std::string(kWebNames[i % 10]) + "-" + std::to_string(i);
    std::string up = name;
    for (char& c : up)
      c = c == '-' ? '_' : static_cast<char>(std::toupper(c));
    int port = 3000 + static_cast<int>(rng.below(6)) * 1000; // 3000..8000
    header(name);
    compose += "    build:\n      context: ./services/" + std::string(kWebNames[i % 10]) +
               "\n      args:\n        APP_VERSION: \"1." + std::to_string(rng.below(40)) + "\"\n";
    compose += "    environment:\n      LOG_LEVEL: ${LOG_LEVEL:-" +
               std::string(rng.pick(kLogLevels)) + "}\n      PORT: \"" + std::to_string(port) +
               "\"\n      SERVICE_NAME: " + name + "\n";
    if (!last_store_url.empty()) compose += "      DATABASE_URL: " + last_store_url + "\n";
    compose += "      " + up + "_API_TOKEN: ${" + up + "_API_TOKEN}\n";
    env += up + "_API_TOKEN=tok_" + std::to_string(rng.next()) + "\n";
    if (rng.below(3) == 0) {
      compose += "      JWT_SECRET: ${JWT_SECRET}\n";
    }
    if (rng.below(4) == 0) compose += "      FEATURE_FLAGS: \"search,checkout-v2\"\n";
    compose +=
        "    ports:\n      - \"" + std::to_string(20000 + i) + ":" + std::to_string(port) + "\"\n";
    depends_on();
    compose += "    healthcheck:\n      test: [\"CMD\", \"curl\", \"-fsS\", \"http://localhost:" +
               std::to_string(port) +
               "/healthz\"]\n      interval: 15s\n      timeout: 5s\n"
               "      retries: 3\n";
    if (rng.below(2) == 0)
      compose += "    deploy:\n      resources:\n        limits: {cpus: \"1\", memory: 512M}\n"
                 "        reservations: {cpus: \"0.1\", memory: 128M}\n";
    if (http % 25 == 0) {
      std::string conf = "config/" + name + ".conf";
      write_file(dir / conf, "# " + name + "\nlisten " + std::to_string(port) +
                                 "\nworkers 4\nlog_format json\n");
      compose += "    volumes:\n      - ./" + conf + ":/etc/app/app.conf:ro\n";
    }
    bool routed = rng.below(3) == 0, metrics = rng.below(4) == 0, hpa = rng.below(5) == 0;
    if (routed || metrics || hpa) {
      compose += "    x-berth:\n";
      if (routed)
        compose += "      ingress:\n        - {port: " + std::to_string(port) + ", path: /" + name +
                   ", strip_prefix: true}\n";
      if (metrics)
        compose += "      metrics: {port: " + std::to_string(port) + ", path: /metrics}\n";
      if (hpa)
        compose += "      hpa: {min: 2, max: " + std::to_string(4 + rng.below(8)) + ", cpu: 70}\n";
    }
    last_web = name;
    ++http;
  }

  void worker(std::size_t i) {
    std::string name = "worker-" + std::to_string(i);
    header(name);
    compose += "    build: ./services/worker\n    command: [\"python\", \"-m\", \"worker\", "
               "\"--queue\", \"q" +
               std::to_string(i) +
               "\"]\n    environment:\n"
               "      CONCURRENCY: \"" +
               std::to_string(1 + rng.below(8)) + "\"\n";
    if (!last_store_url.empty()) compose += "      DATABASE_URL: " + last_store_url + "\n";
    compose += "    user: \"1000:1000\"\n";
    if (rng.below(2) == 0)
      compose += "    deploy:\n      replicas: " + std::to_string(2 + rng.below(3)) + "\n";
    depends_on();
  }

  void store(std::size_t i) {
    std::size_t kind = rng.below(3);
    std::string vol;
    if (kind == 0) {
      std::string name = "pg-" + std::to_string(i), var = "PG_" + std::to_string(i) + "_PASSWORD";
      vol = "pgdata-" + std::to_string(i);
      env += var + "=pg-" + std::to_string(rng.next()) + "\n";
      header(name);
      compose += "    image: postgres:16\n    environment:\n      POSTGRES_USER: app\n"
                 "      POSTGRES_DB: app\n      POSTGRES_PASSWORD: ${" +
                 var +
                 "}\n"
                 "    volumes:\n      - " +
                 vol +
                 ":/var/lib/postgresql/data\n"
                 "    healthcheck:\n      test: [\"CMD-SHELL\", \"pg_isready -U app\"]\n"
                 "      interval: 5s\n      retries: 10\n"
                 "    x-berth:\n      storage: {" +
                 vol +
                 ": 20Gi}\n"
                 "      backup: {schedule: \"30 1 * * *\"}\n";
      last_store = name;
      last_store_url = "postgres://app:${" + var + "}@" + name + ":5432/app";
    } else if (kind == 1) {
      std::string name = "redis-" + std::to_string(i);
      vol = "redisdata-" + std::to_string(i);
      header(name);
      compose += "    image: redis:7-alpine\n    command: redis-server --appendonly yes\n"
                 "    volumes:\n      - " +
                 vol +
                 ":/data\n    healthcheck:\n"
                 "      test: [\"CMD\", \"redis-cli\", \"ping\"]\n      interval: 5s\n";
      last_store = name;
      last_store_url = "redis://" + name + ":6379/0";
    } else {
      std::string name = "mysql-" + std::to_string(i),
                  var = "MYSQL_" + std::to_string(i) + "_PASSWORD";
      vol = "mysqldata-" + std::to_string(i);
      env += var + "=my-" + std::to_string(rng.next()) + "\n";
      header(name);
      compose += "    image: mysql:8.4\n    environment:\n      MYSQL_DATABASE: app\n"
                 "      MYSQL_USER: app\n      MYSQL_PASSWORD: ${" +
                 var +
                 "}\n"
                 "      MYSQL_ROOT_PASSWORD: ${" +
                 var +
                 "}\n"
                 "    volumes:\n      - " +
                 vol +
                 ":/var/lib/mysql\n"
                 "    healthcheck:\n      test: [\"CMD\", \"mysqladmin\", \"ping\", \"-h\", "
                 "\"localhost\"]\n"
                 "      interval: 10s\n"
                 "    x-berth:\n      backup: {schedule: \"0 2 * * *\"}\n";
      last_store = name;
      last_store_url = "mysql://app:${" + var + "}@" + name + ":3306/app";
    }
    volumes += "  " + vol + ":\n";
  }

  void image(std::size_t i) {
    std::string img = rng.pick(kImages);
    std::string name = "tool-" + std::to_string(i);
    header(name);
    compose += "    image: " + img + "\n    ports:\n      - \"" + std::to_string(20000 + i) + ":" +
               std::to_string(img[0] == 'g'   ? 3000
                              : img[0] == 'm' ? 8025
                                              : 80) +
               "\"\n    restart: unless-stopped\n";
  }

  // Writes compose.yaml, .env, build contexts and config files under `dir`.
  std::size_t run() {
    compose = "# Generated by convert_bench: " + std::to_string(services) +
              " services, fixed seed.\nservices:";
    env = "LOG_LEVEL=info\nJWT_SECRET=jwt-" + std::to_string(rng.next()) + "\n";
    for (std::size_t i = 0; i < services; ++i) {
      std::size_t slot = i % 20;
      if (slot < 12)
        web(i);
      else if (slot < 15)
        worker(i);
      else if (slot < 17)
        store(i);
      else
        image(i);
    }
    if (!volumes.empty()) compose += "\nvolumes:\n" + volumes;
    for (const char* ctx : kWebNames)
      write_file(dir / "services" / ctx / "Dockerfile", "FROM node:22-alpine\nCOPY . /app\n");
    write_file(dir / "services/worker/Dockerfile", "FROM python:3.12-slim\nCOPY . /app\n");
    write_file(dir / "compose.yaml", compose);
    write_file(dir / ".env", env);
    return compose.size();
  }
};

// CPU seconds (user + system) this process has used so far. Other load on the shared machine
// inflates wall time far more than CPU time, so both are reported.
double cpu_seconds() {
  rusage ru{};
  getrusage(RUSAGE_SELF, &ru);
  return static_cast<double>(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) +
         static_cast<double>(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) * 1e-6;
}

// Best wall time and best CPU time of `runs` calls (each the least disturbed of its kind).
struct Timing {
  double wall = 1e300, cpu = 1e300;
};
void keep_best(Timing& t, const std::function<void()>& f) {
  double c0 = cpu_seconds();
  auto t0 = Clock::now();
  f();
  t.wall = std::min(t.wall, seconds_since(t0));
  t.cpu = std::min(t.cpu, cpu_seconds() - c0);
}

Timing time_best(int runs, const std::function<void()>& f) {
  Timing t;
  for (int i = 0; i < runs; ++i) keep_best(t, f);
  return t;
}

struct Stages {
  berth::compose::LoadOptions load;
  berth::profile::Profile profile = berth::profile::default_profile();
};

std::size_t object_count(const berth::generate::Output& out) {
  std::size_t n = out.base.size();
  for (const auto& [env, list] : out.overlay)
    n += list.size();
  return n;
}

std::size_t patch_count(const berth::generate::Output& out) {
  std::size_t n = 0;
  for (const auto& [env, list] : out.patches)
    n += list.size();
  return n;
}

} // namespace

int main(int argc, char** argv) {
  std::size_t services = 1000;
  int runs = 3;
  std::string keep, out_dir;
  bool generate_only = false, keep_trees = false;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    auto value = [&]() -> std::string {
      if (i + 1 >= argc) {
        std::cerr << "convert_bench: " << a << " needs a value\n";
        std::exit(2);
      }
      return argv[++i];
    };
    if (a == "--services")
      services = static_cast<std::size_t>(std::max(1L, std::atol(value().c_str())));
    else if (a == "--keep")
      keep = value();
    else if (a == "--out-dir")
      out_dir = value();
    else if (a == "--runs")
      runs = std::max(1, std::atoi(value().c_str()));
    else if (a == "--generate-only")
      generate_only = true;
    else if (a == "--keep-trees")
      keep_trees = true;
    else {
      std::cerr << "usage: convert_bench [--services N] [--keep DIR] [--out-dir DIR] [--runs N]"
                   " [--generate-only] [--keep-trees]\n";
      return a == "--help" || a == "-h" ? 0 : 2;
    }
  }

  if (generate_only && keep.empty()) {
    std::cerr << "convert_bench: --generate-only needs --keep DIR\n";
    return 2;
  }

  fs::path tmp, out_tmp; // the project unless --keep; the written trees
  auto make_temp = [](const fs::path& parent) {
    std::string tmpl = (parent / "berth-convert-bench.XXXXXX").string();
    if (!mkdtemp(tmpl.data())) throw berth::Error("cannot create a temp dir in " + parent.string());
    return fs::path(tmpl);
  };
  auto clean_up = [&] {
    if (!tmp.empty()) fs::remove_all(tmp);
    if (!out_tmp.empty() && !keep_trees) fs::remove_all(out_tmp);
  };
  try {
    tmp = make_temp(fs::temp_directory_path());
    if (keep_trees && out_dir.empty())
      throw berth::Error("--keep-trees needs --out-dir DIR (the temp dir is removed)");
    out_tmp = out_dir.empty() ? tmp / "out" : make_temp(out_dir);
    fs::path project = tmp / "project", out_root = out_tmp;
    if (!keep.empty()) {
      project = fs::absolute(keep);
      if (fs::exists(project) && !fs::is_empty(project))
        throw berth::Error("--keep " + project.string() + " exists and is not empty");
    }
    auto t0 = Clock::now();
    std::size_t bytes = ProjectGen{Rng{}, services, project, {}, {}, {}, {}, {}, {}, 0}.run();
    std::printf("generated %s/compose.yaml (%zu services, %.1f KB) in %.3f s\n", project.c_str(),
                services, bytes / 1024.0, seconds_since(t0));
    if (generate_only) {
      clean_up();
      return 0;
    }

    Stages st;
    st.load.files = {(project / "compose.yaml").string()};
    st.load.working_dir = project.string();
    unsigned serial = 0;
    auto fresh_out = [&] { return (out_root / ("run-" + std::to_string(serial++))).string(); };
    berth::cli::ConvertOptions cli_options;
    cli_options.load = st.load;
    std::string last_err;
    auto end_to_end = [&] {
      cli_options.output = fresh_out();
      std::ostringstream out, err;
      int rc = berth::cli::run_convert(cli_options, out, err);
      last_err = err.str();
      if (rc != 0)
        throw berth::Error("berth convert failed (exit " + std::to_string(rc) + "):\n" + last_err);
    };

    // Peak memory of one whole convert, in a fresh child before this process holds anything.
    long rss_start = current_rss_kb();
    long peak_e2e = child_peak_kb(end_to_end);
    if (peak_e2e < 0) end_to_end(); // rethrows the failure here, with its message

    // Each stage starts from empty results: freeing the previous run's is timed on its own
    // (the CLI frees the model and the generated objects at the end of every convert).
    berth::compose::LoadedProject loaded;
    berth::model::App app;
    berth::generate::Output output;
    auto load = [&] {
      loaded = berth::compose::load_project(st.load);
      app = berth::compose::to_model(loaded);
    };
    auto generate = [&] {
      output = berth::generate::convert(app, st.profile, berth::generate::ConvertOptions{});
    };
    Timing t_load, t_gen, t_free;
    for (int i = 0; i < runs; ++i) {
      keep_best(t_load, load);
      keep_best(t_gen, generate);
      keep_best(t_free, [&] {
        output = {};
        app = {};
        loaded = {};
      });
    }
    load();
    generate();
    std::map<std::string, std::string> rendered;
    Timing t_render;
    for (int i = 0; i < runs; ++i) {
      rendered.clear();
      keep_best(t_render, [&] { rendered = berth::tree::render(output); });
    }
    Timing t_write = time_best(runs, [&] {
      berth::tree::WriteResult r = berth::tree::write_files(rendered, fresh_out());
      if (!r.written) throw berth::Error("write_files refused: " + r.refusal);
    });
    rendered.clear();
    std::size_t files = 0;
    Timing t_tree = time_best(runs, [&] {
      berth::tree::WriteResult r = berth::tree::write_tree(output, fresh_out());
      if (!r.written) throw berth::Error("write_tree refused: " + r.refusal);
      files = r.files;
    });
    Timing t_e2e = time_best(runs, end_to_end);
    std::size_t objects = object_count(output), patches = patch_count(output);
    std::size_t warnings = 0;
    for (std::size_t p = 0; (p = last_err.find("warning:", p)) != std::string::npos; ++p)
      ++warnings;

    std::printf(
        "\nberth convert benchmark: %zu services (%zu in the model), best of %d, trees in %s\n",
        services, app.services.size(), runs, out_root.c_str());
    std::printf("%-34s %10s %10s\n", "stage", "wall ms", "cpu ms");
    auto row = [](const char* stage, const Timing& t) {
      std::printf("%-34s %10.1f %10.1f", stage, t.wall * 1e3, t.cpu * 1e3);
    };
    row("load_project + to_model", t_load), std::printf("\n");
    row("plan + generate::convert", t_gen), std::printf("\n");
    row("tree::render (in memory)", t_render), std::printf("\n");
    row("tree::write_files (rendered)", t_write), std::printf("\n");
    row("tree::write_tree (render + write)", t_tree), std::printf("\n");
    row("free the model and objects", t_free), std::printf("\n");
    row("run_convert end to end", t_e2e);
    std::printf("   (target < 500 ms wall at 1000 services: %s)\n", services != 1000   ? "n/a"
                                                                    : t_e2e.wall < 0.5 ? "met"
                                                                                       : "MISSED");
    std::printf("objects %zu (+ %zu overlay patches), %.0f objects/s end to end; files written %zu;"
                " warnings %zu\n",
                objects, patches, objects / t_e2e.wall, files, warnings);
    std::printf("peak RSS: one convert in a fresh child %.1f MB; this process %.1f MB "
                "(start %.1f MB)\n",
                peak_e2e / 1024.0, peak_rss_kb() / 1024.0, rss_start / 1024.0);

    clean_up();
    return 0;
  } catch (const std::exception& e) {
    std::cerr << "convert_bench: " << e.what() << "\n";
    clean_up();
    return 2;
  }
}
